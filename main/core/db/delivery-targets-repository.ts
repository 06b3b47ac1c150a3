// What the outbox remembers across restarts besides the deliveries: reachability of each webhook origin, and
// which callbacks' deliveries are held (and why). Written only on transitions, never per delivery.
import type { Db } from './open-database.js';
import type { DeliveryHoldRecord, DeliveryTargetRecord, DeliveryTargetState } from './records.js';

interface TargetRow {
  origin: string;
  state: DeliveryTargetState;
  since: string;
  last_error: string | null;
  probe_failures: number;
  next_probe_at: string | null;
  updated_at: string;
}

const UPSERT_TARGET_SQL = `INSERT INTO delivery_targets (origin, state, since, last_error, probe_failures,
  next_probe_at, updated_at)
  VALUES (@origin, @state, @since, @lastError, @probeFailures, @nextProbeAt, @updatedAt)
  ON CONFLICT (origin) DO UPDATE SET state = excluded.state, since = excluded.since,
    last_error = excluded.last_error, probe_failures = excluded.probe_failures,
    next_probe_at = excluded.next_probe_at, updated_at = excluded.updated_at`;
const LIST_TARGETS_SQL = `SELECT origin, state, since, last_error, probe_failures, next_probe_at, updated_at
  FROM delivery_targets ORDER BY origin`;
const UPSERT_HOLD_SQL = `INSERT INTO delivery_holds (callback_id, since, reason) VALUES (@callbackId, @since, @reason)
  ON CONFLICT (callback_id) DO UPDATE SET reason = excluded.reason`;
const DELETE_HOLD_SQL = 'DELETE FROM delivery_holds WHERE callback_id = @callbackId';
const LIST_HOLDS_SQL =
  'SELECT callback_id AS callbackId, since, reason FROM delivery_holds ORDER BY callback_id';

export interface DeliveryTargetsRepository {
  saveTarget(target: DeliveryTargetRecord): void;
  listTargets(): DeliveryTargetRecord[];
  /** Starts a hold (keeping the start of one already there, with the new reason). */
  hold(hold: DeliveryHoldRecord): void;
  /** Ends a hold; returns whether there was one. */
  unhold(callbackId: string): boolean;
  listHolds(): DeliveryHoldRecord[];
}

export function createDeliveryTargetsRepository(db: Db): DeliveryTargetsRepository {
  const upsertTarget = db.raw.prepare(UPSERT_TARGET_SQL);
  const listTargets = db.raw.prepare<[], TargetRow>(LIST_TARGETS_SQL);
  const upsertHold = db.raw.prepare(UPSERT_HOLD_SQL);
  const deleteHold = db.raw.prepare(DELETE_HOLD_SQL);
  const listHolds = db.raw.prepare<[], DeliveryHoldRecord>(LIST_HOLDS_SQL);

  return {
    saveTarget(target) {
      upsertTarget.run({ ...target });
    },
    listTargets() {
      return listTargets.all().map((row) => ({
        origin: row.origin,
        state: row.state,
        since: row.since,
        lastError: row.last_error,
        probeFailures: row.probe_failures,
        nextProbeAt: row.next_probe_at,
        updatedAt: row.updated_at,
      }));
    },
    hold(hold) {
      upsertHold.run({ ...hold });
    },
    unhold(callbackId) {
      return deleteHold.run({ callbackId }).changes > 0;
    },
    listHolds() {
      return listHolds.all();
    },
  };
}
