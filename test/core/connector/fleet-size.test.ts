// --sim-vehicles: the 25 vehicles of the scenario first, unchanged, then vehicles drawn from the seed: the same seed
// gives the same fleet, every VIN is valid and unique, and the fleet looks like a depot's (brands, energies,
// capabilities, most vehicles fine, some asleep, a few in deep sleep or out of wake-ups).
import { describe, expect, it } from 'vitest';
import { createFleetEngine, type FleetEngine } from '../../../main/core/connector/simulator/fleet-engine.js';
import {
  FLEET_SCENARIO,
  MONTHLY_WAKE_UP_QUOTA,
} from '../../../main/core/connector/simulator/fleet-scenario.js';
import { createSimulatorConnector } from '../../../main/core/connector/simulator/simulator-connector.js';
import { isValidVin } from '../../../main/core/domain/vehicle/vin.js';
import { readStatus } from '../../../main/core/domain/vehicle/status-readings.js';
import { manualClock } from '../../../main/core/ports/clock.js';

const engine = (vehicles?: number, seed = 42): FleetEngine =>
  createFleetEngine({ clock: manualClock(), seed, speed: 1, ...(vehicles ? { vehicles } : {}) });

/** What makes a vehicle the same vehicle: identity, capabilities and what it plays. */
const identity = (e: FleetEngine) =>
  e.vehicles().map((v) => ({
    id: v.id,
    vin: v.vin,
    label: v.label,
    brand: v.brand,
    model: v.model,
    energy: v.energy,
    profile: v.profile,
    scenario: v.scenario,
    connectivity: v.connectivity,
    deepSleep: v.deepSleep,
    wakeUps: v.wakeUps.used,
    immobilized: v.immobilized,
    stolen: v.stolen.active,
    privacy: v.privacy,
    doors: v.doors,
  }));

describe('the size of the simulated fleet', () => {
  const today = engine();
  const big = engine(2000);

  it('is 25 by default: the scenario', () => {
    expect(today.vehicles()).toHaveLength(25);
    expect(today.vehicles().map((v) => v.label)).toEqual(FLEET_SCENARIO.map((e) => e.label));
  });

  it('keeps the 25 first with their ids, VINs, readings and behaviours, whatever the size', () => {
    const first = big.vehicles().slice(0, 25);
    expect(first).toEqual(today.vehicles());
    expect(engine(5000).vehicles().slice(0, 25)).toEqual(today.vehicles());
    // A smaller fleet is the first vehicles of the scenario.
    expect(identity(engine(3))).toEqual(identity(today).slice(0, 3));
    expect(identity(engine(1)).map((v) => v.label)).toEqual(['Van 01']);
  });

  it('gives the same fleet for the same seed, another for another seed (the 25 excepted)', () => {
    const mine = identity(big);
    expect(identity(engine(2000))).toEqual(mine);
    const other = identity(engine(2000, 7));
    expect(other.slice(0, 25)).toEqual(mine.slice(0, 25));
    const differing = other.slice(25).filter((v, i) => v.vin !== mine[25 + i]!.vin);
    expect(differing.length).toBeGreaterThan(1500);
  });

  it('has 2,000 and 5,000 vehicles with valid, unique VINs, ids and labels', () => {
    for (const size of [2000, 5000]) {
      const vehicles = size === 2000 ? big.portVehicles() : engine(size).portVehicles();
      expect(vehicles).toHaveLength(size);
      for (const v of vehicles) expect(isValidVin(v.vin), v.vin).toBe(true);
      expect(new Set(vehicles.map((v) => v.vin)).size).toBe(size);
      expect(new Set(vehicles.map((v) => v.id)).size).toBe(size);
      expect(new Set(vehicles.map((v) => v.label)).size).toBe(size);
      expect(vehicles.at(-1)!.label).toMatch(new RegExp(` ${size}$`));
    }
  });

  it('varies brands, models, energies and capabilities', () => {
    const generated = big.portVehicles().slice(25);
    expect(new Set(generated.map((v) => v.brand)).size).toBe(8);
    expect(new Set(generated.map((v) => v.model)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(generated.map((v) => v.energy))).toEqual(
      new Set(['Electric', 'PlugInHybrid', 'Combustion']),
    );
    const offered = (type: 'Doors' | 'Navigation' | 'Immobilization' | 'ElectricBatteryChargingRequest') =>
      generated.filter((v) => v.capabilities[type]?.supported).length / generated.length;
    for (const type of ['Doors', 'Navigation', 'Immobilization', 'ElectricBatteryChargingRequest'] as const) {
      expect(offered(type), type).toBeGreaterThan(0.4);
      expect(offered(type), type).toBeLessThan(1);
    }
    // A combustion vehicle never charges; an e-remote one has no doors.
    for (const v of generated) {
      if (v.energy === 'Combustion')
        expect(v.capabilities.ElectricBatteryChargingRequest?.supported).toBe(false);
    }
  });

  it('has a depot’s mix: most fine, many asleep, a few in deep sleep, out of wake-ups, immobilized or stolen', () => {
    const generated = big.vehicles().slice(25);
    const share = (pick: (v: (typeof generated)[number]) => boolean) =>
      generated.filter(pick).length / generated.length;
    const fine = share(
      (v) => v.connectivity === 'awake' && !v.deepSleep && !v.immobilized && !v.stolen.active,
    );
    expect(fine).toBeGreaterThan(0.45);
    expect(share((v) => v.connectivity === 'asleep' && !v.deepSleep)).toBeGreaterThan(0.25);
    expect(share((v) => v.connectivity === 'asleep' && !v.deepSleep)).toBeLessThan(0.45);
    for (const [name, pick] of [
      ['deep sleep', (v) => v.deepSleep],
      ['out of wake-ups', (v) => v.wakeUps.used >= MONTHLY_WAKE_UP_QUOTA],
      ['immobilized', (v) => v.immobilized],
      ['stolen', (v) => v.stolen.active],
      ['privacy', (v) => v.privacy !== 'None'],
      ['a door open', (v) => v.doors.open.length > 0],
      ['being driven', (v) => v.ignition === 'Start'],
    ] as [string, (v: (typeof generated)[number]) => boolean][]) {
      expect(share(pick), name).toBeGreaterThan(0.001);
      expect(share(pick), name).toBeLessThan(0.06);
    }
  });

  it('plays the generated vehicles like the scenario’s: a deep-sleeping one times out, an asleep one wakes', () => {
    const clock = manualClock();
    const e = createFleetEngine({ clock, seed: 42, speed: 100, vehicles: 400 });
    const outcomes: Record<string, string> = {};
    e.onEvent((_cb, ev) => {
      if (ev.eventStatus.type === 'Done')
        outcomes[ev.remoteActionId] = ev.eventStatus.failureCause ?? ev.eventStatus.status;
    });
    const pick = (test: (v: ReturnType<FleetEngine['vehicles']>[number]) => boolean) =>
      e
        .vehicles()
        .slice(25)
        .find((v) => test(v) && v.auxBattery >= 30 && v.profile.unsupported.Horn === undefined)!;
    const deep = pick((v) => v.deepSleep);
    const asleep = pick((v) => v.connectivity === 'asleep' && !v.deepSleep && v.wakeUps.used === 0);
    const horn = { horn: { state: 'Activated' as const } };
    const a = e.submit({ vehicleId: deep.id, callbackId: 'cb', type: 'Horn', body: horn }).remoteActionId;
    const b = e.submit({ vehicleId: asleep.id, callbackId: 'cb', type: 'Horn', body: horn }).remoteActionId;
    clock.advance(10_000);
    expect(outcomes).toEqual({ [a]: 'VehicleConnectionTimeout', [b]: 'Success' });
    e.close();
  });
});

describe('the simulator’s own state in the statuses the agent reads', () => {
  it('adds immobilized and stolen under _embedded.extension; the engine’s status stays the spec’s', async () => {
    const clock = manualClock();
    const sim = createSimulatorConnector({ clock, seed: 42 });
    const id = (label: string) => sim.sim.vehicles().find((v) => v.label === label)!.id;
    const read = async (label: string) => readStatus((await sim.getVehicleStatus(id(label)))!).simulator;
    expect(await read('Site 17')).toEqual({ immobilized: true, stolen: false });
    expect(await read('Site 16')).toEqual({ immobilized: false, stolen: true });
    expect(await read('Van 01')).toEqual({ immobilized: false, stolen: false });
    const engineOnly = createFleetEngine({ clock, seed: 42, speed: 1 });
    expect(JSON.stringify(engineOnly.status(id('Site 17')))).not.toContain('depotSimulator');
    expect(await sim.getVehicleStatus('no-such-vehicle')).toBeNull();
    engineOnly.close();
    await sim.close();
  });
});
