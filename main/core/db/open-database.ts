import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { checkDatabaseFile } from './check-database-file.js';
import { DatabaseFileError, DatabaseTooNewError } from './errors.js';
import { applyMigrations, newestVersion, readUserVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import type { WriteObserver } from './storage-health.js';
import { createWalSync, type SyncFile } from './wal-sync.js';
import { createWriteGuard, guardPreparedWrites, probeDatabaseGrowth, probeDiskSpace } from './write-guard.js';

/** An open, migrated database. Only repositories touch `raw`; everything else goes through them. */
export interface Db {
  readonly raw: BetterSqlite3.Database;
  readonly file: string;
  /**
   * Runs `fn` in an immediate transaction (nested calls become savepoints). Immediate takes the write lock up
   * front, so a read-then-write never fails half-way with SQLITE_BUSY when another connection writes.
   * `fn` must be synchronous: an async function would commit before its awaits ran. Services use a unit of work
   * (unit-of-work.ts) instead, which also holds back their side effects until the commit.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Runs `fn` — one transaction and nothing after it (a unit of work's effects run outside: unit-of-work.ts
   * `deferred`) — with its commit not waiting for the disk (`synchronous = NORMAL` for it alone), and gives its
   * result with `durable`: resolved once the WAL holding the commit is synced to the disk, off the event loop
   * (wal-sync.ts), rejected if that sync failed. Acknowledge what `fn` stored only once `durable` resolved: that is
   * FULL's guarantee, with the loop free while the disk works (the receiver's group commit; decision 28). Every
   * other transaction keeps `synchronous = FULL`. In memory, `durable` is resolved at once.
   */
  deferSync<T>(fn: () => T): { result: T; durable: Promise<void> };
  /**
   * Tries a small write without keeping anything: throws StorageFullError when the disk (or the database's size
   * limit) cannot take it. Never call it inside a transaction.
   */
  probeWrite(): void;
  /** A write error met on another connection to this file (the store writer's): StorageFullError when the disk is full. */
  translateWriteError(error: unknown): unknown;
  /** Another connection to this file committed a write (the storage health may recover). */
  wroteElsewhere(): void;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** Tests only: replaces the app's migration list. */
  migrations?: readonly Migration[];
  /** Told whether writes reach the disk or meet a full one (the storage health). */
  writes?: WriteObserver;
  /**
   * When this start began (ms since the epoch; default: the process start). Files of the data folder created
   * before it show the folder was in use, which makes a zero-byte database a loss rather than a new install.
   */
  startedAt?: number;
  /** Tests only: how deferSync's WAL sync reaches the disk (default fdatasync on libuv's pool). */
  syncFile?: SyncFile;
}

const ignoreWrites: WriteObserver = { diskFull() {}, wrote() {} };

/** SQLite's refusals of a file, as the typed error that names it and the fix; other errors unchanged. */
export function databaseFileProblem(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const detail = (error as Error).message;
  if (code === 'SQLITE_NOTADB') return new DatabaseFileError('DB_NOT_SQLITE', file, detail, { cause: error });
  if (code.startsWith('SQLITE_CORRUPT'))
    return new DatabaseFileError('DB_CORRUPT', file, detail, { cause: error });
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return new DatabaseFileError('DB_NOT_WRITABLE', file, detail, { cause: error });
  }
  return error;
}

export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the database file and brings its schema up to date.
 * @throws DatabaseTooNewError when the file comes from a newer app version (the file is not modified).
 * @throws DatabaseFileError when the file is not SQLite, damaged, zero bytes in a folder already in use, or not
 *   writable (the file is not modified).
 * @throws MigrationError when a migration fails (nothing is applied).
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  // Validate the list before touching the file.
  const knownVersion = newestVersion(migrations);
  const inMemory = file === ':memory:';
  if (!inMemory) {
    mkdirSync(dirname(file), { recursive: true });
    checkDatabaseFile(file, options.startedAt ?? performance.timeOrigin);
  }

  let raw: BetterSqlite3.Database;
  try {
    raw = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw databaseFileProblem(file, error);
  }
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checked before any pragma that writes to the file (journal_mode does), so a refused file stays as it was.
    const fileVersion = readUserVersion(raw);
    if (fileVersion > knownVersion) throw new DatabaseTooNewError(file, fileVersion, knownVersion);
    // Reads and parses the whole schema now, so a damaged one is refused here rather than by the first query.
    raw.prepare('SELECT count(*) FROM sqlite_schema').get();

    // Anything acknowledged to someone else (a 2xx to the network, a queued send) must survive power loss:
    // FULL syncs the WAL on every commit, NORMAL would not.
    raw.pragma('synchronous = FULL');
    applyMigrations(raw, migrations);

    // WAL after migrating, so a failed first migration leaves a fresh file empty rather than half-initialised.
    const journalMode = raw.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal' && !inMemory) {
      throw new Error(`Database ${file} could not switch to WAL journaling (got '${String(journalMode)}').`);
    }
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    raw.close();
    throw databaseFileProblem(file, error);
  }

  const dir = inMemory ? null : dirname(file);
  const guard = createWriteGuard(raw, file, options.writes ?? ignoreWrites, dir);
  guardPreparedWrites(raw, guard);
  const walSync = inMemory ? null : createWalSync(`${file}-wal`, options.syncFile);

  return {
    raw,
    file,
    transaction<T>(fn: () => T): T {
      return guard.track(() =>
        raw
          .transaction(() => {
            const result = fn();
            if (isThenable(result)) {
              // Thrown inside so the transaction rolls back instead of committing a half-done unit of work.
              throw new TypeError('Db.transaction needs a synchronous function; it returned a promise.');
            }
            return result;
          })
          .immediate(),
      );
    },
    deferSync<T>(fn: () => T) {
      if (walSync === null) return { result: fn(), durable: Promise.resolve() };
      // Inside a transaction the setting would not apply to it, and its commit belongs to someone else.
      if (raw.inTransaction) throw new Error('deferSync cannot start inside a transaction.');
      // exec, not a prepared statement: SQLite applies this pragma when it is prepared, not when it runs.
      raw.exec('PRAGMA synchronous = NORMAL');
      let result: T;
      try {
        result = fn();
      } finally {
        raw.exec('PRAGMA synchronous = FULL');
      }
      return { result, durable: walSync.sync() };
    },
    probeWrite() {
      try {
        if (dir !== null) probeDiskSpace(dir);
        probeDatabaseGrowth(raw);
      } catch (error) {
        throw guard.translate(error);
      }
    },
    translateWriteError: (error) => guard.translate(error),
    wroteElsewhere: () => (options.writes ?? ignoreWrites).wrote(),
    close() {
      if (!raw.open) return;
      try {
        // SQLite's advice for long-lived connections: refresh planner statistics on the way out.
        raw.pragma('optimize');
      } catch {
        // Advisory only; closing matters more.
      }
      raw.close();
      walSync?.close();
    },
  };
}

function isThenable(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
