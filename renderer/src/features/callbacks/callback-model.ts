// The callback form and the body it produces: the fleet API's RemoteCallbackSubscribe in spec form, plus the
// local extensions (signingSecret, authentication). Secrets are never read back: on edit, "keep" sends nothing.
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { FEATURE_ORDER } from '../remotes/features.js';
import { subscribeOf } from './callback-text.js';

export const ATTRIBUTE_TYPES = ['Header', 'Body', 'Query'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export const CALLBACK_VARIABLES = ['$vin', '$callbackID', '$remoteType', '$fleetID'] as const;

export interface AttributeDraft {
  type: AttributeType;
  key: string;
  value: string;
}

export type SecretMode = 'none' | 'keep' | 'new' | 'remove';
export type AuthMode = 'none' | 'keep' | 'Basic' | 'Bearer' | 'remove';

export interface CallbackDraft {
  label: string;
  name: string;
  target: string;
  remoteTypes: string[];
  retry: 'None' | 'Bounded';
  retryNumber: number | '';
  retryDelay: number | '';
  batch: boolean;
  batchSize: number | '';
  batchWindow: number | '';
  attributes: AttributeDraft[];
  secretMode: SecretMode;
  secret: string;
  authMode: AuthMode;
  username: string;
  password: string;
  token: string;
}

export const newCallbackDraft = (): CallbackDraft => ({
  label: '',
  name: '',
  target: '',
  remoteTypes: [...FEATURE_ORDER],
  retry: 'Bounded',
  retryNumber: 3,
  retryDelay: 10,
  batch: false,
  batchSize: 10,
  batchWindow: 60,
  attributes: [],
  secretMode: 'none',
  secret: '',
  authMode: 'none',
  username: '',
  password: '',
  token: '',
});

export function draftOf(callback: CallbackDto): CallbackDraft {
  const s = subscribeOf(callback);
  const webhook = s.callback?.webhook;
  return {
    ...newCallbackDraft(),
    label: s.label ?? '',
    name: webhook?.name ?? '',
    target: webhook?.target ?? '',
    remoteTypes: s.remoteTypes ?? [],
    retry: s.retryPolicy?.policy === 'None' ? 'None' : 'Bounded',
    retryNumber: s.retryPolicy?.retryNumber ?? 3,
    retryDelay: s.retryPolicy?.retryDelay ?? 10,
    batch: s.batchNotify !== undefined,
    batchSize: s.batchNotify?.size ?? 10,
    batchWindow: s.batchNotify?.timeWindow ?? 60,
    attributes: (webhook?.attributes ?? []).map((a) => ({
      type: a.type as AttributeType,
      key: a.key,
      value: a.value,
    })),
    secretMode: callback.signingSecret ? 'keep' : 'none',
    authMode: callback.authentication ? 'keep' : 'none',
  };
}

const numberOrOmit = (key: string, value: number | '') => (value === '' ? {} : { [key]: value });

export function callbackBody(draft: CallbackDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...(draft.label.trim() ? { label: draft.label.trim() } : {}),
    callback: {
      webhook: {
        target: draft.target.trim(),
        name: draft.name.trim(),
        ...(draft.attributes.length > 0 ? { attributes: draft.attributes.map((a) => ({ ...a })) } : {}),
      },
    },
    retryPolicy:
      draft.retry === 'None'
        ? { policy: 'None' }
        : {
            policy: 'Bounded',
            ...numberOrOmit('retryNumber', draft.retryNumber),
            ...numberOrOmit('retryDelay', draft.retryDelay),
          },
    ...(draft.batch
      ? {
          batchNotify: {
            ...numberOrOmit('size', draft.batchSize),
            ...numberOrOmit('timeWindow', draft.batchWindow),
          },
        }
      : {}),
    remoteTypes: FEATURE_ORDER.filter((t) => draft.remoteTypes.includes(t)),
  };
  if (draft.secretMode === 'new') body.signingSecret = draft.secret;
  if (draft.secretMode === 'remove') body.signingSecret = null;
  if (draft.authMode === 'Basic')
    body.authentication = { type: 'Basic', username: draft.username, password: draft.password };
  if (draft.authMode === 'Bearer') body.authentication = { type: 'Bearer', token: draft.token };
  if (draft.authMode === 'remove') body.authentication = null;
  return body;
}

/** A Standard Webhooks secret: whsec_ + base64 of 32 random bytes. */
export function generateSigningSecret(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `whsec_${btoa(binary)}`;
}
