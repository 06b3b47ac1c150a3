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
}

const COLUMNS = 'seq, at, operator, action, vin, remote_action_id, callback_id, reason, detail';

const APPEND_SQL = `INSERT INTO audit_log (at, operator, action, vin, remote_action_id, callback_id, reason, detail)
  VALUES (@at, @operator, @action, @vin, @remoteActionId, @callbackId, @reason, @detail) RETURNING seq`;

/** Hot: the audit page, newest first, optionally for one VIN or one kind of act. One SQL text per filter shape. */
export function auditListSql(query: Pick<AuditListQuery, 'vin' | 'action'>): string {
  const terms: string[] = [];
  if (query.vin !== undefined) terms.push('vin = @vin');
  if (query.action !== undefined) terms.push('action = @action');
  // Always bounded (the first page by "before the largest seq"), so every page is one index range search.
  terms.push('seq < @beforeSeq');
  return `SELECT ${COLUMNS} FROM audit_log WHERE ${terms.join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
}

export interface AuditRepository {
  /** Appends an entry and returns its seq. Entries can never be changed or removed (the schema refuses). */
  append(entry: NewAuditEntry): number;
  /** Newest first, paged by seq. */
  list(query: AuditListQuery): AuditEntry[];
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
      return statement.all(params).map(toEntry);
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
  };
}
