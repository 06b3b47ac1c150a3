// The fleet: every vehicle with its capabilities, condition (states, readiness, wake-ups) and the age of its status,
// kept current by vehicle.changed; the vehicles opened one by one with their last known status (the list leaves
// it out: two thirds of its bytes); and how the technician left the fleet page (filters, order, the row they were
// on), so working through the list vehicle after vehicle comes back to the same place.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { VehicleDto, VehicleSummaryDto } from '../../../preload/contract/dto.js';
import type { VehicleReadiness, VehicleSort, VehicleState } from '../../../preload/contract/vocabulary.js';

/** The API's largest page: a fleet of up to 5,000 vehicles comes in one read (the fleet view sorts and filters it). */
const PAGE = 5000;

/** A condition to filter on: `readiness:<code>` or `state:<state>` (one list, so one control offers both). */
export type ConditionValue = `readiness:${VehicleReadiness}` | `state:${VehicleState}`;

export interface FleetFilter {
  search: string;
  brand: string;
  energy: string;
  capability: string;
  /** Any of these (readiness codes and states alike): the vehicles to look at first, whatever the reason. */
  conditions: ConditionValue[];
  /** What its commands are doing (busy, failed, idle, no-status); '' for any. */
  activity: string;
}

export const EMPTY_FLEET_FILTER: FleetFilter = {
  search: '',
  brand: '',
  energy: '',
  capability: '',
  conditions: [],
  activity: '',
};

export interface FleetSort {
  key: VehicleSort;
  order: 'asc' | 'desc';
}

export const DEFAULT_SORT: FleetSort = { key: 'label', order: 'asc' };

/** The fleet page as it was left. */
export interface FleetView {
  filter: FleetFilter;
  sort: FleetSort;
  /** The row the keyboard (or a click) was last on, in the filtered and sorted list. */
  active: number;
}

export interface VehiclesState {
  items: VehicleSummaryDto[];
  loaded: boolean;
  loading: boolean;
  error: ClientFailure | null;
  /** Vehicles read by themselves (the vehicle page), with their last known status; by vehicle id. */
  details: Record<string, VehicleDto>;
  /** Why a vehicle could not be read, by the id or VIN asked for. */
  detailErrors: Record<string, ClientFailure>;
  view: FleetView;
  load(): Promise<void>;
  /** Reads one vehicle (by id or VIN) with its status, unless it is being read; kept current from then on. */
  open(vehicleRef: string): Promise<void>;
  apply(vehicle: VehicleDto): void;
  setView(change: Partial<FleetView>): void;
}

/** The list's part of a vehicle read by itself or pushed by an event. */
function summaryOf({ status: _status, ...summary }: VehicleDto): VehicleSummaryDto {
  return summary;
}

export function createVehiclesStore(client: DepotRemoteClient) {
  /** Vehicles being read by themselves (the ids or VINs asked for), and those an event updated meanwhile. */
  const reading = new Set<string>();
  const newerThanRead = new Set<string>();
  return createStore<VehiclesState>()((set) => ({
    items: [],
    loaded: false,
    loading: false,
    error: null,
    details: {},
    detailErrors: {},
    view: { filter: EMPTY_FLEET_FILTER, sort: DEFAULT_SORT, active: 0 },
    setView(change) {
      set((s) => ({ view: { ...s.view, ...change } }));
    },
    async load() {
      set({ loading: true });
      try {
        const items: VehicleSummaryDto[] = [];
        for (let offset = 0; ; offset += PAGE) {
          // In the fleet view's first order (DEFAULT_SORT): its sort then finds the list in order and goes through
          // it once, where sorting 2,000 vehicles by label with a collator was ~5 ms of the first render (light
          // traces, docs/benchmarks.md, 3 December session 4); the agent orders it on the other core while the app
          // loads. The view sorts it anyway: any order the agent sends is shown right.
          const page = await client.listVehicles({ limit: PAGE, offset, sort: 'label' });
          items.push(...page.items);
          if (page.items.length < PAGE || items.length >= page.total) break;
        }
        set({ items, loaded: true, loading: false, error: null });
      } catch (error) {
        set({ loading: false, error: asClientFailure(error) });
      }
    },
    async open(vehicleRef) {
      if (reading.has(vehicleRef)) return;
      reading.add(vehicleRef);
      try {
        const vehicle = await client.getVehicle({ vid: vehicleRef });
        set((s) => {
          const detailErrors = { ...s.detailErrors };
          delete detailErrors[vehicleRef];
          // A change event that came during the read tells of a change the answer may predate: the event's stays.
          const newer = newerThanRead.has(vehicle.id) ? s.details[vehicle.id] : undefined;
          return { details: { ...s.details, [vehicle.id]: newer ?? vehicle }, detailErrors };
        });
      } catch (error) {
        set((s) => ({ detailErrors: { ...s.detailErrors, [vehicleRef]: asClientFailure(error) } }));
      } finally {
        reading.delete(vehicleRef);
        if (reading.size === 0) newerThanRead.clear();
      }
    },
    apply(vehicle) {
      const beingRead = reading.has(vehicle.id) || reading.has(vehicle.vin);
      if (beingRead) newerThanRead.add(vehicle.id);
      set((s) => {
        const summary = summaryOf(vehicle);
        const details =
          s.details[vehicle.id] || beingRead ? { details: { ...s.details, [vehicle.id]: vehicle } } : {};
        const index = s.items.findIndex((v) => v.id === vehicle.id);
        if (index < 0) return { items: [...s.items, summary], ...details };
        const items = s.items.slice();
        items[index] = summary;
        return { items, ...details };
      });
    },
  }));
}
export type VehiclesStore = ReturnType<typeof createVehiclesStore>;
