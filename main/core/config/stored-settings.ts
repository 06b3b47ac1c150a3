// Settings saved from the UI or the API, kept in the database. They are the lowest layer of the agent's
// options: a flag or an environment variable given at start wins over them, and a default applies when
// neither they nor those say anything.
import { STELLANTIS_ENV } from '../connector/stellantis/stellantis-config.js';
import { DEFAULT_WAKE_UP_BUDGET } from '../domain/vehicle/vehicle-condition.js';
import type { SettingsInputDto } from '../../../preload/contract/settings.js';

/** What is stored: the settings without the password (sealed separately). */
export type StoredSettings = Omit<SettingsInputDto, 'stellantis'> & {
  stellantis: Omit<SettingsInputDto['stellantis'], 'password'>;
};

export const SETTINGS_KEY = 'agent';
export const STELLANTIS_PASSWORD_KEY = 'stellantis.password';
/** The scheduled backups' passphrase, sealed (main/core/backup/backup-settings.ts). */
export const BACKUPS_PASSPHRASE_KEY = 'backups.passphrase';

/** The monthly wake-up budget per vehicle the fleet view counts against (estimated: Stellantis publishes none). */
export function wakeUpBudgetOf(stored: Pick<StoredSettings, 'wakeUps'> | null | undefined): number {
  return stored?.wakeUps?.monthlyBudget ?? DEFAULT_WAKE_UP_BUDGET;
}

/** How long a queued command waits at most, unless the request says (docs/decisions.md, 21). */
export const DEFAULT_QUEUE_EXPIRY_MINUTES = 10;

export function queueExpiryMinutesOf(
  stored: Pick<StoredSettings, 'queueExpiryMinutes'> | null | undefined,
): number {
  return stored?.queueExpiryMinutes ?? DEFAULT_QUEUE_EXPIRY_MINUTES;
}

export const DEFAULT_BULK_RATE_PER_MINUTE = 600;
export const DEFAULT_SCHEDULE_GRACE_MINUTES = 30;

/** The routines' settings (issue 16), defaults filled in; the time zone defaults to the machine's. */
export function routinesOf(
  stored: Pick<StoredSettings, 'routines'> | null | undefined,
): NonNullable<StoredSettings['routines']> {
  return {
    bulkRatePerMinute: stored?.routines?.bulkRatePerMinute ?? DEFAULT_BULK_RATE_PER_MINUTE,
    timeZone: stored?.routines?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    scheduleGraceMinutes: stored?.routines?.scheduleGraceMinutes ?? DEFAULT_SCHEDULE_GRACE_MINUTES,
  };
}

export const DEFAULT_ACTIONS_RETENTION_DAYS = 400;
export const DEFAULT_DELIVERED_RETENTION_DAYS = 30;

/** How long history is kept (issue 18), defaults filled in. */
export function retentionOf(stored: Pick<StoredSettings, 'retention'> | null | undefined): {
  actionsDays: number;
  deliveredNotificationsDays: number;
  auditDays: number | null;
} {
  return {
    actionsDays: stored?.retention?.actionsDays ?? DEFAULT_ACTIONS_RETENTION_DAYS,
    deliveredNotificationsDays:
      stored?.retention?.deliveredNotificationsDays ?? DEFAULT_DELIVERED_RETENTION_DAYS,
    // Forever unless a site chose a number of days.
    auditDays: stored?.retention?.auditDays ?? null,
  };
}

/** The stored settings as option values, keyed by flag name (see agent-options.ts). */
export function optionLayer(stored: StoredSettings | null): Record<string, string> {
  if (!stored) return {};
  const layer: Record<string, string> = {
    connector: stored.connector,
    'receiver-port': String(stored.receiver.port),
    'receiver-bind': stored.receiver.bind,
  };
  if (stored.publicReceiverUrl) layer['public-receiver-url'] = stored.publicReceiverUrl;
  if (stored.receiver.tls) {
    layer['receiver-tls-cert'] = stored.receiver.tls.certFile;
    layer['receiver-tls-key'] = stored.receiver.tls.keyFile;
  }
  return layer;
}

/** The stored Stellantis settings as the DEPOT_REMOTE_STELLANTIS_* variables the connector reads. */
export function stellantisEnvLayer(
  stored: StoredSettings | null,
  password: string | null,
): Record<string, string> {
  const layer: Record<string, string> = {};
  const s = stored?.stellantis;
  const put = (name: string, value: string | undefined | null) => {
    if (value) layer[name] = value;
  };
  put(STELLANTIS_ENV.baseUrl, s?.baseUrl);
  put(STELLANTIS_ENV.fleetId, s?.fleetId);
  put(STELLANTIS_ENV.clientId, s?.clientId);
  put(STELLANTIS_ENV.user, s?.user);
  put(STELLANTIS_ENV.cert, s?.certFile);
  put(STELLANTIS_ENV.key, s?.keyFile);
  put(STELLANTIS_ENV.ca, s?.caFile);
  put(STELLANTIS_ENV.password, password);
  return layer;
}
