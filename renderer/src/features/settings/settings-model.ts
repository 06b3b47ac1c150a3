import type { SettingsDto, SettingsInput } from '../../../../preload/contract/client.js';

export const DEFAULT_SETTINGS: SettingsDto = {
  connector: 'simulator',
  stellantis: {
    baseUrl: '',
    fleetId: '',
    clientId: '',
    user: '',
    certFile: '',
    keyFile: '',
    caFile: '',
    hasPassword: false,
  },
  publicReceiverUrl: null,
  receiver: { port: 5781, bind: '127.0.0.1', tls: null },
  notifications: { desktop: true },
  wakeUps: { monthlyBudget: 20 },
  queueExpiryMinutes: 10,
  restartRequired: false,
  lockedBy: [],
  secretStorage: 'key-file',
};

export interface SettingsDraft {
  settings: SettingsDto;
  password: string;
}

export function settingsInput(draft: SettingsDraft): SettingsInput {
  const { hasPassword: _had, ...stellantis } = draft.settings.stellantis;
  const { restartRequired: _r, lockedBy: _l, secretStorage: _s, ...settings } = draft.settings;
  return {
    ...settings,
    publicReceiverUrl: draft.settings.publicReceiverUrl?.trim()
      ? draft.settings.publicReceiverUrl.trim()
      : null,
    stellantis: { ...stellantis, ...(draft.password ? { password: draft.password } : {}) },
  };
}
