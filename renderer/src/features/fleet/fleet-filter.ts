// Filtering the fleet: free text over VIN, label, brand and model; brand, energy, a capability, the vehicle's
// condition (its readiness and states, any of those chosen) and what its commands are doing.
import type { RemoteActionDto, VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { VEHICLE_READINESS, VEHICLE_STATES } from '../../../../preload/contract/vocabulary.js';
import { verdictOf } from '../../stores/action-phases.js';
import { t } from '../../i18n/index.js';
import type { ConditionValue, FleetFilter } from '../../stores/vehicles-store.js';
import { isVehicleEnergy } from './energies.js';
import { readinessLabel, stateLabel } from './fleet-text.js';

/** What a vehicle's commands are doing (from the actions this screen knows). */
export type ActivityState = 'busy' | 'failed' | 'idle' | 'no-status';

/** The choices of the commands filter, worded. */
export function activityStates(): { value: ActivityState; label: string }[] {
  return [
    { value: 'busy', label: t('fleet:activity.busy') },
    { value: 'failed', label: t('fleet:activity.failed') },
    { value: 'idle', label: t('fleet:activity.idle') },
    { value: 'no-status', label: t('fleet:activity.noStatus') },
  ];
}

// The filter's shape lives with the fleet's store, which keeps it while the technician visits a vehicle.
export { EMPTY_FLEET_FILTER, type ConditionValue, type FleetFilter } from '../../stores/vehicles-store.js';

/** The choices of the state filter: whether a command can go now, then the states, worded. */
export function conditionGroups(): { group: string; items: { value: ConditionValue; label: string }[] }[] {
  return [
    {
      group: t('fleet:filter.state.readinessGroup'),
      items: VEHICLE_READINESS.map((code) => ({
        value: `readiness:${code}` as const,
        label: readinessLabel(code),
      })),
    },
    {
      group: t('fleet:filter.state.statesGroup'),
      items: VEHICLE_STATES.map((state) => ({ value: `state:${state}` as const, label: stateLabel(state) })),
    },
  ];
}

export interface VehicleActivity {
  latest: Record<string, RemoteActionDto>;
  inFlight: Record<string, RemoteActionDto[]>;
}

export function activityOf(vehicle: VehicleSummaryDto, activity: VehicleActivity): ActivityState[] {
  const states: ActivityState[] = [];
  if (activity.inFlight[vehicle.id]?.length) states.push('busy');
  const latest = activity.latest[vehicle.id];
  if (latest && verdictOf(latest) === 'failure') states.push('failed');
  if (!activity.inFlight[vehicle.id]?.length) states.push('idle');
  if (!vehicle.statusAt) states.push('no-status');
  return states;
}

/** The vehicle shows any of the conditions (none chosen: every vehicle). */
export function matchesConditions(
  vehicle: VehicleSummaryDto,
  conditions: readonly ConditionValue[],
): boolean {
  if (conditions.length === 0) return true;
  return conditions.some((c) =>
    c.startsWith('readiness:')
      ? vehicle.readiness.code === c.slice('readiness:'.length)
      : (vehicle.states as string[]).includes(c.slice('state:'.length)),
  );
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

// Each vehicle's search text is made once per object the store holds (a changed vehicle is a new object): typing
// in the search box then costs one scan of the fleet, not a re-normalisation of 2,000 vehicles per key.
const fieldsCache = new WeakMap<VehicleSummaryDto, string[]>();

/** Where the search looks: the VIN, the depot's label, brand and model together, the network's id. */
function searchFields(v: VehicleSummaryDto): string[] {
  let fields = fieldsCache.get(v);
  if (!fields) {
    fields = [v.vin, v.label ?? '', [v.brand, v.model].filter(Boolean).join(' '), v.id].map(normalise);
    fieldsCache.set(v, fields);
  }
  return fields;
}

/**
 * Free text: what was typed, as a whole, within one field ("Van 01" is that van, "000106" that VIN) — or, when no
 * vehicle has it, every word somewhere in the VIN, label, brand or model ("peugeot van"). The phrase comes first
 * because words alone are too loose with numbered labels: "01" is in most VINs and ids.
 */
export function searchVehicles<V extends VehicleSummaryDto>(vehicles: V[], search: string): V[] {
  const phrase = normalise(search);
  if (!phrase) return vehicles;
  const byPhrase = vehicles.filter((v) => searchFields(v).some((f) => f.includes(phrase)));
  if (byPhrase.length > 0) return byPhrase;
  const words = phrase.split(' ');
  return vehicles.filter((v) => {
    const haystack = searchFields(v).slice(0, 3).join(' ');
    return words.every((w) => haystack.includes(w));
  });
}

export function filterVehicles<V extends VehicleSummaryDto>(
  vehicles: V[],
  filter: FleetFilter,
  activity: VehicleActivity,
): V[] {
  const kept = vehicles.filter((v) => {
    if (filter.brand && v.brand !== filter.brand) return false;
    if (filter.energy && v.energy !== filter.energy) return false;
    if (filter.capability && !v.capabilities[filter.capability]?.supported) return false;
    if (!matchesConditions(v, filter.conditions)) return false;
    if (filter.activity && !activityOf(v, activity).includes(filter.activity as ActivityState)) return false;
    return true;
  });
  return searchVehicles(kept, filter.search);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The depot's own order: by label, numbers in their natural order ("Van 2" before "Van 10"), then VIN. */
export function byLabel(a: VehicleSummaryDto, b: VehicleSummaryDto): number {
  return collator.compare(a.label ?? a.vin, b.label ?? b.vin) || a.vin.localeCompare(b.vin);
}

export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));
}

/** A vehicle's energy in a word ("Plug-in hybrid"); one this version does not know, as the agent sent it. */
export function energyLabel(energy: string): string {
  return isVehicleEnergy(energy) ? t(`fleet:energy.${energy}`) : energy;
}
