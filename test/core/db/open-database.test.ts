import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import {
  DatabaseFileError,
  DatabaseTooNewError,
  MIGRATIONS,
  MigrationError,
  openDatabase,
  StorageFullError,
} from '../../../main/core/db/index.js';
import type { Migration, WriteObserver } from '../../../main/core/db/index.js';
import { useTempDir } from './db-fixtures.js';

const TABLES = [
  'action_events',
  'api_tokens',
  'audit_log',
  'audit_retention',
  'browser_enrolments',
  'bulk_items',
  'bulk_remotes',
  'callbacks',
  'deliveries',
  'delivery_attempts',
  'delivery_events',
  'delivery_holds',
  'delivery_payloads',
  'delivery_targets',
  'operators',
  'quarantine',
  'quarantine_usage',
  'remote_actions',
  'schedule_runs',
  'schedules',
  'settings',
  'vehicle_groups',
  'vehicles',
];

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function schemaOf(file: string): { version: number; objects: string[] } {
  const raw = new Database(file, { readonly: true });
  try {
    const version = raw.pragma('user_version', { simple: true }) as number;
    const objects = raw
      .prepare<[], string>("SELECT type || ':' || name FROM sqlite_master ORDER BY type, name")
      .pluck()
      .all();
    return { version, objects };
  } finally {
    raw.close();
  }
}

describe('openDatabase', () => {
  const tempDir = useTempDir();
  const fileIn = (...parts: string[]) => path.join(tempDir(), ...parts);

  it('creates the parent directory, migrates an empty file and applies the pragmas', () => {
    const file = fileIn('nested', 'deeper', 'depot.sqlite');
    const db = openDatabase(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      const tables = db.raw
        .prepare<[], string>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .pluck()
        .all();
      expect(tables.sort()).toEqual(TABLES);
      expect(db.raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
      const triggers = db.raw
        .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .pluck()
        .all();
      expect(triggers.sort()).toEqual([
        'audit_log_no_delete',
        'audit_log_no_update',
        'audit_retention_forward_only',
        'audit_retention_kept',
        'quarantine_usage_delete',
        'quarantine_usage_insert',
        'quarantine_usage_update',
      ]);
    } finally {
      db.close();
    }
  });

  it('reopens an up-to-date file without running any migration', () => {
    const file = fileIn('depot.sqlite');
    openDatabase(file).close();
    const before = schemaOf(file);

    const spied: Migration[] = MIGRATIONS.map((m) => ({ ...m, up: vi.fn(m.up) }));
    const db = openDatabase(file, { migrations: spied });
    db.close();

    for (const m of spied) expect(m.up).not.toHaveBeenCalled();
    expect(schemaOf(file)).toEqual(before);
  });

  it('refuses a file from a newer app with DatabaseTooNewError and leaves it untouched', () => {
    const file = fileIn('depot.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE from_the_future (x INTEGER)');
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    const hash = sha256(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const tooNew = error as DatabaseTooNewError;
    expect(tooNew.code).toBe('DB_TOO_NEW');
    expect(tooNew.fileVersion).toBe(MIGRATIONS.length + 5);
    expect(tooNew.knownVersion).toBe(MIGRATIONS.length);
    expect(tooNew.message).toContain(`version ${MIGRATIONS.length + 5}`);
    expect(tooNew.message).toContain(`version ${MIGRATIONS.length}`);
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(tempDir())).toEqual(['depot.sqlite']);
  });

  it('rolls back every pending migration when one fails, leaving an existing file unchanged', () => {
    const file = fileIn('depot.sqlite');
    openDatabase(file).close();
    const before = schemaOf(file);
    const hash = sha256(file);

    const migrations: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'good',
        up: (db) => void db.exec('CREATE TABLE added (x INTEGER)'),
      },
      {
        version: MIGRATIONS.length + 2,
        name: 'bad',
        up: (db) => {
          db.exec('ALTER TABLE vehicles ADD COLUMN doomed TEXT');
          throw new Error('boom');
        },
      },
    ];
    let error: unknown;
    try {
      openDatabase(file, { migrations });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).version).toBe(MIGRATIONS.length + 2);
    expect((error as MigrationError).message).toContain('bad');
    expect((error as MigrationError).cause).toBeInstanceOf(Error);
    expect(schemaOf(file)).toEqual(before);
    expect(sha256(file)).toBe(hash);
  });

  it('leaves a fresh file empty when its first migration fails', () => {
    const file = fileIn('depot.sqlite');
    const migrations: Migration[] = [
      {
        version: 1,
        name: 'half-done',
        up: (db) => {
          db.exec('CREATE TABLE t (x INTEGER)');
          db.exec('INSERT INTO nowhere VALUES (1)');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations })).toThrow(MigrationError);
    expect(schemaOf(file)).toEqual({ version: 0, objects: [] });
  });

  it('refuses a migration that leaves foreign key violations', () => {
    const file = fileIn('depot.sqlite');
    const migrations: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'orphans',
        up: (db) =>
          void db.exec(`INSERT INTO action_events (remote_action_id, event_date, received_at, event_type, status,
            source, applied) VALUES ('nobody', 'x', '2025-01-01T00:00:00.000Z', 'Local', 'x', 'local', 1)`),
      },
    ];
    expect(() => openDatabase(file, { migrations })).toThrow(/foreign key/);
    expect(schemaOf(file).version).toBe(0);
  });

  it('rejects a malformed migration list before touching the file', () => {
    const file = fileIn('depot.sqlite');
    const gap: Migration[] = [{ version: 2, name: 'gap', up: () => undefined }];
    expect(() => openDatabase(file, { migrations: gap })).toThrow(MigrationError);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('runs transactions atomically, nests them, and refuses async functions', () => {
    const db = openDatabase(fileIn('depot.sqlite'));
    try {
      const set = db.raw.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, '1', ?)");
      const count = db.raw.prepare<[], number>('SELECT count(*) FROM settings').pluck();
      const now = '2025-01-01T00:00:00.000Z';

      expect(() =>
        db.transaction(() => {
          set.run('a', now);
          throw new Error('abort');
        }),
      ).toThrow('abort');
      expect(count.get()).toBe(0);

      const result = db.transaction(() => {
        set.run('outer', now);
        try {
          db.transaction(() => {
            set.run('inner', now);
            throw new Error('inner fails');
          });
        } catch {
          // the savepoint rolled back; the outer transaction goes on
        }
        return 'done';
      });
      expect(result).toBe('done');
      expect(db.raw.prepare<[], string>('SELECT key FROM settings').pluck().all()).toEqual(['outer']);

      expect(() =>
        db.transaction(() => {
          set.run('async', now);
          return Promise.resolve();
        }),
      ).toThrow(/synchronous/);
      expect(count.get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('close is idempotent', () => {
    const db = openDatabase(fileIn('depot.sqlite'));
    db.close();
    expect(() => db.close()).not.toThrow();
    expect(db.raw.open).toBe(false);
  });
});

describe('openDatabase: files it must not use as they are', () => {
  const tempDir = useTempDir();
  const fileIn = (...parts: string[]) => path.join(tempDir(), ...parts);
  const refusal = (open: () => unknown): DatabaseFileError => {
    try {
      open();
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseFileError);
      return error as DatabaseFileError;
    }
    throw new Error('not refused');
  };

  it('refuses a file that is not SQLite, naming it, and leaves it untouched', () => {
    const file = fileIn('depot.sqlite');
    fs.writeFileSync(file, 'these are not the pages you are looking for\n'.repeat(20));
    const hash = sha256(file);
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('DB_NOT_SQLITE');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/Restore it from a backup, or move it aside/);
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(tempDir())).toEqual(['depot.sqlite']);
  });

  it('refuses a truncated file (shorter than its header says) and leaves it untouched', () => {
    const file = fileIn('depot.sqlite');
    openDatabase(file).close();
    fs.truncateSync(file, 8192);
    const hash = sha256(file);
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/truncated: 8192 bytes/);
    expect(sha256(file)).toBe(hash);
  });

  it('refuses a file whose schema is damaged', () => {
    const file = fileIn('depot.sqlite');
    openDatabase(file).close();
    // Page 1 holds the schema table after the 100-byte file header.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(2000, 0xa5), 0, 2000, 100);
    fs.closeSync(fd);
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(file);
  });

  it('refuses a zero-byte file when the folder was in use before this start', () => {
    const file = fileIn('depot.sqlite');
    fs.writeFileSync(fileIn('api-token'), 'x'.repeat(40));
    fs.writeFileSync(file, '');
    const error = refusal(() => openDatabase(file, { startedAt: Date.now() + 60_000 }));
    expect(error.code).toBe('DB_EMPTY_WITH_STATE');
    expect(error.message).toMatch(/empty \(0 bytes\).*delete it to start with an empty database/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('initialises a zero-byte file in a new folder, or beside files this start created', () => {
    const alone = fileIn('alone', 'depot.sqlite');
    fs.mkdirSync(path.dirname(alone));
    fs.writeFileSync(alone, '');
    openDatabase(alone, { startedAt: Date.now() + 60_000 }).close();
    expect(schemaOf(alone).version).toBe(MIGRATIONS.length);

    const file = fileIn('depot.sqlite');
    fs.writeFileSync(file, '');
    fs.writeFileSync(fileIn('secret.key'), 'k');
    openDatabase(file, { startedAt: 0 }).close();
    expect(schemaOf(file).version).toBe(MIGRATIONS.length);
  });
});

describe('openDatabase: a full disk', () => {
  const tempDir = useTempDir();
  const observed = () => {
    const seen: string[] = [];
    const observer: WriteObserver = { diskFull: () => seen.push('full'), wrote: () => seen.push('wrote') };
    return { seen, observer };
  };
  const now = '2025-01-01T00:00:00.000Z';
  // value_json must hold JSON.
  const big = JSON.stringify('x'.repeat(3000));
  const bigger = JSON.stringify('x'.repeat(9000));

  it('turns SQLITE_FULL from a statement or a transaction into StorageFullError, and reports each write', () => {
    const { seen, observer } = observed();
    const db = openDatabase(path.join(tempDir(), 'depot.sqlite'), { writes: observer });
    try {
      const set = db.raw.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
      const count = db.raw.prepare<[], number>('SELECT count(*) FROM settings').pluck();
      set.run('first', '"v"', now);
      expect(seen).toEqual(['wrote']);
      // Reads report nothing; nor does a transaction that changed nothing.
      count.get();
      db.transaction(() => count.get());
      expect(seen).toEqual(['wrote']);

      db.raw.pragma('max_page_count = 1');
      let error: unknown;
      try {
        for (let i = 0; i < 50; i++) set.run(`k${i}`, big, now);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(StorageFullError);
      expect((error as StorageFullError).code).toBe('DISK_FULL');
      expect((error as { cause?: { code?: string } }).cause?.code).toBe('SQLITE_FULL');
      expect(seen.at(-1)).toBe('full');
      const rows = count.get();
      expect(() => db.transaction(() => set.run('in-tx', bigger, now))).toThrow(StorageFullError);
      expect(count.get()).toBe(rows);
      expect(() => db.probeWrite()).toThrow(StorageFullError);

      db.raw.pragma('max_page_count = 1073741823');
      seen.length = 0;
      db.transaction(() => set.run('in-tx', bigger, now));
      expect(seen).toEqual(['wrote']);
      expect(() => db.probeWrite()).not.toThrow();
      // The probe leaves nothing behind: no table, no file.
      expect(
        db.raw
          .prepare<[], number>("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%probe%'")
          .pluck()
          .get(),
      ).toBe(0);
      expect(fs.readdirSync(tempDir()).filter((f) => f.includes('probe'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
