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

export function filterVehicles(
  vehicles: VehicleDto[],
  filter: FleetFilter,
  activity: VehicleActivity,
): VehicleDto[] {
  const words = filter.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return vehicles.filter((v) => {
    if (filter.brand && v.brand !== filter.brand) return false;
    if (filter.energy && v.energy !== filter.energy) return false;
    if (filter.capability && !v.capabilities[filter.capability]?.supported) return false;
    if (filter.state && !stateOf(v, activity).includes(filter.state as VehicleState)) return false;
    if (words.length === 0) return true;
    const haystack = [v.vin, v.label, v.brand, v.model, v.id].filter(Boolean).join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
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
