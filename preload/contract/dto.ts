// THE contract between the core and every client (renderer over the preload bridge or HTTP, and
// automation over /api/v1): the shapes that cross the boundary. It imports nothing but zod.
import { z } from 'zod';

export const errorBodySchema = z
  .object({
    code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED'),
    message: z.string().describe('What went wrong, in a sentence'),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

const link = z.object({ href: z.string(), templated: z.boolean().optional() });

export const explanationSchema = z.object({
  title: z.string(),
  explanation: z.string(),
  nextStep: z.string(),
  severity: z.enum(['info', 'success', 'warning', 'error']),
  retryable: z.boolean(),
});
export type ExplanationDto = z.infer<typeof explanationSchema>;

export const capabilitySchema = z.object({
  supported: z.boolean(),
  /** Why not, in plain words, when unsupported. */
  reason: z.string().optional(),
});

export const vehicleSchema = z
  .object({
    id: z.string(),
    vin: z.string(),
    label: z.string().nullable(),
    brand: z.string().nullable(),
    model: z.string().nullable(),
    energy: z.string(),
    /** Keyed by fleet API remote type. */
    capabilities: z.record(z.string(), capabilitySchema),
    status: z.record(z.string(), z.unknown()).nullable(),
    statusAt: z.string().nullable(),
    syncedAt: z.string(),
  })
  .meta({ id: 'Vehicle' });
export type VehicleDto = z.infer<typeof vehicleSchema>;

export const callbackSchema = z
  .object({
    _links: z.object({ self: link, remotes: link }),
    id: z.string(),
    callbackId: z.string(),
    status: z.enum(['Running', 'Paused', 'Failed']),
    /** The fleet API RemoteCallbackSubscribe object, in spec form. */
    subscribe: z.record(z.string(), z.unknown()),
    /** Masked (whsec_****abcd) except in the answer to the request that set it; null when unsigned. */
    signingSecret: z.string().nullable(),
    previousSigningSecretValidUntil: z.string().nullable(),
    /** Authentication helper with its secret masked. */
    authentication: z
      .object({ type: z.enum(['Basic', 'Bearer']), username: z.string().optional(), secret: z.string() })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Callback' });
export type CallbackDto = z.infer<typeof callbackSchema>;

export const actionEventSchema = z
  .object({
    seq: z.number().int(),
    eventDate: z.string(),
    receivedAt: z.string(),
    eventType: z.enum(['Pending', 'Done', 'Local']),
    status: z.string(),
    failureCause: z.string().nullable(),
    feedbackDetail: z.string().nullable(),
    source: z.enum(['connector', 'receiver', 'poll', 'local']),
    applied: z.boolean(),
    explanation: explanationSchema,
  })
  .meta({ id: 'ActionEvent' });
export type ActionEventDto = z.infer<typeof actionEventSchema>;

export const remoteActionSchema = z
  .object({
    _links: z.object({ self: link, callback: link, vehicle: link }),
    remoteActionId: z.string(),
    type: z.string(),
    /** The fleet API Remote body as sent. */
    remote: z.record(z.string(), z.unknown()),
    /** The fleet API's merged RemoteActionStatus, null until the first event. */
    status: z.string().nullable(),
    failureCause: z.string().optional(),
    feedbackDetail: z.string().optional(),
    phase: z.enum(['Sending', 'Pending', 'Done', 'Refused', 'Expired', 'TimedOut']),
    outcome: z.enum(['Success', 'AlreadyDone', 'Failed']).nullable(),
    vehicleId: z.string(),
    vin: z.string(),
    callbackId: z.string(),
    error: z.object({ code: z.string(), message: z.string(), reference: z.string().optional() }).nullable(),
    operator: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    doneAt: z.string().nullable(),
    explanation: explanationSchema,
    events: z.array(actionEventSchema).optional(),
  })
  .meta({ id: 'RemoteAction' });
export type RemoteActionDto = z.infer<typeof remoteActionSchema>;

export const remotePostResponseSchema = z
  .object({
    _links: z.object({ self: link, callback: link, remote: link }),
    remoteActionId: z.string(),
    type: z.string(),
  })
  .meta({ id: 'RemotePostResponse' });

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    operator: z.string(),
    action: z.string(),
    vin: z.string().nullable(),
    remoteActionId: z.string().nullable(),
    callbackId: z.string().nullable(),
    reason: z.string().nullable(),
    detail: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

/** Every list answer: the items plus paging, like the fleet API's collections (total, next page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  connector: z.string(),
  uptimeSeconds: z.number(),
});
