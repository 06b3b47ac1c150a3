// The WAL's sync off the event loop (wal-sync.ts, Db.deferSync; docs/decisions.md 28): one sync covers every
// commit made before it started, callers arriving during a sync share the next one, failures are typed, and a
// deferred commit is FULL's guarantee only once `durable` resolved — the connection itself stays FULL.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openDatabase,
  StorageFullError,
  WalSyncError,
  type Db,
  type SyncFile,
} from '../../../main/core/db/index.js';
import { createWalSync, fdatasyncFile } from '../../../main/core/db/wal-sync.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A sync the test finishes by hand, recording each call. */
function heldSyncs() {
  const calls: { fd: number; finish(error?: Error): void }[] = [];
  const syncFile: SyncFile = (fd) =>
    new Promise((resolve, reject) => {
      calls.push({ fd, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { calls, syncFile };
}

/** Settles pending promise callbacks (the sync chain is a few promise hops). */
const ticks = () => new Promise((resolve) => setImmediate(resolve));

const dirs: { remove(): void }[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

function walFile(): string {
  const dir = tempDir('depot-remote-wal-sync-');
  dirs.push(dir);
  const file = join(dir.path, 'x.sqlite-wal');
  writeFileSync(file, 'frames');
  return file;
}

function state(promise: Promise<unknown>) {
  const seen = { settled: 'pending' as 'pending' | 'resolved' | 'rejected', error: undefined as unknown };
  promise.then(
    () => (seen.settled = 'resolved'),
    (error: unknown) => {
      seen.settled = 'rejected';
      seen.error = error;
    },
  );
  return seen;
}

describe('the WAL sync', () => {
  it('runs one sync at a time; whoever asks during one waits for the next, which they share', async () => {
    const { calls, syncFile } = heldSyncs();
    const sync = createWalSync(walFile(), syncFile);
    const first = state(sync.sync());
    await ticks();
    expect(calls).toHaveLength(1);
    // Three commits during the first sync: it may have started before them, so they wait for a second one.
    const later = [state(sync.sync()), state(sync.sync()), state(sync.sync())];
    await ticks();
    expect(calls).toHaveLength(1);

    calls[0]!.finish();
    await ticks();
    expect(first.settled).toBe('resolved');
    expect(later.map((s) => s.settled)).toEqual(['pending', 'pending', 'pending']);
    expect(calls).toHaveLength(2);

    calls[1]!.finish();
    await ticks();
    expect(later.map((s) => s.settled)).toEqual(['resolved', 'resolved', 'resolved']);
    // Nothing asked meanwhile: no third sync.
    expect(calls).toHaveLength(2);
    expect(calls[0]!.fd).toBe(calls[1]!.fd);
    sync.close();
  });

  it('fails as WalSyncError, or StorageFullError for a full disk, and the next sync is tried afresh', async () => {
    const { calls, syncFile } = heldSyncs();
    const file = walFile();
    const sync = createWalSync(file, syncFile);
    const failed = state(sync.sync());
    await ticks();
    calls[0]!.finish(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await ticks();
    expect(failed.settled).toBe('rejected');
    expect(failed.error).toBeInstanceOf(WalSyncError);
    expect((failed.error as WalSyncError).file).toBe(file);

    const full = state(sync.sync());
    await ticks();
    calls[1]!.finish(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await ticks();
    expect(full.error).toBeInstanceOf(StorageFullError);

    const ok = state(sync.sync());
    await ticks();
    calls[2]!.finish();
    await ticks();
    expect(ok.settled).toBe('resolved');
    sync.close();
  });

  it('refuses a sync still waiting its turn when closed, and any asked after', async () => {
    const { calls, syncFile } = heldSyncs();
    const sync = createWalSync(walFile(), syncFile);
    const running = state(sync.sync());
    await ticks();
    const waiting = state(sync.sync());
    sync.close();
    calls[0]!.finish();
    await ticks();
    expect(running.settled).toBe('resolved');
    expect(waiting.settled).toBe('rejected');
    expect(waiting.error).toBeInstanceOf(WalSyncError);
    await expect(sync.sync()).rejects.toBeInstanceOf(WalSyncError);
    expect(calls).toHaveLength(1);
  });

  it('syncs a real file with fdatasync', async () => {
    const sync = createWalSync(walFile(), fdatasyncFile);
    await expect(sync.sync()).resolves.toBeUndefined();
    sync.close();
  });
});

describe('Db.deferSync', () => {
  function open(syncFile?: SyncFile) {
    const dir = tempDir('depot-remote-defer-sync-');
    dirs.push(dir);
    const file = join(dir.path, 'depot.sqlite');
    const db = openDatabase(file, syncFile ? { syncFile } : {});
    dbs.push(db);
    db.raw.exec('CREATE TABLE t (n INTEGER)');
    return { db, file };
  }

  it('commits without the sync, then syncs the WAL off the loop; the connection stays FULL', async () => {
    const { calls, syncFile } = heldSyncs();
    const { db, file } = open(syncFile);
    const { result, durable } = db.deferSync(() => {
      // While fn runs its commits are NORMAL (1); every other transaction keeps FULL (2).
      expect(db.raw.pragma('synchronous', { simple: true })).toBe(1);
      db.transaction(() => db.raw.prepare('INSERT INTO t VALUES (1)').run());
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2);
    // Committed: another connection reads it while the sync has not finished.
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    other.close();
    const seen = state(durable);
    await ticks();
    expect(calls).toHaveLength(1);
    expect(seen.settled).toBe('pending');
    calls[0]!.finish();
    await ticks();
    expect(seen.settled).toBe('resolved');
  });

  it('puts FULL back when fn throws, and refuses to start inside a transaction', () => {
    const { db } = open();
    expect(() =>
      db.deferSync(() => {
        throw new Error('nope');
      }),
    ).toThrow('nope');
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2);
    db.transaction(() => {
      expect(() => db.deferSync(() => 1)).toThrow(/inside a transaction/);
    });
  });

  it('syncs for real by default', async () => {
    const { db } = open();
    const { durable } = db.deferSync(() =>
      db.transaction(() => db.raw.prepare('INSERT INTO t VALUES (2)').run()),
    );
    await expect(durable).resolves.toBeUndefined();
  });
});
