import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../main/core/db/index.js';
import type { Logger } from '../../../main/core/ports/logger.js';
import { at, useStore } from './db-fixtures.js';

/** A logger that keeps what it was told. */
function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, message, ...(fields && { fields }) });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

describe('unit of work', () => {
  const store = useStore();
  const others: Database.Database[] = [];
  afterEach(() => {
    for (const c of others.splice(0)) c.close();
  });

  /** What another connection sees: only what was committed. */
  function committedSetting(file: string, key: string): string | undefined {
    const other = new Database(file, { readonly: true });
    others.push(other);
    const row = other.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  it('runs the queued effects in order, once the change is committed', () => {
    const { db, repos, file } = store();
    const unitOfWork = createUnitOfWork(db, recordingLogger().logger);
    const seen: string[] = [];
    const result = unitOfWork((uow) => {
      repos.settings.set('k', 1, at(1));
      uow.afterCommit(() => seen.push(`first sees ${committedSetting(file, 'k')}`));
      uow.afterCommit(() => seen.push(`second, in a transaction: ${db.raw.inTransaction}`));
      expect(seen).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual(['first sees 1', 'second, in a transaction: false']);
  });

  it('drops the effects of a unit that rolls back, and rethrows', () => {
    const { db, repos, file } = store();
    const unitOfWork = createUnitOfWork(db, recordingLogger().logger);
    const seen: string[] = [];
    expect(() =>
      unitOfWork((uow) => {
        repos.settings.set('k', 1, at(1));
        uow.afterCommit(() => seen.push('published'));
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(seen).toEqual([]);
    expect(committedSetting(file, 'k')).toBeUndefined();
    // The runner is usable again afterwards.
    unitOfWork((uow) => uow.afterCommit(() => seen.push('next')));
    expect(seen).toEqual(['next']);
  });

  it('a nested unit joins the outer one: its effects wait for the outer commit, in queue order', () => {
    const { db, repos, file } = store();
    const unitOfWork = createUnitOfWork(db, recordingLogger().logger);
    const seen: string[] = [];
    unitOfWork((outer) => {
      outer.afterCommit(() => seen.push('outer 1'));
      unitOfWork((inner) => {
        repos.settings.set('k', 1, at(1));
        inner.afterCommit(() => seen.push(`inner sees ${committedSetting(file, 'k')}`));
      });
      // The inner unit returned, but nothing is committed (nor published) yet.
      expect(seen).toEqual([]);
      expect(committedSetting(file, 'k')).toBeUndefined();
      outer.afterCommit(() => seen.push('outer 2'));
    });
    expect(seen).toEqual(['outer 1', 'inner sees 1', 'outer 2']);
  });

  it('a nested unit that rolls back drops only its own writes and effects', () => {
    const { db, repos, file } = store();
    const unitOfWork = createUnitOfWork(db, recordingLogger().logger);
    const seen: string[] = [];
    unitOfWork((outer) => {
      repos.settings.set('kept', 1, at(1));
      outer.afterCommit(() => seen.push('outer'));
      expect(() =>
        unitOfWork((inner) => {
          repos.settings.set('undone', 2, at(2));
          inner.afterCommit(() => seen.push('inner'));
          throw new Error('inner refused');
        }),
      ).toThrow('inner refused');
    });
    expect(seen).toEqual(['outer']);
    expect(committedSetting(file, 'kept')).toBe('1');
    expect(committedSetting(file, 'undone')).toBeUndefined();
  });

  it('an effect that throws is logged; the others still run and the commit stands', () => {
    const { db, repos, file } = store();
    const { logger, lines } = recordingLogger();
    const unitOfWork = createUnitOfWork(db, logger);
    const seen: string[] = [];
    const result = unitOfWork((uow) => {
      repos.settings.set('k', 1, at(1));
      uow.afterCommit(() => seen.push('before'));
      uow.afterCommit(() => {
        throw new Error('listener broke');
      });
      uow.afterCommit(() => seen.push('after'));
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toEqual(['before', 'after']);
    expect(committedSetting(file, 'k')).toBe('1');
    expect(lines).toEqual([
      { level: 'error', message: 'a side effect after a commit failed', fields: { error: 'listener broke' } },
    ]);
  });

  it('an effect may start a unit of its own, which commits and publishes by itself', () => {
    const { db, repos, file } = store();
    const unitOfWork = createUnitOfWork(db, recordingLogger().logger);
    const seen: string[] = [];
    unitOfWork((uow) => {
      repos.settings.set('a', 1, at(1));
      uow.afterCommit(() =>
        unitOfWork((next) => {
          repos.settings.set('b', 2, at(2));
          next.afterCommit(() => seen.push(`b is ${committedSetting(file, 'b')}`));
        }),
      );
    });
    expect(seen).toEqual(['b is 2']);
  });

  it('refuses to start inside a bare Db.transaction, whose commit it could not wait for', () => {
    const { db } = store();
    const unitOfWork = createUnitOfWork(db, recordingLogger().logger);
    const seen: string[] = [];
    expect(() =>
      db.transaction(() => unitOfWork((uow) => uow.afterCommit(() => seen.push('early')))),
    ).toThrow(/cannot start inside a bare Db.transaction/);
    expect(seen).toEqual([]);
  });

  it('deferred: commits without the sync, runs its effects with FULL back, and says when it is on the disk', async () => {
    const { db, repos, file } = store();
    const unitOfWork = createUnitOfWork(db, recordingLogger().logger);
    const level = () => db.raw.pragma('synchronous', { simple: true });
    const seen: string[] = [];
    const { result, durable } = unitOfWork.deferred((uow) => {
      seen.push(`work at ${level()}`);
      repos.settings.set('k', 7, at(1));
      // An effect may write (the next queued command's intent): that transaction must be FULL again.
      uow.afterCommit(() => seen.push(`effect at ${level()} sees ${committedSetting(file, 'k')}`));
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(seen).toEqual(['work at 1', 'effect at 2 sees 7']);
    expect(level()).toBe(2);
    await expect(durable).resolves.toBeUndefined();
    expect(() => unitOfWork((uow) => uow.afterCommit(() => unitOfWork.deferred(() => 1)))).not.toThrow();
    expect(() => unitOfWork(() => unitOfWork.deferred(() => 1))).toThrow(/inside another unit of work/);
  });
});
