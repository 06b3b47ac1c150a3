// Requests the webhook receiver authenticated but could not apply, kept byte for byte until an operator (or an
// automatic replay once the action they name exists) handles them.
import type BetterSqlite3 from 'better-sqlite3';
import type { FieldError } from '../domain/field-error.js';
import { fromJson, toJson } from './json-column.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp } from './records.js';

export const QUARANTINE_REASONS = ['MALFORMED_JSON', 'SCHEMA_MISMATCH', 'UNKNOWN_ACTION'] as const;
/**
 * - MALFORMED_JSON: the body is empty or not JSON.
 * - SCHEMA_MISMATCH: JSON, but not a fleet notification or end-user message the agent can read.
 * - UNKNOWN_ACTION: readable, but some events name a remote action this agent does not know (yet).
 */
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export const QUARANTINE_RESOLUTIONS = ['Replayed', 'Dismissed'] as const;
export type QuarantineResolution = (typeof QUARANTINE_RESOLUTIONS)[number];

export interface QuarantineRecord {
  id: number;
  callbackId: string;
  receivedAt: IsoTimestamp;
  reason: QuarantineReason;
  errors: FieldError[];
  contentType: string | null;
  headers: Record<string, string>;
  remoteAddress: string | null;
  body: Buffer;
  /** Body size in bytes. */
  size: number;
  actionIds: string[];
  replays: number;
  lastReplayAt: IsoTimestamp | null;
  resolvedAt: IsoTimestamp | null;
  resolvedBy: string | null;
  resolution: QuarantineResolution | null;
}

/** A list item: everything but the body and headers. */
export type QuarantineSummary = Omit<QuarantineRecord, 'body' | 'headers' | 'remoteAddress'>;

export type NewQuarantineEntry = Pick<
  QuarantineRecord,
  | 'callbackId'
  | 'receivedAt'
  | 'reason'
  | 'errors'
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
  errors: FieldError[];
  actionIds: string[];
}

interface QuarantineRow {
  id: number;
  callback_id: string;
  received_at: string;
  reason: QuarantineReason;
  errors: string;
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

const SUMMARY_COLUMNS = `id, callback_id, received_at, reason, errors, content_type, length(body) AS size,
  action_ids, replays, last_replay_at, resolved_at, resolved_by, resolution`;

const INSERT_SQL = `INSERT INTO quarantine (callback_id, received_at, reason, errors, content_type, headers,
  remote_address, body, action_ids)
  VALUES (@callbackId, @receivedAt, @reason, @errors, @contentType, @headers, @remoteAddress, @body, @actionIds)
  RETURNING id`;
const GET_SQL = `SELECT ${SUMMARY_COLUMNS}, headers, remote_address, body FROM quarantine WHERE id = @id`;
const GET_SUMMARY_SQL = `SELECT ${SUMMARY_COLUMNS} FROM quarantine WHERE id = @id`;
const REPLAYED_SQL = `UPDATE quarantine SET replays = replays + 1, last_replay_at = @at, reason = @reason,
  errors = @errors, action_ids = @actionIds WHERE id = @id AND resolved_at IS NULL`;
const RESOLVE_SQL = `UPDATE quarantine SET resolved_at = @at, resolved_by = @by, resolution = @resolution,
  replays = replays + @replayed, last_replay_at = CASE WHEN @replayed THEN @at ELSE last_replay_at END
  WHERE id = @id AND resolved_at IS NULL`;
const UNRESOLVED_UNKNOWN_SQL = `SELECT id, action_ids FROM quarantine
  WHERE resolved_at IS NULL AND reason = 'UNKNOWN_ACTION' ORDER BY id`;

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
}

export function createQuarantineRepository(db: Db): QuarantineRepository {
  const insert = db.raw.prepare<Record<string, unknown>, number>(INSERT_SQL).pluck();
  const get = db.raw.prepare<{ id: number }, QuarantineRow>(GET_SQL);
  const getSummary = db.raw.prepare<{ id: number }, QuarantineRow>(GET_SUMMARY_SQL);
  const replayed = db.raw.prepare(REPLAYED_SQL);
  const resolve = db.raw.prepare(RESOLVE_SQL);
  const waiting = db.raw.prepare<[], { id: number; action_ids: string }>(UNRESOLVED_UNKNOWN_SQL);
  const lists = new Map<string, BetterSqlite3.Statement<[Record<string, unknown>], QuarantineRow>>();
  const counts = new Map<string, BetterSqlite3.Statement<[], number>>();

  return {
    insert(entry) {
      return insert.get({
        callbackId: entry.callbackId,
        receivedAt: entry.receivedAt,
        reason: entry.reason,
        errors: toJson(entry.errors, 'quarantine.errors'),
        contentType: entry.contentType,
        headers: toJson(entry.headers, 'quarantine.headers'),
        remoteAddress: entry.remoteAddress,
        body: entry.body,
        actionIds: toJson(entry.actionIds, 'quarantine.action_ids'),
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
      return (
        replayed.run({
          id,
          at: update.at,
          reason: update.reason,
          errors: toJson(update.errors, 'quarantine.errors'),
          actionIds: toJson(update.actionIds, 'quarantine.action_ids'),
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
  };
}

function toSummary(row: QuarantineRow): QuarantineSummary {
  return {
    id: row.id,
    callbackId: row.callback_id,
    receivedAt: row.received_at,
    reason: row.reason,
    errors: fromJson<FieldError[]>(row.errors),
    contentType: row.content_type,
    size: row.size,
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
    headers: fromJson<Record<string, string>>(row.headers ?? '{}'),
    remoteAddress: row.remote_address ?? null,
    body: row.body ?? Buffer.alloc(0),
  };
}
