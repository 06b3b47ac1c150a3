// The admin's list of operators: every one, disabled ones included, with what can be done to each. Each change
// answers the operator as it now is, which replaces its row; the refusals (the last admin, a name taken) come back
// to the form or the row that asked.
import { createStore } from 'zustand/vanilla';
import type { OperatorDto } from '../../../preload/contract/access.js';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { OperationInput } from '../../../preload/contract/operations/index.js';
import type { Outcome } from './callbacks-store.js';

export type OperatorCreateInput = OperationInput<'createOperator'>['body'];
export type OperatorUpdateInput = OperationInput<'updateOperator'>['body'];

export interface OperatorsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: OperatorDto[];
  error: ClientFailure | null;
  load(): Promise<void>;
  create(body: OperatorCreateInput): Promise<Outcome<OperatorDto>>;
  update(id: string, body: OperatorUpdateInput): Promise<Outcome<OperatorDto>>;
  unlock(id: string): Promise<Outcome<OperatorDto>>;
  remove(id: string): Promise<Outcome<void>>;
}

const byName = (a: OperatorDto, b: OperatorDto) => a.name.localeCompare(b.name);

export function createOperatorsStore(client: DepotRemoteClient) {
  return createStore<OperatorsState>()((set, get) => {
    function put(operator: OperatorDto) {
      const others = get().items.filter((o) => o.id !== operator.id);
      set({ items: [...others, operator].sort(byName) });
    }
    async function attempt<T>(run: () => Promise<T>, after: (value: T) => void): Promise<Outcome<T>> {
      try {
        const value = await run();
        after(value);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    }
    return {
      status: 'idle',
      items: [],
      error: null,
      async load() {
        set({ status: get().status === 'ready' ? 'ready' : 'loading' });
        try {
          const { items } = await client.listOperators();
          set({ status: 'ready', items: [...items].sort(byName), error: null });
        } catch (error) {
          set({ status: 'error', error: asClientFailure(error) });
        }
      },
      create: (body) => attempt(() => client.createOperator({ body }), put),
      update: (id, body) => attempt(() => client.updateOperator({ id, body }), put),
      unlock: (id) => attempt(() => client.unlockOperator({ id }), put),
      remove: (id) =>
        attempt(
          () => client.deleteOperator({ id }),
          () => set({ items: get().items.filter((o) => o.id !== id) }),
        ),
    };
  });
}
export type OperatorsStore = ReturnType<typeof createOperatorsStore>;
