// The agent's settings. The settings route may not exist in this agent yet: a 404 is "not available in this
// version", not an error. Once read or saved, the site's time zone (the routines setting) is the one every date on
// screen is shown in (i18n/format.ts).
import { createStore } from 'zustand/vanilla';
import type {
  ClientFailure,
  DepotRemoteClient,
  SettingsDto,
  SettingsInput,
} from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import { setSiteTimeZone } from '../i18n/format.js';
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
        const settings = await client.getSettings();
        // An agent from before the routines has no zone: dates stay in the browser's.
        setSiteTimeZone(settings.routines?.timeZone);
        set({ status: 'ready', settings, error: null });
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
        setSiteTimeZone(settings.routines?.timeZone);
        set({ settings, status: 'ready' });
        return { ok: true, value: settings };
      } catch (error) {
        return { ok: false, error: asClientFailure(error) };
      }
    },
  }));
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
