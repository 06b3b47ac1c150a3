// The fleet: every vehicle with its capabilities and last known status, kept current by vehicle.changed.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { VehicleDto } from '../../../preload/contract/dto.js';

const PAGE = 500;

export interface VehiclesState {
  items: VehicleDto[];
  loaded: boolean;
  loading: boolean;
  error: ClientFailure | null;
  load(): Promise<void>;
  apply(vehicle: VehicleDto): void;
}

export function createVehiclesStore(client: DepotRemoteClient) {
  return createStore<VehiclesState>()((set) => ({
    items: [],
    loaded: false,
    loading: false,
    error: null,
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
