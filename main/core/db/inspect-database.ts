// A read-only look at a database file for the support bundle (main/core/diagnostics). Opened read-only, so it works
// while the agent writes to the same file and leaves the file as it was; SQL stays here, in the database layer.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DELIVERY_STATES } from '../../../preload/contract/vocabulary.js';
import { MIGRATIONS } from './migrations/index.js';
import { BUSY_TIMEOUT_MS } from './open-database.js';

/** The tables support asks about, counted when the file has them (an older schema may lack some). */
const COUNTED_TABLES = [
  'vehicles',
  'callbacks',
  'remote_actions',
  'action_events',
  'deliveries',
  'delivery_attempts',
  'quarantine',
  'audit_log',
  'operators',
  'api_tokens',
  'browser_enrolments',
  'vehicle_groups',
  'bulk_remotes',
  'schedules',
  'schedule_runs',
] as const;

/** Past this size the full integrity check would take minutes: quick_check (no index cross-check) instead. */
export const QUICK_CHECK_ABOVE_BYTES = 512 * 1024 * 1024;

export interface DatabaseInspection {
  sqliteVersion: string;
  /** PRAGMA user_version: the last migration applied. */
  schemaVersion: number;
  /** That migration's name, null when the file is newer than this app or at version 0. */
  schemaName: string | null;
  newestKnownVersion: number;
  integrity: { check: 'integrity_check' | 'quick_check'; result: string[] };
  rowCounts: Record<string, number>;
  deliveriesByState: Record<string, number>;
  quarantine: { total: number; open: number };
  /** Every saved setting as stored (secrets included: the caller filters). */
  settings: { key: string; value: unknown; updatedAt: string }[];
  /** The callbacks' sealed values (still sealed), so the caller can open them to mask them elsewhere. */
  sealed: string[];
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Reads what the support bundle needs. Throws SQLite's error (with its `code`) when the file cannot be opened or
 * read; a damaged file that opens is reported through `integrity` instead.
 */
export function inspectDatabase(
  file: string,
  { quickCheckAboveBytes = QUICK_CHECK_ABOVE_BYTES }: { quickCheckAboveBytes?: number } = {},
): DatabaseInspection {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const check = statSync(file).size > quickCheckAboveBytes ? 'quick_check' : 'integrity_check';
    const integrity = (db.pragma(check) as Record<string, string>[]).map((row) =>
      String(Object.values(row)[0]),
    );
    const rowCounts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      if (hasTable(db, table))
        rowCounts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    }
    const deliveriesByState: Record<string, number> = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0]));
    if (hasTable(db, 'deliveries')) {
      const rows = db.prepare('SELECT state, count(*) AS n FROM deliveries GROUP BY state').all() as {
        state: string;
        n: number;
      }[];
      for (const { state, n } of rows) deliveriesByState[state] = n;
    }
    const quarantine = hasTable(db, 'quarantine')
      ? (db
          .prepare(
            'SELECT count(*) AS total, count(*) FILTER (WHERE resolved_at IS NULL) AS open FROM quarantine',
          )
          .get() as { total: number; open: number })
      : { total: 0, open: 0 };
    const settings = hasTable(db, 'settings')
      ? (
          db.prepare('SELECT key, value, updated_at FROM settings ORDER BY key').all() as {
            key: string;
            value: string;
            updated_at: string;
          }[]
        ).map((r) => ({ key: r.key, value: parsed(r.value), updatedAt: r.updated_at }))
      : [];
    const sealed: string[] = [];
    if (hasTable(db, 'callbacks')) {
      const rows = db.prepare('SELECT secrets, receiver_secret FROM callbacks').all() as {
        secrets: string | null;
        receiver_secret: string | null;
      }[];
      for (const r of rows) sealed.push(...[r.secrets, r.receiver_secret].filter((v) => v !== null));
    }
    return {
      sqliteVersion: db.prepare('SELECT sqlite_version()').pluck().get() as string,
      schemaVersion,
      schemaName: MIGRATIONS[schemaVersion - 1]?.name ?? null,
      newestKnownVersion: MIGRATIONS.length,
      integrity: { check, result: integrity },
      rowCounts,
      deliveriesByState,
      quarantine,
      settings,
      sealed,
    };
  } finally {
    db.close();
  }
}
