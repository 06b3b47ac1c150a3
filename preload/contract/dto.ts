// THE contract between the core and every client (renderer over the preload bridge or HTTP, and
// automation over /api/v1): the shapes that cross the boundary. It imports nothing but zod and its own words.
import { z } from 'zod';
import { actorRefSchema, approverRefSchema } from './access.js';
import { CAPABILITY_REASONS } from './capability-reasons.js';
import { ACTION_PHASES, CALLBACK_STATUSES, DONE_STATUSES, QUEUE_REASONS } from './vocabulary.js';
import { vehicleConditionShape } from './vehicle-states.js';

/** The values a message names, by name: with the code, what a client needs to word the message itself. */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof messageParamsSchema>;

export const errorBodySchema = z
  .object({
    code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED'),
    message: z
      .string()
      .describe("What went wrong, in a sentence, in the request's Accept-Language (en, fr, it, de or es)"),
    params: messageParamsSchema.optional().describe("The message's values, by name"),
    errors: z.array(
      z.object({
        field: z.string(),
        message: z.string(),
        rule: z.string().optional().describe('Stable code of the rule the field breaks, e.g. required'),
        params: messageParamsSchema.optional(),
      }),
    ),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

const link = z.object({ href: z.string(), templated: z.boolean().optional() });

/**
 * What to tell a person about an action or one of its steps, as a code the clients word (docs/decisions.md, 25): the
 * catalogs hold a title, what happened and what to do for each (`explain:<code>.title`, `.text`, `.next`).
 */
export const explanationSchema = z.object({
  code: z
    .string()
    .describe(
      'What happened, e.g. cause.DoorsOpen, pending.WakingUpVehicle, phase.Queued; unknown for a status this ' +
        'version does not know (params.code names it)',
    ),
  params: messageParamsSchema.optional().describe("The explanation's values, by name"),
  severity: z.enum(['info', 'success', 'warning', 'error']),
  retryable: z.boolean().describe('Sending the same command again is a sensible next step'),
});
export type ExplanationDto = z.infer<typeof explanationSchema>;

/** An action's recorded error (action-errors.ts): also the shape the fleet API mirror shows. */
export const actionErrorSchema = z.object({
  code: z.string().describe("One of the agent's codes (e.g. SEND_INTERRUPTED), or the network's own"),
  params: messageParamsSchema
    .optional()
    .describe("The message's values (errors catalog, code.<code>); the network's words in detail"),
  message: z.string().optional().describe('Only on actions recorded before the codes: their English message'),
  reference: z.string().optional().describe("The network's reference, for support"),
});

export const capabilitySchema = z.object({
  supported: z.boolean(),
  /** Why not, as a code the clients word (CAPABILITY_REASONS), when unsupported and known. */
  reason: z.enum(CAPABILITY_REASONS).optional(),
  /** The reason's values, by name (`network-refused`: `failureCause`, `at`). */
  params: messageParamsSchema.optional(),
});

/** What the fleet list carries of each vehicle: everything but the raw status (most of a vehicle's bytes). */
const vehicleSummaryFields = {
  id: z.string(),
  vin: z.string(),
  label: z.string().nullable(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  energy: z.string(),
  /** Keyed by fleet API remote type. */
  capabilities: z.record(z.string(), capabilitySchema),
  /** When the agent last read the status (its age is what the UI shows). */
  statusAt: z.string().nullable(),
  syncedAt: z.string(),
  ...vehicleConditionShape,
};

/** A vehicle in the fleet list: its condition and the age of its status, without the status itself. */
export const vehicleSummarySchema = z.object(vehicleSummaryFields).meta({ id: 'VehicleSummary' });
export type VehicleSummaryDto = z.infer<typeof vehicleSummarySchema>;

/** One vehicle read by itself (and in its change events): the summary and its last known status as reported. */
export const vehicleSchema = z
  .object({
    ...vehicleSummaryFields,
    status: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Vehicle' });
export type VehicleDto = z.infer<typeof vehicleSchema>;

export const callbackSchema = z
  .object({
    _links: z.object({ self: link, remotes: link }),
    id: z.string(),
    callbackId: z.string(),
    status: z.enum(CALLBACK_STATUSES),
    /**
     * The fleet API RemoteCallbackSubscribe object, in spec form. Literal Header attribute values are sealed and
     * shown as "••••" except in the answer to the request that set them; sending "••••" back keeps the value.
     */
    subscribe: z.record(z.string(), z.unknown()),
    /** Masked (whsec_****abcd) except in the answer to the request that set it; null when unsigned. */
    signingSecret: z.string().nullable(),
    previousSigningSecretValidUntil: z.string().nullable(),
    /** Authentication helper with its secret masked (a Basic password fully: "••••"). */
    authentication: z
      .object({ type: z.enum(['Basic', 'Bearer']), username: z.string().optional(), secret: z.string() })
      .nullable(),
    /**
     * Present (true) when --forget-secrets cleared this callback's secrets: its signing secret, authentication and
     * "••••" header values must be entered again (PUT); its deliveries are held until then.
     */
    secretsLost: z.literal(true).optional(),
    /**
     * Present (true) on the built-in callback, "This workstation", only: its notifications stay on this
     * workstation (history, UI, tray), so its `subscribe` has no `callback.webhook`, `retryPolicy` or `batchNotify`
     * (a documented difference from the fleet API). Only its label and status change; it cannot be deleted.
     */
    builtIn: z.literal(true).optional(),
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
    /** The network sent the event without a date: eventDate is the time the agent received it. */
    eventDateFromReceipt: z.boolean(),
    explanation: explanationSchema,
  })
  .meta({ id: 'ActionEvent' });
export type ActionEventDto = z.infer<typeof actionEventSchema>;

export const remoteActionSchema = z
  .object({
    _links: z.object({ self: link, callback: link, vehicle: link }),
    /** This agent's id of the action, given when it was created and never changed (docs/decisions.md, 17). */
    remoteActionId: z.string(),
    /**
     * The network's remoteActionId, once it accepted the action (what its notifications and support name).
     * Absent while Sending and for an action the network never accepted.
     */
    upstreamRemoteActionId: z.string().optional(),
    type: z.string(),
    /** The fleet API Remote body as sent. */
    remote: z.record(z.string(), z.unknown()),
    /** The fleet API's merged RemoteActionStatus, null until the first event. */
    status: z.string().nullable(),
    failureCause: z.string().optional(),
    feedbackDetail: z.string().optional(),
    phase: z.enum(ACTION_PHASES),
    outcome: z.enum(DONE_STATUSES).nullable(),
    vehicleId: z.string(),
    vin: z.string(),
    callbackId: z.string(),
    /** Why it ended without being carried out (action-errors.ts): a code with its values, worded by the client. */
    error: actionErrorSchema.nullable(),
    operator: z.string().nullable(),
    reason: z.string().nullable(),
    /** Who sent it, with id and role (null for actions older than operators). */
    sentBy: actorRefSchema.nullable(),
    /** The supervisor who approved it on the sender's screen. */
    approvedBy: approverRefSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    doneAt: z.string().nullable(),
    explanation: explanationSchema,
    /** While Queued: its place in its vehicle and feature's queue (1 = next), when it expires, why it waits. */
    queue: z
      .object({
        position: z.number().int().min(1),
        expiresAt: z.string().nullable(),
        reason: z.enum(QUEUE_REASONS).optional(),
        /** The wake-up it waits for (sent again with wakeFirst). */
        after: z.string().optional(),
      })
      .optional(),
    /** This action sends again the one with this id. */
    resentFrom: z.string().optional(),
    /** This action was sent again as the one with this id. */
    resentAs: z.string().optional(),
    /** The bulk command that sent it (absent for a command sent on its own). */
    bulkId: z.string().optional(),
    /**
     * Present when it can be sent again (resendRemote): it is over without doing what was asked, and was not sent
     * again yet. `wakeFirst`: the vehicle's sleep stopped it, so waking it first may help.
     */
    resend: z.object({ wakeFirst: z.boolean() }).optional(),
    events: z.array(actionEventSchema).optional(),
  })
  .meta({ id: 'RemoteAction' });
export type RemoteActionDto = z.infer<typeof remoteActionSchema>;

export const remotePostResponseSchema = z
  .object({
    _links: z.object({ self: link, callback: link, remote: link }),
    remoteActionId: z.string(),
    type: z.string(),
    /** Local extension: Pending once the network took it, Queued while it waits its turn. */
    phase: z.enum(ACTION_PHASES),
    /** Local extension, while Queued: as in the action. */
    queue: remoteActionSchema.shape.queue,
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
    // Any JSON, null included (`unknown` already allows null: `.nullable()` would add an empty anyOf branch).
    detail: z.unknown().describe('What the entry records, as JSON (null when nothing more).'),
    actor: actorRefSchema
      .nullable()
      .describe('Who, with id and role (null for entries older than operators)'),
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

/** Why the agent works only in part; the UI words each code. */
export const HEALTH_REASON_CODES = ['DISK_FULL'] as const;

export const healthSchema = z.object({
  /** "degraded": the agent runs, but something it needs fails (see `reason`); it recovers by itself. */
  status: z.enum(['ok', 'degraded']),
  /** With "degraded": what fails and since when. */
  reason: z.object({ code: z.enum(HEALTH_REASON_CODES), since: z.string() }).optional(),
  // The rest is shown only to an authenticated caller: without the token, health says only ok or degraded.
  version: z.string().optional(),
  connector: z.string().optional(),
  uptimeSeconds: z.number().optional(),
  /** The API listens off loopback without TLS (--allow-insecure-lan): the UI says traffic is not encrypted. */
  insecureLan: z.boolean().optional(),
});
