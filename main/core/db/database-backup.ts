// What backup and restore (main/core/backup) need of SQLite, kept here because better-sqlite3 belongs to the db
// layer: a consistent copy of a live database through SQLite's online backup API, a look at a copy, and whether a
// process holds the file open.
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './open-database.js';
import { readUserVersion } from './migrate.js';

/** What a copy of the database holds, read from the copy itself. */
export interface DatabaseCopy {
  /** PRAGMA user_version: the last migration applied. */
  schemaVersion: number;
  /** PRAGMA quick_check said "ok". */
  intact: boolean;
  /** The first problem quick_check named, when it is not intact. */
  problem: string | null;
}

/** Pages per step once the copy has begun: all that remain, so a writer elsewhere cannot make it start over forever. */
const ALL_REMAINING_PAGES = 0x7fffffff;

/**
 * Copies `source` into the new file `target` with the online backup API: a consistent snapshot of the committed
 * state (WAL included) even while another process writes, and without migrating or otherwise changing `source`.
 */
export async function snapshotDatabase(source: string, target: string): Promise<DatabaseCopy> {
  const db = new Database(source, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    await db.backup(target, { progress: () => ALL_REMAINING_PAGES });
  } finally {
    db.close();
  }
  return inspectDatabaseCopy(target);
}

/** Reads a copy's schema version and checks its pages (read-only; the file is not changed). */
export function inspectDatabaseCopy(file: string): DatabaseCopy {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const schemaVersion = readUserVersion(db);
    const rows = db.pragma('quick_check(1)', { simple: false }) as { quick_check: string }[];
    const first = rows[0]?.quick_check ?? 'no answer';
    return { schemaVersion, intact: first === 'ok', problem: first === 'ok' ? null : first };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))) {
      return { schemaVersion: 0, intact: false, problem: (error as Error).message };
    }
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Whether another connection (the agent, the desktop app, any process) holds the database open: every connection to
 * a WAL database keeps a shared lock on it for as long as it is open, so an exclusive lock is refused at once. The
 * probe takes the lock and gives it back; it writes nothing. A damaged file (what a restore often replaces) is in no
 * agent's use: it would have refused to start on it.
 */
export function databaseInUse(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY') return true;
    if (typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')))
      return false;
    throw error;
  } finally {
    db.close();
  }
}
