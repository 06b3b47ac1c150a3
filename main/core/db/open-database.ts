import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { DatabaseTooNewError } from './errors.js';
import { applyMigrations, newestVersion, readUserVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';

/** An open, migrated database. Only repositories touch `raw`; everything else goes through them. */
export interface Db {
  readonly raw: BetterSqlite3.Database;
  readonly file: string;
  /**
   * Runs `fn` in an immediate transaction (nested calls become savepoints). Immediate takes the write lock up
   * front, so a read-then-write never fails half-way with SQLITE_BUSY when another connection writes.
   * `fn` must be synchronous: an async function would commit before its awaits ran.
   */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** Tests only: replaces the app's migration list. */
  migrations?: readonly Migration[];
}

const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the database file and brings its schema up to date.
 * @throws DatabaseTooNewError when the file comes from a newer app version (the file is not modified).
 * @throws MigrationError when a migration fails (nothing is applied).
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  // Validate the list before touching the file.
  const knownVersion = newestVersion(migrations);
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });

  const raw = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checked before any pragma that writes to the file (journal_mode does), so a refused file stays as it was.
    const fileVersion = readUserVersion(raw);
    if (fileVersion > knownVersion) throw new DatabaseTooNewError(file, fileVersion, knownVersion);

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
    throw error;
  }

  return {
    raw,
    file,
    transaction<T>(fn: () => T): T {
      return raw
        .transaction(() => {
          const result = fn();
          if (isThenable(result)) {
            // Thrown inside so the transaction rolls back instead of committing a half-done unit of work.
            throw new TypeError('Db.transaction needs a synchronous function; it returned a promise.');
          }
          return result;
        })
        .immediate();
    },
    close() {
      if (!raw.open) return;
      try {
        // SQLite's advice for long-lived connections: refresh planner statistics on the way out.
        raw.pragma('optimize');
      } catch {
        // Advisory only; closing matters more.
      }
      raw.close();
    },
  };
}

function isThenable(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
