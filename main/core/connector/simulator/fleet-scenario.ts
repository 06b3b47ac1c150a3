// The simulated fleet, written by hand so each vehicle shows one thing (README.md holds the same table).
// Identity (VIN, id, brand, model, capabilities, scenario) is fixed: ids stay stable across runs and seeds, so
// the agent's cached fleet never fills with ghosts. The seed only varies the readings that no scenario relies
// on (charge levels, positions, mileage), plus remote ids and timings (fleet-engine.ts).
import { createHash } from 'node:crypto';
import { withCheckDigit } from '../../domain/vehicle/vin.js';
import type { Energy } from '../connector.js';
import {
  REASONS,
  combustionProfile,
  eRemoteProfile,
  fullProfile,
  type CapabilityProfile,
} from './capabilities.js';
import type { SeededRandom } from './seeded-random.js';
import { READINGS, type Reading, type SimVehicle } from './vehicle-state.js';

/** Where the depot is: vehicles parked there report positions around it. */
export const DEPOT = { lon: 2.2167, lat: 48.7833 };
const ON_THE_ROAD = { lon: 2.1302, lat: 48.8049 };
const STOLEN_AT = { lon: 4.8357, lat: 45.764 };

/** Monthly wake-ups a vehicle may use; Stellantis does not publish it (stellantis-api-notes.md N9). */
export const MONTHLY_WAKE_UP_QUOTA = 20;
/** Below this 12 V battery health (%), the network refuses remotes to protect the battery. */
export const LOW_AUX_BATTERY = 30;
/** Below this traction-battery level (%), preconditioning is refused (stellantis-api-notes.md N3). */
export const LOW_TRACTION_BATTERY = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a vehicle differs from a parked, locked, awake one. */
export type ScenarioOverrides = Partial<
  Omit<SimVehicle, 'electric' | 'fuel' | 'id' | 'vin' | 'readings'> & {
    electric: Partial<NonNullable<SimVehicle['electric']>>;
    fuel: Partial<NonNullable<SimVehicle['fuel']>>;
  }
> & {
  /** How long ago the vehicle last reported (default: 2 minutes, or 5 hours when asleep). */
  lastReportMs?: number;
};

export interface ScenarioEntry {
  label: string;
  brand: string;
  model: string;
  energy: Energy;
  /** WMI (3), VDS (5), model year (1), plant (1), serial (6); the check digit is computed. */
  vin: [string, string, string, string, string];
  profile: CapabilityProfile;
  /** Electric range when full, km (electric and plug-in hybrid). */
  electricRangeKm?: number;
  /** Fuel range when full, km (combustion and plug-in hybrid). */
  fuelRangeKm?: number;
  scenario: string;
  demonstrates: string;
  state?: ScenarioOverrides;
}

export const FLEET_SCENARIO: readonly ScenarioEntry[] = [
  {
    label: 'Van 01', brand: 'Peugeot', model: 'e-208', energy: 'Electric',
    vin: ['VR3', 'UHZKX', 'R', 'T', '000101'], profile: fullProfile(), electricRangeKm: 362,
    scenario: 'awake',
    demonstrates: 'The reference vehicle: every feature succeeds within seconds; plugged in, not charging.',
    state: { electric: { plugged: true, charging: 'Stopped', level: 64 } },
  },
  {
    label: 'Pool 02', brand: 'Peugeot', model: '3008 Hybrid4', energy: 'PlugInHybrid',
    vin: ['VF3', 'MJEHZ', 'R', 'S', '000102'], profile: fullProfile(), electricRangeKm: 64, fuelRangeKm: 650,
    scenario: 'asleep',
    demonstrates: 'Asleep: Accepted, WakingUpVehicle, then SentToVehicle and Done after about 25 s.',
    state: { connectivity: 'asleep' },
  },
  {
    label: 'Van 03', brand: 'Peugeot', model: 'e-Expert', energy: 'Electric',
    vin: ['VF3', 'VZZKX', 'N', 'J', '000103'], profile: fullProfile({ Navigation: REASONS.noNavigation }),
    electricRangeKm: 330,
    scenario: 'asleep, plugged in, delayed charge',
    demonstrates: 'Charging start after the wake-up; delayed charge at 22:30 in the status; no navigation.',
    state: {
      connectivity: 'asleep',
      electric: { plugged: true, charging: 'Stopped', level: 41, nextDelayedTime: 'PT22H30M' },
    },
  },
  {
    label: 'Pool 04', brand: 'Citroën', model: 'ë-C4', energy: 'Electric',
    vin: ['VR7', 'BAZKX', 'P', 'P', '000104'], profile: fullProfile(), electricRangeKm: 357,
    scenario: 'charging',
    demonstrates: 'Charging in progress: charging start is AlreadyDone, charging stop succeeds.',
    state: { electric: { plugged: true, charging: 'InProgress', level: 52 } },
  },
  {
    label: 'Pool 05', brand: 'Citroën', model: 'C5 Aircross Hybrid', energy: 'PlugInHybrid',
    vin: ['VR7', 'ACYHZ', 'P', 'R', '000105'], profile: fullProfile(), electricRangeKm: 55, fuelRangeKm: 600,
    scenario: 'driver door open',
    demonstrates: 'Lock fails with DoorsOpen; preconditioning fails with VehicleIsNotLocked.',
    state: { doors: { locked: false, open: ['Driver'] } },
  },
  {
    label: 'Van 06', brand: 'Citroën', model: 'Berlingo BlueHDi', energy: 'Combustion',
    vin: ['VF7', 'ERHY6', 'N', 'J', '000106'], profile: combustionProfile(), fuelRangeKm: 900,
    scenario: 'key inside',
    demonstrates:
      'Lock fails with CidInside (a forced lock succeeds with NoCIDBlacklisted); charging is MissingRights.',
    state: { doors: { locked: false, open: [] }, keyInside: true },
  },
  {
    label: 'Exec 07', brand: 'DS', model: 'DS 7 E-Tense', energy: 'PlugInHybrid',
    vin: ['VR1', 'J4HZR', 'R', 'W', '000107'], profile: fullProfile(), electricRangeKm: 57, fuelRangeKm: 620,
    scenario: 'privacy mode',
    demonstrates:
      'Privacy set to Full: remotes fail with NotPossibleDueToVehiclePrivacyLevel, except Stolen and Immobilization.',
    state: { privacy: 'Full' },
  },
  {
    label: 'Exec 08', brand: 'DS', model: 'DS 3 E-Tense', energy: 'Electric',
    vin: ['VR1', 'UJZKX', 'N', 'R', '000108'], profile: fullProfile(), electricRangeKm: 341,
    scenario: 'deep sleep',
    demonstrates:
      'No 15-minute trip in 7 days: Accepted, WakingUpVehicle, then VehicleConnectionTimeout after about 128 s.',
    state: { connectivity: 'asleep', deepSleep: true, lastReportMs: 9 * DAY_MS },
  },
  {
    label: 'Loaner 09', brand: 'Opel', model: 'Corsa Electric', energy: 'Electric',
    vin: ['W0V', 'PFZKX', 'P', '4', '000109'], profile: eRemoteProfile(), electricRangeKm: 357,
    scenario: 'e-remote only',
    demonstrates: 'Doors, horn and lights fail with MissingRights; charging and preconditioning work.',
  },
  {
    label: 'Field 10', brand: 'Opel', model: 'Astra Sports Tourer', energy: 'Combustion',
    vin: ['W0V', 'BD8HP', 'R', '4', '000110'], profile: combustionProfile(), fuelRangeKm: 850,
    scenario: 'in use',
    demonstrates:
      'Being driven: doors, horn, lights and immobilization fail with VehicleInUse; navigation succeeds.',
    state: {
      ignition: 'Start',
      doors: { locked: false, open: [] },
      position: { ...ON_THE_ROAD, heading: 212 },
      lastReportMs: 20_000,
    },
  },
  {
    label: 'Van 11', brand: 'Opel', model: 'Vivaro Electric', energy: 'Electric',
    vin: ['W0V', 'VJZKX', 'N', 'K', '000111'], profile: fullProfile(), electricRangeKm: 330,
    scenario: 'low traction battery',
    demonstrates:
      'Battery at 6 %: preconditioning gets VehicleBatteryChargeTooLow then ' +
      'NotPossibleDueToVehicleBatteryLevel; charging start works.',
    state: { electric: { level: 6, plugged: true, charging: 'Stopped' } },
  },
  {
    label: 'Loaner 12', brand: 'Vauxhall', model: 'Mokka Electric', energy: 'Electric',
    vin: ['W0V', 'UKZKX', 'P', 'S', '000112'], profile: fullProfile(), electricRangeKm: 338,
    scenario: 'wake-up quota used up',
    demonstrates:
      'Asleep with the monthly wake-up quota used: Pending then Failed TooManyWakeUpsOverMonth.',
    state: { connectivity: 'asleep', wakeUps: { month: '', used: MONTHLY_WAKE_UP_QUOTA } },
  },
  {
    label: 'Van 13', brand: 'Vauxhall', model: 'Vivaro', energy: 'Combustion',
    vin: ['W0V', 'VKRHK', 'N', 'K', '000113'], profile: combustionProfile(), fuelRangeKm: 950,
    scenario: 'low 12 V battery',
    demonstrates:
      'Every remote gets VehicleBatteryChargeTooLow then NotPossibleDueToVehicleBatteryLevel.',
    state: { auxBattery: 18 },
  },
  {
    label: 'City 14', brand: 'Fiat', model: '500e', energy: 'Electric',
    vin: ['ZFA', 'FAEBA', 'P', 'J', '000114'], profile: fullProfile({ Navigation: REASONS.noNavigation }),
    electricRangeKm: 320,
    scenario: 'not plugged in',
    demonstrates: 'Charging start fails with ExternalChargingSystemError (no cable); navigation is MissingRights.',
    state: { electric: { plugged: false, charging: 'Disconnected', level: 38 } },
  },
  {
    label: 'Van 15', brand: 'Fiat', model: 'Doblò', energy: 'Combustion',
    vin: ['ZFA', 'KWDHM', 'N', 'T', '000115'],
    profile: combustionProfile({
      Immobilization: REASONS.noImmobilization,
      Navigation: REASONS.noNavigation,
    }),
    fuelRangeKm: 880,
    scenario: 'locked, basic equipment',
    demonstrates: 'Lock is AlreadyDone; immobilization and navigation fail with MissingRights.',
  },
  {
    label: 'Site 16', brand: 'Jeep', model: 'Wrangler 4xe', energy: 'PlugInHybrid',
    vin: ['1C4', 'JJXR6', 'R', 'W', '000116'], profile: fullProfile(), electricRangeKm: 45, fuelRangeKm: 560,
    scenario: 'declared stolen',
    demonstrates:
      'Unlock, preconditioning and navigation fail with NotPossibleDueToVehicleStolenState; ' +
      'stolen true is AlreadyDone, false succeeds.',
    state: {
      stolen: { active: true, id: null, since: null, tracking: { running: 30, shutdown: 120 } },
      position: { ...STOLEN_AT, heading: 90 },
    },
  },
  {
    label: 'Site 17', brand: 'Jeep', model: 'Compass 4xe', energy: 'PlugInHybrid',
    vin: ['ZAC', 'NJDE2', 'R', 'P', '000117'], profile: fullProfile(), electricRangeKm: 49, fuelRangeKm: 610,
    scenario: 'immobilized',
    demonstrates: 'Immobilization activate is AlreadyDone; lifting it succeeds.',
    state: { immobilized: true },
  },
  {
    label: 'Site 18', brand: 'Jeep', model: 'Avenger Electric', energy: 'Electric',
    vin: ['ZAC', 'AVEKX', 'S', 'P', '000118'], profile: fullProfile(), electricRangeKm: 400,
    scenario: 'preconditioning programs',
    demonstrates: 'Two preconditioning programs stored; set, delete and immediate preconditioning succeed.',
    state: {
      preconditioning: {
        status: 'Disabled',
        startedAt: null,
        programs: [
          { slot: 1, enabled: true, recurrence: 'Daily', start: 'PT7H15M',
            occurence: { day: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] } },
          { slot: 2, enabled: false, recurrence: 'Daily', start: 'PT13H0M', occurence: { day: ['Sat'] } },
        ],
      },
    },
  },
  {
    label: 'Exec 19', brand: 'Alfa Romeo', model: 'Tonale Plug-in Hybrid Q4', energy: 'PlugInHybrid',
    vin: ['ZAR', 'FAMAN', 'R', 'H', '000119'], profile: fullProfile(), electricRangeKm: 69, fuelRangeKm: 700,
    scenario: 'weak coverage',
    demonstrates:
      'Answers take about a minute: a second remote of the same type meanwhile fails with SameActionInProgress.',
    state: { latency: 15 },
  },
  {
    label: 'Exec 20', brand: 'Alfa Romeo', model: 'Giulia', energy: 'Combustion',
    vin: ['ZAR', 'FANBN', 'N', 'H', '000120'],
    profile: combustionProfile({ Immobilization: REASONS.noImmobilization }),
    fuelRangeKm: 780,
    scenario: 'awake, combustion',
    demonstrates: 'Combustion reference: doors, horn, lights, navigation succeed; no immobilization.',
  },
  {
    label: 'Van 21', brand: 'Citroën', model: 'ë-Jumpy', energy: 'Electric',
    vin: ['VF7', 'VZZKX', 'P', 'J', '000121'], profile: fullProfile(), electricRangeKm: 330,
    scenario: 'unlocked',
    demonstrates: 'Doors unlocked and closed: lock succeeds; preconditioning before locking is VehicleIsNotLocked.',
    state: { doors: { locked: false, open: [] } },
  },
  {
    label: 'Pool 22', brand: 'Opel', model: 'Grandland Hybrid', energy: 'PlugInHybrid',
    vin: ['W0V', 'ZDHGP', 'R', '4', '000122'], profile: fullProfile(), electricRangeKm: 60, fuelRangeKm: 640,
    scenario: 'asleep',
    demonstrates:
      'Navigation to an asleep vehicle: no Accepted, no WakingUpVehicle, SentToVehicle after the silent wake-up.',
    state: { connectivity: 'asleep' },
  },
  {
    label: 'Exec 23', brand: 'DS', model: 'DS 4 PureTech', energy: 'Combustion',
    vin: ['VR1', 'FDHNS', 'P', 'R', '000123'], profile: combustionProfile({ Stolen: REASONS.noStolen }),
    fuelRangeKm: 820,
    scenario: 'no stolen service',
    demonstrates: 'Stolen fails with MissingRights; the other combustion features succeed.',
  },
  {
    label: 'City 24', brand: 'Fiat', model: '600e', energy: 'Electric',
    vin: ['ZFA', 'FCZKX', 'S', 'T', '000124'], profile: eRemoteProfile({ Navigation: REASONS.noNavigation }),
    electricRangeKm: 409,
    scenario: 'asleep, fully charged',
    demonstrates: 'Charging start after the wake-up is AlreadyDone (battery full); e-remote only.',
    state: { connectivity: 'asleep', electric: { plugged: true, charging: 'Finished', level: 100 } },
  },
  {
    label: 'Pool 25', brand: 'Peugeot', model: 'e-2008', energy: 'Electric',
    vin: ['VR3', 'UKZKX', 'R', 'T', '000125'], profile: fullProfile(), electricRangeKm: 406,
    scenario: 'preconditioning running',
    demonstrates: 'Immediate preconditioning is AlreadyDone; stopping it succeeds.',
    state: { preconditioning: { status: 'Enabled', startedAt: null, programs: [] } },
  },
]; // prettier-ignore

/** The VIN of a scenario entry, with its check digit. */
export function scenarioVin(entry: ScenarioEntry): string {
  const [wmi, vds, year, plant, serial] = entry.vin;
  return withCheckDigit(`${wmi}${vds}0${year}${plant}${serial}`);
}

/** The opaque vehicle id, like the fleet API's hash ids: stable for a VIN, unrelated to it on sight. */
export function vehicleIdFor(vin: string): string {
  return createHash('sha256').update(`depot-remote-simulator:${vin}`).digest('hex').slice(0, 40);
}

const round5 = (n: number) => Math.round(n * 100_000) / 100_000;

/**
 * Builds the fleet at `nowMs` from its entries (the scenario's, then any generated-fleet.ts drew); `random` varies
 * only the readings no scenario relies on.
 */
export function buildFleet(
  nowMs: number,
  random: SeededRandom,
  entries: readonly ScenarioEntry[] = FLEET_SCENARIO,
): SimVehicle[] {
  return entries.map((frozen) => {
    // Each engine owns its copy: vehicles change as remotes succeed, the scenario must not.
    const entry = structuredClone(frozen);
    const s = entry.state ?? {};
    const vin = scenarioVin(entry);
    const asleep = s.connectivity === 'asleep';
    const reportedAt = new Date(nowMs - (s.lastReportMs ?? (asleep ? 5 * 60 * 60 * 1000 : 2 * 60 * 1000)));
    const readings = Object.fromEntries(READINGS.map((r) => [r, reportedAt.toISOString()])) as Record<
      Reading,
      string
    >;
    const hasElectric = entry.energy === 'Electric' || entry.energy === 'PlugInHybrid';
    const hasFuel = entry.energy === 'Combustion' || entry.energy === 'PlugInHybrid';
    // Draw every reading in the same order for every vehicle, so one override never shifts the next vehicle's.
    const level = random.int(45, 92);
    const fuelLevel = random.int(25, 90);
    const position = {
      lon: round5(DEPOT.lon + (random.next() - 0.5) * 0.004),
      lat: round5(DEPOT.lat + (random.next() - 0.5) * 0.003),
      heading: random.int(0, 359),
    };
    const mileageKm = random.int(4_000, 85_000);
    const vehicle: SimVehicle = {
      id: vehicleIdFor(vin),
      vin,
      label: entry.label,
      brand: entry.brand,
      model: entry.model,
      energy: entry.energy,
      profile: entry.profile,
      scenario: entry.scenario,
      demonstrates: entry.demonstrates,
      connectivity: s.connectivity ?? 'awake',
      awakeUntil: 0,
      wakingUntil: 0,
      deepSleep: s.deepSleep ?? false,
      lastLongTripAt: new Date(nowMs - (s.deepSleep ? 9 * DAY_MS : DAY_MS)).toISOString(),
      latency: s.latency ?? 1,
      wakeUps: { month: monthOf(nowMs), used: s.wakeUps?.used ?? 0 },
      ignition: s.ignition ?? 'Stop',
      doors: s.doors ?? { locked: true, open: [] },
      keyInside: s.keyInside ?? false,
      auxBattery: s.auxBattery ?? 86,
      privacy: s.privacy ?? 'None',
      stolen: s.stolen
        ? { ...s.stolen, id: random.hex(32), since: new Date(nowMs - 3 * 60 * 60 * 1000).toISOString() }
        : { active: false, id: null, since: null, tracking: null },
      immobilized: s.immobilized ?? false,
      fuel: hasFuel ? { level: fuelLevel, rangeKm: entry.fuelRangeKm ?? 700, ...s.fuel } : null,
      electric: hasElectric
        ? {
            level,
            rangeKm: entry.electricRangeKm ?? 300,
            plugged: false,
            charging: 'Disconnected',
            ratePerHour: entry.energy === 'Electric' ? 15 : 45,
            nextDelayedTime: null,
            programs: [],
            preferences: {},
            ...s.electric,
          }
        : null,
      preconditioning: s.preconditioning
        ? {
            ...s.preconditioning,
            startedAt: s.preconditioning.status === 'Enabled' ? reportedAt.toISOString() : null,
          }
        : { status: 'Disabled', startedAt: null, programs: [] },
      position: s.position ?? position,
      navigation: null,
      lights: { lastFlashedAt: null },
      horn: { lastSoundedAt: null },
      mileageKm,
      readings,
      settledAt: nowMs,
    };
    return vehicle;
  });
}

/** The calendar month (UTC) a wake-up counts against. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}
