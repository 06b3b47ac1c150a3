// Filtering the fleet: free text over VIN, label, brand and model; brand, energy, a capability, a state.
import type { RemoteActionDto, VehicleDto } from '../../../../preload/contract/dto.js';
import { verdictOf } from '../../stores/action-phases.js';

export type VehicleState = 'busy' | 'failed' | 'idle' | 'no-status';

export const VEHICLE_STATES: { value: VehicleState; label: string }[] = [
  { value: 'busy', label: 'Command in progress' },
  { value: 'failed', label: 'Last command failed' },
  { value: 'idle', label: 'Idle' },
  { value: 'no-status', label: 'No status yet' },
];

export interface FleetFilter {
  search: string;
  brand: string;
  energy: string;
  capability: string;
  state: string;
}

export const EMPTY_FLEET_FILTER: FleetFilter = {
  search: '',
  brand: '',
  energy: '',
  capability: '',
  state: '',
};

export interface VehicleActivity {
  latest: Record<string, RemoteActionDto>;
  inFlight: Record<string, RemoteActionDto[]>;
}

export function stateOf(vehicle: VehicleDto, activity: VehicleActivity): VehicleState[] {
  const states: VehicleState[] = [];
  if (activity.inFlight[vehicle.id]?.length) states.push('busy');
  const latest = activity.latest[vehicle.id];
  if (latest && verdictOf(latest) === 'failure') states.push('failed');
  if (!activity.inFlight[vehicle.id]?.length) states.push('idle');
  if (!vehicle.statusAt) states.push('no-status');
  return states;
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Where the search looks: the VIN, the depot's label, brand and model together, the network's id. */
function searchFields(v: VehicleDto): string[] {
  return [v.vin, v.label ?? '', [v.brand, v.model].filter(Boolean).join(' '), v.id].map(normalise);
}

/**
 * Free text: what was typed, as a whole, within one field ("Van 01" is that van, "000106" that VIN) — or, when no
 * vehicle has it, every word somewhere in the VIN, label, brand or model ("peugeot van"). The phrase comes first
 * because words alone are too loose with numbered labels: "01" is in most VINs and ids.
 */
export function searchVehicles(vehicles: VehicleDto[], search: string): VehicleDto[] {
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

export function filterVehicles(
  vehicles: VehicleDto[],
  filter: FleetFilter,
  activity: VehicleActivity,
): VehicleDto[] {
  const kept = vehicles.filter((v) => {
    if (filter.brand && v.brand !== filter.brand) return false;
    if (filter.energy && v.energy !== filter.energy) return false;
    if (filter.capability && !v.capabilities[filter.capability]?.supported) return false;
    if (filter.state && !stateOf(v, activity).includes(filter.state as VehicleState)) return false;
    return true;
  });
  return searchVehicles(kept, filter.search);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The depot's own order: by label, numbers in their natural order ("Van 2" before "Van 10"), then VIN. */
export function byLabel(a: VehicleDto, b: VehicleDto): number {
  return collator.compare(a.label ?? a.vin, b.label ?? b.vin) || a.vin.localeCompare(b.vin);
}

export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));
}

export const ENERGY_LABELS: Record<string, string> = {
  Electric: 'Electric',
  PlugInHybrid: 'Plug-in hybrid',
  Hybrid: 'Hybrid',
  Combustion: 'Combustion',
  Unknown: 'Unknown',
};
