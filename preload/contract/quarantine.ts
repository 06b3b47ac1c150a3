// Quarantined notifications: requests the webhook receiver authenticated but could not apply (not JSON, not
// the notification schema, or naming a remote action this agent does not know). Kept byte for byte, answered
// 200 so the network stops retrying, and shown here until an operator replays or resolves them.
import { z } from 'zod';
import { notificationProblemSchema } from './notification-rules.js';

export const QUARANTINE_REASONS = ['MALFORMED_JSON', 'SCHEMA_MISMATCH', 'UNKNOWN_ACTION'] as const;
export type QuarantineReasonDto = (typeof QUARANTINE_REASONS)[number];

export const QUARANTINE_RESOLUTIONS = ['Replayed', 'Dismissed'] as const;

export const quarantineEntrySchema = z
  .object({
    id: z.number().int(),
    /** The local callback whose receiver URL the request was posted to. */
    callbackId: z.string(),
    receivedAt: z.string(),
    reason: z.enum(QUARANTINE_REASONS),
    /** The reason in a sentence, for the attention list. */
    message: z.string(),
    /** How many problems were found (the first 100 are in the entry's detail, GET /quarantine/{id}). */
    errorCount: z.number().int(),
    contentType: z.string().nullable(),
    /** Body size in bytes. */
    size: z.number().int(),
    /**
     * UNKNOWN_ACTION: the remote action ids this agent did not know (still unknown after a replay); the first
     * 100 of remoteActionIdCount.
     */
    remoteActionIds: z.array(z.string()),
    remoteActionIdCount: z.number().int(),
    replays: z.number().int(),
    lastReplayAt: z.string().nullable(),
    /** null while it needs attention. */
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolution: z.enum(QUARANTINE_RESOLUTIONS).nullable(),
  })
  .meta({ id: 'QuarantineEntry' });
export type QuarantineEntryDto = z.infer<typeof quarantineEntrySchema>;

export const quarantineDetailSchema = quarantineEntrySchema
  .extend({
    /** What did not fit, field by field (dotted paths into the body): the first 100 of errorCount. */
    errors: z.array(notificationProblemSchema),
    /** The body as received: text when it is valid UTF-8, else base64 (see bodyEncoding). */
    body: z.string(),
    bodyEncoding: z.enum(['utf8', 'base64']),
    /** The request headers that help support (content type, user agent, proxy and trace headers); never secrets. */
    headers: z.record(z.string(), z.string()),
    remoteAddress: z.string().nullable(),
  })
  .meta({ id: 'QuarantineDetail' });
export type QuarantineDetailDto = z.infer<typeof quarantineDetailSchema>;

export const quarantineCapacitySchema = z
  .object({
    /** What the kept notifications weigh (bodies, errors, headers and a fixed overhead per entry). */
    bytes: z.number().int(),
    /** The size cap (--quarantine-max-mb). Past it, resolved then malformed entries are dropped, oldest first. */
    capBytes: z.number().int(),
    /** What the notifications waiting for their remote action weigh: they are never dropped. */
    waitingBytes: z.number().int(),
    /**
     * True while the receiver answers 500 (QUARANTINE_FULL) to notifications it would have to keep: only
     * notifications waiting for their remote action remain. Replay or resolve some, or raise the cap.
     */
    full: z.boolean(),
  })
  .meta({ id: 'QuarantineCapacity' });
export type QuarantineCapacityDto = z.infer<typeof quarantineCapacitySchema>;

export const quarantinePageSchema = z
  .object({
    items: z.array(quarantineEntrySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    /** How many need attention, whatever the filter. */
    unresolved: z.number().int(),
    capacity: quarantineCapacitySchema,
  })
  .meta({ id: 'QuarantinePage' });
export type QuarantinePageDto = z.infer<typeof quarantinePageSchema>;

export const QUARANTINE_REPLAY_OUTCOMES = ['Applied', 'StillUnknownAction', 'StillInvalid'] as const;

export const quarantineReplaySchema = z
  .object({
    /**
     * - Applied: every event is now stored (or was already) and the entry is resolved.
     * - StillUnknownAction: the known events were applied; the others still name unknown actions.
     * - StillInvalid: the body still does not parse or match the schema; nothing was applied.
     */
    outcome: z.enum(QUARANTINE_REPLAY_OUTCOMES),
    /** Events stored by this replay. */
    stored: z.number().int(),
    /** Events that were already stored (dedupe). */
    duplicates: z.number().int(),
    entry: quarantineEntrySchema,
  })
  .meta({ id: 'QuarantineReplay' });
export type QuarantineReplayDto = z.infer<typeof quarantineReplaySchema>;
