import type BetterSqlite3 from 'better-sqlite3';
import { MigrationError } from './errors.js';
import type { Migration } from './migrations/migration.js';

/** Checks the list is 1, 2, 3… with no gap or repeat, and returns the newest version (0 for an empty list). */
export function newestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        `Migration list is malformed: position ${index + 1} holds version ${migration.version} (${migration.name}).`,
      );
    }
  });
  return migrations.length;
}

export function readUserVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one immediate transaction, together with the new user_version, so the
 * file is either fully migrated or untouched. Foreign keys are off while they run (SQLite's recommended
 * procedure: a table rebuild must not cascade or fail half-way) and checked as a whole before commit.
 * Returns the versions applied.
 */
export function applyMigrations(db: BetterSqlite3.Database, migrations: readonly Migration[]): number[] {
  const target = newestVersion(migrations);
  // Up to date: take no write lock at all (another process may be writing).
  if (readUserVersion(db) >= target) return [];
  // foreign_keys cannot change inside a transaction, so it is switched around it.
  db.pragma('foreign_keys = OFF');
  try {
    return db
      .transaction(() => {
        // Read inside the write lock: another process may have migrated the file since we first looked.
        const current = readUserVersion(db);
        const pending = migrations.filter((migration) => migration.version > current);
        for (const migration of pending) {
          try {
            migration.up(db);
          } catch (cause) {
            const reason = cause instanceof Error ? cause.message : String(cause);
            throw new MigrationError(
              `Migration ${migration.version} (${migration.name}) failed: ${reason}. The database was left unchanged.`,
              migration.version,
              { cause },
            );
          }
        }
        if (pending.length === 0) return [];
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new MigrationError(
            `Migrations up to version ${target} leave ${violations.length} foreign key violation(s). ` +
              'The database was left unchanged.',
          );
        }
        // The pragma cannot take a bound parameter; `target` is an integer computed above.
        db.pragma(`user_version = ${target}`);
        return pending.map((migration) => migration.version);
      })
      .immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
