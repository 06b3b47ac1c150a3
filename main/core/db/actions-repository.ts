import type BetterSqlite3 from 'better-sqlite3';
import {
  ACTION_PHASES,
  isSettled,
  type ActorRef,
  type ApproverRef,
  type QueueReason,
} from '../../../preload/contract/vocabulary.js';
import type { QueueState, RemoteAction } from '../domain/action.js';
import { isTerminal } from '../domain/lifecycle.js';
import type { RemoteBody } from '../domain/remote/remote-body.js';
import type { RemoteType } from '../domain/remote-type.js';
import type { ActionPhase, DoneStatus } from '../domain/status.js';
import { fromJson, fromJsonOrNull, toJson, toJsonOrNull } from './json-column.js';
import type { Db } from './open-database.js';
import type { ActionCursor, ActionRecord, IsoTimestamp, Page, UpstreamClaim } from './records.js';

interface ActionRow {
  id: string;
  vehicle_id: string;
  vin: string;
  callback_id: string;
  type: RemoteType;
  remote: string;
  phase: ActionPhase;
  status: string | null;
  outcome: DoneStatus | null;
  failure_cause: string | null;
  feedback_detail: string | null;
  error: string | null;
  operator: string | null;
  reason: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  last_event_date: string | null;
  upstream_id: string | null;
  actor: string | null;
  approved_by: string | null;
  queue_seq: number | null;
  expires_at: string | null;
  queue_reason: QueueReason | null;
  network_tries: number;
  next_try_at: string | null;
  send_uncertain: number;
  after_id: string | null;
  resent_from: string | null;
  resent_as: string | null;
  sent_at: string | null;
}

/** A LEFT JOIN's row, every column null when nothing matched. */
type Nullable<T> = { [K in keyof T]: T[K] | null };

const COLUMNS = `id, vehicle_id, vin, callback_id, type, remote, phase, status, outcome, failure_cause,
  feedback_detail, error, operator, reason, created_at, updated_at, done_at, last_event_date, upstream_id, actor,
  approved_by, queue_seq, expires_at, queue_reason, network_tries, next_try_at, send_uncertain, after_id,
  resent_from, resent_as, sent_at`;

/** Every new action takes the next place in line (its lane's order is the order of arrival). */
const NEXT_QUEUE_SEQ = `(SELECT coalesce(max(queue_seq), 0) + 1 FROM remote_actions WHERE queue_seq IS NOT NULL)`;

const INSERT_SQL = `INSERT INTO remote_actions (${COLUMNS}) VALUES (@id, @vehicleId, @vin, @callbackId, @type,
  @remote, @phase, @status, @outcome, @failureCause, @feedbackDetail, @error, @operator, @reason, @createdAt,
  @updatedAt, @doneAt, @lastEventDate, @upstreamId, @actor, @approvedBy,
  CASE WHEN @inLine = 1 THEN ${NEXT_QUEUE_SEQ} END,
  @expiresAt, @queueReason, @networkTries, @nextTryAt, @sendUncertain, @afterId, @resentFrom, NULL, @sentAt)`;
const UPDATE_SQL = `UPDATE remote_actions SET vehicle_id = @vehicleId, vin = @vin, callback_id = @callbackId,
  type = @type, remote = @remote, phase = @phase, status = @status, outcome = @outcome,
  failure_cause = @failureCause, feedback_detail = @feedbackDetail, error = @error, operator = @operator,
  reason = @reason, created_at = @createdAt, updated_at = @updatedAt, done_at = @doneAt,
  last_event_date = @lastEventDate
  WHERE id = @id`;
/**
 * Hot (every applied event that moves the phase; the others take the one below): only the columns an event can
 * change (lifecycle.ts applyEvent). SQLite rewrites every index holding a column of the SET list, changed or not,
 * and the full update names columns of most of this table's fifteen indexes: 24–30 µs against 13–14 µs an update
 * (20,000 actions, groups of 100, 3 December).
 */
const UPDATE_PROGRESS_SQL = `UPDATE remote_actions SET phase = @phase, status = @status, outcome = @outcome,
  failure_cause = @failureCause, feedback_detail = @feedbackDetail, error = @error, updated_at = @updatedAt,
  done_at = @doneAt, last_event_date = @lastEventDate
  WHERE id = @id`;
/**
 * Hotter (most events: a Pending after a Pending): the phase, outcome and done time stay as they are, so they stay out
 * of the SET and SQLite leaves the three indexes that hold or filter on the phase alone: 5.9 µs against 2.2 µs an
 * update (groups of 100, synchronous=FULL, 4 December; docs/benchmarks.md "session 9").
 */
const UPDATE_PROGRESS_SAME_PHASE_SQL = `UPDATE remote_actions SET status = @status,
  failure_cause = @failureCause, feedback_detail = @feedbackDetail, error = @error, updated_at = @updatedAt,
  last_event_date = @lastEventDate
  WHERE id = @id`;
/** The queue's own writes (the hot update above leaves its columns alone: ingest never changes them). */
export const ACTION_UPDATE_QUEUE_SQL = `UPDATE remote_actions SET expires_at = @expiresAt, queue_reason = @queueReason,
  network_tries = @networkTries, next_try_at = @nextTryAt, send_uncertain = @sendUncertain, sent_at = @sentAt,
  queue_seq = coalesce(queue_seq, ${NEXT_QUEUE_SEQ})
  WHERE id = @id`;
const SET_RESENT_AS_SQL = `UPDATE remote_actions SET resent_as = @resentAs WHERE id = @id AND resent_as IS NULL`;
const GET_SQL = `SELECT ${COLUMNS} FROM remote_actions WHERE id = @id`;

/** A lane: one vehicle's actions of one feature that are in flight (Sending, Pending) or waiting, in line order. */
export const ACTIONS_LANE_SQL = `SELECT ${COLUMNS} FROM remote_actions
  WHERE vehicle_id = @vehicleId AND type = @type AND phase IN ('Queued', 'Sending', 'Pending')
  ORDER BY phase = 'Queued', queue_seq, created_at, id`;
/** The lanes with someone waiting. */
export const ACTIONS_QUEUED_LANES_SQL = `SELECT DISTINCT vehicle_id AS vehicleId, type FROM remote_actions WHERE phase = 'Queued'`;
export const ACTIONS_QUEUED_SQL = `SELECT ${COLUMNS} FROM remote_actions WHERE phase = 'Queued' ORDER BY queue_seq`;
export const ACTION_QUEUE_POSITION_SQL = `SELECT count(*) + 1 FROM remote_actions
  WHERE phase = 'Queued' AND vehicle_id = @vehicleId AND type = @type AND queue_seq < @seq`;
/** The next instant after @now at which something queued is due: an expiry or a retry. */
export const ACTIONS_NEXT_QUEUE_INSTANT_SQL = `SELECT min(at) FROM (
    SELECT min(expires_at) AS at FROM remote_actions WHERE phase = 'Queued' AND expires_at > @now
    UNION ALL
    SELECT min(next_try_at) FROM remote_actions WHERE phase = 'Queued' AND next_try_at > @now)`;
/** The network answers again: whatever waits for it may go now. */
export const ACTIONS_RELEASE_NETWORK_WAITS_SQL = `UPDATE remote_actions SET next_try_at = NULL
  WHERE phase = 'Queued' AND queue_reason = 'NETWORK_UNREACHABLE' AND next_try_at IS NOT NULL`;
/** Whether the network's id ever named an action here (held now, or earlier). */
export const ACTION_KNOWS_UPSTREAM_ID_SQL = `SELECT EXISTS (SELECT 1 FROM remote_actions WHERE upstream_id = @upstreamId)`;

/** Hot (every notification): the action holding an upstream id, through its partial unique index. */
export const ACTION_BY_UPSTREAM_ID_SQL = `SELECT ${COLUMNS} FROM remote_actions
  WHERE upstream_id = @upstreamId AND upstream_released_at IS NULL`;

/**
 * Hot (every notification): in one statement, the action a notification naming @ref reaches for any event date (the
 * holder of @ref as upstream id, else the action with @ref as local id; all columns null when neither exists), and
 * whether @ref was held by earlier actions too (`reused`: then the event's date decides, see findForEvent).
 */
export const ACTION_FOR_EVENT_SQL = `SELECT t.reused AS reused, ${COLUMNS.replace(/(\w+)/g, 'a.$1')}
  FROM (SELECT
      EXISTS (SELECT 1 FROM remote_actions WHERE upstream_id = @ref AND upstream_released_at IS NOT NULL) AS reused,
      coalesce((SELECT id FROM remote_actions WHERE upstream_id = @ref AND upstream_released_at IS NULL), @ref)
        AS target) t
  LEFT JOIN remote_actions a ON a.id = t.target`;

/** The events of the actions that held an upstream id before its holder did (rare: the network reused it). */
export const EARLIER_HOLDER_EVENTS_SQL = `SELECT a.id AS id, e.event_date AS eventDate
  FROM remote_actions a JOIN action_events e ON e.remote_action_id = a.id
  WHERE a.upstream_id = @upstreamId AND a.upstream_released_at IS NOT NULL`;

const SET_UPSTREAM_SQL = `UPDATE remote_actions SET upstream_id = @upstreamId, upstream_released_at = @releasedAt
  WHERE id = @id`;
const RELEASE_UPSTREAM_SQL = `UPDATE remote_actions SET upstream_released_at = @at
  WHERE id = @id AND upstream_released_at IS NULL`;

/** Hot: the remotes of one vehicle for one callback, newest first (the fleet API's list, and the send guard). */
export const ACTIONS_BY_VEHICLE_CALLBACK_SQL = `SELECT ${COLUMNS} FROM remote_actions
  WHERE vehicle_id = @vehicleId AND callback_id = @callbackId
  ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`;

/** `'Sending', 'Pending'`: phases as an SQL list (constants of the vocabulary, never input). */
const sqlList = (phases: readonly ActionPhase[]) => phases.map((p) => `'${p}'`).join(', ');

/**
 * Hot: actions not settled (Queued, Sending, Pending): the watchdog, the tray. Found through the phase index; the
 * few rows are then sorted.
 */
export const ACTIONS_OPEN_SQL = `SELECT ${COLUMNS} FROM remote_actions
  WHERE phase IN (${sqlList(ACTION_PHASES.filter((p) => !isSettled(p)))}) ORDER BY created_at, id`;

/**
 * At start: actions an event may still change, i.e. not terminal (Sending, Pending, TimedOut), accepted at or after
 * `since`: what a poller follows. Found through the phase index (one range per phase).
 */
export const ACTIONS_UNTERMINATED_SQL = `SELECT ${COLUMNS} FROM remote_actions
  WHERE phase IN (${sqlList(ACTION_PHASES.filter((p) => !isTerminal(p)))}) AND created_at >= @since
  ORDER BY created_at, id`;

export interface ActionFilter {
  vehicleId?: string;
  callbackId?: string;
  /** Exactly this phase. */
  phase?: ActionPhase;
  /** Any of these phases (e.g. the open ones); an empty list matches nothing. */
  phases?: readonly ActionPhase[];
  type?: RemoteType;
}

export interface ActionListQuery extends ActionFilter {
  limit: number;
  /** Offset paging, for pages with a total. Prefer `before` for long scrolls: it stays fast at any depth. */
  offset?: number;
  /** Keyset paging: items strictly older than this one (the last item of the previous page). */
  before?: ActionCursor;
}

function filterTerms(filter: ActionFilter, before: boolean): string[] {
  const terms: string[] = [];
  if (filter.vehicleId !== undefined) terms.push('vehicle_id = @vehicleId');
  if (filter.callbackId !== undefined) terms.push('callback_id = @callbackId');
  if (filter.phase !== undefined) terms.push('phase = @phase');
  if (filter.phases !== undefined) {
    terms.push(`phase IN (${filter.phases.map((_, i) => `@phase${i}`).join(', ')})`);
  }
  if (filter.type !== undefined) terms.push('type = @type');
  // A row value compares (created_at, id) as one key, which the (…, created_at, id) indexes serve directly.
  if (before) terms.push('(created_at, id) < (@beforeCreatedAt, @beforeId)');
  return terms;
}

const where = (terms: string[]): string => (terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '');

/** Hot: the history list (all, by vehicle, by phase, by type…), newest first. One SQL text per filter shape. */
export function actionListSql(query: Omit<ActionListQuery, 'limit'>): string {
  const terms = filterTerms(query, query.before !== undefined);
  const offset = query.offset !== undefined ? ' OFFSET @offset' : '';
  return `SELECT ${COLUMNS} FROM remote_actions ${where(terms)}
  ORDER BY created_at DESC, id DESC LIMIT @limit${offset}`;
}

/** The actions created in a period (from included, to excluded), oldest first, one page after a cursor: the export. */
export interface ActionPeriodQuery {
  from: string;
  to: string;
  vehicleId?: string;
  after?: ActionCursor;
  limit: number;
}

export function actionPeriodSql(query: Pick<ActionPeriodQuery, 'vehicleId' | 'after'>): string {
  const terms = ['created_at >= @from', 'created_at < @to'];
  if (query.vehicleId !== undefined) terms.push('vehicle_id = @vehicleId');
  if (query.after !== undefined) terms.push('(created_at, id) > (@afterCreatedAt, @afterId)');
  return `SELECT ${COLUMNS} FROM remote_actions ${where(terms)} ORDER BY created_at, id LIMIT @limit`;
}

export function actionCountSql(filter: ActionFilter): string {
  return `SELECT count(*) FROM remote_actions ${where(filterTerms(filter, false))}`;
}

export interface ActionsRepository {
  /**
   * Stores a new action; `upstreamId`, when given, is held at once (tests, imports). With `queue`, it takes the
   * next place in line (`queue.seq` is the store's to give).
   */
  insert(action: ActionRecord): void;
  /** Stores the action as given (all fields but id and upstreamId). False when no action has this id. */
  update(action: RemoteAction): boolean;
  /**
   * Stores what an event changed from `before` to `after` (phase, status, outcome, failure cause, feedback, error,
   * the times): cheaper than update(), and the same when nothing else differs; otherwise it is update().
   */
  updateProgress(before: RemoteAction, after: RemoteAction): boolean;
  /**
   * Records the id the network answered for action `id`. Call inside a transaction. Each upstream id names one
   * action at a time (its holder), so when another action holds it already:
   * - that action is terminal (Done, Refused, Expired: it expects nothing more): the id is reassigned to `id`,
   *   and the earlier action keeps it for the record, released at `at`;
   * - that action is not terminal (it may still hear about it, a TimedOut one included): it keeps the id; `id`
   *   records it released at `at`, so it is never reached by it.
   * null when no action has this id (nothing changed).
   */
  claimUpstreamId(id: string, upstreamId: string, at: string): UpstreamClaim | null;
  get(id: string): ActionRecord | null;
  /** The action holding this upstream id (notifications naming it reach it), or null. */
  getByUpstreamId(upstreamId: string): ActionRecord | null;
  /**
   * The action a notification naming `remoteActionId`, dated `eventDate`, is about:
   * - the action holding it as upstream id, unless the event is dated no later than the newest event of an
   *   earlier holder (the network repeating a notification of the action it first gave this id to: every event
   *   of the next action is later, as it was sent only once the earlier one was settled);
   * - else the action with this local id: the agent's own ids are the ones its clients know (the local API,
   *   forwarded notifications), and a random UUID cannot name another action.
   */
  findForEvent(remoteActionId: string, eventDate: string): ActionRecord | null;
  /**
   * findForEvent for every event naming `remoteActionId` at once: `action` is the one all of them reach, or, when
   * `datesMatter` (the network gave this id to more than one action), each event's date decides and findForEvent
   * must be asked per event. Valid while no upstream id is claimed, e.g. within one ingest transaction.
   */
  findEventTarget(remoteActionId: string): { action: ActionRecord | null; datesMatter: boolean };
  /** Newest first. */
  listForVehicleCallback(vehicleId: string, callbackId: string, page: Page): ActionRecord[];
  /** Newest first. */
  list(query: ActionListQuery): ActionRecord[];
  /** One page of a period, oldest first (keyset paging: each page is a fresh, short read). */
  period(query: ActionPeriodQuery): ActionRecord[];
  /** Actions not settled (Queued, Sending, Pending), oldest first. */
  listOpen(): ActionRecord[];
  /**
   * Actions an event may still change (not terminal: Queued, Sending, Pending, TimedOut) created at or after
   * `since`, oldest first.
   */
  listUnterminated(since: IsoTimestamp): ActionRecord[];
  count(filter?: ActionFilter): number;
  /** Stores the queue's fields of the action as given (place in line kept; given one if it had none). */
  updateQueue(action: RemoteAction): void;
  /** Links `id` to the action that sends it again; false when it was already sent again. */
  setResentAs(id: string, resentAs: string): boolean;
  /** One vehicle's actions of one feature in flight (Sending, Pending) first, then the waiting ones in line. */
  lane(vehicleId: string, type: RemoteType): ActionRecord[];
  /** Every lane where an action waits. */
  queuedLanes(): { vehicleId: string; type: RemoteType }[];
  /** Every waiting action, in line order. */
  listQueued(): ActionRecord[];
  /** 1 = next of its lane. */
  queuePosition(action: RemoteAction): number;
  /** The next expiry or retry strictly after `now`, or null. */
  nextQueueInstant(now: IsoTimestamp): IsoTimestamp | null;
  /** Lets the actions waiting for the network go now; how many there were. */
  releaseNetworkWaits(): number;
  /** Whether an action here holds, or held, this upstream id. */
  knowsUpstreamId(upstreamId: string): boolean;
}

export function createActionsRepository(db: Db): ActionsRepository {
  const insert = db.raw.prepare(INSERT_SQL);
  const update = db.raw.prepare(UPDATE_SQL);
  const updateProgress = db.raw.prepare(UPDATE_PROGRESS_SQL);
  const updateProgressSamePhase = db.raw.prepare(UPDATE_PROGRESS_SAME_PHASE_SQL);
  const get = db.raw.prepare<{ id: string }, ActionRow>(GET_SQL);
  const byUpstream = db.raw.prepare<{ upstreamId: string }, ActionRow>(ACTION_BY_UPSTREAM_ID_SQL);
  const forEvent = db.raw.prepare<{ ref: string }, { reused: number } & Nullable<ActionRow>>(
    ACTION_FOR_EVENT_SQL,
  );
  const earlierHolderEvents = db.raw.prepare<{ upstreamId: string }, { id: string; eventDate: string }>(
    EARLIER_HOLDER_EVENTS_SQL,
  );
  const setUpstream = db.raw.prepare(SET_UPSTREAM_SQL);
  const releaseUpstream = db.raw.prepare(RELEASE_UPSTREAM_SQL);
  const byVehicleCallback = db.raw.prepare<
    { vehicleId: string; callbackId: string; limit: number; offset: number },
    ActionRow
  >(ACTIONS_BY_VEHICLE_CALLBACK_SQL);
  const open = db.raw.prepare<[], ActionRow>(ACTIONS_OPEN_SQL);
  const updateQueue = db.raw.prepare(ACTION_UPDATE_QUEUE_SQL);
  const setResentAs = db.raw.prepare(SET_RESENT_AS_SQL);
  const lane = db.raw.prepare<{ vehicleId: string; type: string }, ActionRow>(ACTIONS_LANE_SQL);
  const queuedLanes = db.raw.prepare<[], { vehicleId: string; type: RemoteType }>(ACTIONS_QUEUED_LANES_SQL);
  const queued = db.raw.prepare<[], ActionRow>(ACTIONS_QUEUED_SQL);
  const queuePosition = db.raw
    .prepare<{ vehicleId: string; type: string; seq: number }, number>(ACTION_QUEUE_POSITION_SQL)
    .pluck();
  const nextQueueInstant = db.raw
    .prepare<{ now: string }, string | null>(ACTIONS_NEXT_QUEUE_INSTANT_SQL)
    .pluck();
  const releaseNetworkWaits = db.raw.prepare(ACTIONS_RELEASE_NETWORK_WAITS_SQL);
  const knowsUpstreamId = db.raw
    .prepare<{ upstreamId: string }, number>(ACTION_KNOWS_UPSTREAM_ID_SQL)
    .pluck();
  const unterminated = db.raw.prepare<{ since: string }, ActionRow>(ACTIONS_UNTERMINATED_SQL);
  // Filtered lists come in a few dozen shapes: each is prepared the first time it is used, then reused.
  const statements = new Map<string, BetterSqlite3.Statement<[Record<string, unknown>], unknown>>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.raw.prepare<Record<string, unknown>, unknown>(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };

  function findEventTarget(remoteActionId: string): { action: ActionRecord | null; datesMatter: boolean } {
    const { reused, ...row } = forEvent.get({ ref: remoteActionId })!;
    return { action: row.id === null ? null : toAction(row as ActionRow), datesMatter: reused === 1 };
  }

  return {
    insert(action) {
      insert.run({
        ...toParams(action),
        ...whoParams(action),
        ...queueParams(action),
        upstreamId: action.upstreamId ?? null,
        inLine: action.queue || action.phase === 'Queued' ? 1 : 0,
        afterId: action.queue?.after ?? null,
        resentFrom: action.resentFrom ?? null,
      });
    },
    update(action) {
      return update.run(toParams(action)).changes > 0;
    },
    updateProgress(before, after) {
      if (!onlyProgressChanged(before, after)) return update.run(toParams(after)).changes > 0;
      const progress = {
        id: after.id,
        status: after.status,
        failureCause: after.failureCause,
        feedbackDetail: after.feedbackDetail,
        error: toJsonOrNull(after.error, 'remote_actions.error'),
        updatedAt: after.updatedAt,
        lastEventDate: after.lastEventDate,
      };
      if (samePhase(before, after)) return updateProgressSamePhase.run(progress).changes > 0;
      return (
        updateProgress.run({ ...progress, phase: after.phase, outcome: after.outcome, doneAt: after.doneAt })
          .changes > 0
      );
    },
    claimUpstreamId(id, upstreamId, at) {
      if (!get.get({ id })) return null;
      const row = byUpstream.get({ upstreamId });
      if (!row || row.id === id) {
        setUpstream.run({ id, upstreamId, releasedAt: null });
        return { outcome: 'claimed', previousHolder: null };
      }
      const holder = toAction(row);
      if (isTerminal(holder.phase)) {
        releaseUpstream.run({ id: holder.id, at });
        setUpstream.run({ id, upstreamId, releasedAt: null });
        return { outcome: 'reassigned', previousHolder: holder };
      }
      setUpstream.run({ id, upstreamId, releasedAt: at });
      return { outcome: 'conflict', previousHolder: holder };
    },
    get(id) {
      const row = get.get({ id });
      return row ? toAction(row) : null;
    },
    getByUpstreamId(upstreamId) {
      const row = byUpstream.get({ upstreamId });
      return row ? toAction(row) : null;
    },
    findForEvent(remoteActionId, eventDate) {
      const target = findEventTarget(remoteActionId);
      if (!target.datesMatter) return target.action;
      const earlier = earlierHolderFor(earlierHolderEvents.all({ upstreamId: remoteActionId }), eventDate);
      if (!earlier) return target.action;
      const row = get.get({ id: earlier });
      return row ? toAction(row) : null;
    },
    findEventTarget,
    listForVehicleCallback(vehicleId, callbackId, page) {
      return byVehicleCallback
        .all({ vehicleId, callbackId, limit: page.limit, offset: page.offset })
        .map(toAction);
    },
    list(query) {
      const params: Record<string, unknown> = { ...filterParams(query), limit: query.limit };
      if (query.offset !== undefined) params.offset = query.offset;
      if (query.before !== undefined) {
        params.beforeCreatedAt = query.before.createdAt;
        params.beforeId = query.before.id;
      }
      const rows = statement(actionListSql(query)).all(params) as ActionRow[];
      return rows.map(toAction);
    },
    period({ after, vehicleId, ...query }) {
      const params: Record<string, unknown> = { ...query };
      if (vehicleId !== undefined) params.vehicleId = vehicleId;
      if (after !== undefined) {
        params.afterCreatedAt = after.createdAt;
        params.afterId = after.id;
      }
      const rows = statement(actionPeriodSql({ vehicleId, after })).all(params) as ActionRow[];
      return rows.map(toAction);
    },
    listOpen() {
      return open.all().map(toAction);
    },
    listUnterminated(since) {
      return unterminated.all({ since }).map(toAction);
    },
    count(filter = {}) {
      return statement(actionCountSql(filter)).pluck().get(filterParams(filter)) as number;
    },
    updateQueue(action) {
      updateQueue.run({ id: action.id, ...queueParams(action) });
    },
    setResentAs(id, resentAs) {
      return setResentAs.run({ id, resentAs }).changes > 0;
    },
    lane(vehicleId, type) {
      return lane.all({ vehicleId, type }).map(toAction);
    },
    queuedLanes() {
      return queuedLanes.all();
    },
    listQueued() {
      return queued.all().map(toAction);
    },
    queuePosition(action) {
      if (!action.queue) return 1;
      return queuePosition.get({ vehicleId: action.vehicleId, type: action.type, seq: action.queue.seq })!;
    },
    nextQueueInstant(now) {
      return nextQueueInstant.get({ now }) ?? null;
    },
    releaseNetworkWaits() {
      return releaseNetworkWaits.run().changes;
    },
    knowsUpstreamId(upstreamId) {
      return knowsUpstreamId.get({ upstreamId }) === 1;
    },
  };
}

/** Only the parameters the SQL names: better-sqlite3 rejects unknown named parameters. */
function filterParams(filter: ActionFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.vehicleId !== undefined) params.vehicleId = filter.vehicleId;
  if (filter.callbackId !== undefined) params.callbackId = filter.callbackId;
  if (filter.phase !== undefined) params.phase = filter.phase;
  filter.phases?.forEach((phase, i) => (params[`phase${i}`] = phase));
  if (filter.type !== undefined) params.type = filter.type;
  return params;
}

/**
 * Of the actions that held an upstream id before, the one an event dated `eventDate` belongs to: the earliest
 * whose newest event is not older than it. Each holder was settled before the next one was sent, so their
 * events (dated by the same network clock) follow one another without overlap. null: the current holder's.
 */
function earlierHolderFor(events: { id: string; eventDate: string }[], eventDate: string): string | null {
  const at = Date.parse(eventDate);
  if (events.length === 0 || !Number.isFinite(at)) return null;
  const newest = new Map<string, number>();
  for (const e of events) {
    const t = Date.parse(e.eventDate);
    if (Number.isFinite(t)) newest.set(e.id, Math.max(newest.get(e.id) ?? t, t));
  }
  let found: { id: string; newest: number } | null = null;
  for (const [id, t] of newest) {
    if (t >= at && (!found || t < found.newest)) found = { id, newest: t };
  }
  return found?.id ?? null;
}

/** Whether `after` differs from `before` only in what UPDATE_PROGRESS_SQL writes. */
function onlyProgressChanged(before: RemoteAction, after: RemoteAction): boolean {
  return (
    before.id === after.id &&
    before.vehicleId === after.vehicleId &&
    before.vin === after.vin &&
    before.callbackId === after.callbackId &&
    before.type === after.type &&
    before.remote === after.remote &&
    before.operator === after.operator &&
    before.reason === after.reason &&
    before.createdAt === after.createdAt
  );
}

/** Whether UPDATE_PROGRESS_SAME_PHASE_SQL is enough: the columns it leaves out are what `before` holds already. */
function samePhase(before: RemoteAction, after: RemoteAction): boolean {
  return before.phase === after.phase && before.outcome === after.outcome && before.doneAt === after.doneAt;
}

function toParams(action: RemoteAction): Record<string, string | null> {
  return {
    id: action.id,
    vehicleId: action.vehicleId,
    vin: action.vin,
    callbackId: action.callbackId,
    type: action.type,
    remote: toJson(action.remote, 'remote_actions.remote'),
    phase: action.phase,
    status: action.status,
    outcome: action.outcome,
    failureCause: action.failureCause,
    feedbackDetail: action.feedbackDetail,
    error: toJsonOrNull(action.error, 'remote_actions.error'),
    operator: action.operator,
    reason: action.reason,
    createdAt: action.createdAt,
    updatedAt: action.updatedAt,
    doneAt: action.doneAt,
    lastEventDate: action.lastEventDate,
  };
}

/** The queue's fields that change (its place in line and the links are written once). */
function queueParams(action: RemoteAction): Record<string, string | number | null> {
  const q = action.queue;
  return {
    expiresAt: q?.expiresAt ?? null,
    queueReason: q?.reason ?? null,
    networkTries: q?.tries ?? 0,
    nextTryAt: q?.nextTryAt ?? null,
    sendUncertain: q?.uncertain ? 1 : 0,
    sentAt: action.sentAt ?? null,
  };
}

/** Who sent it and who approved: written once, by the insert (the update leaves them alone). */
function whoParams(action: RemoteAction): Record<string, string | null> {
  return {
    actor: toJsonOrNull(action.sentBy ?? null, 'remote_actions.actor'),
    approvedBy: toJsonOrNull(action.approvedBy ?? null, 'remote_actions.approved_by'),
  };
}

function toAction(row: ActionRow): ActionRecord {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    vin: row.vin,
    callbackId: row.callback_id,
    type: row.type,
    remote: fromJson<RemoteBody>(row.remote),
    phase: row.phase,
    status: row.status,
    outcome: row.outcome,
    failureCause: row.failure_cause,
    feedbackDetail: row.feedback_detail,
    error: fromJsonOrNull<NonNullable<RemoteAction['error']>>(row.error),
    operator: row.operator,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
    lastEventDate: row.last_event_date,
    // Absent rather than null: the record of an action the network never named is the domain object itself.
    ...(row.upstream_id !== null && { upstreamId: row.upstream_id }),
    ...(row.actor !== null && { sentBy: fromJson<ActorRef>(row.actor) }),
    ...(row.approved_by !== null && { approvedBy: fromJson<ApproverRef>(row.approved_by) }),
    ...(row.queue_seq !== null && { queue: queueOf(row, row.queue_seq) }),
    ...(row.sent_at !== null && { sentAt: row.sent_at }),
    ...(row.resent_from !== null && { resentFrom: row.resent_from }),
    ...(row.resent_as !== null && { resentAs: row.resent_as }),
  };
}

function queueOf(row: ActionRow, seq: number): QueueState {
  return {
    seq,
    expiresAt: row.expires_at,
    reason: row.queue_reason,
    tries: row.network_tries,
    nextTryAt: row.next_try_at,
    uncertain: row.send_uncertain === 1,
    after: row.after_id,
  };
}
