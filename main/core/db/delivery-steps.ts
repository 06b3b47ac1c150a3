// The outbox's hot writes as steps for the store writer (store-writer.ts): the same statements the deliveries
// repository runs, with the parameters it would pass, and how to read each step's result back. Claims and
// settlements of one pass travel as one batch, so they share one transaction and one fsync.
import {
  claimedDeliveries,
  DELIVERIES_CLAIM_SQL,
  DELIVERIES_CLAIM_WITHOUT_PAYLOAD_SQL,
  DELIVERIES_NEXT_DUE_SQL,
  DELIVERIES_SETTLE_MANY_SQL,
  DELIVERY_ATTEMPTS_INSERT_MANY_SQL,
} from './deliveries-repository.js';
import type { DeliveryRecord, DeliverySettlement, IsoTimestamp, NewAttempt } from './records.js';
import type { WriteStep } from './store-writer.js';

export const deliverySteps = {
  /** The attempt rows of many outcomes, in their order (the outbox's pass). */
  recordAttempts(attempts: readonly NewAttempt[]): WriteStep {
    const rows = attempts.map((a) => [
      a.deliveryId,
      a.startedAt,
      a.durationMs,
      a.httpStatus,
      a.error,
      a.counted ? 1 : 0,
    ]);
    return { sql: DELIVERY_ATTEMPTS_INSERT_MANY_SQL, params: { rows: JSON.stringify(rows) }, mode: 'run' };
  },
  /**
   * Result: settledIds() — the ids this owner still held. Each delivery at most once per step (an UPDATE … FROM
   * applies one of several matching rows, unspecified which).
   */
  settleMany(settlements: readonly DeliverySettlement[], owner: string): WriteStep {
    const rows = settlements.map((s) => [
      s.id,
      s.state,
      s.attempts,
      s.unreachableTries,
      s.nextAttemptAt,
      s.retryDeadline,
      s.deliveredAt,
      s.gaveUpAt,
      s.lastStatus,
      s.lastError,
    ]);
    return { sql: DELIVERIES_SETTLE_MANY_SQL, params: { rows: JSON.stringify(rows), owner }, mode: 'all' };
  },
  /**
   * Result: claimed() — Queued → InFlight under the lease, earliest due first. Without the payload (`payload`
   * false), the records carry eventsJson "" and the sender reads it (deliveries repository payloadOf).
   */
  claim(
    callbackId: string,
    now: IsoTimestamp,
    limit: number,
    owner: string,
    leaseUntil: IsoTimestamp,
    payload = true,
  ): WriteStep {
    return {
      sql: payload ? DELIVERIES_CLAIM_SQL : DELIVERIES_CLAIM_WITHOUT_PAYLOAD_SQL,
      params: { callbackId, now, limit, owner, leaseUntil },
      mode: 'all',
    };
  },
  /** Result: nextDue() — the earliest next attempt of the callback's queue (after the claims before it). */
  nextDue(callbackId: string): WriteStep {
    return { sql: DELIVERIES_NEXT_DUE_SQL, params: { callbackId }, mode: 'get' };
  },
};

export const deliveryStepResults = {
  settledIds: (result: unknown): Set<string> => new Set((result as { id: string }[]).map((row) => row.id)),
  claimed: (result: unknown): DeliveryRecord[] => claimedDeliveries(result as unknown[]),
  nextDue: (result: unknown): IsoTimestamp | null => {
    const row = result as Record<string, string | null> | null;
    return row ? (Object.values(row)[0] ?? null) : null;
  },
};
