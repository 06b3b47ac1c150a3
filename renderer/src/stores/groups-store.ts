// Vehicle groups (issue 16): named lists of vehicles or saved fleet filters, used by bulk commands and schedules.
// Kept current by group.changed; changes go through the API, whose field messages come back to the form.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { GroupBodyDto, GroupDto } from '../../../preload/contract/routines.js';
import { attempt, operatorInput as actor, type Outcome } from './outcome.js';

export interface GroupsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: GroupDto[];
  error: ClientFailure | null;
  load(): Promise<void>;
  create(body: GroupBodyDto, operator?: string): Promise<Outcome<GroupDto>>;
  replace(id: string, body: GroupBodyDto, operator?: string): Promise<Outcome<GroupDto>>;
  remove(id: string, operator?: string): Promise<Outcome<void>>;
  /** A group created or changed (`group`), or deleted (null), here or on another screen. */
  apply(groupId: string, group: GroupDto | null): void;
}

const byName = (a: GroupDto, b: GroupDto) =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

export function createGroupsStore(client: DepotRemoteClient) {
  return createStore<GroupsState>()((set, get) => ({
    status: 'idle',
    items: [],
    error: null,
    async load() {
      if (get().status !== 'ready') set({ status: 'loading' });
      try {
        const { items } = await client.listGroups();
        set({ status: 'ready', items: [...items].sort(byName), error: null });
      } catch (error) {
        set({ status: 'error', error: asClientFailure(error) });
      }
    },
    async create(body, operator) {
      const result = await attempt(() => client.createGroup({ body, ...actor(operator) }));
      if (result.ok) get().apply(result.value.id, result.value);
      return result;
    },
    async replace(id, body, operator) {
      const result = await attempt(() => client.replaceGroup({ id, body, ...actor(operator) }));
      if (result.ok) get().apply(id, result.value);
      return result;
    },
    async remove(id, operator) {
      const result = await attempt(() => client.deleteGroup({ id, ...actor(operator) }));
      if (result.ok) get().apply(id, null);
      return result;
    },
    apply(groupId, group) {
      set((s) => {
        const rest = s.items.filter((g) => g.id !== groupId);
        if (group === null) return rest.length === s.items.length ? {} : { items: rest };
        return { items: [...rest, group].sort(byName) };
      });
    },
  }));
}
export type GroupsStore = ReturnType<typeof createGroupsStore>;
