// Zod schemas of a callback body in the spec form (api-b2b.yaml RemoteCallbackSubscribe;
// stellantis-api-notes.md N6) plus Depot Remote's local extensions. No transforms, so `z.toJSONSchema(…, {
// io: 'input' })` can document them in OpenAPI; aliases and the docs' variants (N10) are mapped before these
// run, in parse-callback.ts.
// The parts live next door: webhook-schema.ts (callback.webhook), delivery-schema.ts (retryPolicy, batchNotify),
// signing-secret.ts and authentication-schema.ts (the local extensions). Messages: callback-messages.ts.
import { z } from 'zod';
import { REMOTE_TYPES } from '../remote-type.js';
import { authenticationSchema } from './authentication-schema.js';
import { coded, shownParams } from '../coded-issue.js';
import { required, strict } from './callback-messages.js';
import { batchNotifySchema, retryPolicySchema } from './delivery-schema.js';
import { signingSecretSchema } from './signing-secret.js';
import { callbackObjectSchema } from './webhook-schema.js';

const TYPES = { types: REMOTE_TYPES.join(', ') };
const REMOTE_TYPES_MISSING = { rule: 'callback.remoteTypes.missing', params: TYPES } as const;

const remoteTypesSchema = z
  .array(
    z.enum(REMOTE_TYPES, {
      error: (iss) => coded('callback.remoteTypes.unknown', { ...shownParams(iss.input), ...TYPES }),
    }),
    { error: required(REMOTE_TYPES_MISSING, 'callback.remoteTypes.notList') },
  )
  .min(1, { error: coded(REMOTE_TYPES_MISSING.rule, TYPES) })
  .superRefine(
    (types, ctx) => {
      const seen = new Set<unknown>();
      (types as unknown[]).forEach((type, index) => {
        if (seen.has(type) && typeof type === 'string') {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: coded('callback.remoteTypes.twice', { type }),
          });
        }
        seen.add(type);
      });
    },
    { when: (payload) => Array.isArray(payload.value) },
  );

const specShape = {
  label: z
    .string({ error: coded('callback.label.notText') })
    .max(200, { error: coded('callback.label.tooLong', { max: 200 }) })
    .optional(),
  callback: callbackObjectSchema,
  retryPolicy: retryPolicySchema,
  batchNotify: batchNotifySchema.optional(),
  remoteTypes: remoteTypesSchema,
};

const NOT_AN_OBJECT = 'callback.notObject';

/** The fleet API's RemoteCallbackSubscribe, spec form only: what is sent upstream and returned as `subscribe`. */
export const callbackSubscribeSchema = z.strictObject(specShape, {
  error: strict(Object.keys(specShape), NOT_AN_OBJECT, NOT_AN_OBJECT),
});

const bodyShape = { ...specShape, signingSecret: signingSecretSchema, authentication: authenticationSchema };

/** Body of POST/PUT /callbacks in the local API: the spec form plus the local extensions. */
export const callbackBodySchema = z
  .strictObject(bodyShape, { error: strict(Object.keys(bodyShape), NOT_AN_OBJECT, NOT_AN_OBJECT) })
  .superRefine(
    (body, ctx) => {
      // Both would set Authorization; refuse rather than pick one silently. Defensive reads: this also runs when
      // other fields failed, so that every problem is reported at once.
      const { authentication, callback } = body as { authentication?: unknown; callback?: unknown };
      const attributes = (callback as { webhook?: { attributes?: unknown } } | undefined)?.webhook
        ?.attributes;
      if (typeof authentication !== 'object' || authentication === null || !Array.isArray(attributes)) return;
      const index = attributes.findIndex((attribute: unknown) => {
        const { type, key } = (attribute ?? {}) as { type?: unknown; key?: unknown };
        return type === 'Header' && typeof key === 'string' && key.toLowerCase() === 'authorization';
      });
      if (index >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['callback', 'webhook', 'attributes', index, 'key'],
          message: coded('callback.authorizationTwice'),
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** Body of PUT /callbacks/{id}/status. `Failed` is only ever set by the network. */
export const callbackStatusSetterSchema = z.strictObject(
  {
    status: z.enum(['Running', 'Paused'], {
      error: (iss) =>
        iss.input === undefined
          ? coded('callback.status.missing')
          : coded('callback.status.invalid', shownParams(iss.input)),
    }),
  },
  {
    error: strict(['status'], 'callback.status.missing', 'callback.status.notObject'),
  },
);
export type CallbackStatusSetter = z.infer<typeof callbackStatusSetterSchema>;
