// The quarantine table: requests kept byte for byte, listed newest first, resolved once; its value lists match
// the contract's, and its list queries stay index-driven.
import { describe, expect, it } from 'vitest';
import {
  QUARANTINE_REASONS,
  QUARANTINE_RESOLUTIONS,
  quarantineEntryBytes,
  type NewQuarantineEntry,
} from '../../../main/core/db/index.js';
import {
  QUARANTINE_DROP_ORDER_SQL,
  quarantineCountSql,
  quarantineListSql,
} from '../../../main/core/db/quarantine-repository.js';
import * as contract from '../../../preload/contract/quarantine.js';
import { at, callback, useStore } from './db-fixtures.js';

const entry = (overrides: Partial<NewQuarantineEntry> = {}): NewQuarantineEntry => ({
  callbackId: 'cb-001',
  receivedAt: at(1),
  reason: 'MALFORMED_JSON',
  errors: [{ field: '(body)', message: 'Not JSON' }],
  errorCount: 1,
  contentType: 'application/json',
  headers: { 'user-agent': 'PSA' },
  remoteAddress: '10.0.0.8',
  body: Buffer.from([0x7b, 0xff, 0x00, 0x22]),
  actionIds: [],
  ...overrides,
});

describe('quarantine repository', () => {
  const store = useStore();
  const seeded = () => {
    const s = store();
    s.repos.callbacks.insert(callback());
    return s;
  };

  it('stores the body byte for byte and reads it back whole', () => {
    const { repos } = seeded();
    const id = repos.quarantine.insert(entry());
    expect(repos.quarantine.get(id)).toEqual({
      id,
      ...entry(),
      size: 4,
      bytes: quarantineEntryBytes(entry()),
      replays: 0,
      lastReplayAt: null,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
    });
    expect(repos.quarantine.getSummary(id)).not.toHaveProperty('body');
    expect(repos.quarantine.getSummary(id)).not.toHaveProperty('errors');
    expect(repos.quarantine.get(id + 1)).toBeNull();
  });

  it('lists newest first with paging and the unresolved filter; counts match', () => {
    const { repos } = seeded();
    const ids = [1, 2, 3, 4].map((i) => repos.quarantine.insert(entry({ receivedAt: at(i) })));
    expect(
      repos.quarantine.resolve(ids[2]!, { at: at(9), by: 'bob', resolution: 'Dismissed', replayed: false }),
    ).toBe(true);
    expect(repos.quarantine.list({ limit: 10, offset: 0 }).map((e) => e.id)).toEqual([...ids].reverse());
    expect(repos.quarantine.list({ limit: 2, offset: 1 }).map((e) => e.id)).toEqual([ids[2], ids[1]]);
    expect(repos.quarantine.list({ unresolved: true, limit: 10, offset: 0 }).map((e) => e.id)).toEqual([
      ids[3],
      ids[1],
      ids[0],
    ]);
    expect(repos.quarantine.list({ unresolved: false, limit: 10, offset: 0 }).map((e) => e.id)).toEqual([
      ids[2],
    ]);
    expect([repos.quarantine.count({}), repos.quarantine.count({ unresolved: true })]).toEqual([4, 3]);
  });

  it('resolves once; a replay that leaves it open is counted and keeps what is still wrong', () => {
    const { repos } = seeded();
    const id = repos.quarantine.insert(
      entry({ reason: 'UNKNOWN_ACTION', actionIds: ['rid-1', 'rid-2'], errors: [] }),
    );
    expect(repos.quarantine.listWaitingForActions()).toEqual([{ id, actionIds: ['rid-1', 'rid-2'] }]);
    expect(
      repos.quarantine.recordReplay(id, {
        at: at(5),
        reason: 'UNKNOWN_ACTION',
        errors: [{ field: 'remoteActionId', message: 'rid-2' }],
        errorCount: 1,
        actionIds: ['rid-2'],
      }),
    ).toBe(true);
    expect(repos.quarantine.getSummary(id)).toMatchObject({
      replays: 1,
      lastReplayAt: at(5),
      actionIds: ['rid-2'],
    });
    expect(
      repos.quarantine.resolve(id, { at: at(6), by: 'alice', resolution: 'Replayed', replayed: true }),
    ).toBe(true);
    expect(repos.quarantine.getSummary(id)).toMatchObject({
      replays: 2,
      lastReplayAt: at(6),
      resolvedAt: at(6),
      resolvedBy: 'alice',
      resolution: 'Replayed',
    });
    expect(
      repos.quarantine.resolve(id, { at: at(7), by: 'bob', resolution: 'Dismissed', replayed: false }),
    ).toBe(false);
    expect(
      repos.quarantine.recordReplay(id, {
        at: at(7),
        reason: 'UNKNOWN_ACTION',
        errors: [],
        errorCount: 0,
        actionIds: [],
      }),
    ).toBe(false);
    expect(repos.quarantine.listWaitingForActions()).toEqual([]);
  });

  it('the schema refuses unknown reasons, half resolutions and unknown callbacks', () => {
    const { repos, db } = seeded();
    expect(() => repos.quarantine.insert(entry({ reason: 'OTHER' as never }))).toThrow(/CHECK/);
    expect(() => repos.quarantine.insert(entry({ callbackId: 'nope' }))).toThrow(/FOREIGN KEY/);
    expect(() => repos.quarantine.insert(entry({ receivedAt: '2025-01-15T08:00:00Z' }))).toThrow(
      /received_at_iso_utc/,
    );
    const id = repos.quarantine.insert(entry());
    expect(() =>
      db.raw.prepare('UPDATE quarantine SET resolution = ? WHERE id = ?').run('Dismissed', id),
    ).toThrow(/quarantine_resolution_whole/);
  });

  it('keeps at most 100 errors and the count of all; lists carry neither body nor errors', () => {
    const { repos } = seeded();
    const errors = Array.from({ length: 250 }, (_, i) => ({
      field: `[${i}]`,
      message: 'Expected an object.',
    }));
    const id = repos.quarantine.insert(entry({ reason: 'SCHEMA_MISMATCH', errors, errorCount: 500_000 }));
    const stored = repos.quarantine.get(id)!;
    expect(stored.errors).toEqual(errors.slice(0, 100));
    expect(stored.errorCount).toBe(500_000);
    const [listed] = repos.quarantine.list({ limit: 10, offset: 0 });
    expect(listed).toMatchObject({ id, errorCount: 500_000 });
    expect(listed).not.toHaveProperty('errors');
    expect(listed).not.toHaveProperty('body');
    // A replay keeps the same bound.
    repos.quarantine.recordReplay(id, {
      at: at(2),
      reason: 'SCHEMA_MISMATCH',
      errors,
      errorCount: 250,
      actionIds: [],
    });
    expect(repos.quarantine.get(id)).toMatchObject({ errorCount: 250, errors: errors.slice(0, 100) });
  });

  it('keeps the weight of every entry in quarantine_usage, through inserts, replays and drops', () => {
    const { repos, db } = seeded();
    const sum = () => db.raw.prepare('SELECT coalesce(sum(bytes), 0) FROM quarantine').pluck().get();
    const a = repos.quarantine.insert(entry({ body: Buffer.alloc(1000) }));
    const b = repos.quarantine.insert(entry({ reason: 'UNKNOWN_ACTION', actionIds: ['rid-1'] }));
    expect(repos.quarantine.usedBytes()).toBe(sum());
    expect(repos.quarantine.getSummary(a)!.bytes).toBe(
      quarantineEntryBytes(entry({ body: Buffer.alloc(1000) })),
    );
    expect(repos.quarantine.getSummary(a)!.bytes).toBeGreaterThan(1000);
    repos.quarantine.recordReplay(b, {
      at: at(3),
      reason: 'UNKNOWN_ACTION',
      errors: [{ field: 'remoteActionId', message: 'x'.repeat(500) }],
      errorCount: 1,
      actionIds: ['rid-1', 'rid-2'],
    });
    expect(repos.quarantine.usedBytes()).toBe(sum());
    expect(repos.quarantine.waitingBytes()).toBe(repos.quarantine.getSummary(b)!.bytes);
    expect(repos.quarantine.freeSpace(1)).toHaveLength(1);
    expect(repos.quarantine.usedBytes()).toBe(sum());
    expect(repos.quarantine.usedBytes()).toBe(repos.quarantine.getSummary(b)!.bytes);
  });

  it('frees space resolved first, then malformed, oldest first; never what waits for its action', () => {
    const { repos } = seeded();
    const add = (overrides: Partial<NewQuarantineEntry>) => repos.quarantine.insert(entry(overrides));
    const malformedOld = add({ reason: 'MALFORMED_JSON' });
    const waiting = add({ reason: 'UNKNOWN_ACTION', actionIds: ['rid-1'] });
    const schemaNew = add({ reason: 'SCHEMA_MISMATCH' });
    const resolvedWaiting = add({ reason: 'UNKNOWN_ACTION', actionIds: ['rid-2'] });
    const resolvedBad = add({ reason: 'MALFORMED_JSON' });
    for (const id of [resolvedWaiting, resolvedBad]) {
      repos.quarantine.resolve(id, { at: at(5), by: 'bob', resolution: 'Dismissed', replayed: false });
    }
    const weight = (id: number) => repos.quarantine.getSummary(id)!.bytes;
    // More than all that may go together: nothing goes.
    const droppable = [malformedOld, schemaNew, resolvedWaiting, resolvedBad].map(weight);
    expect(repos.quarantine.freeSpace(droppable.reduce((a, b) => a + b) + 1)).toBeNull();
    expect(repos.quarantine.count({})).toBe(5);
    // More than the oldest resolved one weighs: both resolved ones, oldest first (whatever their reason).
    expect(repos.quarantine.freeSpace(weight(resolvedWaiting) + 1)!.map((d) => d.id)).toEqual([
      resolvedWaiting,
      resolvedBad,
    ]);
    expect(repos.quarantine.freeSpace(1)).toEqual([
      expect.objectContaining({ id: malformedOld, reason: 'MALFORMED_JSON', callbackId: 'cb-001' }),
    ]);
    expect(repos.quarantine.freeSpace(1)!.map((d) => d.id)).toEqual([schemaNew]);
    expect(repos.quarantine.freeSpace(1)).toBeNull();
    expect(repos.quarantine.list({ limit: 10, offset: 0 }).map((e) => e.id)).toEqual([waiting]);
    expect(repos.quarantine.freeSpace(0)).toEqual([]);
  });

  it.each(QUARANTINE_DROP_ORDER_SQL.map((sql, i) => [i, sql] as const))(
    'drop step %i reads only what may go, through its partial index, in order',
    (_i, sql) => {
      const { db } = store();
      const plan = db.raw
        .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ after: 0 })
        .map((r) => r.detail);
      expect(plan.join('\n')).toMatch(/quarantine_(resolved|droppable)/);
      expect(plan.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
    },
  );

  it("uses the contract's value lists", () => {
    expect([...QUARANTINE_REASONS]).toEqual([...contract.QUARANTINE_REASONS]);
    expect([...QUARANTINE_RESOLUTIONS]).toEqual([...contract.QUARANTINE_RESOLUTIONS]);
  });

  it.each([
    ['all', quarantineListSql({})],
    ['unresolved', quarantineListSql({ unresolved: true })],
    ['resolved', quarantineListSql({ unresolved: false })],
    ['count unresolved', quarantineCountSql({ unresolved: true })],
  ])('the %s list is read through the key or an index, in order', (_name, sql) => {
    const { db } = store();
    const plan = db.raw
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(sql.includes('@limit') ? { limit: 10, offset: 0 } : {})
      .map((r) => r.detail);
    expect(
      plan.filter((d) => d.includes('TEMP B-TREE')),
      plan.join('\n'),
    ).toEqual([]);
    if (_name === 'unresolved' || _name === 'count unresolved') {
      expect(
        plan.some((d) => d.includes('quarantine_unresolved')),
        plan.join('\n'),
      ).toBe(true);
    }
  });
});
