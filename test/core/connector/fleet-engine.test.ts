// The fleet model without HTTP: the fleet's variety, determinism, timing, wake-up rules and the status.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../../../main/core/connector/simulator/capabilities.js';
import { createFleetEngine, type FleetEngine } from '../../../main/core/connector/simulator/fleet-engine.js';
import { MONTHLY_WAKE_UP_QUOTA } from '../../../main/core/connector/simulator/fleet-scenario.js';
import {
  SIM_DEFAULTS,
  createSimulatorConnector,
} from '../../../main/core/connector/simulator/simulator-connector.js';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import type { RemoteBody } from '../../../main/core/domain/remote/remote-body.js';
import { remoteTypeOfBody } from '../../../main/core/domain/remote/parse-remote.js';
import { REMOTE_TYPES } from '../../../main/core/domain/remote-type.js';
import { manualClock } from '../../../main/core/ports/clock.js';
import { statuses } from './sim-harness.js';

const SPEED = 100;

function engineWith(seed = 7, speed = SPEED) {
  const clock = manualClock();
  const engine = createFleetEngine({ clock, seed, speed });
  const events: RemoteEvent[] = [];
  engine.onEvent((_cb, e) => events.push(e));
  const id = (label: string) => engine.vehicles().find((v) => v.label === label)!.id;
  const send = (label: string, body: RemoteBody, callbackId = 'cb') =>
    engine.submit({ vehicleId: id(label), callbackId, type: remoteTypeOfBody(body), body }).remoteActionId;
  const of = (rid: string) => events.filter((e) => e.remoteActionId === rid);
  return { clock, engine, events, id, send, of };
}

const ms = (a: RemoteEvent | undefined, b: RemoteEvent | undefined) =>
  Date.parse(b!.eventDate) - Date.parse(a!.eventDate);
const HORN: RemoteBody = { horn: { state: 'Activated' } };

describe('the simulated fleet', () => {
  const { engine } = engineWith();
  const vehicles = engine.portVehicles();

  it('has at least 20 vehicles across the Stellantis brands, in every energy', () => {
    expect(vehicles.length).toBeGreaterThanOrEqual(20);
    const brands = new Set(vehicles.map((v) => v.brand));
    for (const b of ['Peugeot', 'Citroën', 'DS', 'Opel', 'Vauxhall', 'Fiat', 'Jeep', 'Alfa Romeo'])
      expect(brands).toContain(b);
    expect(new Set(vehicles.map((v) => v.energy))).toEqual(
      new Set(['Electric', 'PlugInHybrid', 'Combustion']),
    );
  });

  it('gives each vehicle an opaque id distinct from its VIN, a label and a model', () => {
    for (const v of vehicles) {
      expect(v.id).toMatch(/^[0-9a-f]{40}$/);
      expect(v.id).not.toContain(v.vin);
      expect(v.label).toBeTruthy();
      expect(v.model).toBeTruthy();
    }
    expect(new Set(vehicles.map((v) => v.id)).size).toBe(vehicles.length);
    expect(new Set(vehicles.map((v) => v.label)).size).toBe(vehicles.length);
  });

  it('reports every remote type per vehicle, with a plain reason when unsupported', () => {
    for (const v of vehicles) {
      expect(Object.keys(v.capabilities).sort()).toEqual([...REMOTE_TYPES].sort());
      for (const c of Object.values(v.capabilities)) {
        if (c.supported) expect(c.reason).toBeUndefined();
        else expect(c.reason).toMatch(/\w{4,}/);
      }
    }
  });

  it('has capability sets that differ: e-remote only, no navigation, no immobilization, combustion', () => {
    const lacking = (type: (typeof REMOTE_TYPES)[number], reason: string) =>
      vehicles.filter((v) => v.capabilities[type]?.reason === reason);
    const eRemote = lacking('Doors', REASONS.eRemoteOnly);
    expect(eRemote.length).toBeGreaterThan(0);
    for (const v of eRemote) {
      expect(v.capabilities.Horn?.supported).toBe(false);
      expect(v.capabilities.Lights?.supported).toBe(false);
      expect(v.capabilities.ElectricBatteryChargingRequest?.supported).toBe(true);
      expect(v.capabilities.ThermalPreconditioning?.supported).toBe(true);
    }
    expect(lacking('Navigation', REASONS.noNavigation).length).toBeGreaterThan(0);
    expect(lacking('Immobilization', REASONS.noImmobilization).length).toBeGreaterThan(0);
    const combustion = vehicles.filter((v) => v.energy === 'Combustion');
    expect(combustion.length).toBeGreaterThan(0);
    for (const v of combustion) expect(v.capabilities.ElectricBatteryChargingRequest?.supported).toBe(false);
    const distinct = new Set(
      vehicles.map((v) => REMOTE_TYPES.map((t) => (v.capabilities[t]?.supported ? 1 : 0)).join('')),
    );
    expect(distinct.size).toBeGreaterThanOrEqual(5);
  });

  it('shows the same capabilities as the fleet API onboardCapabilities.remote (N3)', () => {
    const entry = {
      ThermalPreconditioning: 'preconditioning',
      ElectricBatteryChargingRequest: 'charging',
      Doors: 'door',
      Horn: 'horn',
      Lights: 'lights',
      WakeUp: 'wakeup',
      Navigation: 'navigation',
      Stolen: 'stolen',
    } as const;
    for (const v of vehicles) {
      const api = engine.fleetVehicle(v.id) as {
        id: string;
        vin: string;
        _embedded: { extension: { onboardCapabilities: { remote: Record<string, { supported: boolean }> } } };
      };
      expect(api).toMatchObject({ id: v.id, vin: v.vin });
      const remote = api._embedded.extension.onboardCapabilities.remote;
      for (const [type, key] of Object.entries(entry))
        expect(remote[key]!.supported, `${v.label} ${type}`).toBe(
          v.capabilities[type as keyof typeof entry]!.supported,
        );
    }
  });

  it('is documented vehicle by vehicle in the simulator README', () => {
    const readme = readFileSync(
      new URL('../../../main/core/connector/simulator/README.md', import.meta.url),
      'utf8',
    );
    for (const v of engine.vehicles())
      expect(readme).toMatch(new RegExp(`\\| ${v.label} \\| \`${v.vin}\` \\|`));
  });

  it('lists the vehicles through the connector in the port shape', async () => {
    const clock = manualClock();
    const sim = createSimulatorConnector({ clock });
    const listed = await sim.listVehicles();
    expect(listed).toHaveLength(vehicles.length);
    expect(listed[0]).toEqual({
      id: expect.any(String),
      vin: expect.any(String),
      label: 'Van 01',
      brand: 'Peugeot',
      model: 'e-208',
      energy: 'Electric',
      capabilities: expect.objectContaining({ Doors: { supported: true } }),
    });
    expect(SIM_DEFAULTS).toEqual({ speed: 1, seed: 42 });
    expect(sim.sim).toMatchObject({ seed: 42, speed: 1 });
    await sim.close();
  });
});

describe('determinism', () => {
  function run(seed: number) {
    const t = engineWith(seed);
    const rids = [
      t.send('Van 01', HORN),
      t.send('Pool 02', { door: { state: 'Unlocked' } }),
      t.send('Exec 19', { lights: { on: true } }),
      t.send('Loaner 09', HORN),
    ];
    t.clock.advance(200_000);
    const status = t.engine.status(t.id('Van 01')) as { energies: { level: number }[] };
    return { rids, events: t.events, vehicleIds: t.engine.vehicles().map((v) => v.id), status };
  }

  it('repeats a run exactly with the same seed: remote ids, event dates, readings', () => {
    const a = run(11);
    const b = run(11);
    expect(b.rids).toEqual(a.rids);
    expect(b.events).toEqual(a.events);
    expect(b.status).toEqual(a.status);
  });

  it('varies ids and timings with another seed, but keeps the fleet identities', () => {
    const a = run(11);
    const c = run(12);
    expect(c.rids.some((rid, i) => rid !== a.rids[i])).toBe(true);
    expect(c.events.map((e) => e.eventDate)).not.toEqual(a.events.map((e) => e.eventDate));
    expect(c.vehicleIds).toEqual(a.vehicleIds);
  });

  it('gives unique opaque remote ids', () => {
    const t = engineWith();
    const rids = Array.from({ length: 200 }, () => t.send('Van 01', HORN));
    expect(new Set(rids).size).toBe(200);
    for (const rid of rids) expect(rid).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('timing and wake-up', () => {
  it('answers from an awake vehicle within a few seconds (divided by the speed)', () => {
    const t = engineWith();
    const rid = t.send('Van 01', HORN);
    t.clock.advance(60_000);
    const ev = t.of(rid);
    expect(statuses(ev)).toEqual(['Accepted', 'SentToVehicle', 'Success']);
    const total = ms({ eventDate: '2026-01-05T08:00:00.000Z' } as RemoteEvent, ev[2]);
    expect(total).toBeGreaterThan(3_000 / SPEED);
    expect(total).toBeLessThan(5_000 / SPEED);
  });

  it('wakes an asleep vehicle first: WakingUpVehicle, then SentToVehicle about 25 s later', () => {
    const t = engineWith();
    const rid = t.send('Pool 02', HORN);
    t.clock.advance(60_000);
    const ev = t.of(rid);
    expect(statuses(ev)).toEqual(['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'Success']);
    expect(ms(ev[0], ev[1])).toBeLessThanOrEqual(Math.ceil(250 / SPEED));
    const wake = ms(ev[0], ev[2]) * SPEED;
    expect(wake).toBeGreaterThan(22_000);
    expect(wake).toBeLessThan(27_500);
    expect(t.engine.vehicle(t.id('Pool 02'))!.wakeUps.used).toBe(1);
  });

  it('times out a vehicle in deep sleep after about 128 s', () => {
    const t = engineWith();
    const rid = t.send('Exec 08', HORN);
    t.clock.advance(60_000);
    const ev = t.of(rid);
    expect(statuses(ev)).toEqual(['Accepted', 'WakingUpVehicle', 'Failed:VehicleConnectionTimeout']);
    const timeout = ms(ev[0], ev[2]) * SPEED;
    expect(timeout).toBeGreaterThan(115_000);
    expect(timeout).toBeLessThan(141_000);
  });

  it('ends deep sleep once the vehicle is driven', () => {
    const t = engineWith();
    t.engine.drive(t.id('Exec 08'));
    const rid = t.send('Exec 08', HORN);
    t.clock.advance(60_000);
    expect(statuses(t.of(rid))).toEqual(['Accepted', 'SentToVehicle', 'Success']);
  });

  it('keeps a woken vehicle awake 3 minutes after its last message, then it sleeps again', () => {
    const t = engineWith();
    const first = t.send('Pool 02', HORN);
    t.clock.advance(1_000);
    expect(statuses(t.of(first))).toContain('WakingUpVehicle');
    t.clock.advance(60_000); // 61 s after the wake-up: inside the window
    const second = t.send('Pool 02', { lights: { on: true } });
    t.clock.advance(1_000);
    expect(statuses(t.of(second))).toEqual(['Accepted', 'SentToVehicle', 'Success']);
    t.clock.advance(3 * 60_000 + 1_000); // past the window
    const third = t.send('Pool 02', HORN);
    t.clock.advance(1_000);
    expect(statuses(t.of(third))).toEqual(['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'Success']);
    expect(t.engine.vehicle(t.id('Pool 02'))!.wakeUps.used).toBe(2);
  });

  it('lets remotes sent during a wake-up share it (one wake-up counted)', () => {
    const t = engineWith();
    const a = t.send('Pool 02', HORN);
    t.clock.advance(50);
    const b = t.send('Pool 02', { door: { state: 'Unlocked' } });
    t.clock.advance(1_000);
    expect(statuses(t.of(a))).toEqual(['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'Success']);
    expect(statuses(t.of(b))).toEqual(['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'Success']);
    expect(t.of(b)[2]!.eventDate).toBe(t.of(a)[2]!.eventDate);
    expect(t.engine.vehicle(t.id('Pool 02'))!.wakeUps.used).toBe(1);
  });

  it('counts wake-ups per month: the quota refuses, and a new month resets it', () => {
    const t = engineWith();
    t.engine.adjust(t.id('Pool 02'), (v) => {
      v.wakeUps.used = MONTHLY_WAKE_UP_QUOTA - 1;
    });
    const last = t.send('Pool 02', HORN);
    t.clock.advance(4 * 60_000); // done, and asleep again
    expect(statuses(t.of(last)).at(-1)).toBe('Success');
    const refused = t.send('Pool 02', HORN);
    t.clock.advance(1_000);
    expect(statuses(t.of(refused))).toEqual([
      'Accepted',
      'TooManyWakeUpsOverMonth',
      'Failed:TooManyWakeUpsOverMonth',
    ]);
    t.clock.set('2026-02-01T00:00:00.000Z');
    const nextMonth = t.send('Pool 02', HORN);
    t.clock.advance(1_000);
    expect(statuses(t.of(nextMonth)).at(-1)).toBe('Success');
    expect(t.engine.vehicle(t.id('Pool 02'))!.wakeUps).toEqual({ month: '2026-02', used: 1 });
  });

  it('slows answers on weak coverage, so the same action meanwhile is SameActionInProgress', () => {
    const t = engineWith();
    const first = t.send('Exec 19', HORN);
    t.clock.advance(10_000 / SPEED);
    const second = t.send('Exec 19', HORN);
    const other = t.send('Exec 19', { lights: { on: true } });
    t.clock.advance(120_000);
    expect(statuses(t.of(first))).toEqual(['Accepted', 'SentToVehicle', 'Success']);
    expect(statuses(t.of(second))).toEqual(['Accepted', 'Failed:SameActionInProgress']);
    expect(statuses(t.of(other))).toEqual(['Accepted', 'SentToVehicle', 'Success']);
    expect(ms(t.of(first)[0], t.of(first)[2]) * SPEED).toBeGreaterThan(40_000);
  });
});

describe('reading a remote by id (N4)', () => {
  it('reports the merged status as it moves, then the outcome', () => {
    const t = engineWith();
    const rid = t.send('Van 06', { door: { state: 'Locked' } });
    expect(t.engine.remote(rid)).toMatchObject({ remoteActionId: rid, type: 'Doors', status: 'Accepted' });
    t.clock.advance(1_000 / SPEED);
    expect(t.engine.remote(rid)!.status).toBe('Accepted');
    t.clock.advance(2_000 / SPEED);
    expect(t.engine.remote(rid)!.status).toBe('SentToVehicle');
    t.clock.advance(60_000);
    expect(t.engine.remote(rid)).toMatchObject({ status: 'Failed', failureCause: 'CidInside' });
    expect(t.engine.remote('nope')).toBeNull();
  });
});

describe('vehicle status (N2 Status)', () => {
  const statusOf = (e: FleetEngine, id: string) => e.status(id) as Record<string, unknown>;

  it('has the fleet API shape, each part with its createdAt', () => {
    const t = engineWith();
    const s = statusOf(t.engine, t.id('Pool 02'));
    expect(s).toMatchObject({
      _links: { self: { href: expect.stringContaining('/status') } },
      vin: t.engine.vehicle(t.id('Pool 02'))!.vin,
      ignition: { type: 'Stop', createdAt: expect.any(String) },
      doorsState: { lockedStates: ['Locked'], opening: expect.any(Array), createdAt: expect.any(String) },
      privacy: { state: 'None' },
      lastPosition: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [expect.any(Number), expect.any(Number)] },
      },
      preconditioning: { airConditioning: { status: 'Disabled' } },
    });
    const energies = s.energies as { type: string; level: number; autonomy: number; createdAt: string }[];
    expect(energies.map((e) => e.type)).toEqual(['Electric', 'Fuel']);
    for (const e of energies) {
      expect(e.level).toBeGreaterThanOrEqual(0);
      expect(e.autonomy).toBeGreaterThanOrEqual(0);
      expect(e.createdAt).toBeTruthy();
    }
    expect(t.engine.status('unknown')).toBeNull();
  });

  it('shows an asleep vehicle as last reported, and fresh after a WakeUp', () => {
    const t = engineWith();
    const before = statusOf(t.engine, t.id('Pool 02')) as { createdAt: string };
    expect(Date.parse(before.createdAt) - t.clock.now().getTime()).toBeLessThan(-60 * 60_000);
    t.send('Pool 02', { wakeUp: { action: 'WakeUp' } });
    t.clock.advance(60_000);
    const after = statusOf(t.engine, t.id('Pool 02')) as unknown as {
      createdAt: string;
      doorsState: { createdAt: string };
      energies: { createdAt: string }[];
      lastPosition: { properties: { createdAt: string } };
    };
    const done = t.events.at(-1)!.eventDate;
    expect(after.createdAt >= done).toBe(true);
    expect(after.doorsState.createdAt >= done).toBe(true);
    expect(after.energies[0]!.createdAt >= done).toBe(true);
    expect(after.lastPosition.properties.createdAt >= done).toBe(true);
  });

  it('withholds the position under privacy, and shows the stolen declaration', () => {
    const t = engineWith();
    expect(statusOf(t.engine, t.id('Exec 07')).lastPosition).toBeUndefined();
    expect(statusOf(t.engine, t.id('Site 16')).stolen).toMatchObject({ state: true, id: expect.any(String) });
    expect(statusOf(t.engine, t.id('Van 01')).stolen).toBeUndefined();
  });

  it('shows charging in progress with its remaining time, and it progresses with the clock', () => {
    const t = engineWith();
    type Charging = { status: string; plugged: boolean; remainingTime: string };
    const charging = () => {
      const s = t.engine.status(t.id('Pool 04')) as {
        energies: { level: number; extension: { electric: { charging: Charging } } }[];
      };
      return { level: s.energies[0]!.level, ...s.energies[0]!.extension.electric.charging };
    };
    const start = charging();
    expect(start).toMatchObject({
      status: 'InProgress',
      plugged: true,
      remainingTime: expect.stringMatching(/^PT\d+H/),
    });
    t.clock.advance(60 * 60_000);
    expect(charging().level).toBeCloseTo(start.level + 15, 5);
    t.clock.advance(10 * 60 * 60_000);
    expect(charging()).toMatchObject({ level: 100, status: 'Finished', remainingTime: 'PT0M' });
  });

  it('shows the delayed charge as a duration until it starts', () => {
    const t = engineWith();
    t.engine.drive(t.id('Van 03')); // awake, so the status is current
    const s = t.engine.status(t.id('Van 03')) as {
      energies: { extension: { electric: { charging: { nextDelayedTime: string } } } }[];
    };
    // 08:00 → 22:30 the same day.
    expect(s.energies[0]!.extension.electric.charging.nextDelayedTime).toBe('PT14H30M');
  });
});

describe('engine refusals', () => {
  it('refuses a remote for a vehicle outside the fleet (403)', () => {
    const { engine } = engineWith();
    expect(() => engine.submit({ vehicleId: 'nope', callbackId: 'cb', type: 'Horn', body: HORN })).toThrow(
      expect.objectContaining({ kind: 'refused', details: expect.objectContaining({ code: '40300' }) }),
    );
  });

  it('stops playing lifecycles once closed', () => {
    const t = engineWith();
    t.send('Van 01', HORN);
    t.engine.close();
    t.clock.advance(60_000);
    expect(t.events).toEqual([]);
    expect(t.clock.pendingTimers()).toBe(0);
  });
});
