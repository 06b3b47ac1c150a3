import type BetterSqlite3 from 'better-sqlite3';

/**
 * One schema step. `version` is the PRAGMA user_version the file has once it ran; versions start at 1 and
 * have no gaps. A migration is frozen once released: change the schema with a new one, never by editing it.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Runs inside the single transaction that applies every pending migration; throw to abort them all. */
  up(db: BetterSqlite3.Database): void;
}
