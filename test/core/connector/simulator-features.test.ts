// Each of the nine features through the simulator connector, events checked as the webhook received them
// over HTTP: the success path and every failure cause that applies to the feature (table-driven).
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteBody } from '../../../main/core/domain/remote/remote-body.js';
import { SPEED, startSim, statuses, type SimHarness } from './sim-harness.js';

let h: SimHarness;
afterEach(async () => {
  await h?.close();
});

const OK = ['Accepted', 'SentToVehicle', 'Success'];
const OK_AFTER_WAKE_UP = ['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'Success'];
const failed = (cause: string) => ['Accepted', `Failed:${cause}`];
const vehicleFailed = (cause: string) => ['Accepted', 'SentToVehicle', `Failed:${cause}`];
const lowBattery = ['Accepted', 'VehicleBatteryChargeTooLow', 'Failed:NotPossibleDueToVehicleBatteryLevel'];
const quota = ['Accepted', 'TooManyWakeUpsOverMonth', 'Failed:TooManyWakeUpsOverMonth'];
const deepSleep = ['Accepted', 'WakingUpVehicle', 'Failed:VehicleConnectionTimeout'];
const alreadyDone = ['Accepted', 'SentToVehicle', 'AlreadyDone'];

type Case = [vehicle: string, body: RemoteBody, expected: string[]];

const LOCK: RemoteBody = { door: { state: 'Locked' } };
const UNLOCK: RemoteBody = { door: { state: 'Unlocked' } };
const HORN: RemoteBody = { horn: { state: 'Activated' } };
const LIGHTS: RemoteBody = { lights: { on: true } };
const WAKE_UP: RemoteBody = { wakeUp: { action: 'WakeUp' } };
const CHARGE: RemoteBody = { charging: { immediate: true } };
const STOP_CHARGE: RemoteBody = { charging: { immediate: false } };
const PRECONDITION: RemoteBody = { preconditioning: { airConditioning: { immediate: true } } };
const IMMOBILIZE: RemoteBody = { immobilization: { activate: true } };
const RELEASE: RemoteBody = { immobilization: { activate: false } };
const DECLARE_STOLEN: RemoteBody = { stolen: { stolen: true } };
const NAVIGATE: RemoteBody = {
  navigation: {
    positions: [
      { type: 'Point', coordinates: [2.3522, 48.8566] },
      { type: 'Point', coordinates: [4.8357, 45.764] },
    ],
  },
};

async function expectCase([vehicle, body, expected]: Case) {
  h = await startSim();
  const events = await h.play(vehicle, body);
  expect(statuses(events)).toEqual(expected);
  // Every event reached the webhook exactly once, each in its own POST (no batchNotify here).
  expect(h.hook.requests).toHaveLength(expected.length);
  for (const e of events) {
    expect(e.vin).toBe(h.engine.vehicle(h.id(vehicle))!.vin);
    expect(e.remoteType).toBe(Object.keys(body).map(typeOf)[0]);
  }
  return events;
}

const typeOf = (key: string) =>
  ({
    charging: 'ElectricBatteryChargingRequest',
    stolen: 'Stolen',
    lights: 'Lights',
    wakeUp: 'WakeUp',
    preconditioning: 'ThermalPreconditioning',
    door: 'Doors',
    horn: 'Horn',
    immobilization: 'Immobilization',
    navigation: 'Navigation',
  })[key];

const vehicleState = (label: string) => h.engine.vehicle(h.id(label))!;
const status = async (label: string) =>
  (await h.sim.getVehicleStatus(h.id(label))) as {
    doorsState: { lockedStates: string[] };
    energies: { extension?: { electric: { charging: Record<string, unknown> } } }[];
    preconditioning: { airConditioning: { status: string; programs?: { slot: number }[] } };
    stolen?: { state: boolean };
  };

describe('charging (ElectricBatteryChargingRequest)', () => {
  it('starts charging a plugged-in vehicle: the status shows it in progress', async () => {
    await expectCase(['Van 01', CHARGE, OK]);
    const charging = (await status('Van 01')).energies[0]!.extension!.electric.charging;
    expect(charging).toMatchObject({ plugged: true, status: 'InProgress', chargingMode: 'Slow' });
  });

  it('stops a charge in progress', async () => {
    await expectCase(['Pool 04', STOP_CHARGE, OK]);
    expect(vehicleState('Pool 04').electric!.charging).toBe('Stopped');
  });

  it('stores a delayed charge time, programs and preferences', async () => {
    await expectCase(['Van 01', { charging: { schedule: { nextDelayedTime: '2026-01-05T22:30:00Z' } } }, OK]);
    expect(vehicleState('Van 01').electric!.nextDelayedTime).toBe('2026-01-05T22:30:00Z');
    const program = {
      slot: 1,
      enabled: true,
      start: 'PT22H30M',
      end: 'PT6H',
      occurence: { day: ['Mon' as const] },
    };
    await h.play('Van 01', { charging: { schedule: { programs: [program] } } });
    expect(vehicleState('Van 01').electric!.programs).toEqual([program]);
    await h.play('Van 01', { charging: { preferences: { level: 'Level3', type: 'Partial' } } });
    expect(vehicleState('Van 01').electric!.preferences).toEqual({ level: 'Level3', type: 'Partial' });
    const charging = (await status('Van 01')).energies[0]!.extension!.electric.charging;
    expect(charging).toMatchObject({ type: 'Partial', schedule: { programs: [program] } });
  });

  it('starts charging after waking an asleep vehicle', async () => {
    await expectCase(['Van 03', CHARGE, OK_AFTER_WAKE_UP]);
  });

  it.each<Case>([
    ['Van 06', CHARGE, failed('MissingRights')], // combustion
    ['Van 13', CHARGE, failed('MissingRights')], // low 12 V, but combustion: the rights check comes first
    ['Exec 07', CHARGE, vehicleFailed('NotPossibleDueToVehiclePrivacyLevel')],
    ['City 14', CHARGE, vehicleFailed('ExternalChargingSystemError')], // not plugged in
    [
      'Loaner 09',
      { charging: { schedule: { programs: [{ slot: 1, start: 'PT1H' }] } } },
      vehicleFailed('WrongCommand'),
    ],
    ['Loaner 12', CHARGE, quota],
    ['Exec 08', CHARGE, deepSleep],
    ['Pool 04', CHARGE, alreadyDone], // already charging
    ['Van 01', STOP_CHARGE, alreadyDone], // not charging
    ['City 24', CHARGE, ['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'AlreadyDone']], // full
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });

  it('refuses charging on a low 12 V battery before contacting the vehicle', async () => {
    h = await startSim();
    h.engine.adjust(h.id('Van 01'), (v) => {
      v.auxBattery = 10;
    });
    expect(statuses(await h.play('Van 01', CHARGE))).toEqual(lowBattery);
  });
});

describe('stolen (Stolen)', () => {
  it('declares a vehicle stolen: the status shows the declaration, the vehicle stays awake', async () => {
    await expectCase(['Van 01', DECLARE_STOLEN, OK]);
    expect((await status('Van 01')).stolen).toMatchObject({ state: true });
    expect(vehicleState('Van 01').connectivity).toBe('awake');
  });

  it('clears a declaration, sets tracking periods, immobilizes through the stolen flow', async () => {
    await expectCase(['Site 16', { stolen: { stolen: false } }, OK]);
    expect(vehicleState('Site 16').stolen.active).toBe(false);
    await h.play('Site 16', { stolen: { trackingPeriod: { running: 10, shutdown: 300 } } });
    expect(vehicleState('Site 16').stolen.tracking).toEqual({ running: 10, shutdown: 300 });
    await h.play('Site 16', { stolen: { immobilization: { activate: true } } });
    expect(vehicleState('Site 16').immobilized).toBe(true);
  });

  it('works in privacy mode: recovering a stolen vehicle overrides privacy', async () => {
    await expectCase(['Exec 07', DECLARE_STOLEN, OK]);
  });

  it.each<Case>([
    ['Exec 23', DECLARE_STOLEN, failed('MissingRights')],
    ['Site 16', DECLARE_STOLEN, alreadyDone],
    [
      'Site 16',
      { stolen: { immobilization: { activate: false } } },
      vehicleFailed('NotPossibleDueToVehicleStolenState'),
    ],
    ['Field 10', { stolen: { immobilization: { activate: true } } }, vehicleFailed('VehicleInUse')],
    ['Van 13', DECLARE_STOLEN, lowBattery],
    ['Loaner 12', DECLARE_STOLEN, quota],
    ['Exec 08', DECLARE_STOLEN, deepSleep],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });
});

describe('lights (Lights)', () => {
  it('flashes the lights', async () => {
    await expectCase(['Van 01', LIGHTS, OK]);
    expect(vehicleState('Van 01').lights.lastFlashedAt).toBeTruthy();
  });

  it.each<Case>([
    ['Loaner 09', LIGHTS, failed('MissingRights')], // e-remote only
    ['Field 10', LIGHTS, vehicleFailed('VehicleInUse')],
    ['Exec 07', LIGHTS, vehicleFailed('NotPossibleDueToVehiclePrivacyLevel')],
    ['Van 13', LIGHTS, lowBattery],
    ['Loaner 12', LIGHTS, quota],
    ['Exec 08', LIGHTS, deepSleep],
    ['Van 01', { lights: { on: false } }, alreadyDone],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });
});

describe('state (WakeUp, then a status read: stellantis-api-notes.md N12.3)', () => {
  it('wakes an asleep vehicle (about 25 s), and the status read after it is fresh', async () => {
    h = await startSim();
    const before = (await h.sim.getVehicleStatus(h.id('Pool 02'))) as { createdAt: string };
    const events = await h.play('Pool 02', WAKE_UP);
    expect(statuses(events)).toEqual(OK_AFTER_WAKE_UP);
    const wakeUpMs = (Date.parse(events[2]!.eventDate) - Date.parse(events[0]!.eventDate)) * SPEED;
    expect(wakeUpMs).toBeGreaterThan(22_000);
    expect(wakeUpMs).toBeLessThan(27_500);
    const after = (await h.sim.getVehicleStatus(h.id('Pool 02'))) as { createdAt: string };
    expect(Date.parse(before.createdAt)).toBeLessThan(Date.parse(events[0]!.eventDate) - 60 * 60_000);
    expect(after.createdAt >= events[3]!.eventDate).toBe(true);
  });

  it('refreshes an awake vehicle in seconds', async () => {
    await expectCase(['Van 01', WAKE_UP, OK]);
  });

  it.each<Case>([
    ['Van 13', WAKE_UP, lowBattery],
    ['Loaner 12', WAKE_UP, quota],
    ['Exec 08', WAKE_UP, deepSleep],
    ['Exec 07', WAKE_UP, vehicleFailed('NotPossibleDueToVehiclePrivacyLevel')],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });

  it('refuses a WakeUp the vehicle does not offer', async () => {
    h = await startSim();
    h.engine.adjust(h.id('Van 01'), (v) => {
      (v.profile.unsupported as Record<string, string>).WakeUp = 'No wake-up service.';
    });
    expect(statuses(await h.play('Van 01', WAKE_UP))).toEqual(failed('MissingRights'));
  });
});

describe('preconditioning (ThermalPreconditioning)', () => {
  it('starts immediate preconditioning on a locked vehicle: the status shows it running', async () => {
    await expectCase(['Site 18', PRECONDITION, OK]);
    expect((await status('Site 18')).preconditioning.airConditioning.status).toBe('Enabled');
  });

  it('sets and deletes programs, keeping the others', async () => {
    const set = {
      preconditioning: {
        airConditioning: {
          programs: [
            {
              slot: 3,
              enabled: true,
              recurrence: 'Daily' as const,
              start: 'PT6H45M',
              occurence: { day: ['Mon' as const] },
            },
            { slot: 2, actionsType: 'Delete' as const },
          ],
        },
      },
    };
    await expectCase(['Site 18', set, OK]);
    const programs = (await status('Site 18')).preconditioning.airConditioning.programs!;
    expect(programs.map((p) => p.slot)).toEqual([1, 3]);
  });

  it('stops a running preconditioning', async () => {
    await expectCase(['Pool 25', { preconditioning: { airConditioning: { immediate: false } } }, OK]);
    expect(vehicleState('Pool 25').preconditioning.status).toBe('Disabled');
  });

  it.each<Case>([
    ['Van 06', PRECONDITION, failed('MissingRights')], // combustion
    ['Pool 05', PRECONDITION, vehicleFailed('VehicleIsNotLocked')], // door open
    ['Van 21', PRECONDITION, vehicleFailed('VehicleIsNotLocked')], // unlocked
    ['Van 11', PRECONDITION, lowBattery], // traction battery at 6 %
    ['Site 16', PRECONDITION, vehicleFailed('NotPossibleDueToVehicleStolenState')],
    ['Exec 07', PRECONDITION, vehicleFailed('NotPossibleDueToVehiclePrivacyLevel')],
    ['Loaner 12', PRECONDITION, quota],
    ['Exec 08', PRECONDITION, deepSleep],
    ['Pool 25', PRECONDITION, alreadyDone], // already running
    [
      'Loaner 09', // two program slots only
      {
        preconditioning: {
          airConditioning: {
            programs: [{ slot: 3, enabled: true, start: 'PT7H', occurence: { day: ['Mon'] } }],
          },
        },
      },
      vehicleFailed('WrongCommand'),
    ],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });

  it('refuses immediate preconditioning while the vehicle is driven', async () => {
    h = await startSim();
    h.engine.adjust(h.id('Van 01'), (v) => {
      v.ignition = 'Start';
    });
    expect(statuses(await h.play('Van 01', PRECONDITION))).toEqual(vehicleFailed('VehicleInUse'));
  });
});

describe('doors (Doors)', () => {
  it('locks an unlocked vehicle: the status shows the doors locked', async () => {
    h = await startSim();
    expect((await status('Van 21')).doorsState.lockedStates).toEqual(['Unlocked']);
    expect(statuses(await h.play('Van 21', LOCK))).toEqual(OK);
    expect((await status('Van 21')).doorsState.lockedStates).toEqual(['Locked']);
  });

  it('unlocks, then a second unlock is AlreadyDone', async () => {
    await expectCase(['Van 01', UNLOCK, OK]);
    expect(statuses(await h.play('Van 01', UNLOCK))).toEqual(alreadyDone);
  });

  it('honours a forced lock with the key inside, with feedbackDetail NoCIDBlacklisted', async () => {
    const events = await expectCase(['Van 06', { door: { state: 'Locked', forced: true } }, OK]);
    expect(events.at(-1)!.eventStatus).toEqual({
      type: 'Done',
      status: 'Success',
      feedbackDetail: 'NoCIDBlacklisted',
    });
  });

  it.each<Case>([
    ['Loaner 09', LOCK, failed('MissingRights')], // e-remote only
    ['Pool 05', LOCK, vehicleFailed('DoorsOpen')],
    ['Van 06', LOCK, vehicleFailed('CidInside')],
    ['Field 10', LOCK, vehicleFailed('VehicleInUse')],
    ['Site 16', UNLOCK, vehicleFailed('NotPossibleDueToVehicleStolenState')],
    ['Exec 07', LOCK, vehicleFailed('NotPossibleDueToVehiclePrivacyLevel')],
    ['Van 13', LOCK, lowBattery],
    ['Loaner 12', UNLOCK, quota],
    ['Exec 08', UNLOCK, deepSleep],
    ['Van 15', LOCK, alreadyDone],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });
});

describe('horn (Horn)', () => {
  it('sounds the horn', async () => {
    await expectCase(['Van 01', HORN, OK]);
    expect(vehicleState('Van 01').horn.lastSoundedAt).toBeTruthy();
  });

  it('sounds the horn of a stolen vehicle, to find it', async () => {
    await expectCase(['Site 16', HORN, OK]);
  });

  it.each<Case>([
    ['Loaner 09', HORN, failed('MissingRights')],
    ['Field 10', HORN, vehicleFailed('VehicleInUse')],
    ['Exec 07', HORN, vehicleFailed('NotPossibleDueToVehiclePrivacyLevel')],
    ['Van 13', HORN, lowBattery],
    ['Loaner 12', HORN, quota],
    ['Exec 08', HORN, deepSleep],
    ['Van 01', { horn: { state: 'Unactivated' } }, alreadyDone],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });

  it('refuses a second horn while the first is in progress (SameActionInProgress)', async () => {
    h = await startSim();
    const first = await h.send('Exec 19', HORN);
    await h.run(10);
    const second = await h.send('Exec 19', HORN);
    await h.run(2_000, () => h.received(first).some((e) => e.eventStatus.type === 'Done'));
    expect(statuses(h.received(first))).toEqual(OK);
    expect(statuses(h.received(second))).toEqual(failed('SameActionInProgress'));
  });
});

describe('immobilization (Immobilization)', () => {
  it('immobilizes a parked vehicle, then lifts it', async () => {
    await expectCase(['Van 01', IMMOBILIZE, OK]);
    expect(vehicleState('Van 01').immobilized).toBe(true);
    expect(statuses(await h.play('Van 01', RELEASE))).toEqual(OK);
    expect(vehicleState('Van 01').immobilized).toBe(false);
  });

  it('works in privacy mode', async () => {
    await expectCase(['Exec 07', IMMOBILIZE, OK]);
  });

  it.each<Case>([
    ['Van 15', IMMOBILIZE, failed('MissingRights')],
    ['Field 10', IMMOBILIZE, vehicleFailed('VehicleInUse')],
    ['Site 16', RELEASE, vehicleFailed('NotPossibleDueToVehicleStolenState')],
    ['Van 13', IMMOBILIZE, lowBattery],
    ['Loaner 12', IMMOBILIZE, quota],
    ['Exec 08', IMMOBILIZE, deepSleep],
    ['Site 17', IMMOBILIZE, alreadyDone],
    ['Van 01', RELEASE, alreadyDone],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });

  it('lifts an immobilization', async () => {
    await expectCase(['Site 17', RELEASE, OK]);
  });
});

describe('navigation (Navigation): never Accepted nor WakingUpVehicle', () => {
  it('sends a destination: SentToVehicle then Success, and the vehicle has it', async () => {
    await expectCase(['Van 01', NAVIGATE, ['SentToVehicle', 'Success']]);
    expect(vehicleState('Van 01').navigation).toMatchObject({
      destination: { type: 'Point', coordinates: [4.8357, 45.764] },
      waypoints: [{ type: 'Point', coordinates: [2.3522, 48.8566] }],
    });
  });

  it('reaches a vehicle being driven', async () => {
    await expectCase(['Field 10', NAVIGATE, ['SentToVehicle', 'Success']]);
  });

  it('wakes an asleep vehicle silently: SentToVehicle about 25 s after the POST', async () => {
    h = await startSim();
    const sentAt = h.clock.now().getTime();
    const events = await h.play('Pool 22', NAVIGATE);
    expect(statuses(events)).toEqual(['SentToVehicle', 'Success']);
    const wait = (Date.parse(events[0]!.eventDate) - sentAt) * SPEED;
    expect(wait).toBeGreaterThan(22_000);
    expect(wait).toBeLessThan(28_000);
  });

  it.each<Case>([
    ['Van 15', NAVIGATE, ['Failed:MissingRights']],
    ['Exec 07', NAVIGATE, ['SentToVehicle', 'Failed:NotPossibleDueToVehiclePrivacyLevel']],
    ['Site 16', NAVIGATE, ['SentToVehicle', 'Failed:NotPossibleDueToVehicleStolenState']],
    ['Van 13', NAVIGATE, ['VehicleBatteryChargeTooLow', 'Failed:NotPossibleDueToVehicleBatteryLevel']],
    ['Loaner 12', NAVIGATE, ['TooManyWakeUpsOverMonth', 'Failed:TooManyWakeUpsOverMonth']],
    ['Exec 08', NAVIGATE, ['Failed:VehicleConnectionTimeout']],
  ])('%s %j → %j', async (...c) => {
    await expectCase(c);
  });
});
