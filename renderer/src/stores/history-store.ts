// The history of every action, for a virtualized list: the total for the current filter and the pages loaded so
// far (sparse), fetched as rows scroll into view. 100,000 actions stay light: only visible pages are ever read.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient, RemoteListQuery } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';

export const HISTORY_PAGE = 200;

export interface HistoryFilter {
  vehicle: string;
  type: string;
  phase: string;
}

export const EMPTY_FILTER: HistoryFilter = { vehicle: '', type: '', phase: '' };

export interface HistoryState {
  filter: HistoryFilter;
  /** null until the first page of the current filter answered. */
  total: number | null;
  pages: Record<number, RemoteActionDto[]>;
  /** Bumped on every filter change and reset, so late answers of an older query are dropped. */
  generation: number;
  loading: boolean;
  error: ClientFailure | null;
  setFilter(filter: Partial<HistoryFilter>): Promise<void>;
  /** The history page shows: its first page is read unless it is loaded or being read already. */
  open(): Promise<void>;
  /** Loads whatever pages rows [from, to] need. */
  ensureRange(from: number, to: number): Promise<void>;
  reload(): Promise<void>;
  apply(action: RemoteActionDto): void;
}

export function rowAt(state: Pick<HistoryState, 'pages'>, index: number): RemoteActionDto | undefined {
  return state.pages[Math.floor(index / HISTORY_PAGE)]?.[index % HISTORY_PAGE];
}

export const isUnfiltered = (filter: HistoryFilter) => !filter.vehicle && !filter.type && !filter.phase;

function matches(filter: HistoryFilter, action: RemoteActionDto): boolean {
  return (
    (!filter.vehicle || filter.vehicle === action.vehicleId || filter.vehicle === action.vin) &&
    (!filter.type || filter.type === action.type) &&
    (!filter.phase || filter.phase === action.phase)
  );
}

export interface HistoryStoreOptions {
  refreshDelayMs?: number;
  /**
   * The unfiltered first page answered: the newest actions, which the fleet needs too (what is in flight on each
   * vehicle), so one read serves both.
   */
  onNewest?: (actions: RemoteActionDto[]) => void;
}

export function createHistoryStore(client: DepotRemoteClient, options: HistoryStoreOptions = {}) {
  const inFlight = new Set<string>();
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<HistoryState>()((set, get) => {
    async function loadPage(page: number) {
      const { filter, generation } = get();
      const key = `${generation}:${page}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      set({ loading: true });
      try {
        const answer = await client.listRemotes({
          ...(filter.vehicle ? { vehicle: filter.vehicle } : {}),
          // The filter's selects offer only the contract's words; the agent refuses any other.
          ...(filter.type ? { type: filter.type as NonNullable<RemoteListQuery['type']> } : {}),
          ...(filter.phase ? { phase: filter.phase as NonNullable<RemoteListQuery['phase']> } : {}),
          limit: HISTORY_PAGE,
          offset: page * HISTORY_PAGE,
        });
        if (page === 0 && isUnfiltered(filter)) options.onNewest?.(answer.items);
        if (get().generation !== generation) return;
        set((s) => ({ pages: { ...s.pages, [page]: answer.items }, total: answer.total, error: null }));
      } catch (error) {
        if (get().generation === generation) set({ error: asClientFailure(error) });
      } finally {
        inFlight.delete(key);
        if (get().generation === generation) set({ loading: inFlight.size > 0 });
      }
    }

    function restart(filter: HistoryFilter) {
      set((s) => ({ filter, pages: {}, total: null, generation: s.generation + 1, error: null }));
      return loadPage(0);
    }

    return {
      filter: EMPTY_FILTER,
      total: null,
      pages: {},
      generation: 0,
      loading: false,
      error: null,
      setFilter(change) {
        return restart({ ...get().filter, ...change });
      },
      open() {
        const { total, generation } = get();
        if (total !== null || inFlight.has(`${generation}:0`)) return Promise.resolve();
        return restart(get().filter);
      },
      async ensureRange(from, to) {
        const first = Math.max(0, Math.floor(from / HISTORY_PAGE));
        const last = Math.floor(Math.max(from, to) / HISTORY_PAGE);
        const { pages, total } = get();
        const loads: Promise<void>[] = [];
        for (let page = first; page <= last; page += 1) {
          if (total !== null && page * HISTORY_PAGE >= total) break;
          if (!pages[page]) loads.push(loadPage(page));
        }
        await Promise.all(loads);
      },
      reload() {
        return restart(get().filter);
      },
      apply(action) {
        const { pages, filter } = get();
        for (const [key, items] of Object.entries(pages)) {
          const index = items.findIndex((a) => a.remoteActionId === action.remoteActionId);
          if (index >= 0) {
            const copy = items.slice();
            copy[index] = action;
            set({ pages: { ...pages, [key]: copy } });
            return;
          }
        }
        if (!matches(filter, action) || get().total === null) return;
        // A new action: rows shift by one, so re-read from the top once the burst settles.
        if (refreshTimer) return;
        refreshTimer = setTimeout(() => {
          refreshTimer = null;
          set((s) => ({ pages: {}, generation: s.generation + 1 }));
          void loadPage(0);
        }, options.refreshDelayMs ?? 400);
      },
    };
  });
}
export type HistoryStore = ReturnType<typeof createHistoryStore>;
