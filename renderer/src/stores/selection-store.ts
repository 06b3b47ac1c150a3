// The vehicles ticked in the fleet list: what "Add to group", "Send to selected" and a schedule for selected
// vehicles act on. Kept apart from the fleet's own store so ticking a row redraws only that row's checkbox, and so it
// survives a visit to a vehicle's page.
import { createStore } from 'zustand/vanilla';

export interface SelectionState {
  /** Vehicle ids, in the order they were ticked. */
  selected: ReadonlySet<string>;
  toggle(vehicleId: string): void;
  /** Ticks (or unticks) all of these at once: "select all shown". */
  setMany(vehicleIds: readonly string[], selected: boolean): void;
  clear(): void;
}

export function createSelectionStore() {
  return createStore<SelectionState>()((set) => ({
    selected: new Set(),
    toggle(vehicleId) {
      set((s) => {
        const next = new Set(s.selected);
        if (!next.delete(vehicleId)) next.add(vehicleId);
        return { selected: next };
      });
    },
    setMany(vehicleIds, selected) {
      set((s) => {
        const next = new Set(s.selected);
        for (const id of vehicleIds) {
          if (selected) next.add(id);
          else next.delete(id);
        }
        return { selected: next };
      });
    },
    clear() {
      set({ selected: new Set() });
    },
  }));
}
export type SelectionStore = ReturnType<typeof createSelectionStore>;
