import type { SettingsDto, SettingsInput } from '../../../../preload/contract/client.js';
import { isTimeZone } from '../../../../preload/contract/settings.js';
import type { FieldError } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';

/** Where the API names each setting in its field errors: the form asks for a message at the path its input fills. */
export const SETTINGS_FIELD = {
  password: 'stellantis.password',
  publicReceiverUrl: 'publicReceiverUrl',
  port: 'receiver.port',
  bind: 'receiver.bind',
  tlsCertFile: 'receiver.tls.certFile',
  tlsKeyFile: 'receiver.tls.keyFile',
  wakeUps: 'wakeUps.monthlyBudget',
  queueExpiry: 'queueExpiryMinutes',
  bulkRate: 'routines.bulkRatePerMinute',
  timeZone: 'routines.timeZone',
  grace: 'routines.scheduleGraceMinutes',
  actionsRetention: 'retention.actionsDays',
  deliveredRetention: 'retention.deliveredNotificationsDays',
  auditRetention: 'retention.auditDays',
} as const;

/** The agent's defaults for how long history is kept (issue 18). */
export const DEFAULT_RETENTION: SettingsDto['retention'] = {
  actionsDays: 400,
  deliveredNotificationsDays: 30,
  auditDays: null,
};

/** The agent's defaults for the depot routines (the time zone: this machine's, as the agent's own default). */
export const DEFAULT_ROUTINES: SettingsDto['routines'] = {
  bulkRatePerMinute: 600,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  scheduleGraceMinutes: 30,
};

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
  routines: DEFAULT_ROUTINES,
  retention: DEFAULT_RETENTION,
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

const wholeIn = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/**
 * The routines' fields checked before saving, with the API's limits and at the paths the API names them, so the
 * messages sit under the same inputs either way.
 */
export function routinesErrors(routines: SettingsDto['routines']): FieldError[] {
  const errors: FieldError[] = [];
  if (!wholeIn(routines.bulkRatePerMinute, 1, 6000))
    errors.push({
      field: SETTINGS_FIELD.bulkRate,
      message: t('settings:routines.bulkRate.invalid', { min: 1, max: 6000 }),
    });
  if (!routines.timeZone.trim() || !isTimeZone(routines.timeZone.trim()))
    errors.push({ field: SETTINGS_FIELD.timeZone, message: t('settings:routines.timeZone.invalid') });
  if (!wholeIn(routines.scheduleGraceMinutes, 0, 1440))
    errors.push({
      field: SETTINGS_FIELD.grace,
      message: t('settings:routines.grace.invalid', { min: 0, max: 1440 }),
    });
  return errors;
}

/** The retention's fields checked before saving, with the API's limits (whole days, 1 to 3650). */
export function retentionErrors(retention: SettingsDto['retention']): FieldError[] {
  const errors: FieldError[] = [];
  if (!wholeIn(retention.actionsDays, 1, 3650))
    errors.push({
      field: SETTINGS_FIELD.actionsRetention,
      message: t('settings:retention.invalid', { min: 1, max: 3650 }),
    });
  if (!wholeIn(retention.deliveredNotificationsDays, 1, 3650))
    errors.push({
      field: SETTINGS_FIELD.deliveredRetention,
      message: t('settings:retention.invalid', { min: 1, max: 3650 }),
    });
  if (retention.auditDays !== null && !wholeIn(retention.auditDays, 1, 3650))
    errors.push({
      field: SETTINGS_FIELD.auditRetention,
      message: t('settings:retention.invalid', { min: 1, max: 3650 }),
    });
  return errors;
}
