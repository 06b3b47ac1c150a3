// Requests the webhook receiver authenticated but could not apply, kept byte for byte until an operator (or an
// automatic replay once the action they name exists) handles them.
import type BetterSqlite3 from 'better-sqlite3';
import { fromJson, toJson } from './json-column.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp } from './records.js';
import type { NotificationRule } from '../../../preload/contract/notification-rules.js';

export const QUARANTINE_REASONS = ['MALFORMED_JSON', 'SCHEMA_MISMATCH', 'UNKNOWN_ACTION'] as const;
/**
 * - MALFORMED_JSON: the body is empty or not JSON.
 * - SCHEMA_MISMATCH: JSON, but not a fleet notification or end-user message the agent can read.
 * - UNKNOWN_ACTION: readable, but some events name a remote action this agent does not know (yet).
 */
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export const QUARANTINE_RESOLUTIONS = ['Replayed', 'Dismissed'] as const;
export type QuarantineResolution = (typeof QUARANTINE_RESOLUTIONS)[number];

/**
 * What was wrong with a quarantined notification, as stored with it (and shown in the quarantine screen): a rule
 * and its values, worded by the clients (preload/contract/notification-rules.ts). Rows stored before the rules
 * hold an English `message` instead, still read and shown as it is.
 */
export type NotificationProblem =
  | { field: string; rule: NotificationRule; params?: Readonly<Record<string, string | number>> }
  | { field: string; message: string };

/** Errors kept with an entry; errorCount counts all of them. */
export const QUARANTINE_MAX_ERRORS = 100;

/** What a row weighs beyond its variable columns (ids, dates, index entries), so empty bodies count too. */
export const QUARANTINE_ROW_OVERHEAD = 256;

export interface QuarantineRecord {
  id: number;
  callbackId: string;
  receivedAt: IsoTimestamp;
  reason: QuarantineReason;
  /** The first QUARANTINE_MAX_ERRORS errors. */
  errors: NotificationProblem[];
  /** Every error found, kept or not. */
  errorCount: number;
  contentType: string | null;
  headers: Record<string, string>;
  remoteAddress: string | null;
  body: Buffer;
  /** Body size in bytes. */
  size: number;
  /** What the entry weighs against the size cap (see quarantineEntryBytes). */
  bytes: number;
  actionIds: string[];
  replays: number;
  lastReplayAt: IsoTimestamp | null;
  resolvedAt: IsoTimestamp | null;
  resolvedBy: string | null;
  resolution: QuarantineResolution | null;
}

/** A list item: everything but the body, the headers and the errors (read one entry at a time). */
export type QuarantineSummary = Omit<QuarantineRecord, 'body' | 'headers' | 'remoteAddress' | 'errors'>;

export type NewQuarantineEntry = Pick<
  QuarantineRecord,
  | 'callbackId'
  | 'receivedAt'
  | 'reason'
  | 'errors'
  | 'errorCount'
  | 'contentType'
  | 'headers'
  | 'remoteAddress'
  | 'body'
  | 'actionIds'
>;

export interface QuarantineListQuery {
  /** true: only what needs attention; false: only resolved entries; absent: all. */
  unresolved?: boolean;
  limit: number;
  offset: number;
}

/** What a replay that did not resolve the entry leaves on it. */
export interface QuarantineReplayUpdate {
  at: IsoTimestamp;
  reason: QuarantineReason;
  errors: NotificationProblem[];
  errorCount: number;
  actionIds: string[];
}

/** An entry dropped to make room under the size cap. */
export interface DroppedQuarantineEntry {
  id: number;
  callbackId: string;
  reason: QuarantineReason;
  receivedAt: IsoTimestamp;
  resolvedAt: IsoTimestamp | null;
  bytes: number;
}

interface QuarantineRow {
  id: number;
  callback_id: string;
  received_at: string;
  reason: QuarantineReason;
  errors?: string;
  error_count: number;
  bytes: number;
  content_type: string | null;
  headers?: string;
  remote_address?: string | null;
  body?: Buffer;
  size: number;
  action_ids: string;
  replays: number;
  last_replay_at: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: QuarantineResolution | null;
}

// Never the errors: a list page is read for a glance, the errors one entry at a time.
const SUMMARY_COLUMNS = `id, callback_id, received_at, reason, error_count, bytes, content_type,
  length(body) AS size, action_ids, replays, last_replay_at, resolved_at, resolved_by, resolution`;

const INSERT_SQL = `INSERT INTO quarantine (callback_id, received_at, reason, errors, error_count, bytes,
  content_type, headers, remote_address, body, action_ids)
  VALUES (@callbackId, @receivedAt, @reason, @errors, @errorCount, @bytes, @contentType, @headers,
    @remoteAddress, @body, @actionIds)
  RETURNING id`;
const GET_SQL = `SELECT ${SUMMARY_COLUMNS}, errors, headers, remote_address, body FROM quarantine WHERE id = @id`;
const GET_SUMMARY_SQL = `SELECT ${SUMMARY_COLUMNS} FROM quarantine WHERE id = @id`;
// The right-hand sides read the row as it was: the weight changes by what the new errors and ids weigh more.
const REPLAYED_SQL = `UPDATE quarantine SET replays = replays + 1, last_replay_at = @at, reason = @reason,
  errors = @errors, error_count = @errorCount, action_ids = @actionIds,
  bytes = bytes - length(CAST(errors AS BLOB)) - length(CAST(action_ids AS BLOB)) + @variableBytes
  WHERE id = @id AND resolved_at IS NULL`;
const RESOLVE_SQL = `UPDATE quarantine SET resolved_at = @at, resolved_by = @by, resolution = @resolution,
  replays = replays + @replayed, last_replay_at = CASE WHEN @replayed THEN @at ELSE last_replay_at END
  WHERE id = @id AND resolved_at IS NULL`;
const UNRESOLVED_UNKNOWN_SQL = `SELECT id, action_ids FROM quarantine
  WHERE resolved_at IS NULL AND reason = 'UNKNOWN_ACTION' ORDER BY id`;
const USAGE_SQL = 'SELECT bytes FROM quarantine_usage WHERE id = 1';
const WAITING_BYTES_SQL = `SELECT coalesce(sum(bytes), 0) FROM quarantine
  WHERE resolved_at IS NULL AND reason = 'UNKNOWN_ACTION'`;
const DROP_COLUMNS = 'id, callback_id, reason, received_at, resolved_at, bytes';
/** The drop order past the cap, in two steps, each index-driven (quarantine_resolved, quarantine_droppable). */
export const QUARANTINE_DROP_ORDER_SQL = [
  `SELECT ${DROP_COLUMNS} FROM quarantine WHERE resolved_at IS NOT NULL AND id > @after
    ORDER BY id LIMIT 100`,
  `SELECT ${DROP_COLUMNS} FROM quarantine
    WHERE resolved_at IS NULL AND reason IN ('MALFORMED_JSON', 'SCHEMA_MISMATCH') AND id > @after
    ORDER BY id LIMIT 100`,
] as const;
const DELETE_SQL = 'DELETE FROM quarantine WHERE id = @id';

const filterOf = (unresolved: boolean | undefined): string =>
  unresolved === undefined ? '' : unresolved ? 'WHERE resolved_at IS NULL' : 'WHERE resolved_at IS NOT NULL';

/** Hot: the attention list, newest first. One SQL text per filter. */
export function quarantineListSql(query: Pick<QuarantineListQuery, 'unresolved'>): string {
  return `SELECT ${SUMMARY_COLUMNS} FROM quarantine ${filterOf(query.unresolved)}
    ORDER BY id DESC LIMIT @limit OFFSET @offset`;
}

export function quarantineCountSql(query: Pick<QuarantineListQuery, 'unresolved'>): string {
  return `SELECT count(*) FROM quarantine ${filterOf(query.unresolved)}`;
}

export { UNRESOLVED_UNKNOWN_SQL as QUARANTINE_UNRESOLVED_UNKNOWN_SQL };

const jsonBytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The columns of an entry as stored, and its weight: what each costs in the table, plus the row overhead. */
function storedColumns(entry: NewQuarantineEntry) {
  const errors = toJson(entry.errors.slice(0, QUARANTINE_MAX_ERRORS), 'quarantine.errors');
  const headers = toJson(entry.headers, 'quarantine.headers');
  const actionIds = toJson(entry.actionIds, 'quarantine.action_ids');
  const bytes =
    QUARANTINE_ROW_OVERHEAD +
    entry.body.length +
    jsonBytes(errors) +
    jsonBytes(headers) +
    jsonBytes(actionIds);
  return { errors, headers, actionIds, bytes };
}

/** What an entry will weigh against the size cap once stored. */
export function quarantineEntryBytes(entry: NewQuarantineEntry): number {
  return storedColumns(entry).bytes;
}

export interface QuarantineRepository {
  /** Stores a request as received; returns its id. */
  insert(entry: NewQuarantineEntry): number;
  /** With body and headers; null when unknown. */
  get(id: number): QuarantineRecord | null;
  getSummary(id: number): QuarantineSummary | null;
  /** Newest first. */
  list(query: QuarantineListQuery): QuarantineSummary[];
  count(query: Pick<QuarantineListQuery, 'unresolved'>): number;
  /** A replay that left it unresolved: counts it and keeps what is still wrong. False if resolved or unknown. */
  recordReplay(id: number, update: QuarantineReplayUpdate): boolean;
  /** Marks it handled (Replayed: a replay applied all of it; Dismissed: by hand). False if already resolved. */
  resolve(
    id: number,
    resolution: { at: IsoTimestamp; by: string; resolution: QuarantineResolution; replayed: boolean },
  ): boolean;
  /** Unresolved UNKNOWN_ACTION entries with the action ids they wait for, oldest first. */
  listWaitingForActions(): { id: number; actionIds: string[] }[];
  /** The weight of every entry (what the size cap is measured against). */
  usedBytes(): number;
  /** The weight of the entries still waiting for their action (never dropped). */
  waitingBytes(): number;
  /**
   * Drops entries, resolved ones first, then malformed ones (MALFORMED_JSON, SCHEMA_MISMATCH), oldest first,
   * until at least `bytes` are freed; returns what it dropped. Drops nothing and returns null when all of those
   * together do not free enough (what remains waits for its action and is never dropped). Call in a transaction.
   */
  freeSpace(bytes: number): DroppedQuarantineEntry[] | null;
}

export function createQuarantineRepository(db: Db): QuarantineRepository {
  const insert = db.raw.prepare<Record<string, unknown>, number>(INSERT_SQL).pluck();
  const get = db.raw.prepare<{ id: number }, QuarantineRow>(GET_SQL);
  const getSummary = db.raw.prepare<{ id: number }, QuarantineRow>(GET_SUMMARY_SQL);
  const replayed = db.raw.prepare(REPLAYED_SQL);
  const resolve = db.raw.prepare(RESOLVE_SQL);
  const waiting = db.raw.prepare<[], { id: number; action_ids: string }>(UNRESOLVED_UNKNOWN_SQL);
  const usage = db.raw.prepare<[], number>(USAGE_SQL).pluck();
  const waitingBytes = db.raw.prepare<[], number>(WAITING_BYTES_SQL).pluck();
  const dropOrder = QUARANTINE_DROP_ORDER_SQL.map((sql) => db.raw.prepare<{ after: number }, DropRow>(sql));
  const remove = db.raw.prepare(DELETE_SQL);
  const lists = new Map<string, BetterSqlite3.Statement<[Record<string, unknown>], QuarantineRow>>();
  const counts = new Map<string, BetterSqlite3.Statement<[], number>>();

  return {
    insert(entry) {
      const stored = storedColumns(entry);
      return insert.get({
        callbackId: entry.callbackId,
        receivedAt: entry.receivedAt,
        reason: entry.reason,
        errors: stored.errors,
        errorCount: Math.max(entry.errorCount, entry.errors.length),
        bytes: stored.bytes,
        contentType: entry.contentType,
        headers: stored.headers,
        remoteAddress: entry.remoteAddress,
        body: entry.body,
        actionIds: stored.actionIds,
      }) as number;
    },
    get(id) {
      const row = get.get({ id });
      return row ? toRecord(row) : null;
    },
    getSummary(id) {
      const row = getSummary.get({ id });
      return row ? toSummary(row) : null;
    },
    list(query) {
      const sql = quarantineListSql(query);
      let statement = lists.get(sql);
      if (!statement) {
        statement = db.raw.prepare<Record<string, unknown>, QuarantineRow>(sql);
        lists.set(sql, statement);
      }
      return statement.all({ limit: query.limit, offset: query.offset }).map(toSummary);
    },
    count(query) {
      const sql = quarantineCountSql(query);
      let statement = counts.get(sql);
      if (!statement) {
        statement = db.raw.prepare<[], number>(sql).pluck();
        counts.set(sql, statement);
      }
      return statement.get() as number;
    },
    recordReplay(id, update) {
      const errors = toJson(update.errors.slice(0, QUARANTINE_MAX_ERRORS), 'quarantine.errors');
      const actionIds = toJson(update.actionIds, 'quarantine.action_ids');
      return (
        replayed.run({
          id,
          at: update.at,
          reason: update.reason,
          errors,
          errorCount: Math.max(update.errorCount, update.errors.length),
          actionIds,
          variableBytes: jsonBytes(errors) + jsonBytes(actionIds),
        }).changes > 0
      );
    },
    resolve(id, r) {
      return (
        resolve.run({ id, at: r.at, by: r.by, resolution: r.resolution, replayed: r.replayed ? 1 : 0 })
          .changes > 0
      );
    },
    listWaitingForActions() {
      return waiting.all().map((row) => ({ id: row.id, actionIds: fromJson<string[]>(row.action_ids) }));
    },
    usedBytes() {
      return usage.get() ?? 0;
    },
    waitingBytes() {
      return waitingBytes.get() ?? 0;
    },
    freeSpace(bytes) {
      const chosen: DroppedQuarantineEntry[] = [];
      let freed = 0;
      // Chosen first, dropped after: nothing goes unless enough can go.
      for (const step of dropOrder) {
        for (let after = 0; freed < bytes;) {
          const rows = step.all({ after });
          for (const row of rows) {
            if (freed >= bytes) break;
            chosen.push(toDropped(row));
            freed += row.bytes;
          }
          if (rows.length === 0) break;
          after = rows[rows.length - 1]!.id;
        }
      }
      if (freed < bytes) return null;
      for (const entry of chosen) remove.run({ id: entry.id });
      return chosen;
    },
  };
}

interface DropRow {
  id: number;
  callback_id: string;
  reason: QuarantineReason;
  received_at: string;
  resolved_at: string | null;
  bytes: number;
}

function toDropped(row: DropRow): DroppedQuarantineEntry {
  return {
    id: row.id,
    callbackId: row.callback_id,
    reason: row.reason,
    receivedAt: row.received_at,
    resolvedAt: row.resolved_at,
    bytes: row.bytes,
  };
}

function toSummary(row: QuarantineRow): QuarantineSummary {
  return {
    id: row.id,
    callbackId: row.callback_id,
    receivedAt: row.received_at,
    reason: row.reason,
    errorCount: row.error_count,
    contentType: row.content_type,
    size: row.size,
    bytes: row.bytes,
    actionIds: fromJson<string[]>(row.action_ids),
    replays: row.replays,
    lastReplayAt: row.last_replay_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolution: row.resolution,
  };
}

function toRecord(row: QuarantineRow): QuarantineRecord {
  return {
    ...toSummary(row),
    errors: fromJson<NotificationProblem[]>(row.errors ?? '[]'),
    headers: fromJson<Record<string, string>>(row.headers ?? '{}'),
    remoteAddress: row.remote_address ?? null,
    body: row.body ?? Buffer.alloc(0),
  };
}
