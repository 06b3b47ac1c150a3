import { fromJson, toJson } from './json-column.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp, SettingRecord } from './records.js';

const GET_SQL = 'SELECT value FROM settings WHERE key = @key';
const SET_SQL = `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @at)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;
const ALL_SQL = 'SELECT key, value, updated_at FROM settings ORDER BY key';

export interface SettingsRepository {
  /** The stored JSON value, or undefined when the key was never set (null is a value). Not validated: the caller owns T. */
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown, at: IsoTimestamp): void;
  /** Every setting, by key. */
  all(): SettingRecord[];
}

export function createSettingsRepository(db: Db): SettingsRepository {
  const get = db.raw.prepare<{ key: string }, string>(GET_SQL).pluck();
  const set = db.raw.prepare(SET_SQL);
  const all = db.raw.prepare<[], { key: string; value: string; updated_at: string }>(ALL_SQL);

  return {
    get<T>(key: string): T | undefined {
      const text = get.get({ key });
      return text === undefined ? undefined : fromJson<T>(text);
    },
    set(key, value, at) {
      set.run({ key, value: toJson(value, `settings.${key}`), at });
    },
    all() {
      return all
        .all()
        .map((row) => ({ key: row.key, value: fromJson<unknown>(row.value), updatedAt: row.updated_at }));
    },
  };
}
