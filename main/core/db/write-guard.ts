// A full disk, wherever a write meets it (an API call, the receiver, the outbox, a timer), becomes one typed error,
// StorageFullError, and is reported to the storage health; a write that reaches the file reports that writes
// work again. Every write of the app runs through statements prepared on the one connection and through
// Db.transaction, so wrapping those two places covers them all.
import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { StorageFullError } from './errors.js';
import { isDiskFull, type WriteObserver } from './storage-health.js';

/** Room a probe asks for: a few pages of WAL, so "ok" means the next ordinary write fits too. */
const PROBE_BYTES = 64 * 1024;
/** In the data folder; written, synced and removed by each probe. */
export const SPACE_PROBE_FILE = '.space-probe';

/** Throws (ENOSPC, …) when the folder's disk cannot take PROBE_BYTES more. */
export function probeDiskSpace(dir: string): void {
  const file = join(dir, SPACE_PROBE_FILE);
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, Buffer.alloc(PROBE_BYTES));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    unlinkSync(file);
  }
}

/**
 * Throws when the database cannot grow by two pages (SQLite's own limits such as max_page_count, which is also how
 * tests fill "the disk"). In a transaction rolled back, so nothing is kept.
 */
export function probeDatabaseGrowth(raw: BetterSqlite3.Database): void {
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.exec('BEGIN IMMEDIATE');
  try {
    raw.exec('CREATE TABLE depot_remote_space_probe (b BLOB)');
    raw.prepare('INSERT INTO depot_remote_space_probe VALUES (zeroblob(?))').run(pageSize * 2);
  } finally {
    if (raw.inTransaction) raw.exec('ROLLBACK');
  }
}

export interface WriteGuard {
  /** Turns a disk-full failure into StorageFullError (and reports it); other errors pass unchanged. */
  translate(error: unknown): unknown;
  /** Runs a write (a statement or a whole transaction) and reports it if it committed changes. */
  track<T>(write: () => T): T;
}

export function createWriteGuard(
  raw: BetterSqlite3.Database,
  file: string,
  observer: WriteObserver,
  /** The folder whose free space decides whether an SQLite I/O error means "disk full"; null in memory. */
  dir: string | null,
): WriteGuard {
  const totalChanges = raw.prepare<[], number>('SELECT total_changes()').pluck();
  const full = (error: unknown) => {
    if (isDiskFull(error)) return true;
    // SQLite reports some ENOSPC cases (fsync, truncate, WAL index) as a generic I/O error: ask the disk.
    const code = (error as { code?: unknown } | null)?.code;
    if (dir === null || typeof code !== 'string' || !code.startsWith('SQLITE_IOERR')) return false;
    try {
      probeDiskSpace(dir);
      return false;
    } catch (probeError) {
      return isDiskFull(probeError);
    }
  };
  const guard: WriteGuard = {
    translate(error) {
      if (!full(error)) return error;
      observer.diskFull();
      return error instanceof StorageFullError ? error : new StorageFullError(file, { cause: error });
    },
    track(write) {
      // Inside a transaction nothing is on disk yet: the outermost transaction reports once it commits.
      const outermost = !raw.inTransaction;
      const before = outermost ? totalChanges.get() : 0;
      let result;
      try {
        result = write();
      } catch (error) {
        throw guard.translate(error);
      }
      if (outermost && totalChanges.get() !== before) observer.wrote();
      return result;
    },
  };
  return guard;
}

type WriteMethod = 'run' | 'get' | 'all';

/**
 * Routes every writing statement prepared on `raw` from now on through the guard (reading statements are left
 * alone). Statements are prepared once per repository, so this costs one wrapper per statement, not per call.
 */
export function guardPreparedWrites(raw: BetterSqlite3.Database, guard: WriteGuard): void {
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.readonly) return statement;
    const target = statement as unknown as Record<WriteMethod, (...args: unknown[]) => unknown>;
    for (const method of ['run', 'get', 'all'] as const) {
      const original = target[method].bind(statement);
      // Inside a transaction the statement's error reaches the transaction, which is guarded (Db.transaction) and
      // reports once it commits: the statement needs no wrapper of its own there, and the hot paths (the receiver's
      // groups, ~4 statements an event) skip a closure and a try per call.
      target[method] = (...args) =>
        raw.inTransaction ? original(...args) : guard.track(() => original(...args));
    }
    return statement;
  }) as typeof raw.prepare;
}
