// Outbound deliveries: what the agent forwards to each local callback's own webhook, their attempts, and the
// reachability of each webhook target. It imports nothing but zod and its own words.
import { z } from 'zod';
import { CALLBACK_STATUSES, DELIVERY_STATES } from './vocabulary.js';

const link = z.object({ href: z.string() });

/**
 * Why a queued delivery is not being attempted now, as a code: the client words it (in its language) from the code
 * and `params`, whose values are RFC 3339 times, URLs and the target's own error text.
 * - CALLBACK_DELETED: its callback was deleted.
 * - CALLBACK_PAUSED: its callback is paused.
 * - CALLBACK_FAILED: the network set its callback Failed.
 * - CALLBACK_SECRETS_LOST: its callback lost its secrets (--forget-secrets): enter them again to deliver.
 * - TARGET_GONE: the webhook `target` answered 410 Gone; correct the target, then resume the callback.
 * - TARGET_URL_INVALID: the webhook URL `target` cannot be used; correct the callback.
 * - TARGET_UNREACHABLE: the target is unreachable `since`. A delivery's reason also has `origin`, `lastError` (absent
 *   when there was no answer) and `nextProbeAt` (absent when none is planned); a callback's row in the targets list
 *   has `since` only, the target row beside it says the rest.
 * - TARGET_RETRY_AFTER: the target asked to wait (Retry-After) `until`.
 */
export const DELIVERY_HELD_REASONS = [
  'CALLBACK_DELETED',
  'CALLBACK_PAUSED',
  'CALLBACK_FAILED',
  'CALLBACK_SECRETS_LOST',
  'TARGET_GONE',
  'TARGET_URL_INVALID',
  'TARGET_UNREACHABLE',
  'TARGET_RETRY_AFTER',
] as const;
export type DeliveryHeldReasonCode = (typeof DELIVERY_HELD_REASONS)[number];

export const heldReasonSchema = z
  .object({
    code: z.enum(DELIVERY_HELD_REASONS),
    params: z
      .record(z.string(), z.string())
      .describe('The values the reason names: since, until, nextProbeAt (times), target, origin, lastError'),
  })
  .meta({ id: 'DeliveryHeldReason' });
export type HeldReasonDto = z.infer<typeof heldReasonSchema>;

/** The same list as the vocabulary's DELIVERY_STATES, under the name the API and IPC schemas import. */
export const DELIVERY_STATE_NAMES = DELIVERY_STATES;
export const deliveryStateSchema = z
  .enum(DELIVERY_STATES)
  .describe(
    'Queued (waiting, or held), InFlight, Delivered, Failed (retry policy exhausted) or Dead (given up ' +
      'for another reason: callback deleted, target unreachable past retention). Failed and Dead are dead letters.',
  );
export type DeliveryStateDto = z.infer<typeof deliveryStateSchema>;

export const deliveryAttemptSchema = z
  .object({
    at: z.string().describe('When the call started'),
    httpStatus: z.number().int().nullable().describe('The answer, null when there was none'),
    latencyMs: z.number().int(),
    error: z.string().nullable(),
    counted: z.boolean().describe('False for a connection failure: it did not use up an attempt'),
  })
  .meta({ id: 'DeliveryAttempt' });
export type DeliveryAttemptDto = z.infer<typeof deliveryAttemptSchema>;

export const deliverySchema = z
  .object({
    _links: z.object({ self: link, callback: link }),
    id: z.string(),
    /** The Standard Webhooks webhook-id: the same on every retry of this delivery. */
    webhookId: z.string(),
    callbackId: z.string(),
    kind: z.enum(['event', 'batch', 'test']),
    state: deliveryStateSchema,
    /** Why a queued delivery is not being attempted (callback paused, target offline), or null. */
    heldReason: heldReasonSchema.nullable(),
    eventCount: z.number().int(),
    vins: z.array(z.string()),
    remoteTypes: z.array(z.string()),
    /**
     * The eventStatus.status of each event carried, in order (e.g. ["Accepted"] or ["Success"]); empty for a
     * test notification.
     */
    statuses: z.array(z.string()),
    /** Attempts counted by the retry policy. */
    attempts: z.number().int(),
    /** Tries that could not reach the target (they use up nothing). */
    unreachableTries: z.number().int(),
    createdAt: z.string(),
    /** When it is next tried (Queued only). */
    nextAttemptAt: z.string().nullable(),
    /** The 3-day cap, from the first refusal (moved on by time offline or paused); null before. */
    retryDeadline: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    gaveUpAt: z.string().nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'Delivery' });
export type DeliveryDto = z.infer<typeof deliverySchema>;

export const deliveryDetailSchema = deliverySchema
  .extend({
    /** The events[] of the fleet notification sent. */
    events: z.array(z.record(z.string(), z.unknown())),
    /** Every attempt, oldest first. */
    attemptLog: z.array(deliveryAttemptSchema),
  })
  .meta({ id: 'DeliveryDetail' });
export type DeliveryDetailDto = z.infer<typeof deliveryDetailSchema>;

export const deliveryPageSchema = z.object({
  items: z.array(deliverySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type DeliveryPageDto = z.infer<typeof deliveryPageSchema>;

export const deliveryCountsSchema = z
  .object({
    Queued: z.number().int(),
    InFlight: z.number().int(),
    Delivered: z.number().int(),
    Failed: z.number().int(),
    Dead: z.number().int(),
    /** Events waiting for their callback's batch to fill or its window to close. */
    waitingForBatch: z.number().int(),
  })
  .meta({ id: 'DeliveryCounts' });
export type DeliveryCountsDto = z.infer<typeof deliveryCountsSchema>;

/** Reachability of one webhook origin (scheme://host:port). */
export const targetReachabilitySchema = z
  .object({
    origin: z.string(),
    state: z.enum(['unknown', 'online', 'offline']),
    /** Since when in that state; null while unknown. */
    since: z.string().nullable(),
    lastError: z.string().nullable(),
    /** While offline: when the next probe goes. */
    nextProbeAt: z.string().nullable(),
    probeFailures: z.number().int(),
    /** Plain http: allowed for systems on the local network, but not encrypted. */
    insecure: z.boolean(),
  })
  .meta({ id: 'TargetReachability' });
export type TargetReachabilityDto = z.infer<typeof targetReachabilitySchema>;

export const deliveryTargetSchema = targetReachabilitySchema
  .extend({
    inFlight: z.number().int(),
    queued: z.number().int(),
    waitingForBatch: z.number().int(),
    callbacks: z.array(
      z.object({
        callbackId: z.string(),
        label: z.string().nullable(),
        status: z.enum(CALLBACK_STATUSES),
        queued: z.number().int(),
        waitingForBatch: z.number().int(),
        heldReason: heldReasonSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'DeliveryTarget' });
export type DeliveryTargetDto = z.infer<typeof deliveryTargetSchema>;

export const deliveryTargetsSchema = z.object({
  items: z.array(deliveryTargetSchema),
  counts: deliveryCountsSchema,
});
export type DeliveryTargetsDto = z.infer<typeof deliveryTargetsSchema>;

export const deliveryRetryAllSchema = z.object({
  callbackId: z.string(),
  /** Ids of the dead letters queued again. */
  requeued: z.array(z.string()),
});
export type DeliveryRetryAllDto = z.infer<typeof deliveryRetryAllSchema>;

export const testNotificationSchema = z.object({
  deliveryId: z.string(),
  delivery: deliverySchema,
});
export type TestNotificationDto = z.infer<typeof testNotificationSchema>;
