// The admin's scoped API tokens. A new token's secret is answered once: kept here only until the admin closes
// it, never in the list.
import { createStore } from 'zustand/vanilla';
import type { TokenDto } from '../../../preload/contract/access.js';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { OperationInput, OperationOutput } from '../../../preload/contract/operations/index.js';
import type { Outcome } from './callbacks-store.js';

export type TokenCreateInput = OperationInput<'createToken'>['body'];
export type CreatedToken = OperationOutput<'createToken'>;

export interface TokensState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: TokenDto[];
  error: ClientFailure | null;
  /** The token just created, with its secret, until dismissed. */
  revealed: CreatedToken | null;
  load(): Promise<void>;
  create(body: TokenCreateInput): Promise<Outcome<CreatedToken>>;
  revoke(id: string): Promise<Outcome<void>>;
  dismissSecret(): void;
}

export function createTokensStore(client: DepotRemoteClient) {
  return createStore<TokensState>()((set, get) => ({
    status: 'idle',
    items: [],
    error: null,
    revealed: null,
    async load() {
      set({ status: get().status === 'ready' ? 'ready' : 'loading' });
      try {
        const { items } = await client.listTokens();
        set({ status: 'ready', items, error: null });
      } catch (error) {
        set({ status: 'error', error: asClientFailure(error) });
      }
    },
    async create(body) {
      try {
        const created = await client.createToken({ body });
        const { token: _secret, ...listed } = created;
        set({ revealed: created, items: [listed, ...get().items.filter((t) => t.id !== created.id)] });
        return { ok: true, value: created };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    },
    async revoke(id) {
      try {
        await client.revokeToken({ id });
        // The answer is empty: read the list again for the revocation time the agent recorded.
        await get().load();
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    },
    dismissSecret() {
      set({ revealed: null });
    },
  }));
}
export type TokensStore = ReturnType<typeof createTokensStore>;
