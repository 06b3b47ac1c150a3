// The append-only audit log, newest first, read backwards page by page; new entries arrive live.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { AuditEntryDto } from '../../../preload/contract/dto.js';

const PAGE = 100;

export interface AuditFilter {
  vin: string;
  action: string;
}

export interface AuditState {
  items: AuditEntryDto[];
  filter: AuditFilter;
  loaded: boolean;
  hasMore: boolean;
  loading: boolean;
  error: ClientFailure | null;
  load(filter?: AuditFilter): Promise<void>;
  loadOlder(): Promise<void>;
  apply(entry: AuditEntryDto): void;
}

export function createAuditStore(client: DepotRemoteClient) {
  return createStore<AuditState>()((set, get) => {
    async function fetch(filter: AuditFilter, beforeSeq?: number) {
      return client.listAudit({
        limit: PAGE,
        ...(beforeSeq ? { beforeSeq } : {}),
        ...(filter.vin.trim() ? { vin: filter.vin.trim() } : {}),
        ...(filter.action ? { action: filter.action } : {}),
      });
    }
    return {
      items: [],
      filter: { vin: '', action: '' },
      loaded: false,
      hasMore: false,
      loading: false,
      error: null,
      async load(filter = get().filter) {
        set({ filter, loading: true });
        try {
          const { items } = await fetch(filter);
          if (get().filter !== filter) return;
          set({ items, loaded: true, hasMore: items.length === PAGE, loading: false, error: null });
        } catch (error) {
          set({ loading: false, loaded: true, error: asClientFailure(error) });
        }
      },
      async loadOlder() {
        const { items, filter } = get();
        const oldest = items.at(-1);
        if (!oldest) return;
        set({ loading: true });
        try {
          const older = await fetch(filter, oldest.seq);
          set((s) => ({
            items: [...s.items, ...older.items],
            hasMore: older.items.length === PAGE,
            loading: false,
          }));
        } catch (error) {
          set({ loading: false, error: asClientFailure(error) });
        }
      },
      apply(entry) {
        const { filter, items } = get();
        if (filter.vin.trim() && entry.vin !== filter.vin.trim()) return;
        if (filter.action && entry.action !== filter.action) return;
        if (items.some((e) => e.seq === entry.seq)) return;
        set({ items: [entry, ...items] });
      },
    };
  });
}
export type AuditStore = ReturnType<typeof createAuditStore>;
