// The fleet list's filters and orders (issue 15): on the condition the agent derives, so they run on the
// vehicles as read, not in SQL. A vehicle matches a state filter when it shows any of the states asked for.
import {
  VEHICLE_READINESS,
  type VehicleReadiness,
  type VehicleSort,
  type VehicleState,
} from '../../../../preload/contract/vocabulary.js';

export interface Orderable {
  vin: string;
  label: string | null;
  statusAt: string | null;
  states: readonly VehicleState[];
  readiness: { code: VehicleReadiness };
}

export interface FleetFilter {
  /** Any of these states. */
  states?: readonly VehicleState[];
  /** Any of these readiness codes. */
  readiness?: readonly VehicleReadiness[];
}

export function matchesFleetFilter(v: Orderable, filter: FleetFilter): boolean {
  if (filter.states?.length && !filter.states.some((s) => v.states.includes(s))) return false;
  if (filter.readiness?.length && !filter.readiness.includes(v.readiness.code)) return false;
  return true;
}

// Labels as people read them: "Van 2" before "Van 10", accents and case aside.
const labels = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byVin = (a: Orderable, b: Orderable) => text(a.vin, b.vin);
/** A vehicle without a label (the fleet API gives none) sorts by its VIN among the labels. */
const byLabel = (a: Orderable, b: Orderable) => labels.compare(a.label ?? a.vin, b.label ?? b.vin);
/** Never read counts as the oldest (dates are stored in one UTC form, so text order is time order). */
const byStatusAt = (a: Orderable, b: Orderable) => text(a.statusAt ?? '', b.statusAt ?? '');
const byReadiness = (a: Orderable, b: Orderable) =>
  VEHICLE_READINESS.indexOf(a.readiness.code) - VEHICLE_READINESS.indexOf(b.readiness.code);

const ORDERS: Record<VehicleSort, ((a: Orderable, b: Orderable) => number)[]> = {
  vin: [byVin],
  label: [byLabel, byVin],
  statusAt: [byStatusAt, byVin],
  // The most pressing first in ascending order (VEHICLE_READINESS), then by label.
  state: [byReadiness, byLabel, byVin],
};

/** A comparator for Array.prototype.sort; `desc` reverses the whole order (ties included), so pages stay stable. */
export function fleetComparator(
  sort: VehicleSort,
  order: 'asc' | 'desc',
): (a: Orderable, b: Orderable) => number {
  const keys = ORDERS[sort];
  const sign = order === 'desc' ? -1 : 1;
  return (a, b) => {
    for (const key of keys) {
      const c = key(a, b);
      if (c !== 0) return sign * c;
    }
    return 0;
  };
}
