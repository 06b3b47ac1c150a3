// The callback model = the fleet API's RemoteCallbackSubscribe (api-b2b.yaml; stellantis-api-notes.md N6),
// normalised to the spec's form, plus Depot Remote's local extensions.
import type { RemoteType } from '../remote-type.js';

export const ATTRIBUTE_TYPES = ['Header', 'Body', 'Query'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** Variables substituted in attribute values at delivery time. */
export const CALLBACK_VARIABLES = ['$vin', '$callbackID', '$remoteType', '$fleetID'] as const;

export interface CallbackAttribute {
  type: AttributeType;
  key: string;
  value: string;
}

export interface Webhook {
  target: string;
  name: string;
  attributes?: CallbackAttribute[];
}

/** Never more than 3 days after the event, whatever the policy (stellantis-api-notes.md N6). */
export const RETRY_CAP_SECONDS = 3 * 24 * 60 * 60;

export type RetryPolicy = { policy: 'None' } | { policy: 'Bounded'; retryNumber: number; retryDelay: number };

export interface BatchNotify {
  size: number; // > 0
  timeWindow: number; // seconds, >= 5
}

/** Exactly what is sent upstream and returned by GET as `subscribe` (spec form only). */
export interface CallbackSubscribe {
  label?: string;
  callback: { webhook: Webhook };
  retryPolicy: RetryPolicy;
  batchNotify?: BatchNotify;
  remoteTypes: RemoteType[];
}

export { CALLBACK_STATUSES, type CallbackStatus } from '../../../../preload/contract/vocabulary.js';

/** Authentication helper: expands to an Authorization header at delivery time. Secrets inside. */
export type CallbackAuthentication =
  { type: 'Basic'; username: string; password: string } | { type: 'Bearer'; token: string };

/**
 * Local extensions accepted next to the spec fields.
 * - signingSecret: Standard Webhooks `whsec_<base64>`; `null` removes it; absent keeps the current one.
 * - authentication: `null` removes it; absent keeps the current one.
 */
export interface CallbackExtensionsInput {
  signingSecret?: string | null;
  authentication?: CallbackAuthentication | null;
}

/** A validated create/replace request: the spec object plus extensions. */
export interface CallbackInput extends CallbackExtensionsInput {
  subscribe: CallbackSubscribe;
}

/** Secrets of a callback, kept encrypted at rest as one blob. */
export interface CallbackSecrets {
  signingSecret: string | null;
  /** The signing secret replaced last, still valid until `validUntil` (24 h after replacement). */
  previousSigningSecret: { secret: string; validUntil: string } | null;
  authentication: CallbackAuthentication | null;
  /**
   * Clear values of the sealed Header attributes (literals), aligned with the Header attributes in order: entry n
   * belongs to the n-th one, null where that one is a $variable. Absent in blobs sealed before header sealing.
   */
  headerValues?: (string | null)[];
}
