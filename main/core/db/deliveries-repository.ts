// The outbox's store: deliveries (one HTTP call each), the events they carry or that wait for a batch, and
// the attempt log. Every write the dispatcher makes per delivery is a single prepared statement, so it can
// group hundreds of them in one transaction.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './open-database.js';
import type {
  AttemptRecord,
  DeliveryEventRow,
  DeliveryKind,
  DeliveryListQuery,
  DeliveryRecord,
  DeliveryState,
  IsoTimestamp,
  NewDelivery,
  WaitingEvent,
} from './records.js';
import { DELIVERY_STATES } from './records.js';

interface DeliveryRow {
  id: string;
  callback_id: string;
  kind: DeliveryKind;
  event_count: number;
  vins: string;
  remote_types: string;
  payload: string;
  state: DeliveryState;
  attempts: number;
  unreachable_tries: number;
  next_attempt_at: string;
  retry_deadline: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  delivered_at: string | null;
  gave_up_at: string | null;
  last_status: number | null;
  last_error: string | null;
}

interface AttemptRow {
  id: number;
  delivery_id: string;
  started_at: string;
  duration_ms: number;
  http_status: number | null;
  error: string | null;
  counted: number;
}

interface WaitingRow {
  id: number;
  vin: string;
  remote_type: string;
  event: string;
  created_at: string;
}

/** The payload lives in delivery_payloads (migration 007): written once, not rewritten by each change of state. */
const PAYLOAD = '(SELECT payload FROM delivery_payloads WHERE delivery_id = deliveries.id) AS payload';
const COLUMNS = `id, callback_id, kind, event_count, vins, remote_types, ${PAYLOAD}, state, attempts, unreachable_tries,
  next_attempt_at, retry_deadline, lease_owner, lease_until, created_at, delivered_at, gave_up_at, last_status,
  last_error`;

const INSERT_SQL = `INSERT INTO deliveries (id, callback_id, kind, event_count, vins, remote_types, state,
  next_attempt_at, created_at, gave_up_at, last_error)
  VALUES (@id, @callbackId, @kind, @eventCount, @vins, @remoteTypes, @state, @nextAttemptAt, @createdAt,
    @gaveUpAt, @lastError)`;
const INSERT_PAYLOAD_SQL = 'INSERT INTO delivery_payloads (delivery_id, payload) VALUES (@id, @payload)';
const INSERT_EVENT_SQL = `INSERT INTO delivery_events (callback_id, delivery_id, vin, remote_type, event, created_at)
  VALUES (@callbackId, @deliveryId, @vin, @remoteType, @event, @createdAt)`;
const GET_SQL = `SELECT ${COLUMNS} FROM deliveries WHERE id = @id`;

/**
 * Hot: the dispatcher's claim, per callback, earliest due first. One statement, so claiming is atomic; the
 * lease says who holds the row and until when. RETURNING has no defined order; the caller's order is restored.
 */
export const DELIVERIES_CLAIM_SQL = `UPDATE deliveries
  SET state = 'InFlight', lease_owner = @owner, lease_until = @leaseUntil
  WHERE id IN (SELECT id FROM deliveries
    WHERE state = 'Queued' AND callback_id = @callbackId AND next_attempt_at <= @now
    ORDER BY next_attempt_at, id LIMIT @limit)
  RETURNING ${COLUMNS}`;
/**
 * The same claim without the payload (read where it is sent, payloadOf): a batch's events are kilobytes that
 * need not cross from the store writer's thread as JSON inside JSON. Its records carry eventsJson "" until then.
 */
export const DELIVERIES_CLAIM_WITHOUT_PAYLOAD_SQL = DELIVERIES_CLAIM_SQL.replace(
  'RETURNING ' + COLUMNS,
  'RETURNING ' + COLUMNS.replace(PAYLOAD, "'' AS payload"),
);
/** Hot: when a callback's queue has nothing due, when it next will. */
export const DELIVERIES_NEXT_DUE_SQL = `SELECT min(next_attempt_at) FROM deliveries
  WHERE state = 'Queued' AND callback_id = @callbackId`;
export const DELIVERIES_QUEUED_BY_CALLBACK_SQL = `SELECT callback_id, count(*) AS n FROM deliveries
  WHERE state = 'Queued' GROUP BY callback_id`;
/** Hot (per batch): the oldest events waiting for a callback's batch. */
export const DELIVERY_EVENTS_WAITING_SQL = `SELECT id, vin, remote_type, event, created_at FROM delivery_events
  WHERE callback_id = @callbackId AND delivery_id IS NULL ORDER BY id LIMIT @limit`;
export const DELIVERY_EVENTS_WAITING_BY_CALLBACK_SQL = `SELECT callback_id, count(*) AS n, min(id) AS first
  FROM delivery_events WHERE delivery_id IS NULL GROUP BY callback_id`;
/** Events of a batch are the oldest waiting ones, so "every waiting row up to the last taken" is exactly them. */
const ATTACH_WAITING_SQL = `UPDATE delivery_events SET delivery_id = @deliveryId, event = NULL
  WHERE callback_id = @callbackId AND delivery_id IS NULL AND id <= @upTo`;
const EVENT_CREATED_SQL = 'SELECT created_at FROM delivery_events WHERE id = @id';

// Transitions out of InFlight are guarded by the lease, so a late answer cannot undo a replay or a reclaim.
/**
 * The pass's settlements in one statement (outcomes.ts): `@rows` is a JSON array of [id, state, attempts,
 * unreachableTries, nextAttemptAt, retryDeadline, deliveredAt, gaveUpAt, lastStatus, lastError], one per delivery,
 * each id at most once; returns the ids this owner still held. One statement and one string parameter instead of
 * one of each per delivery: issue 13's profile had a tenth of the drain's event loop in encoding the per-delivery
 * steps for the store writer's thread and decoding their answers.
 */
export const DELIVERIES_SETTLE_MANY_SQL = `UPDATE deliveries SET state = s.value ->> 1, attempts = s.value ->> 2,
  unreachable_tries = s.value ->> 3, next_attempt_at = s.value ->> 4, retry_deadline = s.value ->> 5,
  delivered_at = s.value ->> 6, gave_up_at = s.value ->> 7, last_status = s.value ->> 8,
  last_error = s.value ->> 9, lease_owner = NULL, lease_until = NULL
  FROM json_each(@rows) AS s
  WHERE deliveries.id = s.value ->> 0 AND deliveries.state = 'InFlight' AND deliveries.lease_owner = @owner
  RETURNING deliveries.id`;
const RELEASE_SQL = `UPDATE deliveries SET state = 'Queued', lease_owner = NULL, lease_until = NULL
  WHERE id IN (SELECT value FROM json_each(@ids)) AND state = 'InFlight' AND lease_owner = @owner`;
/**
 * Leases of any other holder (at start: a previous run, killed or stopped mid-call). Run once per start, so it
 * may scan: there is no index on InFlight, which every delivery passes through.
 */
export const DELIVERIES_RECLAIM_SQL = `UPDATE deliveries SET state = 'Queued', lease_owner = NULL, lease_until = NULL
  WHERE state = 'InFlight' AND lease_owner IS NOT @owner AND lease_until <= @expiredBy`;
/** Through the queue's index: a callback's history (delivered, mostly) can be much longer than its queue. */
export const DELIVERIES_GIVE_UP_QUEUED_SQL = `UPDATE deliveries INDEXED BY deliveries_queued
  SET state = @state, gave_up_at = @at, last_error = @reason
  WHERE state = 'Queued' AND callback_id = @callbackId AND created_at <= @createdBy RETURNING id`;
export const DELIVERIES_SHIFT_DEADLINES_SQL = `UPDATE deliveries INDEXED BY deliveries_queued
  SET retry_deadline = strftime('%Y-%m-%dT%H:%M:%fZ', retry_deadline, @shift)
  WHERE state = 'Queued' AND callback_id = @callbackId AND retry_deadline IS NOT NULL`;
const REPLAY_SQL = `UPDATE deliveries SET state = 'Queued', attempts = 0, unreachable_tries = 0,
  next_attempt_at = @now, retry_deadline = NULL, gave_up_at = NULL, last_status = NULL, last_error = NULL
  WHERE id = @id AND state IN ('Failed', 'Dead')`;
export const DELIVERIES_REPLAY_CALLBACK_SQL = `UPDATE deliveries SET state = 'Queued', attempts = 0,
  unreachable_tries = 0, next_attempt_at = @now, retry_deadline = NULL, gave_up_at = NULL, last_status = NULL,
  last_error = NULL
  WHERE callback_id = @callbackId AND (state = 'Failed' OR state = 'Dead') RETURNING id`;
const DUE_NOW_SQL = `UPDATE deliveries SET next_attempt_at = @now
  WHERE id = @id AND state = 'Queued' AND next_attempt_at > @now`;

/** The pass's attempt rows at once, in the array's order: `@rows` of [deliveryId, startedAt, durationMs,
 * httpStatus, error, counted (1/0)]. */
export const DELIVERY_ATTEMPTS_INSERT_MANY_SQL = `INSERT INTO delivery_attempts (delivery_id, started_at, duration_ms,
  http_status, error, counted)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(@rows) ORDER BY key`;
const LIST_ATTEMPTS_SQL = `SELECT id, delivery_id, started_at, duration_ms, http_status, error, counted
  FROM delivery_attempts WHERE delivery_id = @deliveryId ORDER BY id`;
const COUNTS_SQL = 'SELECT state, count(*) AS n FROM deliveries GROUP BY state';
/** Cheap counts for a dashboard: the queue and dead letters from their indexes, the total from the narrowest. */
export const DELIVERIES_QUEUE_COUNTS_SQL = `SELECT (SELECT count(*) FROM deliveries) AS total,
  (SELECT count(*) FROM deliveries WHERE state = 'Queued') AS queued,
  (SELECT count(*) FROM deliveries WHERE state = 'Failed') AS failed,
  (SELECT count(*) FROM deliveries WHERE state = 'Dead') AS dead`;

type ListFilter = Omit<DeliveryListQuery, 'limit' | 'offset'>;

function listWhere(query: ListFilter): string {
  const terms: string[] = [];
  if (query.callbackId !== undefined) terms.push('callback_id = @callbackId');
  // A literal, not a parameter: only then can SQLite use the partial indexes of the queue and the dead letters.
  if (query.state !== undefined) {
    if (!(DELIVERY_STATES as readonly string[]).includes(query.state)) {
      throw new RangeError(`Unknown delivery state ${query.state}.`);
    }
    terms.push(`state = '${query.state}'`);
  }
  if (query.since !== undefined) terms.push('created_at >= @since');
  if (query.until !== undefined) terms.push('created_at < @until');
  if (query.vin !== undefined) {
    terms.push(
      'id IN (SELECT delivery_id FROM delivery_events WHERE vin = @vin AND delivery_id IS NOT NULL)',
    );
  }
  return terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
}

/** Newest first; one SQL text per filter shape. */
export function deliveryListSql(query: ListFilter): string {
  return `SELECT ${COLUMNS} FROM deliveries ${listWhere(query)}
    ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`;
}

export function deliveryCountSql(query: ListFilter): string {
  return `SELECT count(*) FROM deliveries ${listWhere(query)}`;
}

/**
 * The outbox's hot writes (claim, settle, the attempt log, the next due time) are not methods here: they run as
 * steps of the store writer (delivery-steps.ts, built from the statements below), on its thread.
 */
export interface DeliveriesRepository {
  /** Stores a delivery with the events it carries (Queued unless told Dead) and returns it as stored. */
  insert(delivery: NewDelivery): DeliveryRecord;
  /** Stores an event that waits for its callback's batch; returns its id. */
  addWaiting(callbackId: string, event: DeliveryEventRow, createdAt: IsoTimestamp): number;
  /** The oldest events waiting for a callback's batch. */
  takeWaiting(callbackId: string, limit: number): WaitingEvent[];
  /** Makes one delivery of `events`, which must be the oldest waiting events of the callback, in order. */
  insertFromWaiting(delivery: Omit<NewDelivery, 'events'>, events: WaitingEvent[]): DeliveryRecord;
  /** Per callback: how many events wait for a batch and when the oldest arrived. */
  waitingByCallback(): { callbackId: string; count: number; oldestAt: IsoTimestamp }[];
  get(id: string): DeliveryRecord | null;
  /**
   * The events[] JSON a delivery carries, as its stored UTF-8 bytes (null when there is no such delivery): the
   * outbox sends a batch's kilobytes as they are, never decoding them into a string and encoding them back.
   */
  payloadOf(id: string): Buffer | null;
  /** Number of queued deliveries per callback (only callbacks that have some). */
  queuedByCallback(): Map<string, number>;
  /** InFlight → Queued, for claimed deliveries that were not sent. */
  release(ids: string[], owner: string): number;
  /** InFlight rows leased by anyone but `owner`, whose lease ended by `expiredBy`, go back to Queued. */
  reclaim(owner: string, expiredBy: IsoTimestamp): number;
  /** Gives up the callback's queued deliveries created by `createdBy`; returns their ids. */
  giveUpQueued(
    callbackId: string,
    state: 'Failed' | 'Dead',
    reason: string,
    at: IsoTimestamp,
    createdBy: IsoTimestamp,
  ): string[];
  /** Moves the 3-day deadline of the callback's queued deliveries on by `ms` (time offline or paused). */
  shiftDeadlines(callbackId: string, ms: number): number;
  /** Failed/Dead → Queued, by hand: due now, attempts and deadline start over (the attempt log keeps the history). */
  replay(id: string, now: IsoTimestamp): boolean;
  /** Every Failed/Dead delivery of a callback → Queued; returns their ids. */
  replayCallback(callbackId: string, now: IsoTimestamp): string[];
  /** A queued delivery waiting for a later attempt becomes due now. */
  dueNow(id: string, now: IsoTimestamp): boolean;
  /** Oldest first. */
  listAttempts(deliveryId: string): AttemptRecord[];
  /** Number of deliveries in each state (every state present, 0 when none). Reads the whole table. */
  counts(): Record<DeliveryState, number>;
  /** All deliveries, and those Queued, Failed and Dead, without reading the table itself. */
  queueCounts(): { total: number; Queued: number; Failed: number; Dead: number };
  /** Newest first. */
  list(query: DeliveryListQuery): DeliveryRecord[];
  count(query: ListFilter): number;
}

export function createDeliveriesRepository(db: Db): DeliveriesRepository {
  const insert = db.raw.prepare(INSERT_SQL);
  const insertPayload = db.raw.prepare(INSERT_PAYLOAD_SQL);
  const insertEvent = db.raw.prepare(INSERT_EVENT_SQL);
  const get = db.raw.prepare<{ id: string }, DeliveryRow>(GET_SQL);
  const payloadOf = db.raw
    .prepare<{ id: string }, Buffer>(
      'SELECT CAST(payload AS BLOB) FROM delivery_payloads WHERE delivery_id = @id',
    )
    .pluck();
  const queuedByCallback = db.raw.prepare<[], { callback_id: string; n: number }>(
    DELIVERIES_QUEUED_BY_CALLBACK_SQL,
  );
  const takeWaiting = db.raw.prepare<{ callbackId: string; limit: number }, WaitingRow>(
    DELIVERY_EVENTS_WAITING_SQL,
  );
  const waitingByCallback = db.raw.prepare<[], { callback_id: string; n: number; first: number }>(
    DELIVERY_EVENTS_WAITING_BY_CALLBACK_SQL,
  );
  const eventCreated = db.raw.prepare<{ id: number }, string>(EVENT_CREATED_SQL).pluck();
  const attachWaiting = db.raw.prepare(ATTACH_WAITING_SQL);
  const release = db.raw.prepare(RELEASE_SQL);
  const reclaim = db.raw.prepare(DELIVERIES_RECLAIM_SQL);
  const giveUpQueued = db.raw.prepare<Record<string, unknown>, string>(DELIVERIES_GIVE_UP_QUEUED_SQL).pluck();
  const shiftDeadlines = db.raw.prepare(DELIVERIES_SHIFT_DEADLINES_SQL);
  const replay = db.raw.prepare(REPLAY_SQL);
  const replayCallback = db.raw
    .prepare<Record<string, unknown>, string>(DELIVERIES_REPLAY_CALLBACK_SQL)
    .pluck();
  const dueNow = db.raw.prepare(DUE_NOW_SQL);
  const listAttempts = db.raw.prepare<{ deliveryId: string }, AttemptRow>(LIST_ATTEMPTS_SQL);
  const counts = db.raw.prepare<[], { state: DeliveryState; n: number }>(COUNTS_SQL);
  const queueCounts = db.raw.prepare<[], { total: number; queued: number; failed: number; dead: number }>(
    DELIVERIES_QUEUE_COUNTS_SQL,
  );
  const lists = new Map<string, BetterSqlite3.Statement<[Record<string, unknown>], DeliveryRow>>();
  const countStatements = new Map<string, BetterSqlite3.Statement<[Record<string, unknown>], number>>();

  function store(
    delivery: Omit<NewDelivery, 'events'>,
    events: DeliveryEventRow[],
    eventsJson: string,
  ): DeliveryRecord {
    const state = delivery.state ?? 'Queued';
    const record: DeliveryRecord = {
      id: delivery.id,
      callbackId: delivery.callbackId,
      kind: delivery.kind,
      eventCount: events.length,
      vins: distinct(events.map((e) => e.vin)),
      remoteTypes: distinct(events.map((e) => e.remoteType)),
      eventsJson,
      state,
      attempts: 0,
      unreachableTries: 0,
      nextAttemptAt: delivery.nextAttemptAt,
      retryDeadline: null,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: delivery.createdAt,
      deliveredAt: null,
      gaveUpAt: state === 'Dead' ? delivery.createdAt : null,
      lastStatus: null,
      lastError: delivery.lastError ?? null,
    };
    insert.run({
      id: record.id,
      callbackId: record.callbackId,
      kind: record.kind,
      eventCount: record.eventCount,
      vins: record.vins.join(','),
      remoteTypes: record.remoteTypes.join(','),
      state,
      nextAttemptAt: record.nextAttemptAt,
      createdAt: record.createdAt,
      gaveUpAt: record.gaveUpAt,
      lastError: record.lastError,
    });
    insertPayload.run({ id: record.id, payload: eventsJson });
    return record;
  }

  function cachedList(sql: string) {
    let statement = lists.get(sql);
    if (!statement) {
      statement = db.raw.prepare<Record<string, unknown>, DeliveryRow>(sql);
      lists.set(sql, statement);
    }
    return statement;
  }

  function cachedCount(sql: string) {
    let statement = countStatements.get(sql);
    if (!statement) {
      statement = db.raw.prepare<Record<string, unknown>, number>(sql).pluck();
      countStatements.set(sql, statement);
    }
    return statement;
  }

  function filterParams(query: ListFilter): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    for (const key of ['callbackId', 'since', 'until', 'vin'] as const) {
      if (query[key] !== undefined) params[key] = query[key];
    }
    return params;
  }

  return {
    insert(delivery) {
      if (delivery.events.length === 0) throw new RangeError('A delivery carries at least one event.');
      const record = store(
        delivery,
        delivery.events,
        `[${delivery.events.map((e) => e.eventJson).join(',')}]`,
      );
      for (const event of delivery.events) {
        insertEvent.run({
          callbackId: delivery.callbackId,
          deliveryId: delivery.id,
          vin: event.vin,
          remoteType: event.remoteType,
          event: null,
          createdAt: delivery.createdAt,
        });
      }
      return record;
    },
    addWaiting(callbackId, event, createdAt) {
      return Number(
        insertEvent.run({
          callbackId,
          deliveryId: null,
          vin: event.vin,
          remoteType: event.remoteType,
          event: event.eventJson,
          createdAt,
        }).lastInsertRowid,
      );
    },
    takeWaiting(callbackId, limit) {
      return takeWaiting.all({ callbackId, limit }).map((row) => ({
        id: row.id,
        vin: row.vin,
        remoteType: row.remote_type,
        eventJson: row.event,
        createdAt: row.created_at,
      }));
    },
    insertFromWaiting(delivery, events) {
      const last = events.at(-1);
      if (!last) throw new RangeError('A delivery carries at least one event.');
      const record = store(delivery, events, `[${events.map((e) => e.eventJson).join(',')}]`);
      const attached = attachWaiting.run({
        deliveryId: delivery.id,
        callbackId: delivery.callbackId,
        upTo: last.id,
      }).changes;
      if (attached !== events.length) {
        throw new Error(
          `delivery_events: expected to batch ${events.length} waiting events, found ${attached}.`,
        );
      }
      return record;
    },
    waitingByCallback() {
      return waitingByCallback.all().map((row) => ({
        callbackId: row.callback_id,
        count: row.n,
        oldestAt: eventCreated.get({ id: row.first }) as string,
      }));
    },
    get(id) {
      const row = get.get({ id });
      return row ? toDelivery(row) : null;
    },
    payloadOf(id) {
      return payloadOf.get({ id }) ?? null;
    },
    queuedByCallback() {
      return new Map(queuedByCallback.all().map((row) => [row.callback_id, row.n]));
    },
    release(ids, owner) {
      if (ids.length === 0) return 0;
      return release.run({ ids: JSON.stringify(ids), owner }).changes;
    },
    reclaim(owner, expiredBy) {
      return reclaim.run({ owner, expiredBy }).changes;
    },
    giveUpQueued(callbackId, state, reason, at, createdBy) {
      return giveUpQueued.all({ callbackId, state, reason, at, createdBy });
    },
    shiftDeadlines(callbackId, ms) {
      if (ms <= 0) return 0;
      return shiftDeadlines.run({ callbackId, shift: `+${(ms / 1000).toFixed(3)} seconds` }).changes;
    },
    replay(id, now) {
      return replay.run({ id, now }).changes > 0;
    },
    replayCallback(callbackId, now) {
      return replayCallback.all({ callbackId, now });
    },
    dueNow(id, now) {
      return dueNow.run({ id, now }).changes > 0;
    },
    listAttempts(deliveryId) {
      return listAttempts.all({ deliveryId }).map((row) => ({
        id: row.id,
        deliveryId: row.delivery_id,
        startedAt: row.started_at,
        durationMs: row.duration_ms,
        httpStatus: row.http_status,
        error: row.error,
        counted: row.counted === 1,
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
    queueCounts() {
      const row = queueCounts.get()!;
      return { total: row.total, Queued: row.queued, Failed: row.failed, Dead: row.dead };
    },
    list(query) {
      const params = { ...filterParams(query), limit: query.limit, offset: query.offset };
      return cachedList(deliveryListSql(query)).all(params).map(toDelivery);
    },
    count(query) {
      return cachedCount(deliveryCountSql(query)).get(filterParams(query)) ?? 0;
    },
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The rows DELIVERIES_CLAIM_SQL returned, as records in the order claimed (earliest due first). */
export function claimedDeliveries(rows: unknown[]): DeliveryRecord[] {
  return (rows as DeliveryRow[])
    .sort((a, b) => compare(a.next_attempt_at, b.next_attempt_at) || compare(a.id, b.id))
    .map(toDelivery);
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

const split = (text: string): string[] => (text === '' ? [] : text.split(','));

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    callbackId: row.callback_id,
    kind: row.kind,
    eventCount: row.event_count,
    vins: split(row.vins),
    remoteTypes: split(row.remote_types),
    eventsJson: row.payload,
    state: row.state,
    attempts: row.attempts,
    unreachableTries: row.unreachable_tries,
    nextAttemptAt: row.next_attempt_at,
    retryDeadline: row.retry_deadline,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    gaveUpAt: row.gave_up_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
  };
}
