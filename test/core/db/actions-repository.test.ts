import { describe, expect, it } from 'vitest';
import { ACTION_PHASES } from '../../../main/core/domain/status.js';
import { REMOTE_TYPES } from '../../../main/core/domain/remote-type.js';
import { action, at, callback, seedParents, useStore, vehicle } from './db-fixtures.js';

describe('actions repository', () => {
  const store = useStore();

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

  it('re-keys a local action to the network id, taking its events along', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action({ id: 'local-9', phase: 'Sending', status: null }));
    repos.events.insertIfNew('local-9', {
      eventDate: at(10),
      receivedAt: at(10),
      eventType: 'Local',
      status: 'Sending',
      failureCause: null,
      feedbackDetail: null,
      source: 'local',
      applied: true,
    });
    expect(repos.actions.rekey('local-9', 'ra-net-9')).toBe(true);
    expect(repos.actions.get('local-9')).toBeNull();
    expect(repos.actions.get('ra-net-9')).toMatchObject({ id: 'ra-net-9', phase: 'Sending' });
    expect(repos.events.listForAction('ra-net-9')).toHaveLength(1);
    expect(repos.actions.rekey('ghost', 'x')).toBe(false);
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
