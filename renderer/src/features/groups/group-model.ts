// Groups as the fleet page makes them: the ticked vehicles, or the fleet's current filters saved. The agent saves
// a filter's free text, states and readiness (the fleet list's own query); brand, energy, capability and command
// activity are this screen's filters only, so saving them is said to leave them out rather than done silently.
import type { GroupDto, GroupFilterDto } from '../../../../preload/contract/routines.js';
import type { VehicleReadiness, VehicleState } from '../../../../preload/contract/vocabulary.js';
import type { FleetFilter } from '../../stores/vehicles-store.js';
import { READINESS_LABELS, STATE_LABELS } from '../fleet/fleet-text.js';

export interface SavedFilter {
  filter: GroupFilterDto;
  /** The fleet filters in use that a group cannot keep, in words. */
  leftOut: string[];
}

export function groupFilterOf(fleet: FleetFilter): SavedFilter {
  const state: VehicleState[] = [];
  const readiness: VehicleReadiness[] = [];
  for (const c of fleet.conditions) {
    if (c.startsWith('state:')) state.push(c.slice('state:'.length) as VehicleState);
    else readiness.push(c.slice('readiness:'.length) as VehicleReadiness);
  }
  const filter: GroupFilterDto = {
    ...(fleet.search.trim() ? { search: fleet.search.trim() } : {}),
    ...(state.length > 0 ? { state } : {}),
    ...(readiness.length > 0 ? { readiness } : {}),
  };
  const leftOut = [
    fleet.brand ? 'brand' : '',
    fleet.energy ? 'energy' : '',
    fleet.capability ? 'capability' : '',
    fleet.activity ? 'command activity' : '',
  ].filter(Boolean);
  return { filter, leftOut };
}

/** A saved filter in words: "“van” · Asleep, Stolen", or "Every vehicle" when it keeps nothing out. */
export function filterText(filter: GroupFilterDto | null): string {
  if (!filter) return '';
  const parts: string[] = [];
  if (filter.search) parts.push(`“${filter.search}”`);
  const conditions = [
    ...(filter.readiness ?? []).map((r) => READINESS_LABELS[r]),
    ...(filter.state ?? []).map((s) => STATE_LABELS[s]),
  ];
  if (conditions.length > 0) parts.push(conditions.join(' or '));
  return parts.length > 0 ? parts.join(' · ') : 'Every vehicle';
}

/** What a group is made of, in a few words. */
export function groupKindText(group: GroupDto): string {
  return group.kind === 'filter' ? `Saved filter: ${filterText(group.filter)}` : 'Chosen vehicles';
}

/** The members after adding these, in their order, each once. */
export function withMembers(group: GroupDto, vehicleIds: readonly string[]): string[] {
  return [...new Set([...group.vehicleIds, ...vehicleIds])];
}
