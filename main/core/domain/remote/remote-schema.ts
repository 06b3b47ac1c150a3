// The fleet API `Remote` body in its spec form (api-b2b.yaml `Remote`; stellantis-api-notes.md N3): an
// optional label and exactly one action. Each action's schema lives in its own file (charging-schema.ts,
// stolen-schema.ts, …); this file assembles them. Aliases from the docs are NOT accepted here:
// parse-remote.ts normalises them first, so the schemas stay transform-free and `z.toJSONSchema` can publish
// them.
//
// Every schema carries its own message, worded for a depot technician (remote-messages.ts).
import { z } from 'zod';
import { REMOTE_BODY_KEYS, REMOTE_TYPES } from '../remote-type.js';
import type { RemoteBodyKey } from '../remote-type.js';
import { remoteChargingSchema } from './charging-schema.js';
import {
  remoteDoorsSchema,
  remoteHornSchema,
  remoteLightsSchema,
  remoteWakeUpSchema,
} from './controls-schema.js';
import { remoteNavigationSchema } from './navigation-schema.js';
import { remotePreconditioningSchema } from './preconditioning-schema.js';
import { coded, listParam } from '../coded-issue.js';
import { isPlainObject, must } from './remote-messages.js';
import type { RawIssue } from './remote-messages.js';
import type { FieldError } from '../field-error.js';
import { remoteImmobilizationSchema, remoteStolenSchema } from './stolen-schema.js';

/** The nine action keys of a `Remote` body, in the order of REMOTE_TYPES. */
export const REMOTE_ACTION_KEYS: readonly RemoteBodyKey[] = REMOTE_TYPES.map(
  (type) => REMOTE_BODY_KEYS[type],
);
const actionKeys: ReadonlySet<string> = new Set(REMOTE_ACTION_KEYS);

export function isRemoteActionKey(key: string): key is RemoteBodyKey {
  return actionKeys.has(key);
}

export const LABEL_MAX_LENGTH = 200;

export const labelSchema = z
  .string(must('errors:field.label', 'errors:what.labelText', { params: { max: LABEL_MAX_LENGTH } }))
  .max(LABEL_MAX_LENGTH, {
    error: (iss) =>
      coded('label.tooLong', {
        max: LABEL_MAX_LENGTH,
        count: typeof iss.input === 'string' ? iss.input.length : 0,
      }),
  });

/** The schema of each action object, by body key. */
export const remoteActionSchemas = {
  charging: remoteChargingSchema,
  stolen: remoteStolenSchema,
  lights: remoteLightsSchema,
  wakeUp: remoteWakeUpSchema,
  preconditioning: remotePreconditioningSchema,
  door: remoteDoorsSchema,
  horn: remoteHornSchema,
  immobilization: remoteImmobilizationSchema,
  navigation: remoteNavigationSchema,
} as const satisfies Record<RemoteBodyKey, z.ZodType>;

/** The envelope's problems, as FieldError rules and values (parse-remote.ts and the schema's error map alike). */
export const NOT_AN_OBJECT = { rule: 'remote.notObject' } as const satisfies Omit<FieldError, 'field'>;

export const noAction = () =>
  ({ rule: 'remote.noAction', params: { actionsOrList: listParam(REMOTE_ACTION_KEYS) } }) as const;

export const tooManyActions = (found: readonly string[]) =>
  ({ rule: 'remote.tooManyActions', params: { foundAndList: listParam(found) } }) as const;

export const unknownTopLevelField = (key: string) =>
  ({
    rule: 'remote.unknownTopLevel',
    params: { key, actionsOrList: listParam(REMOTE_ACTION_KEYS) },
  }) as const;

function envelopeProblem(input: unknown): Omit<FieldError, 'field'> {
  if (!isPlainObject(input)) return NOT_AN_OBJECT;
  const actions = Object.keys(input).filter(isRemoteActionKey);
  if (actions.length === 0) return noAction();
  if (actions.length > 1) return tooManyActions(actions);
  const unknown = Object.keys(input).find((key) => key !== 'label' && key !== actions[0]);
  return unknownTopLevelField(unknown ?? '');
}

function envelopeMessage(iss: RawIssue): string {
  const { rule, params } = envelopeProblem(iss.input);
  return coded(rule, params);
}

const label = labelSchema.optional();

/**
 * The whole `Remote` body in spec form: an optional label and exactly one action. Exported for OpenAPI; to
 * validate a request, use parseRemote(), which also accepts the documented aliases and words every error.
 */
export const remoteBodySchema = z
  .xor(
    [
      z.strictObject({ label, charging: remoteChargingSchema }),
      z.strictObject({ label, stolen: remoteStolenSchema }),
      z.strictObject({ label, lights: remoteLightsSchema }),
      z.strictObject({ label, wakeUp: remoteWakeUpSchema }),
      z.strictObject({ label, preconditioning: remotePreconditioningSchema }),
      z.strictObject({ label, door: remoteDoorsSchema }),
      z.strictObject({ label, horn: remoteHornSchema }),
      z.strictObject({ label, immobilization: remoteImmobilizationSchema }),
      z.strictObject({ label, navigation: remoteNavigationSchema }),
    ],
    { error: envelopeMessage },
  )
  .meta({ title: 'Remote', description: 'Remote vehicle action: an optional label and exactly one action.' });
