// The access policy as the admin edits it: the lowest role for each remote and the idle lock.
import { createStore } from 'zustand/vanilla';
import type { PolicyDto } from '../../../preload/contract/access.js';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { OperationInput } from '../../../preload/contract/operations/index.js';
import type { Outcome } from './callbacks-store.js';

export type PolicyInput = OperationInput<'putPolicy'>['body'];

export interface PolicyState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  policy: PolicyDto | null;
  error: ClientFailure | null;
  load(): Promise<void>;
  save(input: PolicyInput): Promise<Outcome<PolicyDto>>;
}

export function createPolicyStore(client: DepotRemoteClient, options: { onSaved?: () => void } = {}) {
  return createStore<PolicyState>()((set) => ({
    status: 'idle',
    policy: null,
    error: null,
    async load() {
      set({ status: 'loading' });
      try {
        set({ status: 'ready', policy: await client.getPolicy(), error: null });
      } catch (error) {
        set({ status: 'error', error: asClientFailure(error) });
      }
    },
    async save(input) {
      try {
        const policy = await client.putPolicy({ body: input });
        set({ policy, status: 'ready' });
        // The session carries the rules and the idle lock the UI goes by.
        options.onSaved?.();
        return { ok: true, value: policy };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    },
  }));
}
export type PolicyStore = ReturnType<typeof createPolicyStore>;
