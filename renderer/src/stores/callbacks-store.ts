// Callbacks: the webhooks that receive each action's notifications. Changes go through the API, which validates
// them with the core's rules; its field messages come back to the form as they are.
import { createStore } from 'zustand/vanilla';
import type {
  CallbackBodyInput,
  ClientFailure,
  DepotRemoteClient,
} from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import { attempt, type Outcome } from './outcome.js';
import type { TestNotificationDto } from '../../../preload/contract/deliveries.js';
import type { CallbackDto } from '../../../preload/contract/dto.js';

export type { Outcome } from './outcome.js';

export interface CallbacksState {
  items: CallbackDto[];
  loaded: boolean;
  error: ClientFailure | null;
  /** A signing secret the API showed in clear once (in the answer to the request that set it). */
  revealed: { callbackId: string; secret: string } | null;
  load(): Promise<void>;
  dismissRevealed(): void;
  create(body: CallbackBodyInput, operator?: string): Promise<Outcome<CallbackDto>>;
  replace(id: string, body: CallbackBodyInput, operator?: string): Promise<Outcome<CallbackDto>>;
  setStatus(id: string, status: 'Running' | 'Paused', operator?: string): Promise<Outcome<CallbackDto>>;
  remove(id: string, operator?: string): Promise<Outcome<void>>;
  sendTest(id: string, operator?: string): Promise<Outcome<TestNotificationDto>>;
  apply(callbackId: string, callback: CallbackDto | null): void;
}

export function createCallbacksStore(client: DepotRemoteClient) {
  return createStore<CallbacksState>()((set, get) => {
    const put = (callback: CallbackDto, body?: CallbackBodyInput) => {
      get().apply(callback.id, callback);
      const sent = body?.signingSecret;
      if (typeof sent === 'string' && callback.signingSecret === sent)
        set({ revealed: { callbackId: callback.id, secret: sent } });
    };
    return {
      items: [],
      loaded: false,
      error: null,
      revealed: null,
      dismissRevealed() {
        set({ revealed: null });
      },
      async load() {
        try {
          const { items } = await client.listCallbacks();
          set({ items, loaded: true, error: null });
        } catch (error) {
          set({ loaded: true, error: asClientFailure(error) });
        }
      },
      async create(body, operator) {
        const result = await attempt(() => client.createCallback({ body, operator }));
        if (result.ok) put(result.value, body);
        return result;
      },
      async replace(id, body, operator) {
        const result = await attempt(() => client.replaceCallback({ cbid: id, body, operator }));
        if (result.ok) put(result.value, body);
        return result;
      },
      async setStatus(id, status, operator) {
        const result = await attempt(() =>
          client.setCallbackStatus({ cbid: id, body: { status }, operator }),
        );
        if (result.ok) put(result.value);
        return result;
      },
      async remove(id, operator) {
        const result = await attempt(() => client.deleteCallback({ cbid: id, operator }));
        if (result.ok) get().apply(id, null);
        return result;
      },
      sendTest(id, operator) {
        return attempt(() => client.sendTestNotification({ cbid: id, operator }));
      },
      apply(callbackId, callback) {
        set((s) => {
          const index = s.items.findIndex((c) => c.id === callbackId);
          if (callback === null)
            return index < 0 ? {} : { items: s.items.filter((c) => c.id !== callbackId) };
          if (index < 0) return { items: [...s.items, callback] };
          const items = s.items.slice();
          items[index] = callback;
          return { items };
        });
      },
    };
  });
}
export type CallbacksStore = ReturnType<typeof createCallbacksStore>;
