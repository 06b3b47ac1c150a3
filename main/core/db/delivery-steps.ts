// The outbox's hot writes as steps for the store writer (store-writer.ts): the same statements the deliveries
// repository runs, with the parameters it would pass, and how to read each step's result back. Claims and
// settlements of one pass travel as one batch, so they share one transaction and one fsync.
import {
  claimedDeliveries,
  DELIVERIES_CLAIM_SQL,
  DELIVERIES_CLAIM_WITHOUT_PAYLOAD_SQL,
  DELIVERIES_NEXT_DUE_SQL,
  DELIVERIES_SETTLE_SQL,
  DELIVERY_ATTEMPTS_INSERT_SQL,
} from './deliveries-repository.js';
import type { DeliveryRecord, DeliverySettlement, IsoTimestamp, NewAttempt } from './records.js';
import type { WriteStep } from './store-writer.js';

export const deliverySteps = {
  recordAttempt(attempt: NewAttempt): WriteStep {
    return {
      sql: DELIVERY_ATTEMPTS_INSERT_SQL,
      params: { ...attempt, counted: attempt.counted ? 1 : 0 },
      mode: 'run',
    };
  },
  /** Result: settled() — false when this owner no longer holds the lease. */
  settle(settlement: DeliverySettlement, owner: string): WriteStep {
    return { sql: DELIVERIES_SETTLE_SQL, params: { ...settlement, owner }, mode: 'run' };
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
  settled: (result: unknown): boolean => (result as { changes: number }).changes > 0,
  claimed: (result: unknown): DeliveryRecord[] => claimedDeliveries(result as unknown[]),
  nextDue: (result: unknown): IsoTimestamp | null => {
    const row = result as Record<string, string | null> | null;
    return row ? (Object.values(row)[0] ?? null) : null;
  },
};
