// The store writer, on a thread with its own connection and inline on the app's: the same steps give the same
// results, a batch is one transaction, and a full disk met on the thread is reported as on the main connection.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStoreWriter,
  openDatabase,
  StorageFullError,
  type Db,
  type StoreWriterMode,
} from '../../../main/core/db/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function open(mode: StoreWriterMode, observer?: { diskFull(): void; wrote(): void }) {
  const dir = tempDir('depot-store-writer-');
  const db = openDatabase(join(dir.path, 'depot.sqlite'), observer ? { writes: observer } : {});
  db.raw.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)');
  const writer = createStoreWriter(db, mode);
  cleanup.push(
    () => dir.remove(),
    () => db.close(),
    () => writer.close(),
  );
  return { db, writer };
}

const insert = (k: string, v: unknown) => ({
  sql: 'INSERT INTO t (k, v) VALUES (@k, @v)',
  params: { k, v },
  mode: 'run' as const,
});
const rows = (db: Db) => db.raw.prepare('SELECT k, v FROM t ORDER BY k').all();

describe.each(['thread', 'inline'] as const)('the store writer (%s)', (mode) => {
  it('runs the steps in order and answers each by its mode once committed', async () => {
    const { db, writer } = open(mode);
    expect(writer.mode).toBe(mode);
    const results = await writer.run([
      insert('a', '1'),
      insert('b', undefined),
      { sql: 'UPDATE t SET v = @v WHERE k = @k', params: { k: 'a', v: '2' }, mode: 'run' },
      { sql: 'SELECT k, v FROM t ORDER BY k', params: {}, mode: 'all' },
      { sql: 'SELECT v FROM t WHERE k = @k', params: { k: 'zz' }, mode: 'get' },
    ]);
    expect(results).toEqual([
      { changes: 1 },
      { changes: 1 },
      { changes: 1 },
      [
        { k: 'a', v: '2' },
        { k: 'b', v: null },
      ],
      null,
    ]);
    // Committed: the app's own connection reads it.
    expect(rows(db)).toEqual([
      { k: 'a', v: '2' },
      { k: 'b', v: null },
    ]);
  });

  it('keeps nothing of a batch whose step fails, and says why', async () => {
    const { db, writer } = open(mode);
    await writer.run([insert('a', '1')]);
    const failure = await writer.run([insert('b', '1'), insert('a', 'again')]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as { code?: string }).code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(rows(db)).toEqual([{ k: 'a', v: '1' }]);
    // The writer goes on after a failed batch.
    await writer.run([insert('c', '3')]);
    expect(rows(db)).toHaveLength(2);
  });

  it('reports a full disk as StorageFullError to the storage health', async () => {
    let full = 0;
    const { writer } = open(mode, { diskFull: () => (full += 1), wrote() {} });
    const big = 'x'.repeat(64 * 1024);
    const failure = await writer
      .run([
        // SQLite's size limit stands in for the disk (as in the storage-health tests), on the writer's connection.
        { sql: 'PRAGMA max_page_count = 1', params: {}, mode: 'all' },
        ...Array.from({ length: 20 }, (_, i) => insert(`k${i}`, big)),
      ])
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect(full).toBeGreaterThan(0);
  });

  it('tells the storage health of a batch that changed rows, and not of one that changed none', async () => {
    let wrote = 0;
    const { writer } = open(mode, { diskFull() {}, wrote: () => (wrote += 1) });
    // A claim that finds nothing: the disk may still be full, so it is no reason to probe for room.
    await writer.run([{ sql: "UPDATE t SET v = 'x' WHERE k = 'none'", params: {}, mode: 'run' }]);
    await writer.run([{ sql: 'SELECT k FROM t', params: {}, mode: 'all' }]);
    expect(wrote).toBe(0);
    await writer.run([insert('a', '1')]);
    expect(wrote).toBe(1);
  });

  it('refuses work once closed', async () => {
    const { writer } = open(mode);
    await writer.close();
    await expect(writer.run([insert('a', '1')])).rejects.toThrow(/closed/);
  });
});

describe('the store writer thread', () => {
  it('commits on its own connection while the app’s connection reads', async () => {
    const { db, writer } = open('thread');
    const pending = writer.run(
      Array.from({ length: 500 }, (_, i) => insert(`k${String(i).padStart(3, '0')}`, 'v')),
    );
    // The event loop is free while the thread writes: a read here sees the table as before or after, never half.
    const seen = (db.raw.prepare('SELECT count(*) FROM t').pluck().get() as number) % 500;
    expect(seen).toBe(0);
    await pending;
    expect(rows(db)).toHaveLength(500);
  });

  it('writes inline, and says so once, when its thread cannot start', async () => {
    const { db } = open('inline');
    const reasons: string[] = [];
    // A file the thread cannot open stands in for a runtime where the thread cannot load the driver.
    const elsewhere: Db = Object.assign(Object.create(db) as Db, { file: join(db.file, 'nowhere.sqlite') });
    const writer = createStoreWriter(elsewhere, 'thread', (reason) => reasons.push(reason));
    cleanup.push(() => writer.close());
    expect(writer.mode).toBe('thread');
    expect(await writer.run([insert('a', '1')])).toEqual([{ changes: 1 }]);
    expect(await writer.run([insert('b', '2')])).toEqual([{ changes: 1 }]);
    expect(writer.mode).toBe('inline');
    expect(reasons).toHaveLength(1);
    expect(rows(db)).toHaveLength(2);
  });

  it('holds the process open while it owes an answer, and no longer: a forgotten close() does not keep it alive', () => {
    const dir = tempDir('depot-store-writer-exit-');
    cleanup.push(() => dir.remove());
    const child = fileURLToPath(new URL('./fixtures/writer-exit-child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, dir.path], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('thread [{"changes":1}]');
  });
});

describe('checkpoints on the thread', () => {
  it('copies what the app committed into the database file without the app checkpointing itself', async () => {
    const { db, writer } = open('thread');
    writer.checkpoints(10);
    // The app's own connection now waits ten times longer than SQLite's default before it checkpoints.
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const before = statSync(db.file).size;
    const put = db.raw.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) put.run(`k${i}`, 'x'.repeat(500));
    });
    // Still only in the WAL: the app did not checkpoint.
    expect(statSync(db.file).size).toBeLessThan(before + 100_000);
    // The thread notices the WAL changed and copies its pages into the file (which grows on disk).
    await expect
      .poll(() => statSync(db.file).size, { timeout: 5000, interval: 20 })
      .toBeGreaterThan(before + 200_000);
  });

  it('inline, nothing changes: the app checkpoints as SQLite does by default', () => {
    const { db, writer } = open('inline');
    writer.checkpoints(10);
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
