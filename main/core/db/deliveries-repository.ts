import type BetterSqlite3 from 'better-sqlite3';
import { RETRY_CAP_SECONDS } from '../domain/callback/callback-model.js';
import { fromJson, toJson } from './json-column.js';
import type { Db } from './open-database.js';
import type {
  AttemptRecord,
  DeliveryListQuery,
  DeliveryRecord,
  DeliveryState,
  IsoTimestamp,
  NewAttempt,
  NewDelivery,
} from './records.js';
import { DELIVERY_STATES } from './records.js';

interface DeliveryRow {
  id: string;
  callback_id: string;
  remote_action_id: string | null;
  event_seq: number | null;
  payload: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  expires_at: string;
  created_at: string;
  delivered_at: string | null;
  last_error: string | null;
}

interface AttemptRow {
  id: number;
  delivery_id: string;
  started_at: string;
  duration_ms: number;
  http_status: number | null;
  error: string | null;
}

const COLUMNS = `id, callback_id, remote_action_id, event_seq, payload, state, attempts, next_attempt_at,
  expires_at, created_at, delivered_at, last_error`;

const ENQUEUE_SQL = `INSERT INTO deliveries (id, callback_id, remote_action_id, event_seq, payload, state,
  attempts, next_attempt_at, expires_at, created_at)
  VALUES (@id, @callbackId, @remoteActionId, @eventSeq, @payload, 'Queued', 0, @nextAttemptAt, @expiresAt,
    @createdAt)`;
const GET_SQL = `SELECT ${COLUMNS} FROM deliveries WHERE id = @id`;

/**
 * Hot: the dispatcher's poll. One statement, so claiming is atomic: two dispatchers (or a dispatcher and a
 * manual replay) can never both take a row. RETURNING has no defined order; the caller's order is restored.
 */
export const DELIVERIES_CLAIM_DUE_SQL = `UPDATE deliveries SET state = 'InFlight'
  WHERE id IN (SELECT id FROM deliveries WHERE state = 'Queued' AND next_attempt_at <= @now
    ORDER BY next_attempt_at, id LIMIT @limit)
  RETURNING ${COLUMNS}`;

// Transitions are guarded by the expected state, so a late answer cannot undo a replay or a newer outcome.
const MARK_DELIVERED_SQL = `UPDATE deliveries SET state = 'Delivered', delivered_at = @at
  WHERE id = @id AND state = 'InFlight'`;
const MARK_RETRY_SQL = `UPDATE deliveries SET state = 'Queued', next_attempt_at = @nextAttemptAt, last_error = @error
  WHERE id = @id AND state = 'InFlight'`;
const MARK_GIVEN_UP_SQL = `UPDATE deliveries SET state = @state, last_error = @error
  WHERE id = @id AND state IN ('Queued', 'InFlight')`;
const REPLAY_SQL = `UPDATE deliveries SET state = 'Queued', attempts = 0, next_attempt_at = @nextAttemptAt,
  expires_at = @expiresAt WHERE id = @id AND state IN ('Failed', 'Dead')`;
const REQUEUE_IN_FLIGHT_SQL = `UPDATE deliveries SET state = 'Queued' WHERE state = 'InFlight'`;

const INSERT_ATTEMPT_SQL = `INSERT INTO delivery_attempts (delivery_id, started_at, duration_ms, http_status, error)
  VALUES (@deliveryId, @startedAt, @durationMs, @httpStatus, @error) RETURNING id`;
const COUNT_ATTEMPT_SQL = 'UPDATE deliveries SET attempts = attempts + 1 WHERE id = @id';
const LIST_ATTEMPTS_SQL = `SELECT id, delivery_id, started_at, duration_ms, http_status, error
  FROM delivery_attempts WHERE delivery_id = @deliveryId ORDER BY id`;

const COUNTS_SQL = 'SELECT state, count(*) AS n FROM deliveries GROUP BY state';

/** Newest first; one SQL text per filter shape. */
export function deliveryListSql(query: Omit<DeliveryListQuery, 'limit'>): string {
  const terms: string[] = [];
  if (query.callbackId !== undefined) terms.push('callback_id = @callbackId');
  if (query.state !== undefined) terms.push('state = @state');
  const where = terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
  return `SELECT ${COLUMNS} FROM deliveries ${where} ORDER BY created_at DESC, id DESC LIMIT @limit`;
}

export interface DeliveriesRepository {
  /** Queues a delivery (state Queued, no attempts) and returns it as stored. */
  enqueue(delivery: NewDelivery): DeliveryRecord;
  get(id: string): DeliveryRecord | null;
  /** Moves up to `limit` Queued deliveries due at `now` to InFlight and returns them, earliest due first. */
  claimDue(now: IsoTimestamp, limit: number): DeliveryRecord[];
  /** InFlight → Delivered. False if the delivery was not InFlight. */
  markDelivered(id: string, at: IsoTimestamp): boolean;
  /** InFlight → Queued for a later try. False if the delivery was not InFlight. */
  markRetry(id: string, nextAttemptAt: IsoTimestamp, error: string): boolean;
  /** Queued/InFlight → Dead (retries exhausted, expired). */
  markDead(id: string, error: string): boolean;
  /** Queued/InFlight → Failed (given up by policy, e.g. retry policy None). */
  markFailed(id: string, error: string): boolean;
  /** Failed/Dead → Queued, by hand: attempts restart from 0 (the attempt log keeps the history). */
  replay(id: string, nextAttemptAt: IsoTimestamp, expiresAt: IsoTimestamp): boolean;
  /** Logs one HTTP attempt and counts it on the delivery, atomically. */
  recordAttempt(attempt: NewAttempt): AttemptRecord;
  /** Oldest first. */
  listAttempts(deliveryId: string): AttemptRecord[];
  /** Number of deliveries in each state (every state present, 0 when none). */
  counts(): Record<DeliveryState, number>;
  /** Newest first. */
  list(query: DeliveryListQuery): DeliveryRecord[];
  /** Crash recovery at startup: whatever was InFlight when the process died goes back to Queued. */
  requeueInFlight(): number;
}

export function createDeliveriesRepository(db: Db): DeliveriesRepository {
  const enqueue = db.raw.prepare(ENQUEUE_SQL);
  const get = db.raw.prepare<{ id: string }, DeliveryRow>(GET_SQL);
  const claimDue = db.raw.prepare<{ now: string; limit: number }, DeliveryRow>(DELIVERIES_CLAIM_DUE_SQL);
  const markDelivered = db.raw.prepare(MARK_DELIVERED_SQL);
  const markRetry = db.raw.prepare(MARK_RETRY_SQL);
  const markGivenUp = db.raw.prepare(MARK_GIVEN_UP_SQL);
  const replay = db.raw.prepare(REPLAY_SQL);
  const requeueInFlight = db.raw.prepare(REQUEUE_IN_FLIGHT_SQL);
  const insertAttempt = db.raw.prepare<Record<string, unknown>, number>(INSERT_ATTEMPT_SQL).pluck();
  const countAttempt = db.raw.prepare(COUNT_ATTEMPT_SQL);
  const listAttempts = db.raw.prepare<{ deliveryId: string }, AttemptRow>(LIST_ATTEMPTS_SQL);
  const counts = db.raw.prepare<[], { state: DeliveryState; n: number }>(COUNTS_SQL);
  const lists = new Map<string, BetterSqlite3.Statement<[Record<string, unknown>], DeliveryRow>>();

  return {
    enqueue(delivery) {
      const record: DeliveryRecord = {
        id: delivery.id,
        callbackId: delivery.callbackId,
        remoteActionId: delivery.remoteActionId,
        eventSeq: delivery.eventSeq,
        payload: delivery.payload,
        state: 'Queued',
        attempts: 0,
        nextAttemptAt: delivery.nextAttemptAt,
        expiresAt: delivery.expiresAt ?? addSeconds(delivery.createdAt, RETRY_CAP_SECONDS),
        createdAt: delivery.createdAt,
        deliveredAt: null,
        lastError: null,
      };
      enqueue.run({
        id: record.id,
        callbackId: record.callbackId,
        remoteActionId: record.remoteActionId,
        eventSeq: record.eventSeq,
        payload: toJson(record.payload, 'deliveries.payload'),
        nextAttemptAt: record.nextAttemptAt,
        expiresAt: record.expiresAt,
        createdAt: record.createdAt,
      });
      return record;
    },
    get(id) {
      const row = get.get({ id });
      return row ? toDelivery(row) : null;
    },
    claimDue(now, limit) {
      return claimDue
        .all({ now, limit })
        .sort((a, b) => compare(a.next_attempt_at, b.next_attempt_at) || compare(a.id, b.id))
        .map(toDelivery);
    },
    markDelivered(id, at) {
      return markDelivered.run({ id, at }).changes > 0;
    },
    markRetry(id, nextAttemptAt, error) {
      return markRetry.run({ id, nextAttemptAt, error }).changes > 0;
    },
    markDead(id, error) {
      return markGivenUp.run({ id, state: 'Dead', error }).changes > 0;
    },
    markFailed(id, error) {
      return markGivenUp.run({ id, state: 'Failed', error }).changes > 0;
    },
    replay(id, nextAttemptAt, expiresAt) {
      return replay.run({ id, nextAttemptAt, expiresAt }).changes > 0;
    },
    recordAttempt(attempt) {
      const { deliveryId, startedAt, durationMs, httpStatus, error } = attempt;
      return db.transaction(() => {
        const id = insertAttempt.get({ deliveryId, startedAt, durationMs, httpStatus, error }) as number;
        countAttempt.run({ id: deliveryId });
        return { id, deliveryId, startedAt, durationMs, httpStatus, error };
      });
    },
    listAttempts(deliveryId) {
      return listAttempts.all({ deliveryId }).map((row) => ({
        id: row.id,
        deliveryId: row.delivery_id,
        startedAt: row.started_at,
        durationMs: row.duration_ms,
        httpStatus: row.http_status,
        error: row.error,
      }));
    },
    counts() {
      const result = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<
        DeliveryState,
        number
      >;
      for (const row of counts.all()) result[row.state] = row.n;
      return result;
    },
    list(query) {
      const sql = deliveryListSql(query);
      let statement = lists.get(sql);
      if (!statement) {
        statement = db.raw.prepare<Record<string, unknown>, DeliveryRow>(sql);
        lists.set(sql, statement);
      }
      const params: Record<string, unknown> = { limit: query.limit };
      if (query.callbackId !== undefined) params.callbackId = query.callbackId;
      if (query.state !== undefined) params.state = query.state;
      return statement.all(params).map(toDelivery);
    },
    requeueInFlight() {
      return requeueInFlight.run().changes;
    },
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function addSeconds(iso: IsoTimestamp, seconds: number): IsoTimestamp {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`deliveries.created_at: not a timestamp: ${iso}`);
  return new Date(ms + seconds * 1000).toISOString();
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    callbackId: row.callback_id,
    remoteActionId: row.remote_action_id,
    eventSeq: row.event_seq,
    payload: fromJson<unknown>(row.payload),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    lastError: row.last_error,
  };
}
