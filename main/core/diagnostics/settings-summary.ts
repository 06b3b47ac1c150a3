// The saved settings as support sees them: an allow-list. Only the fields named here are copied, and only when
// they hold a plain value; every other field — a credential, a sealed value, a field added after this list — is
// shown as "[removed]", so its presence is known and its value is not.
import { BACKUPS_SETTINGS_KEY } from '../backup/backup-settings.js';
import { SETTINGS_KEY } from '../config/stored-settings.js';
import { UPDATE_FEED_KEY } from '../updates/feed-setting.js';
import { REMOVED } from './mask-secrets.js';

/** `true`: copy a plain value; an object: copy those fields; 'record': copy a record of plain values. */
type Shape = true | 'record' | { readonly [field: string]: Shape };

const RECEIVER_TLS = { certFile: true, keyFile: true } as const;

/** By settings key. The Stellantis client id and user name are credentials, like the password: not copied. */
const ALLOWED: Readonly<Record<string, Shape>> = {
  [SETTINGS_KEY]: {
    connector: true,
    publicReceiverUrl: true,
    stellantis: { baseUrl: true, fleetId: true, certFile: true, keyFile: true, caFile: true },
    receiver: { port: true, bind: true, tls: RECEIVER_TLS },
    notifications: { desktop: true },
    wakeUps: { monthlyBudget: true },
    queueExpiryMinutes: true,
    routines: { bulkRatePerMinute: true, timeZone: true, scheduleGraceMinutes: true },
    retention: { actionsDays: true, deliveredNotificationsDays: true, auditDays: true },
  },
  // The backups' passphrase is sealed under a key of its own (backups.passphrase): never copied.
  [BACKUPS_SETTINGS_KEY]: { folder: true, keep: true, enabled: true },
  // A feed URL is refused with credentials in it (updates/feed-url.ts).
  [UPDATE_FEED_KEY]: true,
  'access.policy': { rules: 'record', idleLockMinutes: true },
};

/** A sealed value's look (key-file box "kf1:…"); never copied even where the field is allowed. */
const SEALED = /^[a-z]{2}\d:/;

function plain(value: unknown): boolean {
  if (typeof value === 'string') return !SEALED.test(value);
  return value === null || typeof value === 'number' || typeof value === 'boolean';
}

function copy(value: unknown, shape: Shape): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (shape === true) return plain(value) ? value : REMOVED;
  if (typeof value !== 'object' || Array.isArray(value)) return REMOVED;
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value)) {
    const inner = shape === 'record' ? true : shape[field];
    out[field] = inner === undefined ? (v === null ? null : REMOVED) : copy(v, inner);
  }
  return out;
}

/** The settings rows, filtered: a key not in the list shows only that it is set. */
export function settingsSummary(
  rows: readonly { key: string; value: unknown; updatedAt: string }[],
): Record<string, { value: unknown; updatedAt: string }> {
  return Object.fromEntries(
    rows.map(({ key, value, updatedAt }) => {
      const shape = ALLOWED[key];
      const shown = shape ? copy(value, shape) : value === null ? null : REMOVED;
      return [key, { value: shown, updatedAt }];
    }),
  );
}

/** The environment variables that configure the agent: values of these are copied, any other is "[removed]". */
const PLAIN_VARIABLES = new Set([
  'DEPOT_REMOTE_DATA_DIR',
  'DEPOT_REMOTE_API_PORT',
  'DEPOT_REMOTE_BIND',
  'DEPOT_REMOTE_RECEIVER_PORT',
  'DEPOT_REMOTE_RECEIVER_BIND',
  'DEPOT_REMOTE_RECEIVER_TLS_CERT',
  'DEPOT_REMOTE_RECEIVER_TLS_KEY',
  'DEPOT_REMOTE_CONNECTOR',
  'DEPOT_REMOTE_SIM_SPEED',
  'DEPOT_REMOTE_SIM_SEED',
  'DEPOT_REMOTE_SIM_VEHICLES',
  'DEPOT_REMOTE_PUBLIC_RECEIVER_URL',
  'DEPOT_REMOTE_RECEIVER_RATE_LIMIT',
  'DEPOT_REMOTE_DELIVERY_RETENTION_DAYS',
  'DEPOT_REMOTE_ALLOWED_HOSTS',
  'DEPOT_REMOTE_API_TLS_CERT',
  'DEPOT_REMOTE_API_TLS_KEY',
  'DEPOT_REMOTE_ALLOW_INSECURE_LAN',
  'DEPOT_REMOTE_QUARANTINE_MAX_MB',
  'DEPOT_REMOTE_DEBUG',
  'DEPOT_REMOTE_STELLANTIS_BASE_URL',
  'DEPOT_REMOTE_STELLANTIS_FLEET_ID',
  'DEPOT_REMOTE_STELLANTIS_CERT',
  'DEPOT_REMOTE_STELLANTIS_KEY',
  'DEPOT_REMOTE_STELLANTIS_CA',
  'DEPOT_REMOTE_STELLANTIS_TIMEOUT_SECONDS',
]);

/** The DEPOT_REMOTE_* variables set: the allowed ones with their value, the others as "[removed]". */
export function environmentSummary(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([name, value]) => name.startsWith('DEPOT_REMOTE_') && value !== undefined && value !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => [name, PLAIN_VARIABLES.has(name) ? (value as string) : REMOVED]),
  );
}
