// Tolerant readers of the fleet API's HAL answers (stellantis-api-notes.md T17, T20, N12.2): unknown fields
// are ignored, a known field that is missing or of an unexpected type reads as absent, and the documented
// aliases are accepted (`type` as a string or an array, `maxRetryNumber`, `notificationTypes`, `attributres`,
// policy `Always`, batch size 0). Only what the connector cannot do without (an id) is required.
import { z } from 'zod';
import type {
  CallbackAttribute,
  CallbackSubscribe,
  RetryPolicy,
} from '../../domain/callback/callback-model.js';
import { RETRY_CAP_SECONDS } from '../../domain/callback/callback-model.js';
import type { RemoteType } from '../../domain/remote-type.js';
import { isRemoteType } from '../../domain/remote-type.js';

const optString = z.string().optional().catch(undefined);
const optNumber = z.number().optional().catch(undefined);
const optBoolean = z.boolean().optional().catch(undefined);
const optObject = z.record(z.string(), z.unknown()).optional().catch(undefined);
const link = z.object({ href: z.string() }).optional().catch(undefined);
/** stellantis-api-notes.md T8: the POST answer's `type` is a string in the spec, an array in the docs. */
const typeField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .catch(undefined)
  .transform((t) => (Array.isArray(t) ? t[0] : t));

/** Any collection (CollectionResult): paging fields and the embedded list under `key`. */
export function collectionSchema<T extends z.ZodType>(key: string, item: T) {
  return z.object({
    _links: z.object({ next: link, self: link, last: link }).optional().catch(undefined),
    total: optNumber,
    totalPage: optNumber,
    currentPage: optNumber,
    _embedded: z
      .object({
        // Items that cannot be read (no id) are dropped one by one rather than failing the page.
        [key]: z
          .array(z.unknown())
          .optional()
          .catch(undefined)
          .transform((items) =>
            (items ?? []).flatMap((raw) => {
              const parsed = item.safeParse(raw);
              return parsed.success ? [parsed.data as z.output<T>] : [];
            }),
          ),
      })
      .optional()
      .catch(undefined),
  });
}

export const capabilityEntrySchema = z
  .object({ supported: optBoolean, scopeName: optString, parameters: optObject })
  .optional()
  .catch(undefined);

export const onboardCapabilitiesSchema = z
  .object({
    remote: z.record(z.string(), capabilityEntrySchema).optional().catch(undefined),
    data: z.array(z.string()).optional().catch(undefined),
  })
  .optional()
  .catch(undefined);
export type OnboardCapabilities = NonNullable<z.output<typeof onboardCapabilitiesSchema>>;

export const vehicleSchema = z.object({
  id: z.string().min(1),
  vin: optString,
  motorization: optString,
  /** Deprecated in the spec, still read. */
  brand: optString,
  _embedded: z
    .object({
      extension: z
        .object({
          onboardCapabilities: onboardCapabilitiesSchema,
          branding: z.object({ brand: optString, label: optString }).optional().catch(undefined),
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});
export type VehicleHal = z.output<typeof vehicleSchema>;
export const vehiclesSchema = collectionSchema('vehicles', vehicleSchema);

export const fleetSchema = z.object({ id: optString, name: optString, description: optString });

export const callbackRefSchema = z.object({
  callbackId: optString,
  /** Not in CallbackRef, but what GET returns: accepted in case a server answers the create with it. */
  id: optString,
  status: optString,
});

export const remotePostResponseSchema = z.object({ remoteActionId: z.string().min(1), type: typeField });

export const remoteActionSchema = z.object({
  remoteActionId: z.string().min(1),
  type: typeField,
  status: optString,
  failureCause: optString,
  feedbackDetail: optString,
  remote: optObject,
});
export type RemoteActionHal = z.output<typeof remoteActionSchema>;
export const remoteActionsSchema = collectionSchema('remoteActions', remoteActionSchema);

// --- Callbacks as read back, aliases folded into the spec form (stellantis-api-notes.md T2–T7) ---

const attributeSchema = z.object({ type: z.string(), key: z.string(), value: z.string() });

const subscribeSchema = z
  .object({
    label: optString,
    callback: z
      .object({
        webhook: z
          .object({
            target: optString,
            name: optString,
            attributes: z.array(z.unknown()).optional().catch(undefined),
            attributres: z.array(z.unknown()).optional().catch(undefined),
          })
          .optional()
          .catch(undefined),
      })
      .optional()
      .catch(undefined),
    retryPolicy: z
      .object({
        policy: optString,
        retryNumber: optNumber,
        maxRetryNumber: optNumber,
        retryDelay: optNumber,
      })
      .optional()
      .catch(undefined),
    batchNotify: z.object({ size: optNumber, timeWindow: optNumber }).optional().catch(undefined),
    remoteTypes: z.array(z.string()).optional().catch(undefined),
    notificationTypes: z.array(z.string()).optional().catch(undefined),
  })
  .optional()
  .catch(undefined);

export const remoteCallbackSchema = z.object({
  id: z.string().min(1),
  status: optString,
  subscribe: subscribeSchema,
});
export const remoteCallbacksSchema = collectionSchema('callbacks', remoteCallbackSchema);

const DEFAULT_RETRY_NUMBER = 3;
const DEFAULT_RETRY_DELAY = 10;

function retryPolicyOf(raw: z.output<typeof subscribeSchema>): RetryPolicy {
  const p = raw?.retryPolicy;
  const retryDelay = p?.retryDelay && p.retryDelay >= 1 ? p.retryDelay : DEFAULT_RETRY_DELAY;
  switch (p?.policy) {
    case 'None':
      return { policy: 'None' };
    case 'Always':
      // stellantis-api-notes.md T4: "retry every retryDelay until the 3-day cap".
      return { policy: 'Bounded', retryNumber: Math.ceil(RETRY_CAP_SECONDS / retryDelay), retryDelay };
    default: {
      const n = p?.retryNumber ?? p?.maxRetryNumber;
      return { policy: 'Bounded', retryNumber: n && n >= 1 ? n : DEFAULT_RETRY_NUMBER, retryDelay };
    }
  }
}

/** A callback's subscribe object as the network returned it, in the spec form. */
export function subscribeFromHal(raw: z.output<typeof subscribeSchema>): CallbackSubscribe {
  const webhook = raw?.callback?.webhook;
  const attributes = (webhook?.attributes ?? webhook?.attributres ?? []).flatMap((a): CallbackAttribute[] => {
    const parsed = attributeSchema.safeParse(a);
    if (!parsed.success) return [];
    const { type, key, value } = parsed.data;
    return type === 'Header' || type === 'Body' || type === 'Query' ? [{ type, key, value }] : [];
  });
  const types = (raw?.remoteTypes ?? raw?.notificationTypes ?? []).filter(isRemoteType) as RemoteType[];
  const batch = raw?.batchNotify;
  return {
    ...(raw?.label !== undefined && { label: raw.label }),
    callback: {
      webhook: {
        target: webhook?.target ?? '',
        name: webhook?.name ?? '',
        ...(attributes.length > 0 && { attributes }),
      },
    },
    retryPolicy: retryPolicyOf(raw),
    // stellantis-api-notes.md T7: a size of 0 means "no batching".
    ...(batch?.size && batch.size > 0
      ? {
          batchNotify: {
            size: batch.size,
            timeWindow: batch.timeWindow && batch.timeWindow >= 5 ? batch.timeWindow : 60,
          },
        }
      : {}),
    remoteTypes: types,
  };
}
