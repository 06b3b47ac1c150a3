import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_PHASES } from '../../../main/core/domain/status.js';
import { REMOTE_TYPES } from '../../../main/core/domain/remote-type.js';
import {
  ACTION_BY_UPSTREAM_ID_SQL,
  ACTION_FOR_EVENT_SQL,
  EARLIER_HOLDER_EVENTS_SQL,
} from '../../../main/core/db/actions-repository.js';
import { createRepositories, MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { action, at, callback, seedParents, useStore, useTempDir, vehicle } from './db-fixtures.js';

describe('actions repository', () => {
  const store = useStore();
  const tempDir = useTempDir();

  it('round-trips an action, including a refusal error', () => {
    const { repos } = store();
    seedParents(repos);
    const pending = action();
    const refused = action({
      id: 'local-1',
      type: 'Immobilization',
      remote: { immobilization: { activate: true } },
      phase: 'Refused',
      status: null,
      error: { code: 'MissingRights', message: 'No right on this vehicle', reference: 'ref-42' },
      reason: 'vehicle not returned after rental',
      lastEventDate: null,
    });
    repos.actions.insert(pending);
    repos.actions.insert(refused);
    expect(repos.actions.get('ra-001')).toEqual(pending);
    expect(repos.actions.get('local-1')).toEqual(refused);
    expect(repos.actions.get('nope')).toBeNull();
  });

  it('updates every field', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action());
    const done = action({
      phase: 'Done',
      status: 'Failed',
      outcome: 'Failed',
      failureCause: 'DoorsOpen',
      feedbackDetail: 'NoCIDBlacklisted',
      updatedAt: at(90),
      doneAt: at(90),
      lastEventDate: '2025-01-15T08:01:30+01:00',
    });
    expect(repos.actions.update(done)).toBe(true);
    expect(repos.actions.get('ra-001')).toEqual(done);
    expect(repos.actions.update(action({ id: 'ghost' }))).toBe(false);
  });

  it('stores what an event changed (updateProgress), and everything when more than that changed', () => {
    const { repos } = store();
    seedParents(repos);
    const before = action();
    repos.actions.insert(before);
    const done = {
      ...before,
      phase: 'Done' as const,
      status: 'Failed',
      outcome: 'Failed' as const,
      failureCause: 'DoorsOpen',
      feedbackDetail: 'NoCIDBlacklisted',
      error: { code: 'DoorsOpen', params: { door: 'Driver' } },
      updatedAt: at(90),
      doneAt: at(90),
      lastEventDate: '2025-01-15T08:01:30+01:00',
    };
    expect(repos.actions.updateProgress(before, done)).toBe(true);
    expect(repos.actions.get('ra-001')).toEqual(done);
    // A field no event changes differs too: the whole action is stored, not only its progress.
    const renamed = { ...done, operator: 'Another', reason: 'audit', updatedAt: at(95) };
    expect(repos.actions.updateProgress(done, renamed)).toBe(true);
    expect(repos.actions.get('ra-001')).toEqual(renamed);
    expect(repos.actions.updateProgress(before, { ...done, id: 'ghost' })).toBe(false);
    expect(repos.actions.updateProgress({ ...before, id: 'ghost' }, { ...done, id: 'ghost' })).toBe(false);
  });

  it('stores a Pending after a Pending without touching the phase, and the phase indexes still find the action', () => {
    const { db, repos } = store();
    seedParents(repos);
    const before = action();
    repos.actions.insert(before);
    const progressed = {
      ...before,
      status: 'InProgress',
      feedbackDetail: 'WaitingForVehicle',
      updatedAt: at(30),
      lastEventDate: '2025-01-15T08:00:30+01:00',
    };
    expect(repos.actions.updateProgress(before, progressed)).toBe(true);
    expect(repos.actions.get('ra-001')).toEqual(progressed);
    // What the indexes that hold or filter on the phase say (INDEXED BY: read through the index, not the table).
    const openByIndex = () =>
      db.raw
        .prepare(
          `SELECT id FROM remote_actions INDEXED BY remote_actions_open_by_callback
          WHERE callback_id = ? AND phase IN ('Queued', 'Sending', 'Pending')`,
        )
        .all(before.callbackId);
    const doneByIndex = () =>
      db.raw
        .prepare(`SELECT id FROM remote_actions INDEXED BY remote_actions_by_phase WHERE phase = 'Done'`)
        .all();
    // The partial index of open actions (phase in Queued, Sending, Pending) still holds it.
    expect(openByIndex()).toEqual([{ id: 'ra-001' }]);
    // Then a Done changes the phase: the full progress write, and the open index lets the action go.
    const done = {
      ...progressed,
      phase: 'Done' as const,
      status: 'Success',
      outcome: 'Success' as const,
      doneAt: at(60),
    };
    expect(repos.actions.updateProgress(progressed, done)).toBe(true);
    expect(repos.actions.get('ra-001')).toEqual(done);
    expect(openByIndex()).toEqual([]);
    expect(doneByIndex()).toEqual([{ id: 'ra-001' }]);
    // A settled action's late repeat with the same outcome and done time keeps both.
    const repeat = {
      ...done,
      status: 'Success',
      updatedAt: at(70),
      lastEventDate: '2025-01-15T08:01:10+01:00',
    };
    expect(repos.actions.updateProgress(done, repeat)).toBe(true);
    expect(repos.actions.get('ra-001')).toEqual(repeat);
  });

  it('keeps its own id; the network id is recorded beside it, and the action is found by either', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action({ id: 'local-9', phase: 'Sending', status: null }));
    expect(repos.actions.get('local-9')).not.toHaveProperty('upstreamId');
    expect(repos.actions.claimUpstreamId('local-9', 'ra-net-9', at(20))).toEqual({
      outcome: 'claimed',
      previousHolder: null,
    });
    expect(repos.actions.get('local-9')).toMatchObject({ id: 'local-9', upstreamId: 'ra-net-9' });
    expect(repos.actions.getByUpstreamId('ra-net-9')?.id).toBe('local-9');
    expect(repos.actions.getByUpstreamId('local-9')).toBeNull();
    expect(repos.actions.findForEvent('ra-net-9', at(30))?.id).toBe('local-9');
    // The agent's own id names it too (what its clients know); an id nobody holds names nothing.
    expect(repos.actions.findForEvent('local-9', at(30))?.id).toBe('local-9');
    expect(repos.actions.findForEvent('ra-other', at(30))).toBeNull();
    // Every event naming either id reaches it, whatever its date (one read for many events).
    for (const ref of ['ra-net-9', 'local-9']) {
      expect(repos.actions.findEventTarget(ref)).toEqual({
        action: repos.actions.get('local-9'),
        datesMatter: false,
      });
    }
    expect(repos.actions.findEventTarget('ra-other')).toEqual({ action: null, datesMatter: false });
    // update() leaves the network id alone.
    repos.actions.update(action({ id: 'local-9', phase: 'Pending' }));
    expect(repos.actions.get('local-9')?.upstreamId).toBe('ra-net-9');
    expect(repos.actions.claimUpstreamId('ghost', 'x', at(21))).toBeNull();
  });

  describe('an upstream id the network gives again', () => {
    function holderWithHistory(phase: 'Done' | 'Pending' | 'TimedOut') {
      const { repos } = store();
      seedParents(repos);
      repos.vehicles.upsertMany([vehicle({ id: 'veh-2', vin: 'VR3UHZKXZMT000002' })]);
      repos.actions.insert({ ...action({ id: 'first', phase }), upstreamId: 'ra-x' });
      for (const [status, t] of [
        ['Accepted', 12],
        ['Success', 40],
      ] as const) {
        repos.events.insertIfNew('first', {
          eventDate: at(t),
          receivedAt: at(t),
          eventType: status === 'Success' ? 'Done' : 'Pending',
          status,
          failureCause: null,
          feedbackDetail: null,
          source: 'receiver',
          applied: true,
        });
      }
      repos.actions.insert(action({ id: 'second', vehicleId: 'veh-2', phase: 'Sending', createdAt: at(50) }));
      return repos;
    }

    it('a settled holder hands it over and keeps it for the record; repeats of its events still reach it', () => {
      const repos = holderWithHistory('Done');
      const claim = repos.actions.claimUpstreamId('second', 'ra-x', at(60));
      expect(claim?.outcome).toBe('reassigned');
      expect(claim?.previousHolder?.id).toBe('first');
      expect(repos.actions.getByUpstreamId('ra-x')?.id).toBe('second');
      expect(repos.actions.get('first')).toMatchObject({ phase: 'Done', upstreamId: 'ra-x' });
      // The network retrying the first holder's Done (dated as before) is about the first one…
      expect(repos.actions.findForEvent('ra-x', at(40))?.id).toBe('first');
      expect(repos.actions.findForEvent('ra-x', '2025-01-15T09:00:12+01:00')?.id).toBe('first');
      // …anything later is about the new holder.
      expect(repos.actions.findForEvent('ra-x', at(41))?.id).toBe('second');
      // So one read cannot answer for every event naming it: each event's date decides.
      expect(repos.actions.findEventTarget('ra-x')).toMatchObject({
        action: { id: 'second' },
        datesMatter: true,
      });
      // And the id can move on again once the second one is settled.
      repos.actions.update(action({ id: 'second', vehicleId: 'veh-2', phase: 'Refused', createdAt: at(50) }));
      repos.actions.insert(action({ id: 'third', phase: 'Sending', createdAt: at(70) }));
      expect(repos.actions.claimUpstreamId('third', 'ra-x', at(71))?.outcome).toBe('reassigned');
      expect(repos.actions.getByUpstreamId('ra-x')?.id).toBe('third');
      expect(repos.actions.findForEvent('ra-x', at(40))?.id).toBe('first');
    });

    it.each(['Pending', 'TimedOut'] as const)(
      'a %s holder keeps it: the newcomer records it released and is never reached by it',
      (phase) => {
        const repos = holderWithHistory(phase);
        const claim = repos.actions.claimUpstreamId('second', 'ra-x', at(60));
        expect(claim?.outcome).toBe('conflict');
        expect(claim?.previousHolder?.id).toBe('first');
        expect(repos.actions.getByUpstreamId('ra-x')?.id).toBe('first');
        expect(repos.actions.get('second')?.upstreamId).toBe('ra-x');
        expect(repos.actions.findForEvent('ra-x', at(90))?.id).toBe('first');
      },
    );

    it('the store itself allows one holder per upstream id', () => {
      const { db, repos } = store();
      seedParents(repos);
      repos.actions.insert({ ...action({ id: 'a' }), upstreamId: 'ra-x' });
      expect(() => repos.actions.insert({ ...action({ id: 'b' }), upstreamId: 'ra-x' })).toThrow(/UNIQUE/);
      expect(() =>
        db.raw.prepare("UPDATE remote_actions SET upstream_released_at = 'soon' WHERE id = 'a'").run(),
      ).toThrow(/CHECK/);
      expect(() =>
        db.raw
          .prepare(
            `UPDATE remote_actions SET upstream_id = NULL, upstream_released_at = '${at(1)}' WHERE id = 'a'`,
          )
          .run(),
      ).toThrow(/CHECK/);
    });
  });

  it('finds the action of a notification through indexes (every event looks one up)', () => {
    const { db } = store();
    for (const [sql, params] of [
      [ACTION_BY_UPSTREAM_ID_SQL, { upstreamId: 'x' }],
      [EARLIER_HOLDER_EVENTS_SQL, { upstreamId: 'x' }],
      [ACTION_FOR_EVENT_SQL, { ref: 'x' }],
    ] as const) {
      const plan = db.raw
        .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(params)
        .map((row) => row.detail);
      // No table is scanned (the one-row subquery `t` of ACTION_FOR_EVENT_SQL is no table).
      expect(
        plan.filter((d) => /^SCAN /.test(d) && !/INDEX|^SCAN (CONSTANT ROW|t)$/.test(d)),
        plan.join('\n'),
      ).toEqual([]);
      expect(plan.join('\n')).toMatch(/remote_actions_(upstream_holder|by_upstream)/);
    }
  });

  it('migration 6: rows the network accepted keep their id as their upstream id; the others get none', () => {
    const file = path.join(tempDir(), 'legacy.sqlite');
    const legacy = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) });
    // Raw SQL: the repositories speak the newest schema.
    legacy.raw.exec(`
      INSERT INTO vehicles (id, vin, energy, capabilities, synced_at)
        VALUES ('veh-hash-001', 'VR3UHZKXZMT000001', 'Electric', '{}', '${at(0)}');
      INSERT INTO callbacks (id, subscribe, status, created_at, updated_at)
        VALUES ('cb-001', '{}', 'Running', '${at(0)}', '${at(0)}');`);
    const phases = ['Pending', 'Done', 'TimedOut', 'Sending', 'Refused', 'Expired'] as const;
    // Until 6, an accepted action was re-keyed to the network's id; the others kept a local one.
    for (const phase of phases) {
      const id = ['Sending', 'Refused', 'Expired'].includes(phase) ? `local-${phase}` : `ra-${phase}`;
      legacy.raw
        .prepare(
          `INSERT INTO remote_actions (id, vehicle_id, vin, callback_id, type, remote, phase, created_at,
             updated_at) VALUES (?, 'veh-hash-001', 'VR3UHZKXZMT000001', 'cb-001', 'Horn', '{}', ?, ?, ?)`,
        )
        .run(id, phase, at(1), at(1));
    }
    legacy.close();

    const db = openDatabase(file);
    try {
      const repos = createRepositories(db);
      expect(
        Object.fromEntries(repos.actions.list({ limit: 10 }).map((a) => [a.id, a.upstreamId ?? null])),
      ).toEqual({
        'ra-Pending': 'ra-Pending',
        'ra-Done': 'ra-Done',
        'ra-TimedOut': 'ra-TimedOut',
        'local-Sending': null,
        'local-Refused': null,
        'local-Expired': null,
      });
      // Notifications naming those ids still find them.
      expect(repos.actions.findForEvent('ra-Pending', at(5))?.id).toBe('ra-Pending');
      expect(repos.actions.getByUpstreamId('local-Refused')).toBeNull();
    } finally {
      db.close();
    }
  });

  it('refuses an action for an unknown vehicle or callback (foreign keys)', () => {
    const { repos } = store();
    seedParents(repos);
    expect(() => repos.actions.insert(action({ vehicleId: 'ghost' }))).toThrow(/FOREIGN KEY/);
    expect(() => repos.actions.insert(action({ callbackId: 'ghost' }))).toThrow(/FOREIGN KEY/);
    expect(repos.actions.count()).toBe(0);
  });

  it('accepts every remote type and phase the domain knows (the CHECK lists keep up)', () => {
    const { repos } = store();
    seedParents(repos);
    REMOTE_TYPES.forEach((type, i) => repos.actions.insert(action({ id: `t-${i}`, type })));
    ACTION_PHASES.forEach((phase, i) => repos.actions.insert(action({ id: `p-${i}`, phase })));
    expect(repos.actions.count()).toBe(REMOTE_TYPES.length + ACTION_PHASES.length);
  });

  describe('lists', () => {
    // 3 vehicles x 2 callbacks x 5 phases x 4 types, 30 actions created one second apart (ra-<i>).
    function seedHistory() {
      const { repos } = store();
      repos.vehicles.upsertMany(
        ['v1', 'v2', 'v3'].map((id, i) => vehicle({ id, vin: `VIN00000000000${i}` })),
      );
      repos.callbacks.insert(callback({ id: 'cbA' }));
      repos.callbacks.insert(callback({ id: 'cbB' }));
      const phases = ['Done', 'Pending', 'Sending', 'Refused', 'TimedOut'] as const;
      const types = ['Doors', 'Horn', 'Lights', 'WakeUp'] as const;
      for (let i = 0; i < 30; i++) {
        repos.actions.insert(
          action({
            id: `ra-${String(i).padStart(2, '0')}`,
            vehicleId: `v${(i % 3) + 1}`,
            callbackId: i % 2 === 0 ? 'cbA' : 'cbB',
            phase: phases[i % 5]!,
            type: types[i % 4]!,
            createdAt: at(100 + i),
          }),
        );
      }
      return repos;
    }

    it('listForVehicleCallback: newest first, paged', () => {
      const repos = seedHistory();
      const all = repos.actions.listForVehicleCallback('v1', 'cbA', { limit: 100, offset: 0 });
      expect(all.map((a) => a.id)).toEqual(['ra-24', 'ra-18', 'ra-12', 'ra-06', 'ra-00']);
      expect(
        repos.actions.listForVehicleCallback('v1', 'cbA', { limit: 2, offset: 2 }).map((a) => a.id),
      ).toEqual(['ra-12', 'ra-06']);
    });

    it('list: filters combine, keyset and offset pages agree', () => {
      const repos = seedHistory();
      expect(repos.actions.list({ limit: 3 }).map((a) => a.id)).toEqual(['ra-29', 'ra-28', 'ra-27']);
      expect(repos.actions.list({ phase: 'Sending', limit: 100 }).map((a) => a.id)).toEqual([
        'ra-27',
        'ra-22',
        'ra-17',
        'ra-12',
        'ra-07',
        'ra-02',
      ]);
      expect(repos.actions.list({ vehicleId: 'v2', type: 'Horn', limit: 100 }).map((a) => a.id)).toEqual([
        'ra-25',
        'ra-13',
        'ra-01',
      ]);
      expect(
        repos.actions.list({ callbackId: 'cbB', phase: 'Pending', limit: 100 }).map((a) => a.id),
      ).toEqual(['ra-21', 'ra-11', 'ra-01']);
      expect(
        repos.actions.list({ phases: ['Sending', 'Pending'], vehicleId: 'v1', limit: 100 }).map((a) => a.id),
      ).toEqual(['ra-27', 'ra-21', 'ra-12', 'ra-06']);
      expect(repos.actions.list({ phases: [], limit: 100 })).toEqual([]);

      const first = repos.actions.list({ limit: 4 });
      const last = first.at(-1)!;
      const next = repos.actions.list({ limit: 4, before: { createdAt: last.createdAt, id: last.id } });
      expect(next.map((a) => a.id)).toEqual(repos.actions.list({ limit: 4, offset: 4 }).map((a) => a.id));
      expect(next.map((a) => a.id)).toEqual(['ra-25', 'ra-24', 'ra-23', 'ra-22']);
    });

    it('keyset paging breaks createdAt ties by id', () => {
      const { repos } = store();
      seedParents(repos);
      for (const id of ['b', 'a', 'c']) repos.actions.insert(action({ id, createdAt: at(5) }));
      expect(repos.actions.list({ limit: 10 }).map((a) => a.id)).toEqual(['c', 'b', 'a']);
      expect(
        repos.actions.list({ limit: 10, before: { createdAt: at(5), id: 'c' } }).map((a) => a.id),
      ).toEqual(['b', 'a']);
    });

    it('count uses the same filters', () => {
      const repos = seedHistory();
      expect(repos.actions.count()).toBe(30);
      expect(repos.actions.count({ phase: 'Done' })).toBe(6);
      expect(repos.actions.count({ vehicleId: 'v3', callbackId: 'cbB' })).toBe(5);
      expect(repos.actions.count({ phases: ['Sending', 'Pending'] })).toBe(12);
      expect(repos.actions.count({ type: 'Lights', phase: 'Refused' })).toBe(1);
    });

    it('listOpen: Sending and Pending only, oldest first', () => {
      const repos = seedHistory();
      const open = repos.actions.listOpen();
      expect(open.map((a) => a.id)).toEqual([
        'ra-01',
        'ra-02',
        'ra-06',
        'ra-07',
        'ra-11',
        'ra-12',
        'ra-16',
        'ra-17',
        'ra-21',
        'ra-22',
        'ra-26',
        'ra-27',
      ]);
    });
  });
});
