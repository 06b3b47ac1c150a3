// A vehicle's condition from its last status and the agent's own history: each state with its source, unknown
// never guessed, the newest word winning, the wake-up month in UTC, and the readiness the UI filters on.
import { describe, expect, it } from 'vitest';
import { readStatus } from '../../../main/core/domain/vehicle/status-readings.js';
import {
  NO_FACTS,
  utcMonth,
  vehicleCondition,
  type ConditionInput,
  type VehicleFacts,
} from '../../../main/core/domain/vehicle/vehicle-condition.js';
import { fleetComparator, matchesFleetFilter } from '../../../main/core/domain/vehicle/fleet-order.js';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** A status whose every part the vehicle reported `reportedMsAgo` before `NOW`. */
function status(reportedMsAgo: number, parts: Record<string, unknown> = {}): Record<string, unknown> {
  const at = ago(reportedMsAgo);
  return {
    _links: { self: { href: '/x' } },
    vin: 'VR3UHZKX0RT000101',
    createdAt: at,
    ignition: { createdAt: at, type: 'Stop' },
    lastPosition: { type: 'Feature', geometry: { type: 'Point', coordinates: [2, 48] }, properties: { createdAt: at } },
    doorsState: {
      createdAt: at,
      lockedStates: ['Locked'],
      opening: [{ identifier: 'Driver', state: 'Closed' }],
    },
    privacy: { createdAt: at, state: 'None' },
    energies: [
      {
        createdAt: at,
        type: 'Electric',
        level: 50,
        extension: { electric: { charging: { plugged: false, status: 'Disconnected' } } },
      },
    ],
    ...parts,
  };
} // prettier-ignore

function condition(over: Partial<Omit<ConditionInput, 'facts'>> & { facts?: Partial<VehicleFacts> } = {}) {
  return vehicleCondition({
    status: status(0),
    statusAt: ago(0),
    nowMs: NOW,
    wakeUpBudget: 20,
    ...over,
    facts: { ...NO_FACTS, ...over.facts },
  });
}

describe('states from the last status', () => {
  it('a vehicle that just reported, parked and locked, shows nothing and is ready', () => {
    const c = condition();
    expect(c.states).toEqual([]);
    expect(c.stateSources).toEqual({});
    expect(c.readiness).toEqual({ code: 'ready', nextStep: 'none', severity: 'success', params: {} });
  });

  it('Asleep when, at the read, the vehicle had been silent longer than its 3-minute awake window', () => {
    const read = ago(60 * MIN);
    expect(condition({ status: status(62 * MIN), statusAt: read }).states).toEqual([]);
    const asleep = condition({ status: status(64 * MIN), statusAt: read });
    expect(asleep.states).toEqual(['Asleep']);
    expect(asleep.stateSources.Asleep).toEqual({ source: 'status', at: ago(64 * MIN) });
    expect(asleep.readiness).toEqual({
      code: 'will-wake',
      nextStep: 'expect-wake-up-delay',
      severity: 'info',
      params: { wakeUpsLeft: 20 },
    });
  });

  it('DeepSleepRisk when the last ignition and position are older than 7 days, whatever the age of the read', () => {
    const old = condition({ status: status(8 * DAY), statusAt: ago(8 * DAY - 2 * MIN) });
    expect(old.states).toEqual(['DeepSleepRisk']);
    expect(old.stateSources.DeepSleepRisk).toEqual({ source: 'status', at: ago(8 * DAY) });
    expect(old.readiness).toMatchObject({
      code: 'deep-sleep',
      nextStep: 'drive-vehicle',
      params: { lastActivityAt: ago(8 * DAY) },
    });
    // A recent position is a trip: no risk, even with an old ignition.
    const moved = status(8 * DAY, {
      lastPosition: { type: 'Feature', geometry: {}, properties: { createdAt: ago(DAY) } },
    });
    expect(condition({ status: moved, statusAt: ago(0) }).states).not.toContain('DeepSleepRisk');
    // Read 6 days ago, driven 6 days ago: 2 days later it is at risk, with no new read.
    const later = condition({ status: status(6 * DAY), statusAt: ago(6 * DAY), nowMs: NOW + 2 * DAY });
    expect(later.states).toContain('DeepSleepRisk');
  });

  it('privacy, open doors, unlocked, charging and plugged only where the status says so', () => {
    const c = condition({
      status: status(0, {
        privacy: { createdAt: ago(0), state: 'Full' },
        doorsState: {
          createdAt: ago(0),
          lockedStates: ['CargoDoorsUnlocked'],
          opening: [
            { identifier: 'Driver', state: 'Open' },
            { identifier: 'Trunk', state: 'Open' },
            { identifier: 'Passenger', state: 'Closed' },
          ],
        },
        energies: [
          { type: 'Fuel', createdAt: ago(0), level: 40 },
          {
            type: 'Electric',
            createdAt: ago(0),
            extension: { electric: { charging: { plugged: true, status: 'InProgress' } } },
          },
        ],
      }),
    });
    expect(c.states).toEqual(['PrivacyMode', 'DoorsOpen', 'Unlocked', 'Charging', 'Plugged']);
    expect(c.stateSources.PrivacyMode).toEqual({ source: 'status', at: ago(0), detail: 'Full' });
    expect(c.stateSources.DoorsOpen).toEqual({ source: 'status', at: ago(0), detail: 'Driver,Trunk' });
    expect(c.readiness).toMatchObject({ code: 'privacy', nextStep: 'ask-driver-to-lift-privacy' });
    // Geolocation privacy is a state, but the vehicle is ready (only navigation is refused).
    const geo = condition({ status: status(0, { privacy: { createdAt: ago(0), state: 'Geolocation' } }) });
    expect(geo.states).toEqual(['PrivacyMode']);
    expect(geo.readiness.code).toBe('ready');
  });

  it('never guesses: a status without those parts, or no status at all, shows none of them', () => {
    const bare = { updatedAt: ago(0), ignition: { type: 'Stop' } };
    expect(readStatus(bare)).toEqual({
      lastReportAt: null,
      lastActivityAt: null,
      privacy: null,
      charging: null,
      plugged: null,
      openDoors: null,
      unlocked: null,
      stolen: null,
      simulator: null,
    });
    expect(condition({ status: bare }).states).toEqual([]);
    const none = condition({ status: null, statusAt: null });
    expect(none.states).toEqual([]);
    expect(none.readiness).toMatchObject({ code: 'unknown', nextStep: 'refresh-status' });
    // Garbage in the status is unknown too, not a crash.
    expect(
      condition({
        status: { ignition: { createdAt: 'yesterday' }, privacy: 'Full', energies: 'x', doorsState: [] },
      }).states,
    ).toEqual([]);
  });
});

describe('immobilized and stolen', () => {
  const done = (value: boolean, at: string, remoteActionId = 'ra-1') => ({ value, at, remoteActionId });

  it('come from the last Done of those features', () => {
    const c = condition({
      facts: { immobilization: done(true, ago(MIN)), stolen: done(true, ago(MIN), 'ra-2') },
    });
    expect(c.states).toEqual(['Stolen', 'Immobilized']);
    expect(c.stateSources.Immobilized).toEqual({ source: 'action', at: ago(MIN), remoteActionId: 'ra-1' });
    expect(c.readiness).toMatchObject({
      code: 'stolen',
      nextStep: 'follow-stolen-procedure',
      severity: 'error',
    });
    const lifted = condition({ facts: { immobilization: done(false, ago(MIN)) } });
    expect(lifted.states).toEqual([]);
  });

  it('the newest word wins between a Done, the status and the simulator', () => {
    const sim = (immobilized: boolean, stolen: boolean) =>
      status(0, { _embedded: { extension: { depotSimulator: { immobilized, stolen } } } });
    // The simulator read after the Done says it is lifted.
    expect(
      condition({
        status: sim(false, false),
        statusAt: ago(0),
        facts: { immobilization: done(true, ago(MIN)) },
      }).states,
    ).toEqual([]);
    // A Done after the read wins over it.
    const c = condition({
      status: sim(true, false),
      statusAt: ago(2 * MIN),
      facts: { immobilization: done(false, ago(MIN)) },
    });
    expect(c.states).toEqual([]);
    const simSays = condition({ status: sim(true, false), statusAt: ago(0) });
    expect(simSays.states).toEqual(['Immobilized']);
    expect(simSays.stateSources.Immobilized).toEqual({ source: 'simulator', at: ago(0) });
    // The spec's stolen object is dated by its own createdAt: a lagging status does not undo a newer Done.
    const lagging = status(0, { stolen: { id: 's', state: true, createdAt: ago(DAY), startedAt: ago(DAY) } });
    expect(condition({ status: lagging, facts: { stolen: done(false, ago(MIN)) } }).states).toEqual([]);
    const stolen = condition({ status: lagging });
    expect(stolen.stateSources.Stolen).toEqual({ source: 'status', at: ago(DAY) });
  });
});

describe('wake-ups', () => {
  it('count against the budget in the calendar month, UTC', () => {
    expect(utcMonth(Date.parse('2026-01-31T23:59:59.999Z'))).toEqual({
      month: '2026-01',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
    expect(utcMonth(Date.parse('2026-12-15T00:00:00.000Z')).to).toBe('2027-01-01T00:00:00.000Z');
    const c = condition({ facts: { wakeUpsUsed: 3 }, wakeUpBudget: 5 });
    expect(c.wakeUps).toEqual({
      month: '2026-03',
      usedThisMonth: 3,
      budget: 5,
      estimated: true,
      resetsAt: '2026-04-01T00:00:00.000Z',
      refusedByNetworkAt: null,
    });
    expect(c.states).toEqual([]);
  });

  it('NoWakeUpsLeft once the count reaches the budget or the network refused one; blocking only when asleep', () => {
    const used = condition({ facts: { wakeUpsUsed: 5 }, wakeUpBudget: 5 });
    expect(used.states).toEqual(['NoWakeUpsLeft']);
    expect(used.stateSources.NoWakeUpsLeft).toEqual({ source: 'wake-up-count', at: null });
    expect(used.readiness.code).toBe('ready');
    const asleep = condition({
      status: status(2 * 60 * MIN),
      statusAt: ago(0),
      facts: { wakeUpsUsed: 1, wakeUpsRefused: { at: ago(MIN), remoteActionId: 'ra-9' } },
    });
    expect(asleep.states).toEqual(['NoWakeUpsLeft', 'Asleep']);
    expect(asleep.stateSources.NoWakeUpsLeft).toEqual({
      source: 'network-refusal',
      at: ago(MIN),
      remoteActionId: 'ra-9',
    });
    expect(asleep.wakeUps.refusedByNetworkAt).toBe(ago(MIN));
    expect(asleep.readiness).toEqual({
      code: 'no-wake-ups-left',
      nextStep: 'wait-for-next-month',
      severity: 'error',
      params: { resetsAt: '2026-04-01T00:00:00.000Z' },
    });
  });
});

describe('filters and orders of the fleet list', () => {
  const v = (
    vin: string,
    label: string | null,
    statusAt: string | null,
    code: string,
    states: string[] = [],
  ) => ({ vin, label, statusAt, readiness: { code }, states }) as Parameters<typeof matchesFleetFilter>[0];
  const fleet = [
    v('C', 'Van 10', ago(0), 'ready'),
    v('A', 'Van 2', null, 'unknown'),
    v('B', 'pool 1', ago(DAY), 'stolen', ['Stolen', 'Asleep']),
    v('D', null, ago(MIN), 'will-wake', ['Asleep']),
  ];
  const order = (sort: Parameters<typeof fleetComparator>[0], dir: 'asc' | 'desc' = 'asc') =>
    [...fleet].sort(fleetComparator(sort, dir)).map((x) => x.vin);

  it('match any of the states asked for, and any of the readiness codes', () => {
    expect(fleet.filter((x) => matchesFleetFilter(x, { states: ['Asleep'] })).map((x) => x.vin)).toEqual([
      'B',
      'D',
    ]);
    expect(
      fleet.filter((x) => matchesFleetFilter(x, { states: ['Stolen', 'Immobilized'] })).map((x) => x.vin),
    ).toEqual(['B']);
    expect(
      fleet.filter((x) => matchesFleetFilter(x, { readiness: ['ready', 'unknown'] })).map((x) => x.vin),
    ).toEqual(['C', 'A']);
    expect(fleet.filter((x) => matchesFleetFilter(x, {})).length).toBe(4);
  });

  it('sort by VIN, label (numbers as numbers, no label by VIN), status age (never read oldest), readiness', () => {
    expect(order('vin')).toEqual(['A', 'B', 'C', 'D']);
    expect(order('vin', 'desc')).toEqual(['D', 'C', 'B', 'A']);
    expect(order('label')).toEqual(['D', 'B', 'A', 'C']);
    expect(order('statusAt')).toEqual(['A', 'B', 'D', 'C']);
    expect(order('statusAt', 'desc')).toEqual(['C', 'D', 'B', 'A']);
    expect(order('state')).toEqual(['B', 'D', 'A', 'C']);
  });
});
