// A look at a database file before anything migrates it (the pre-migration backup, main/core/backup): its schema
// version and one saved setting, read-only, without the integrity check a diagnostic would run (this runs at every
// start). SQL stays here, in the database layer.
import Database from 'better-sqlite3';
import { readUserVersion } from './migrate.js';
import { BUSY_TIMEOUT_MS } from './open-database.js';

export interface DatabasePeek {
  /** PRAGMA user_version: the last migration applied. */
  schemaVersion: number;
  /** The saved setting's JSON value; undefined when absent (or the file has no settings table yet). */
  setting: unknown;
}

export function peekDatabase(file: string, settingKey: string): DatabasePeek {
  const db = new Database(file, { fileMustExist: true, readonly: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const schemaVersion = readUserVersion(db);
    const hasSettings =
      db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !==
      undefined;
    let setting: unknown = undefined;
    if (hasSettings) {
      const text = db
        .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
        .pluck()
        .get(settingKey);
      if (text !== undefined) {
        try {
          setting = JSON.parse(text);
        } catch {
          setting = undefined;
        }
      }
    }
    return { schemaVersion, setting };
  } finally {
    db.close();
  }
}
