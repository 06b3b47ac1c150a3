// The agent's settings. The settings route may not exist in this agent yet: a 404 is "not available in this
// version", not an error.
import { createStore } from 'zustand/vanilla';
import type {
  ClientFailure,
  DepotRemoteClient,
  SettingsDto,
  SettingsInput,
} from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { Outcome } from './callbacks-store.js';

export interface SettingsState {
  status: 'idle' | 'loading' | 'ready' | 'unavailable' | 'error';
  settings: SettingsDto | null;
  error: ClientFailure | null;
  load(): Promise<void>;
  save(input: SettingsInput): Promise<Outcome<SettingsDto>>;
}

export function createSettingsStore(client: DepotRemoteClient) {
  return createStore<SettingsState>()((set) => ({
    status: 'idle',
    settings: null,
    error: null,
    async load() {
      set({ status: 'loading' });
      try {
        set({ status: 'ready', settings: await client.getSettings(), error: null });
      } catch (error) {
        const failure = asClientFailure(error);
        set(
          failure.status === 404
            ? { status: 'unavailable', error: null }
            : { status: 'error', error: failure },
        );
      }
    },
    async save(input) {
      try {
        const settings = await client.putSettings({ body: input });
        set({ settings, status: 'ready' });
        return { ok: true, value: settings };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    },
  }));
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
