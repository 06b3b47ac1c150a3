// Groups as the fleet page makes them: the ticked vehicles, or the fleet's current filters saved. The agent saves
// a filter's free text, states and readiness (the fleet list's own query); brand, energy, capability and command
// activity are this screen's filters only, so saving them is said to leave them out rather than done silently.
import type { GroupDto, GroupFilterDto } from '../../../../preload/contract/routines.js';
import type { VehicleReadiness, VehicleState } from '../../../../preload/contract/vocabulary.js';
import { formatList } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import type { FleetFilter } from '../../stores/vehicles-store.js';
import { readinessLabel, stateLabel } from '../fleet/fleet-text.js';

/** A fleet filter a group cannot keep. */
export type LeftOutFilter = 'brand' | 'energy' | 'capability' | 'activity';

export interface SavedFilter {
  filter: GroupFilterDto;
  /** The fleet filters in use that a group cannot keep. */
  leftOut: LeftOutFilter[];
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
  const leftOut: LeftOutFilter[] = [];
  if (fleet.brand) leftOut.push('brand');
  if (fleet.energy) leftOut.push('energy');
  if (fleet.capability) leftOut.push('capability');
  if (fleet.activity) leftOut.push('activity');
  return { filter, leftOut };
}

/** A filter a group cannot keep, in a word or two ("command activity"). */
export function leftOutLabel(left: LeftOutFilter): string {
  switch (left) {
    case 'brand':
      return t('groups:leftOut.brand');
    case 'energy':
      return t('groups:leftOut.energy');
    case 'capability':
      return t('groups:leftOut.capability');
    case 'activity':
      return t('groups:leftOut.activity');
  }
}

/** A saved filter in words: "“van” · Asleep or Stolen", or "Every vehicle" when it keeps nothing out. */
export function filterText(filter: GroupFilterDto | null): string {
  if (!filter) return '';
  const parts: string[] = [];
  if (filter.search) parts.push(t('groups:filter.search', { search: filter.search }));
  const conditions = [
    ...(filter.readiness ?? []).map(readinessLabel),
    ...(filter.state ?? []).map(stateLabel),
  ];
  if (conditions.length > 0) parts.push(formatList(conditions, 'disjunction'));
  return parts.length > 0 ? parts.join(' · ') : t('groups:filter.every');
}

/** What a group is made of, in a few words. */
export function groupKindText(group: GroupDto): string {
  return group.kind === 'filter'
    ? t('groups:kind.filter', { filter: filterText(group.filter) })
    : t('groups:kind.members');
}

/** The members after adding these, in their order, each once. */
export function withMembers(group: GroupDto, vehicleIds: readonly string[]): string[] {
  return [...new Set([...group.vehicleIds, ...vehicleIds])];
}
