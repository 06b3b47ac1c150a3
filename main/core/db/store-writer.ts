// The store writer: runs a list of write steps in one immediate transaction (synchronous = FULL) and resolves once
// it committed. The outbox records its outcomes and claims its work through it (issue 13, docs/decisions.md):
// on a thread of its own with its own connection ("thread"), the commit's fsync and the statements' CPU leave the
// event loop, so the API, the receiver and the calls in flight do not wait for the disk; "inline" runs the same
// steps on the app's connection (an in-memory database, and the benchmark's comparison).
//
// Steps carry SQL text and parameters only; what a step's result means stays with the code that made it
// (delivery-steps.ts). One batch runs at a time per writer; the caller awaits it before sending the next.
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS, type Db } from './open-database.js';
import { STORE_WRITER_SOURCE } from './store-writer-source.js';

export interface WriteStep {
  sql: string;
  /** JSON values only (strings, numbers, null): they travel to the thread as JSON; undefined binds as NULL. */
  params: Record<string, unknown>;
  /** run → {changes}; all → the rows; get → the row or null. */
  mode: 'run' | 'all' | 'get';
}

export type StoreWriterMode = 'thread' | 'inline';

export interface StoreWriter {
  readonly mode: StoreWriterMode;
  /** Runs the steps in one transaction; resolves with each step's result once committed, rejects if rolled back. */
  run(steps: readonly WriteStep[]): Promise<unknown[]>;
  /**
   * Takes the WAL checkpoints of the app's connection off the event loop: starts the thread now, which checkpoints
   * (PASSIVE) every `everyMs` when the WAL changed, and raises the app's connection's own threshold tenfold as a
   * safety net. Nothing to do inline.
   */
  checkpoints(everyMs?: number): void;
  /** Waits for the batch in flight, then closes the writer's connection. */
  close(): Promise<void>;
}

/** SQLite's default auto-checkpoint threshold, in pages; the app's connection keeps ten times it as a safety net. */
const AUTO_CHECKPOINT_PAGES = 1000;

/** Runs the steps now, in one transaction of the app's connection (the inline writer; tests of the statements). */
export function runStepsInline(
  db: Db,
  steps: readonly WriteStep[],
  statements: Map<string, BetterSqlite3.Statement> = new Map(),
): unknown[] {
  return db.transaction(() =>
    steps.map((step) => {
      let statement = statements.get(step.sql);
      if (!statement) {
        statement = db.raw.prepare(step.sql);
        statements.set(step.sql, statement);
      }
      if (step.mode === 'all') return statement.all(step.params);
      if (step.mode === 'get') return statement.get(step.params) ?? null;
      return { changes: statement.run(step.params).changes };
    }),
  );
}

/** The same steps on the app's own connection (its write guard reports a full disk as for any write). */
export function createInlineStoreWriter(db: Db): StoreWriter {
  let closed = false;
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    mode: 'inline',
    run: async (steps) => {
      if (closed) throw new Error('The store writer is closed.');
      return runStepsInline(db, steps, statements);
    },
    checkpoints() {},
    close: async () => {
      closed = true;
    },
  };
}

/** JSON drops undefined, which the driver binds as NULL: made explicit so both writers bind the same. */
function withNulls(params: Record<string, unknown>): Record<string, unknown> {
  for (const key in params) {
    if (params[key] === undefined)
      return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? null]));
  }
  return params;
}

interface Pending {
  steps: readonly WriteStep[];
  resolve(results: unknown[]): void;
  reject(error: Error): void;
}

type FromThread =
  | { type: 'ready' }
  | { id: number; results: string; changed: boolean }
  | { id: number; error: { message: string; code: string | null } };

/**
 * A thread with its own connection to `db.file`. A thread that dies (it should not) fails what it held and is
 * started again by the next batch; its errors go through the app's write guard, so a full disk is reported (and
 * answered 507) exactly as for a write on the main connection. A thread that cannot start at all (a runtime
 * without worker threads for native modules) leaves the writes inline: `onFallback` says so once.
 */
export function createThreadStoreWriter(db: Db, onFallback?: (reason: string) => void): StoreWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | null = null;
  let nextId = 1;
  /** Statement numbers by SQL text; the thread learns each text once (`known`: texts the current thread has). */
  const numbers = new Map<string, number>();
  let known = new Set<number>();
  let closed = false;
  const pending = new Map<number, Pending>();
  let exited: Promise<void> = Promise.resolve();
  let inline: StoreWriter | null = null;
  let checkpointEveryMs = 0;

  function failAll(error: Error) {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  function start(): Worker {
    const w = new Worker(STORE_WRITER_SOURCE, {
      eval: true,
      workerData: { file: db.file, driver, busyTimeoutMs: BUSY_TIMEOUT_MS, checkpointEveryMs },
      name: 'depot-remote-store-writer',
    });
    let ready = false;
    w.on('message', (message: FromThread) => {
      if ('type' in message) {
        ready = true;
        return;
      }
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      // Held open only while it owes answers: a process that forgot close() still exits once idle.
      if (pending.size === 0) w.unref();
      if ('results' in message) {
        if (message.changed) db.wroteElsewhere();
        p.resolve(JSON.parse(message.results) as unknown[]);
      } else {
        const error = Object.assign(new Error(message.error.message), {
          code: message.error.code ?? undefined,
        });
        p.reject(db.translateWriteError(error) as Error);
      }
    });
    w.on('error', (error) => {
      if (ready) {
        failAll(db.translateWriteError(error) as Error);
        return;
      }
      // Never ran a step: what it held runs inline, as does everything after (checkpoints included).
      inline = createInlineStoreWriter(db);
      if (checkpointEveryMs) db.raw.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      onFallback?.(error.message);
      const held = [...pending.values()];
      pending.clear();
      for (const p of held) inline.run(p.steps).then(p.resolve, p.reject);
    });
    exited = new Promise((resolve) => {
      w.once('exit', () => {
        if (worker === w) worker = null;
        failAll(new Error('The store writer thread stopped.'));
        resolve();
      });
    });
    known = new Set();
    return w;
  }

  return {
    get mode(): StoreWriterMode {
      return inline ? 'inline' : 'thread';
    },
    checkpoints(everyMs = 100) {
      if (closed || inline || checkpointEveryMs) return;
      checkpointEveryMs = everyMs;
      db.raw.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES * 10}`);
      // A thread running learns it now; one is started otherwise (held open only while it owes answers).
      if (worker) worker.postMessage({ type: 'checkpoints', everyMs });
      else {
        worker = start();
        worker.unref();
      }
    },
    run(steps) {
      if (closed) return Promise.reject(new Error('The store writer is closed.'));
      if (inline) return inline.run(steps);
      if (steps.length === 0) return Promise.resolve([]);
      worker ??= start();
      const id = nextId++;
      const w = worker;
      const sql: [number, string][] = [];
      const encoded = steps.map((step) => {
        let s = numbers.get(step.sql);
        if (s === undefined) {
          s = numbers.size;
          numbers.set(step.sql, s);
        }
        if (!known.has(s)) {
          known.add(s);
          sql.push([s, step.sql]);
        }
        return { s, m: step.mode, p: withNulls(step.params) };
      });
      return new Promise<unknown[]>((resolve, reject) => {
        pending.set(id, { steps, resolve, reject });
        w.ref();
        // The steps as objects (structured clone): a few per pass, whose bulk is the already-encoded JSON of their
        // rows; wrapping them in JSON once more escaped every quote of those rows, at about twice the cost.
        w.postMessage({ id, sql, steps: encoded });
      });
    },
    async close() {
      closed = true;
      const w = worker;
      if (!w) return;
      worker = null;
      // Held open until it has closed its connection: an idle thread is unref'd, and awaiting its exit alone
      // would let the process end first.
      w.ref();
      w.postMessage({ type: 'close' });
      await exited;
    },
  };
}

/** "thread" needs a database file; an in-memory database is written inline. */
export function createStoreWriter(
  db: Db,
  mode: StoreWriterMode = 'thread',
  onFallback?: (reason: string) => void,
): StoreWriter {
  return mode === 'thread' && db.file !== ':memory:'
    ? createThreadStoreWriter(db, onFallback)
    : createInlineStoreWriter(db);
}
