import type { ActorRef } from '../../../preload/contract/vocabulary.js';
import type BetterSqlite3 from 'better-sqlite3';
import { fromJsonOrNull, toJsonOrNull } from './json-column.js';
import type { Db } from './open-database.js';
import type { AuditEntry, AuditListQuery, NewAuditEntry } from './records.js';

interface AuditRow {
  seq: number;
  at: string;
  operator: string;
  action: string;
  vin: string | null;
  remote_action_id: string | null;
  callback_id: string | null;
  reason: string | null;
  detail: string | null;
  actor: string | null;
}

const COLUMNS = 'seq, at, operator, action, vin, remote_action_id, callback_id, reason, detail, actor';

const APPEND_SQL = `INSERT INTO audit_log (at, operator, action, vin, remote_action_id, callback_id, reason, detail,
  actor, actor_id)
  VALUES (@at, @operator, @action, @vin, @remoteActionId, @callbackId, @reason, @detail, @actor, @actorId)
  RETURNING seq`;

/** Hot: the audit page, newest first, optionally for one VIN or one kind of act. One SQL text per filter shape. */
export function auditListSql(query: Pick<AuditListQuery, 'vin' | 'action' | 'operator'>): string {
  const terms: string[] = [];
  if (query.vin !== undefined) terms.push('vin = @vin');
  if (query.action !== undefined) terms.push('action = @action');
  // An operator or token by id (what the filter picks), or by the name entries recorded before ids existed.
  if (query.operator !== undefined) terms.push('(actor_id = @operator OR operator = @operator)');
  // Always bounded (the first page by "before the largest seq"), so every page is one index range search.
  terms.push('seq < @beforeSeq');
  return `SELECT ${COLUMNS} FROM audit_log WHERE ${terms.join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
}

/** The entries of a period (from included, to excluded), oldest first, one page after a seq: the exports. */
export interface AuditPeriodQuery {
  from: string;
  to: string;
  operator?: string;
  afterSeq: number;
  limit: number;
}

export function auditPeriodSql(query: Pick<AuditPeriodQuery, 'operator'>): string {
  const operator = query.operator !== undefined ? ' AND (actor_id = @operator OR operator = @operator)' : '';
  // By seq (the primary key's range), the order entries were appended in; `at` only filters.
  return `SELECT ${COLUMNS} FROM audit_log WHERE seq > @afterSeq AND at >= @from AND at < @to${operator}
  ORDER BY seq LIMIT @limit`;
}

export interface AuditRepository {
  /** Appends an entry and returns its seq. Entries can never be changed or removed (the schema refuses). */
  append(entry: NewAuditEntry): number;
  /** Newest first, paged by seq. */
  list(query: AuditListQuery): AuditEntry[];
  /** One page of a period, oldest first (keyset paging by seq: each page is a fresh, short read). */
  period(query: AuditPeriodQuery): AuditEntry[];
}

export function createAuditRepository(db: Db): AuditRepository {
  const append = db.raw.prepare<Record<string, unknown>, number>(APPEND_SQL).pluck();
  const lists = new Map<string, BetterSqlite3.Statement<[Record<string, unknown>], AuditRow>>();

  return {
    append(entry) {
      return append.get({
        at: entry.at,
        operator: entry.operator,
        action: entry.action,
        vin: entry.vin ?? null,
        remoteActionId: entry.remoteActionId ?? null,
        callbackId: entry.callbackId ?? null,
        reason: entry.reason ?? null,
        detail: toJsonOrNull(entry.detail, 'audit_log.detail'),
        actor: toJsonOrNull(entry.actor ?? null, 'audit_log.actor'),
        actorId: entry.actor?.id ?? null,
      }) as number;
    },
    list(query) {
      const sql = auditListSql(query);
      let statement = lists.get(sql);
      if (!statement) {
        statement = db.raw.prepare<Record<string, unknown>, AuditRow>(sql);
        lists.set(sql, statement);
      }
      const params: Record<string, unknown> = {
        limit: query.limit,
        beforeSeq: query.beforeSeq ?? Number.MAX_SAFE_INTEGER,
      };
      if (query.vin !== undefined) params.vin = query.vin;
      if (query.action !== undefined) params.action = query.action;
      if (query.operator !== undefined) params.operator = query.operator;
      return statement.all(params).map(toEntry);
    },
    period(query) {
      const sql = auditPeriodSql(query);
      let statement = lists.get(sql);
      if (!statement) {
        statement = db.raw.prepare<Record<string, unknown>, AuditRow>(sql);
        lists.set(sql, statement);
      }
      const { operator, ...params } = query;
      return statement.all(operator !== undefined ? { ...params, operator } : params).map(toEntry);
    },
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    operator: row.operator,
    action: row.action,
    vin: row.vin,
    remoteActionId: row.remote_action_id,
    callbackId: row.callback_id,
    reason: row.reason,
    detail: fromJsonOrNull<unknown>(row.detail),
    actor: fromJsonOrNull<ActorRef>(row.actor),
  };
}
