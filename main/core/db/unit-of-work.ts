import type { Logger } from '../ports/logger.js';
import type { Db } from './open-database.js';

/** What a unit of work offers the code inside it, besides the repositories it writes through. */
export interface UnitOfWork {
  /**
   * Queues `effect` (publish an event, wake the outbox, …) to run once the outermost unit has committed, in the
   * order queued. A rollback drops it: nobody hears of a change that never happened.
   */
  afterCommit(effect: () => void): void;
}

/**
 * Runs `work` in one immediate transaction (see Db.transaction) and then the effects it queued. Called inside
 * another unit, it joins that one: its effects wait for the outer commit, and are dropped if only its own
 * savepoint rolls back.
 */
export type RunUnitOfWork = <T>(work: (uow: UnitOfWork) => T) => T;

/**
 * A unit of work whose commit does not wait for the disk on the event loop (Db.deferSync): `durable` resolves once
 * it is on the disk; acknowledge what it stored only then. Its effects run as usual, after the commit and with
 * `synchronous = FULL` back in force, so a transaction an effect runs keeps FULL.
 */
export type RunDeferredUnitOfWork = <T>(work: (uow: UnitOfWork) => T) => {
  result: T;
  durable: Promise<void>;
};

/**
 * The one runner of units of work over `db` (and `deferred`, its variant for the receiver's group commit). An
 * effect that throws is logged and the others still run: the change is committed and cannot be undone by a
 * listener's failure.
 */
export function createUnitOfWork(
  db: Db,
  logger: Logger,
): RunUnitOfWork & { deferred: RunDeferredUnitOfWork } {
  let queued: (() => void)[] | null = null;

  /** The outermost unit: `commit` runs the transaction, then the effects run. */
  function outermost<T, R>(work: (uow: UnitOfWork) => T, commit: (transaction: () => T) => R): R {
    // A unit inside a bare transaction would run its effects before that transaction commits.
    if (db.raw.inTransaction) throw new Error('A unit of work cannot start inside a bare Db.transaction.');
    const effects: (() => void)[] = [];
    queued = effects;
    let committed: R;
    try {
      committed = commit(() => db.transaction(() => work(uowOf(effects))));
    } finally {
      queued = null;
    }
    for (const effect of effects) {
      try {
        effect();
      } catch (error) {
        logger.error('a side effect after a commit failed', {
          error: (error as Error)?.message ?? String(error),
        });
      }
    }
    return committed;
  }

  function runUnitOfWork<T>(work: (uow: UnitOfWork) => T): T {
    const outer = queued;
    if (outer !== null) {
      const mark = outer.length;
      try {
        return db.transaction(() => work(uowOf(outer)));
      } catch (error) {
        outer.length = mark;
        throw error;
      }
    }
    return outermost(work, (transaction) => transaction());
  }

  runUnitOfWork.deferred = function deferred<T>(work: (uow: UnitOfWork) => T) {
    // Joining another unit would leave its commit, not this one, to be synced.
    if (queued !== null) throw new Error('A deferred unit of work cannot run inside another unit of work.');
    return outermost(work, (transaction) => db.deferSync(transaction));
  };
  return runUnitOfWork;
}

function uowOf(effects: (() => void)[]): UnitOfWork {
  return { afterCommit: (effect) => void effects.push(effect) };
}
