// The receiver's quarantine as the operator sees it: one page of kept notifications (needing attention by
// default), the entry open read whole, replay and resolve. New entries arrive live (quarantine.added); what no
// event describes (another operator's replay or resolve, an entry dropped at the size cap) is read again when
// its audit entry arrives. A 404 without the route is "not available in this version", not an error.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type {
  QuarantineCapacityDto,
  QuarantineDetailDto,
  QuarantineEntryDto,
  QuarantineReplayDto,
} from '../../../preload/contract/quarantine.js';
import type { Outcome } from './callbacks-store.js';

export const QUARANTINE_PAGE = 50;

/** unresolved: needing attention (the default); resolved: replayed or dismissed; all: both. */
export type QuarantineFilter = 'unresolved' | 'resolved' | 'all';

export interface QuarantineQuery {
  filter: QuarantineFilter;
  offset: number;
}

export interface OpenEntry {
  id: number;
  detail: QuarantineDetailDto | null;
  loading: boolean;
  error: ClientFailure | null;
}

export interface QuarantineState {
  status: 'idle' | 'loading' | 'ready' | 'unavailable' | 'error';
  query: QuarantineQuery;
  items: QuarantineEntryDto[];
  total: number;
  /** How many need attention, whatever the filter; null before the first read. */
  unresolved: number | null;
  capacity: QuarantineCapacityDto | null;
  error: ClientFailure | null;
  entry: OpenEntry | null;
  load(query?: Partial<QuarantineQuery>): Promise<void>;
  open(id: number): Promise<void>;
  close(): void;
  replay(id: number, operator?: string): Promise<Outcome<QuarantineReplayDto>>;
  resolve(id: number, operator?: string, reason?: string): Promise<Outcome<QuarantineEntryDto>>;
  /** quarantine.added */
  applyAdded(entry: QuarantineEntryDto): void;
  /** A change no event describes: the list (once read) and the open entry are read again, once a burst settles. */
  refresh(): void;
  /**
   * action.changed: the receiver replays by itself an entry waiting for an action once the action appears, and
   * says nothing else; the events it applies change the action, so an entry naming it is read again.
   */
  applyAction(ids: readonly (string | undefined)[]): void;
}

const unresolvedParam = (filter: QuarantineFilter) =>
  filter === 'all' ? {} : { unresolved: filter === 'unresolved' };

const fits = (filter: QuarantineFilter, entry: QuarantineEntryDto) =>
  filter === 'all' || (filter === 'unresolved') === (entry.resolvedAt === null);

const isMissingRoute = (f: ClientFailure) => f.status === 404 && f.code === 'ROUTE_NOT_FOUND';

export function createQuarantineStore(client: DepotRemoteClient, options: { refreshDelayMs?: number } = {}) {
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  return createStore<QuarantineState>()((set, get) => {
    const actor = (operator?: string, reason?: string) => ({
      ...(operator?.trim() ? { operator: operator.trim() } : {}),
      ...(reason?.trim() ? { reason: reason.trim() } : {}),
    });
    /** After a replay or resolve: the entry moved (or left the filter), and the counts changed. */
    async function attempt<T>(id: number, run: () => Promise<T>): Promise<Outcome<T>> {
      try {
        const value = await run();
        void get().load();
        if (get().entry?.id === id) void get().open(id);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    }
    return {
      status: 'idle',
      query: { filter: 'unresolved', offset: 0 },
      items: [],
      total: 0,
      unresolved: null,
      capacity: null,
      error: null,
      entry: null,
      async load(change = {}) {
        const query = { ...get().query, ...change };
        set({ query, status: get().status === 'ready' ? 'ready' : 'loading' });
        try {
          const page = await client.listQuarantine({
            ...unresolvedParam(query.filter),
            limit: QUARANTINE_PAGE,
            offset: query.offset,
          });
          // An answer to a filter or page the operator has since left.
          if (get().query !== query) return;
          set({
            status: 'ready',
            items: page.items,
            total: page.total,
            unresolved: page.unresolved,
            capacity: page.capacity,
            error: null,
          });
        } catch (error) {
          if (get().query !== query) return;
          const failure = asClientFailure(error);
          set(
            isMissingRoute(failure)
              ? { status: 'unavailable', error: null }
              : { status: 'error', error: failure },
          );
        }
      },
      async open(id) {
        const known = get().entry;
        set({
          entry: { id, detail: known?.id === id ? known.detail : null, loading: true, error: null },
        });
        try {
          const detail = await client.getQuarantine({ id });
          if (get().entry?.id !== id) return;
          set({ entry: { id, detail, loading: false, error: null } });
        } catch (error) {
          if (get().entry?.id !== id) return;
          set({ entry: { id, detail: null, loading: false, error: asClientFailure(error) } });
        }
      },
      close() {
        set({ entry: null });
      },
      replay: (id, operator) => attempt(id, () => client.replayQuarantine({ id, ...actor(operator) })),
      resolve: (id, operator, reason) =>
        attempt(id, () => client.resolveQuarantine({ id, ...actor(operator, reason) })),
      applyAdded(entry) {
        const { items, query, total, unresolved, status } = get();
        if (items.some((e) => e.id === entry.id)) return;
        const waiting = entry.resolvedAt === null;
        if (unresolved !== null && waiting) set({ unresolved: unresolved + 1 });
        if (status !== 'ready' || !fits(query.filter, entry)) return;
        // Newest first: it heads the first page; on a later page the pages shift by one.
        set({
          total: total + 1,
          ...(query.offset === 0 ? { items: [entry, ...items].slice(0, QUARANTINE_PAGE) } : {}),
        });
      },
      refresh() {
        if (refreshTimer) return;
        refreshTimer = setTimeout(() => {
          refreshTimer = null;
          const { status, entry } = get();
          if (status === 'ready' || status === 'error') void get().load();
          if (entry) void get().open(entry.id);
        }, options.refreshDelayMs ?? 300);
      },
      applyAction(ids) {
        const { items, entry } = get();
        const waiting = [...items, ...(entry?.detail ? [entry.detail] : [])].filter(
          (e) => e.resolvedAt === null && e.reason === 'UNKNOWN_ACTION',
        );
        if (waiting.some((e) => ids.some((id) => id !== undefined && e.remoteActionIds.includes(id))))
          get().refresh();
      },
    };
  });
}
export type QuarantineStore = ReturnType<typeof createQuarantineStore>;
