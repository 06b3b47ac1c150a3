// The operators who may sign in here, names and roles only: the sign-in picker, the "Switch operator" menu and the
// approver picker read it. A browser that is not enrolled is refused the list (403 NOT_ENROLLED): kept as the
// error, so the sign-in screen can explain enrolment.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { OperationOutput } from '../../../preload/contract/operations/index.js';

export type TeamMember = OperationOutput<'listSignInOperators'>['items'][number];

export interface TeamState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: TeamMember[];
  error: ClientFailure | null;
  load(): Promise<void>;
}

export function createTeamStore(client: DepotRemoteClient) {
  return createStore<TeamState>()((set, get) => ({
    status: 'idle',
    items: [],
    error: null,
    async load() {
      set({ status: get().status === 'ready' ? 'ready' : 'loading' });
      try {
        const { items } = await client.listSignInOperators();
        set({ status: 'ready', items, error: null });
      } catch (error) {
        set({ status: 'error', items: [], error: asClientFailure(error) });
      }
    },
  }));
}
export type TeamStore = ReturnType<typeof createTeamStore>;
