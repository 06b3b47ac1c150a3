// The fleet's orders, as the agent's `sort=` names them (VEHICLE_SORTS): by label (the depot's own order), VIN,
// how pressing the vehicle's readiness is, or the age of its status. The whole fleet is on screen, so it is sorted
// here as the technician clicks a column, with the same rules as the API.
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { VEHICLE_READINESS, type VehicleSort } from '../../../../preload/contract/vocabulary.js';
import type { FleetSort } from '../../stores/vehicles-store.js';
import { byLabel } from './fleet-filter.js';

export { DEFAULT_SORT, type FleetSort } from '../../stores/vehicles-store.js';

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byVin = (a: VehicleSummaryDto, b: VehicleSummaryDto) => text(a.vin, b.vin);
const readinessRank = (v: VehicleSummaryDto) => VEHICLE_READINESS.indexOf(v.readiness.code);

const COMPARE: Record<VehicleSort, (a: VehicleSummaryDto, b: VehicleSummaryDto) => number> = {
  label: byLabel,
  vin: byVin,
  // The most pressing first (stolen, immobilized, deep sleep…), then the depot's order.
  state: (a, b) => readinessRank(a) - readinessRank(b) || byLabel(a, b),
  // Never read counts as the oldest: those are the ones to refresh first. Stored dates are one UTC form.
  statusAt: (a, b) => text(a.statusAt ?? '', b.statusAt ?? '') || byVin(a, b),
};

export function sortVehicles<V extends VehicleSummaryDto>(vehicles: readonly V[], sort: FleetSort): V[] {
  const compare = COMPARE[sort.key];
  const sign = sort.order === 'desc' ? -1 : 1;
  return [...vehicles].sort((a, b) => sign * compare(a, b));
}

/** A click (or Enter, Space) on a column's header: the same column turns round, another starts ascending. */
export function nextSort(current: FleetSort, key: VehicleSort): FleetSort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { key, order: 'asc' };
}

export function ariaSort(current: FleetSort, key: VehicleSort): 'ascending' | 'descending' | 'none' {
  if (current.key !== key) return 'none';
  return current.order === 'asc' ? 'ascending' : 'descending';
}
