// What the action history says of each vehicle's condition: the Done recorded last decides (not the one sent
// last), only successes count, the wake-ups of a month per vehicle; and the statements reach their rows through
// indexes, as the history grows to 100k actions.
import { describe, expect, it } from 'vitest';
import { STATE_SETTING_DONES_SQL, WAKE_UPS_SQL } from '../../../main/core/db/vehicle-facts-repository.js';
import type { RemoteAction } from '../../../main/core/domain/action.js';
import { NO_FACTS } from '../../../main/core/domain/vehicle/vehicle-condition.js';
import { action, at, callback, useStore, vehicle } from './db-fixtures.js';

const MONTH = { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' };

describe('vehicle facts', () => {
  const store = useStore();

  function seed() {
    const { repos } = store();
    repos.vehicles.upsertMany([vehicle(), vehicle({ id: 'veh-2', vin: 'VR3UHZKXZMT000002' })]);
    repos.callbacks.insert(callback());
    return repos;
  }
  const done = (
    id: string,
    remote: RemoteAction['remote'],
    doneAt: string,
    extra: Partial<RemoteAction> = {},
  ) =>
    action({
      id,
      type: 'immobilization' in remote ? 'Immobilization' : 'Stolen',
      remote,
      phase: 'Done',
      status: 'Success',
      outcome: 'Success',
      doneAt,
      ...extra,
    });

  it('keeps the last Done recorded per vehicle, successes and AlreadyDone only', () => {
    const repos = seed();
    // Sent first, done last: it decides.
    repos.actions.insert(done('a', { immobilization: { activate: true } }, at(50), { createdAt: at(1) }));
    repos.actions.insert(done('b', { immobilization: { activate: false } }, at(40), { createdAt: at(2) }));
    repos.actions.insert(
      done('c', { immobilization: { activate: false } }, at(60), { outcome: 'Failed', status: 'Failed' }),
    );
    repos.actions.insert(done('d', { stolen: { stolen: true } }, at(30), { outcome: 'AlreadyDone' }));
    repos.actions.insert(
      done('e', { stolen: { immobilization: { activate: true } } }, at(20), { vehicleId: 'veh-2' }),
    );
    repos.actions.insert(done('f', { stolen: { trackingPeriod: { running: 30 } } }, at(70)));

    const all = repos.vehicleFacts.all(MONTH);
    expect(all.get('veh-hash-001')).toEqual({
      ...NO_FACTS,
      immobilization: { value: true, at: at(50), remoteActionId: 'a' },
      stolen: { value: true, at: at(30), remoteActionId: 'd' },
    });
    expect(all.get('veh-2')!.immobilization).toEqual({ value: true, at: at(20), remoteActionId: 'e' });
    expect(repos.vehicleFacts.one('veh-2', MONTH)).toEqual(all.get('veh-2'));
    expect(repos.vehicleFacts.one('veh-unknown', MONTH)).toEqual(NO_FACTS);
  });

  it('counts the month’s wake-ups and the last refusal for want of them, per vehicle', () => {
    const repos = seed();
    const sent = (id: string, createdAt: string, extra: Partial<RemoteAction> = {}) => {
      repos.actions.insert(
        action({ id, type: 'Horn', remote: { horn: { state: 'Activated' } }, createdAt, ...extra }),
      );
      return id;
    };
    const step = (id: string, status: string) =>
      repos.events.insertIfNew(id, {
        eventDate: '2025-01-15T08:00:00Z',
        receivedAt: at(0),
        eventType: 'Pending',
        status,
        failureCause: null,
        feedbackDetail: null,
        source: 'receiver',
        applied: true,
      });
    step(sent('woke', at(0)), 'WakingUpVehicle');
    step(sent('awake', at(1)), 'SentToVehicle');
    step(sent('last-month', '2024-12-31T23:59:59.999Z'), 'WakingUpVehicle');
    const wakeUp = { type: 'WakeUp' as const, remote: { wakeUp: { action: 'WakeUp' as const } } };
    sent('wake-up', at(2), wakeUp);
    repos.actions.claimUpstreamId('wake-up', 'up-1', at(2));
    sent('wake-up-refused', at(3), { ...wakeUp, phase: 'Refused' });
    sent('refused', at(4), { vehicleId: 'veh-2', failureCause: 'TooManyWakeUpsOverMonth', updatedAt: at(9) });
    sent('refused-earlier', at(5), {
      vehicleId: 'veh-2',
      status: 'TooManyWakeUpsOverMonth',
      updatedAt: at(8),
    });

    const all = repos.vehicleFacts.all(MONTH);
    expect(all.get('veh-hash-001')).toMatchObject({ wakeUpsUsed: 2, wakeUpsRefused: null });
    expect(all.get('veh-2')).toMatchObject({
      wakeUpsUsed: 0,
      wakeUpsRefused: { at: at(9), remoteActionId: 'refused' },
    });
    expect(repos.vehicleFacts.one('veh-hash-001', MONTH).wakeUpsUsed).toBe(2);
    expect(
      repos.vehicleFacts.all({ from: '2024-12-01T00:00:00.000Z', to: MONTH.from }).get('veh-hash-001')!
        .wakeUpsUsed,
    ).toBe(1);
  });

  it.each([
    ['last Dones, whole fleet', STATE_SETTING_DONES_SQL(false), 'remote_actions_by_type'],
    // The two features are rare: fewer rows than one busy vehicle's history.
    ['last Dones, one vehicle', STATE_SETTING_DONES_SQL(true), 'remote_actions_by_type'],
    ['wake-ups, whole fleet', WAKE_UPS_SQL(false), 'remote_actions_by_created'],
    ['wake-ups, one vehicle', WAKE_UPS_SQL(true), 'remote_actions_by_vehicle'],
  ])('%s: through %s, no full scan, each action’s events through their index', (_name, sql, index) => {
    const { db } = store();
    const plan = db.raw
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1]!, 'x'])))
      .map((row) => row.detail);
    const fullScans = plan.filter(
      (d) => /^SCAN (?!CONSTANT ROW)/.test(d) && !/USING (COVERING )?INDEX/.test(d),
    );
    expect(fullScans, plan.join('\n')).toEqual([]);
    expect(plan[0], plan.join('\n')).toContain(`USING INDEX ${index} `);
  });
});
