// The outbox as the technician sees it: counts by state, each webhook target online or not, the deliveries of the
// current filter, retries by hand. `available` turns false when this agent has no outbox routes (404), so the
// views can say so plainly.
import { createStore } from 'zustand/vanilla';
import type {
  ClientFailure,
  DeliveryListQuery,
  DepotRemoteClient,
} from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type {
  DeliveryCountsDto,
  DeliveryDto,
  DeliveryTargetDto,
  TargetReachabilityDto,
} from '../../../preload/contract/deliveries.js';
import type { Outcome } from './callbacks-store.js';

export interface DeliveriesState {
  available: boolean | null;
  targets: DeliveryTargetDto[];
  counts: DeliveryCountsDto | null;
  items: DeliveryDto[];
  total: number;
  query: DeliveryListQuery;
  error: ClientFailure | null;
  loadTargets(): Promise<void>;
  load(query?: DeliveryListQuery): Promise<void>;
  retry(id: string, operator?: string): Promise<Outcome<void>>;
  retryAll(callbackId: string, operator?: string): Promise<Outcome<number>>;
  /** delivery.changed */
  applyDelivery(delivery: DeliveryDto): void;
  /** target.changed */
  applyTarget(target: TargetReachabilityDto): void;
}

export function offlineTargets<T extends Pick<TargetReachabilityDto, 'state'>>(targets: T[]): T[] {
  return targets.filter((t) => t.state === 'offline');
}

function matches(query: DeliveryListQuery, d: DeliveryDto): boolean {
  return (!query.callback || query.callback === d.callbackId) && (!query.state || query.state === d.state);
}

export function createDeliveriesStore(client: DepotRemoteClient, options: { refreshDelayMs?: number } = {}) {
  let countsTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Deliveries changed live while a list read is on its way, one map per read. The read may have been taken
   * before those changes: its answer must not put back a delivery as Queued once it was seen Delivered, nor
   * drop one queued meanwhile (no later event would correct either).
   */
  const seenDuringLoad = new Set<Map<string, DeliveryDto>>();
  return createStore<DeliveriesState>()((set, get) => {
    function failed(error: unknown) {
      const failure = asClientFailure(error);
      if (failure.status === 404 && failure.code === 'ROUTE_NOT_FOUND')
        set({ available: false, error: null });
      else set({ error: failure });
    }
    async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
      try {
        const value = await run();
        void get().load(get().query);
        void get().loadTargets();
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    }
    /** Queue counts change with every delivery: re-read them once a burst settles. */
    function refreshTargetsSoon() {
      if (countsTimer || get().available !== true) return;
      countsTimer = setTimeout(() => {
        countsTimer = null;
        void get().loadTargets();
      }, options.refreshDelayMs ?? 1000);
    }
    return {
      available: null,
      targets: [],
      counts: null,
      items: [],
      total: 0,
      query: { limit: 100 },
      error: null,
      async loadTargets() {
        try {
          const { items, counts } = await client.listDeliveryTargets();
          set({ targets: items, counts, available: true });
        } catch (error) {
          failed(error);
        }
      },
      async load(query = get().query) {
        set({ query });
        const seen = new Map<string, DeliveryDto>();
        seenDuringLoad.add(seen);
        try {
          const page = await client.listDeliveries(query);
          if (get().query !== query) return;
          const listed = new Set(page.items.map((d) => d.id));
          const newest = page.items[0]?.createdAt ?? '';
          // Queued after the read was taken (an older one changing beyond this page is not news).
          const added = [...seen.values()]
            .filter((d) => !listed.has(d.id) && d.createdAt >= newest && matches(query, d))
            .reverse();
          const current = page.items.map((d) => seen.get(d.id) ?? d);
          const kept = current.filter((d) => matches(query, d));
          const items = [...added, ...kept].slice(0, query.limit ?? 100);
          set({
            items,
            total: page.total + added.length - (current.length - kept.length),
            available: true,
            error: null,
          });
        } catch (error) {
          failed(error);
        } finally {
          seenDuringLoad.delete(seen);
        }
      },
      retry: (id, operator) => attempt(async () => void (await client.retryDelivery({ id, operator }))),
      retryAll: (callbackId, operator) =>
        attempt(
          async () => (await client.retryCallbackDeliveries({ cbid: callbackId, operator })).requeued.length,
        ),
      applyDelivery(delivery) {
        for (const seen of seenDuringLoad) {
          seen.delete(delivery.id); // re-inserted last: newest last
          seen.set(delivery.id, delivery);
        }
        const { items, query, total } = get();
        const index = items.findIndex((d) => d.id === delivery.id);
        if (index >= 0) {
          const next = items.slice();
          if (matches(query, delivery)) next[index] = delivery;
          else next.splice(index, 1);
          set({ items: next, total: matches(query, delivery) ? total : total - 1 });
        } else if (matches(query, delivery)) {
          set({ items: [delivery, ...items].slice(0, query.limit ?? 100), total: total + 1 });
        }
        refreshTargetsSoon();
      },
      applyTarget(target) {
        const { targets } = get();
        const index = targets.findIndex((t) => t.origin === target.origin);
        if (index < 0) {
          void get().loadTargets();
          return;
        }
        const next = targets.slice();
        next[index] = { ...targets[index]!, ...target };
        set({ targets: next });
        // Back online (or gone offline): what waits for it, and why, changes too.
        refreshTargetsSoon();
      },
    };
  });
}
export type DeliveriesStore = ReturnType<typeof createDeliveriesStore>;
