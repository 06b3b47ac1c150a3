// The WAL's sync to disk, off the event loop (issue 13, docs/decisions.md 28). With `synchronous = FULL` SQLite
// syncs the WAL file at the end of every commit, on the thread that commits: for the receiver, the event loop,
// which then waits ~1–2 ms a group for the disk. `synchronous = NORMAL` commits the same frames without that sync;
// running the very same sync afterwards, on libuv's pool, and acknowledging only once it has finished gives every
// acknowledged transaction FULL's guarantee, while the loop goes on parsing and storing the next requests.
//
// One sync covers every commit made before it started (the WAL is one file, appended to in order); callers that
// arrive while a sync runs share the next one, so a burst costs two syncs, not one per group. The file is opened
// once: SQLite keeps the same WAL file (the same inode, reset or truncated in place) while any connection is open,
// and the app's connection stays open until close(), which ends this too.
import { closeSync, fdatasync, openSync } from 'node:fs';
import { StorageFullError, WalSyncError } from './errors.js';

/** Syncs a file's data to the disk (fdatasync: what SQLite's unix VFS does for the WAL). Tests replace it. */
export type SyncFile = (fd: number) => Promise<void>;

export const fdatasyncFile: SyncFile = (fd) =>
  new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

export interface WalSync {
  /** Resolves once everything committed before this call is on the disk; rejects if the sync failed. */
  sync(): Promise<void>;
  /** Closes the file; a sync asked for after this (or still waiting its turn) rejects. */
  close(): void;
}

interface Waiting {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

export function createWalSync(walFile: string, syncFile: SyncFile = fdatasyncFile): WalSync {
  let fd: number | null = null;
  let closed = false;
  /** The sync running now. */
  let running: Promise<void> | null = null;
  /** Callers that came while it ran: it may have started before their commit, so they wait for the next. */
  let next: Waiting | null = null;

  function run(): Promise<void> {
    let started: Promise<void>;
    try {
      if (closed) throw new Error(`The database was closed before its WAL (${walFile}) was synced.`);
      fd ??= openSync(walFile, 'r');
      started = syncFile(fd);
    } catch (error) {
      started = Promise.reject(error);
    }
    const settled = started.catch((error: unknown) => {
      throw (error as { code?: unknown })?.code === 'ENOSPC'
        ? new StorageFullError(walFile, { cause: error })
        : new WalSyncError(walFile, { cause: error });
    });
    const after = () => {
      running = null;
      if (next) {
        const waiting = next;
        next = null;
        running = run();
        running.then(waiting.resolve, waiting.reject);
      }
    };
    settled.then(after, after);
    return settled;
  }

  return {
    sync() {
      if (running === null) {
        running = run();
        return running;
      }
      if (next === null) {
        let resolve!: () => void;
        let reject!: (error: unknown) => void;
        const promise = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        next = { promise, resolve, reject };
      }
      return next.promise;
    },
    close() {
      closed = true;
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
