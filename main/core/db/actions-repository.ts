import type BetterSqlite3 from 'better-sqlite3';
import type { RemoteAction } from '../domain/action.js';
import type { RemoteBody } from '../domain/remote/remote-body.js';
import type { RemoteType } from '../domain/remote-type.js';
import type { ActionPhase, DoneStatus } from '../domain/status.js';
import { fromJson, fromJsonOrNull, toJson, toJsonOrNull } from './json-column.js';
import type { Db } from './open-database.js';
import type { ActionCursor, Page } from './records.js';

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
}

const COLUMNS = `id, vehicle_id, vin, callback_id, type, remote, phase, status, outcome, failure_cause,
  feedback_detail, error, operator, reason, created_at, updated_at, done_at, last_event_date`;

const INSERT_SQL = `INSERT INTO remote_actions (${COLUMNS}) VALUES (@id, @vehicleId, @vin, @callbackId, @type,
  @remote, @phase, @status, @outcome, @failureCause, @feedbackDetail, @error, @operator, @reason, @createdAt,
  @updatedAt, @doneAt, @lastEventDate)`;
const UPDATE_SQL = `UPDATE remote_actions SET vehicle_id = @vehicleId, vin = @vin, callback_id = @callbackId,
  type = @type, remote = @remote, phase = @phase, status = @status, outcome = @outcome,
  failure_cause = @failureCause, feedback_detail = @feedbackDetail, error = @error, operator = @operator,
  reason = @reason, created_at = @createdAt, updated_at = @updatedAt, done_at = @doneAt,
  last_event_date = @lastEventDate
  WHERE id = @id`;
const GET_SQL = `SELECT ${COLUMNS} FROM remote_actions WHERE id = @id`;

/** Hot: the remotes of one vehicle for one callback, newest first (the fleet API's list, and the send guard). */
export const ACTIONS_BY_VEHICLE_CALLBACK_SQL = `SELECT ${COLUMNS} FROM remote_actions
  WHERE vehicle_id = @vehicleId AND callback_id = @callbackId
  ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`;

/** Hot at startup: what may still change. Found through the phase index; the few rows are then sorted. */
export const ACTIONS_OPEN_SQL = `SELECT ${COLUMNS} FROM remote_actions
  WHERE phase IN ('Sending', 'Pending') ORDER BY created_at, id`;

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

export function actionCountSql(filter: ActionFilter): string {
  return `SELECT count(*) FROM remote_actions ${where(filterTerms(filter, false))}`;
}

const REKEY_SQL = 'UPDATE remote_actions SET id = @newId WHERE id = @oldId';

export interface ActionsRepository {
  insert(action: RemoteAction): void;
  /** Stores the action as given (all fields but id). False when no action has this id. */
  update(action: RemoteAction): boolean;
  /**
   * Renames an action sent under a local id once the network gave it its own; events and deliveries follow
   * (ON UPDATE CASCADE). False when `oldId` is unknown.
   */
  rekey(oldId: string, newId: string): boolean;
  get(id: string): RemoteAction | null;
  /** Newest first. */
  listForVehicleCallback(vehicleId: string, callbackId: string, page: Page): RemoteAction[];
  /** Newest first. */
  list(query: ActionListQuery): RemoteAction[];
  /** Actions Sending or Pending, oldest first. */
  listOpen(): RemoteAction[];
  count(filter?: ActionFilter): number;
}

export function createActionsRepository(db: Db): ActionsRepository {
  const insert = db.raw.prepare(INSERT_SQL);
  const update = db.raw.prepare(UPDATE_SQL);
  const rekey = db.raw.prepare(REKEY_SQL);
  const get = db.raw.prepare<{ id: string }, ActionRow>(GET_SQL);
  const byVehicleCallback = db.raw.prepare<
    { vehicleId: string; callbackId: string; limit: number; offset: number },
    ActionRow
  >(ACTIONS_BY_VEHICLE_CALLBACK_SQL);
  const open = db.raw.prepare<[], ActionRow>(ACTIONS_OPEN_SQL);
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

  return {
    insert(action) {
      insert.run(toParams(action));
    },
    update(action) {
      return update.run(toParams(action)).changes > 0;
    },
    rekey(oldId, newId) {
      return rekey.run({ oldId, newId }).changes > 0;
    },
    get(id) {
      const row = get.get({ id });
      return row ? toAction(row) : null;
    },
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
    listOpen() {
      return open.all().map(toAction);
    },
    count(filter = {}) {
      return statement(actionCountSql(filter)).pluck().get(filterParams(filter)) as number;
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

function toAction(row: ActionRow): RemoteAction {
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
  };
}
