// The quarantine table: requests kept byte for byte, listed newest first, resolved once; its value lists match
// the contract's, and its list queries stay index-driven.
import { describe, expect, it } from 'vitest';
import {
  QUARANTINE_REASONS,
  QUARANTINE_RESOLUTIONS,
  type NewQuarantineEntry,
} from '../../../main/core/db/index.js';
import { quarantineCountSql, quarantineListSql } from '../../../main/core/db/quarantine-repository.js';
import * as contract from '../../../preload/contract/quarantine.js';
import { at, callback, useStore } from './db-fixtures.js';

const entry = (overrides: Partial<NewQuarantineEntry> = {}): NewQuarantineEntry => ({
  callbackId: 'cb-001',
  receivedAt: at(1),
  reason: 'MALFORMED_JSON',
  errors: [{ field: '(body)', message: 'Not JSON' }],
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
      replays: 0,
      lastReplayAt: null,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
    });
    expect(repos.quarantine.getSummary(id)).not.toHaveProperty('body');
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
      repos.quarantine.recordReplay(id, { at: at(7), reason: 'UNKNOWN_ACTION', errors: [], actionIds: [] }),
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
