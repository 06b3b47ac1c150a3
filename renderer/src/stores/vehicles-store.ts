// The fleet: every vehicle with its capabilities, last known status and condition (states, readiness, wake-ups),
// kept current by vehicle.changed; and how the technician left the fleet page (filters, order, the row they were
// on), so working through the list vehicle after vehicle comes back to the same place.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { VehicleDto } from '../../../preload/contract/dto.js';
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
  items: VehicleDto[];
  loaded: boolean;
  loading: boolean;
  error: ClientFailure | null;
  view: FleetView;
  load(): Promise<void>;
  apply(vehicle: VehicleDto): void;
  setView(change: Partial<FleetView>): void;
}

export function createVehiclesStore(client: DepotRemoteClient) {
  return createStore<VehiclesState>()((set) => ({
    items: [],
    loaded: false,
    loading: false,
    error: null,
    view: { filter: EMPTY_FLEET_FILTER, sort: DEFAULT_SORT, active: 0 },
    setView(change) {
      set((s) => ({ view: { ...s.view, ...change } }));
    },
    async load() {
      set({ loading: true });
      try {
        const items: VehicleDto[] = [];
        for (let offset = 0; ; offset += PAGE) {
          const page = await client.listVehicles({ limit: PAGE, offset });
          items.push(...page.items);
          if (page.items.length < PAGE || items.length >= page.total) break;
        }
        set({ items, loaded: true, loading: false, error: null });
      } catch (error) {
        set({ loading: false, error: asClientFailure(error) });
      }
    },
    apply(vehicle) {
      set((s) => {
        const index = s.items.findIndex((v) => v.id === vehicle.id);
        if (index < 0) return { items: [...s.items, vehicle] };
        const items = s.items.slice();
        items[index] = vehicle;
        return { items };
      });
    },
  }));
}
export type VehiclesStore = ReturnType<typeof createVehiclesStore>;
