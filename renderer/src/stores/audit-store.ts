// The append-only audit log, newest first, read backwards page by page; new entries arrive live.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { AuditEntryDto } from '../../../preload/contract/dto.js';

const PAGE = 100;

export interface AuditFilter {
  vin: string;
  action: string;
  /** An operator's or token's id, or a name as recorded. */
  operator: string;
}

/** Whether a live entry belongs to the operator filter, as the agent's filter would decide. */
function byOperator(entry: AuditEntryDto, operator: string): boolean {
  const wanted = operator.trim().toLowerCase();
  if (!wanted) return true;
  const names = [entry.actor?.id, entry.actor?.name, entry.operator];
  return names.some((n) => typeof n === 'string' && n.toLowerCase() === wanted);
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
        ...(filter.operator.trim() ? { operator: filter.operator.trim() } : {}),
      });
    }
    return {
      items: [],
      filter: { vin: '', action: '', operator: '' },
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
        if (!byOperator(entry, filter.operator)) return;
        if (items.some((e) => e.seq === entry.seq)) return;
        set({ items: [entry, ...items] });
      },
    };
  });
}
export type AuditStore = ReturnType<typeof createAuditStore>;
