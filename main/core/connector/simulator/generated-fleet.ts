// The vehicles past the 25 of the scenario (`--sim-vehicles`), to see how the product behaves with a real fleet's
// size. Drawn from the seed on a stream of their own, so the same seed gives the same fleet and the 25 hand-written
// vehicles keep their ids, VINs and behaviours. Models and capability profiles follow the scenario's; conditions
// come in a depot's proportions: most parked and fine or asleep, a few in deep sleep or out of wake-ups, the odd
// one immobilized, stolen or in privacy mode.
import type { Energy } from '../connector.js';
import {
  REASONS,
  combustionProfile,
  eRemoteProfile,
  fullProfile,
  type CapabilityProfile,
} from './capabilities.js';
import { MONTHLY_WAKE_UP_QUOTA, type ScenarioEntry, type ScenarioOverrides } from './fleet-scenario.js';
import type { SeededRandom } from './seeded-random.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface Model {
  brand: string;
  model: string;
  energy: Energy;
  /** WMI and VDS of the VIN. */
  wmi: string;
  vds: string;
  /** The label's first word: what the depot uses it for. */
  use: 'Van' | 'Pool' | 'Exec' | 'Loaner' | 'Field' | 'City' | 'Site';
  electricRangeKm?: number;
  fuelRangeKm?: number;
}

const MODELS: readonly Model[] = [
  { brand: 'Peugeot', model: 'e-208', energy: 'Electric', wmi: 'VR3', vds: 'UHZKX', use: 'Pool', electricRangeKm: 362 },
  { brand: 'Peugeot', model: 'e-2008', energy: 'Electric', wmi: 'VR3', vds: 'UKZKX', use: 'Pool', electricRangeKm: 406 },
  { brand: 'Peugeot', model: '308 SW Hybrid', energy: 'PlugInHybrid', wmi: 'VR3', vds: 'FHZRH', use: 'Exec', electricRangeKm: 60, fuelRangeKm: 700 },
  { brand: 'Peugeot', model: '3008 Hybrid4', energy: 'PlugInHybrid', wmi: 'VF3', vds: 'MJEHZ', use: 'Pool', electricRangeKm: 64, fuelRangeKm: 650 },
  { brand: 'Peugeot', model: 'e-Expert', energy: 'Electric', wmi: 'VF3', vds: 'VZZKX', use: 'Van', electricRangeKm: 330 },
  { brand: 'Peugeot', model: 'Partner BlueHDi', energy: 'Combustion', wmi: 'VF3', vds: 'EFHYH', use: 'Van', fuelRangeKm: 950 },
  { brand: 'Citroën', model: 'ë-C4', energy: 'Electric', wmi: 'VR7', vds: 'BAZKX', use: 'Pool', electricRangeKm: 357 },
  { brand: 'Citroën', model: 'C5 Aircross Hybrid', energy: 'PlugInHybrid', wmi: 'VR7', vds: 'ACYHZ', use: 'Pool', electricRangeKm: 55, fuelRangeKm: 600 },
  { brand: 'Citroën', model: 'Berlingo BlueHDi', energy: 'Combustion', wmi: 'VF7', vds: 'ERHY6', use: 'Van', fuelRangeKm: 900 },
  { brand: 'Citroën', model: 'ë-Jumpy', energy: 'Electric', wmi: 'VF7', vds: 'VZZKX', use: 'Van', electricRangeKm: 330 },
  { brand: 'Citroën', model: 'C3 PureTech', energy: 'Combustion', wmi: 'VF7', vds: 'SXHMR', use: 'Loaner', fuelRangeKm: 750 },
  { brand: 'DS', model: 'DS 7 E-Tense', energy: 'PlugInHybrid', wmi: 'VR1', vds: 'J4HZR', use: 'Exec', electricRangeKm: 57, fuelRangeKm: 620 },
  { brand: 'DS', model: 'DS 3 E-Tense', energy: 'Electric', wmi: 'VR1', vds: 'UJZKX', use: 'Exec', electricRangeKm: 341 },
  { brand: 'DS', model: 'DS 4 PureTech', energy: 'Combustion', wmi: 'VR1', vds: 'FDHNS', use: 'Exec', fuelRangeKm: 820 },
  { brand: 'Opel', model: 'Corsa Electric', energy: 'Electric', wmi: 'W0V', vds: 'PFZKX', use: 'Loaner', electricRangeKm: 357 },
  { brand: 'Opel', model: 'Astra Sports Tourer', energy: 'Combustion', wmi: 'W0V', vds: 'BD8HP', use: 'Field', fuelRangeKm: 850 },
  { brand: 'Opel', model: 'Vivaro Electric', energy: 'Electric', wmi: 'W0V', vds: 'VJZKX', use: 'Van', electricRangeKm: 330 },
  { brand: 'Opel', model: 'Grandland Hybrid', energy: 'PlugInHybrid', wmi: 'W0V', vds: 'ZDHGP', use: 'Pool', electricRangeKm: 60, fuelRangeKm: 640 },
  { brand: 'Vauxhall', model: 'Mokka Electric', energy: 'Electric', wmi: 'W0V', vds: 'UKZKX', use: 'Loaner', electricRangeKm: 338 },
  { brand: 'Vauxhall', model: 'Vivaro', energy: 'Combustion', wmi: 'W0V', vds: 'VKRHK', use: 'Van', fuelRangeKm: 950 },
  { brand: 'Fiat', model: '500e', energy: 'Electric', wmi: 'ZFA', vds: 'FAEBA', use: 'City', electricRangeKm: 320 },
  { brand: 'Fiat', model: '600e', energy: 'Electric', wmi: 'ZFA', vds: 'FCZKX', use: 'City', electricRangeKm: 409 },
  { brand: 'Fiat', model: 'Doblò', energy: 'Combustion', wmi: 'ZFA', vds: 'KWDHM', use: 'Van', fuelRangeKm: 880 },
  { brand: 'Jeep', model: 'Wrangler 4xe', energy: 'PlugInHybrid', wmi: '1C4', vds: 'JJXR6', use: 'Site', electricRangeKm: 45, fuelRangeKm: 560 },
  { brand: 'Jeep', model: 'Compass 4xe', energy: 'PlugInHybrid', wmi: 'ZAC', vds: 'NJDE2', use: 'Site', electricRangeKm: 49, fuelRangeKm: 610 },
  { brand: 'Jeep', model: 'Avenger Electric', energy: 'Electric', wmi: 'ZAC', vds: 'AVEKX', use: 'Site', electricRangeKm: 400 },
  { brand: 'Alfa Romeo', model: 'Tonale Plug-in Hybrid Q4', energy: 'PlugInHybrid', wmi: 'ZAR', vds: 'FAMAN', use: 'Exec', electricRangeKm: 69, fuelRangeKm: 700 },
  { brand: 'Alfa Romeo', model: 'Giulia', energy: 'Combustion', wmi: 'ZAR', vds: 'FANBN', use: 'Exec', fuelRangeKm: 780 },
]; // prettier-ignore

/** VIN model-year codes (position 10): 2022–2025. */
const YEARS = ['N', 'P', 'R', 'S'] as const;
/** Plant codes (position 11). */
const PLANTS = ['J', 'K', 'P', 'R', 'S', 'T', 'W', '4'] as const;

type Choose = <T>(items: readonly T[]) => T;

/** What the vehicle offers: most everything, some e-remote only, some without navigation or immobilization. */
function profileFor(m: Model, r: SeededRandom, pick: Choose): CapabilityProfile {
  const p = r.next();
  if (m.energy === 'Combustion') {
    if (p < 0.7) return combustionProfile();
    return combustionProfile(
      pick([
        { Immobilization: REASONS.noImmobilization },
        { Navigation: REASONS.noNavigation },
        { Stolen: REASONS.noStolen },
      ]),
    );
  }
  if (m.energy === 'Electric' && p < 0.15) return eRemoteProfile({ Navigation: REASONS.noNavigation });
  return p < 0.9 ? fullProfile() : fullProfile({ Navigation: REASONS.noNavigation });
}

interface Condition {
  /** Out of 1000. */
  weight: number;
  scenario: string;
  state(m: Model, r: SeededRandom): ScenarioOverrides;
}

const asleepFor = (r: SeededRandom) => r.int(1, 72) * HOUR_MS;
const plugIn = (m: Model): ScenarioOverrides['electric'] =>
  m.energy === 'Electric' || m.energy === 'PlugInHybrid' ? { plugged: true, charging: 'Stopped' } : undefined;

const CONDITIONS: readonly Condition[] = [
  { weight: 400, scenario: 'parked, locked', state: () => ({}) },
  { weight: 250, scenario: 'asleep', state: (_m, r) => ({ connectivity: 'asleep', lastReportMs: asleepFor(r) }) },
  {
    weight: 60,
    scenario: 'asleep, plugged in',
    state: (m, r) => ({ connectivity: 'asleep', lastReportMs: asleepFor(r), electric: plugIn(m) }),
  },
  {
    weight: 60,
    scenario: 'charging',
    state: (m) =>
      m.energy === 'Combustion' ? {} : { electric: { plugged: true, charging: 'InProgress', level: 40 } },
  },
  {
    weight: 40,
    scenario: 'in use',
    state: () => ({ ignition: 'Start', doors: { locked: false, open: [] }, lastReportMs: 20_000 }),
  },
  { weight: 40, scenario: 'unlocked', state: () => ({ doors: { locked: false, open: [] } }) },
  { weight: 20, scenario: 'a door open', state: (_m, r) => ({ doors: { locked: false, open: [r.next() < 0.5 ? 'Driver' : 'Trunk'] } }) }, // prettier-ignore
  {
    weight: 40,
    scenario: 'deep sleep',
    state: (_m, r) => ({ connectivity: 'asleep', deepSleep: true, lastReportMs: r.int(8, 20) * DAY_MS }),
  },
  {
    weight: 30,
    scenario: 'wake-up quota used up',
    state: (_m, r) => ({
      connectivity: 'asleep',
      lastReportMs: asleepFor(r),
      wakeUps: { month: '', used: MONTHLY_WAKE_UP_QUOTA },
    }),
  },
  { weight: 20, scenario: 'privacy mode', state: (_m, r) => ({ privacy: r.next() < 0.5 ? 'Full' : 'Geolocation' }) },
  { weight: 15, scenario: 'immobilized', state: () => ({ immobilized: true }) },
  {
    weight: 7,
    scenario: 'declared stolen',
    state: () => ({ stolen: { active: true, id: null, since: null, tracking: { running: 30, shutdown: 120 } } }),
  },
  { weight: 10, scenario: 'low 12 V battery', state: () => ({ auxBattery: 18 }) },
  { weight: 8, scenario: 'weak coverage', state: () => ({ latency: 15 }) },
]; // prettier-ignore

const TOTAL_WEIGHT = CONDITIONS.reduce((sum, c) => sum + c.weight, 0);

function conditionFor(r: SeededRandom): Condition {
  let n = r.next() * TOTAL_WEIGHT;
  for (const c of CONDITIONS) {
    n -= c.weight;
    if (n < 0) return c;
  }
  return CONDITIONS[0]!;
}

/**
 * `count` vehicles following the first `offset` (the scenario's): labels go on from offset + 1 ("Van 26"), serials
 * from 010000 + that number, so VINs never meet the scenario's (0001xx) nor each other.
 */
export function generatedEntries(count: number, offset: number, random: SeededRandom): ScenarioEntry[] {
  const pick: Choose = (items) => items[Math.floor(random.next() * items.length)]!;
  const entries: ScenarioEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = offset + i + 1;
    const m = pick(MODELS);
    const year = pick(YEARS);
    const plant = pick(PLANTS);
    const profile = profileFor(m, random, pick);
    const condition = conditionFor(random);
    const state = condition.state(m, random);
    entries.push({
      label: `${m.use} ${n}`,
      brand: m.brand,
      model: m.model,
      energy: m.energy,
      vin: [m.wmi, m.vds, year, plant, String(10_000 + n).padStart(6, '0')],
      profile,
      ...(m.electricRangeKm ? { electricRangeKm: m.electricRangeKm } : {}),
      ...(m.fuelRangeKm ? { fuelRangeKm: m.fuelRangeKm } : {}),
      scenario: condition.scenario,
      demonstrates: `Generated (--sim-vehicles): ${condition.scenario}.`,
      state,
    });
  }
  return entries;
}
