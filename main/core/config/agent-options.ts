// Agent options from flags and environment: a flag wins over its variable, which wins over the default.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const CONNECTORS = ['simulator', 'stellantis'] as const;
export type ConnectorName = (typeof CONNECTORS)[number];

export interface AgentOptions {
  dataDir: string;
  apiPort: number;
  bind: string;
  receiverPort: number;
  /** Receiver bind address; default 127.0.0.1 (a reverse proxy or tunnel exposes it). */
  receiverBind: string;
  /** PEM files for sites that expose the receiver directly over HTTPS; both or neither. */
  receiverTls: { certFile: string; keyFile: string } | null;
  connector: ConnectorName;
  /** Simulator: time runs this many times faster (1 = realistic, ≈25 s wake-ups). */
  simSpeed: number;
  /** Simulator: the same seed gives the same fleet, ids and timings. */
  simSeed: number;
  /** Simulator: how many vehicles (the 25 of the scenario first, then vehicles drawn from the seed). */
  simVehicles: number;
  /** Where the vehicle network reaches this agent's receiver (a reverse proxy or tunnel); null = none (polling). */
  publicReceiverUrl: string | null;
  /** Receiver flood limit: requests per second from one address before 429. */
  receiverRateLimit: number;
  /** Deliveries to a webhook unreachable this many days become dead letters (never dropped silently). */
  deliveryRetentionDays: number;
  /** Host names (besides loopback) the API and UI answer to; anything else gets 421 (DNS rebinding). */
  allowedHosts: string[];
  /** PEM files: serve the API and web UI over HTTPS (needed to bind them off loopback safely). */
  apiTls: { certFile: string; keyFile: string } | null;
  /** Bind the API off loopback without TLS anyway (traffic and the token travel in clear). */
  allowInsecureLan: boolean;
  /** Clear every sealed value once (the key that opened them is lost), recorded in the audit log. */
  forgetSecrets: boolean;
  /** Stack traces with start-up faults. */
  debug: boolean;
  /** Size cap of the quarantine table, in MB; past it the oldest resolved, then malformed, entries go. */
  quarantineMaxMb: number;
}

export class OptionsError extends Error {}

/** The simulator's fleet size: the 25 vehicles of its scenario by default, up to 5,000 to try the product at scale. */
export const SIM_VEHICLES_DEFAULT = 25;
export const SIM_VEHICLES_MAX = 5000;

const SPEC = {
  'data-dir': { env: 'DEPOT_REMOTE_DATA_DIR' },
  'api-port': { env: 'DEPOT_REMOTE_API_PORT' },
  bind: { env: 'DEPOT_REMOTE_BIND' },
  'receiver-port': { env: 'DEPOT_REMOTE_RECEIVER_PORT' },
  connector: { env: 'DEPOT_REMOTE_CONNECTOR' },
  'receiver-bind': { env: 'DEPOT_REMOTE_RECEIVER_BIND' },
  'receiver-tls-cert': { env: 'DEPOT_REMOTE_RECEIVER_TLS_CERT' },
  'receiver-tls-key': { env: 'DEPOT_REMOTE_RECEIVER_TLS_KEY' },
  'sim-speed': { env: 'DEPOT_REMOTE_SIM_SPEED' },
  'sim-seed': { env: 'DEPOT_REMOTE_SIM_SEED' },
  'sim-vehicles': { env: 'DEPOT_REMOTE_SIM_VEHICLES' },
  'public-receiver-url': { env: 'DEPOT_REMOTE_PUBLIC_RECEIVER_URL' },
  'receiver-rate-limit': { env: 'DEPOT_REMOTE_RECEIVER_RATE_LIMIT' },
  'delivery-retention-days': { env: 'DEPOT_REMOTE_DELIVERY_RETENTION_DAYS' },
  'allowed-host': { env: 'DEPOT_REMOTE_ALLOWED_HOSTS' },
  'api-tls-cert': { env: 'DEPOT_REMOTE_API_TLS_CERT' },
  'api-tls-key': { env: 'DEPOT_REMOTE_API_TLS_KEY' },
  'allow-insecure-lan': { env: 'DEPOT_REMOTE_ALLOW_INSECURE_LAN' },
  'quarantine-max-mb': { env: 'DEPOT_REMOTE_QUARANTINE_MAX_MB' },
  debug: { env: 'DEPOT_REMOTE_DEBUG' },
} as const;

export const USAGE = `Usage: npm run agent -- [options]

  --data-dir <path>        where the database, logs and api-token live   (DEPOT_REMOTE_DATA_DIR)
  --api-port <port>        local REST API and web UI port, default 5780   (DEPOT_REMOTE_API_PORT)
  --bind <address>         API bind address, default 127.0.0.1            (DEPOT_REMOTE_BIND)
  --receiver-port <port>   webhook receiver port, default 5781            (DEPOT_REMOTE_RECEIVER_PORT)
  --receiver-bind <address> receiver bind address, default 127.0.0.1      (DEPOT_REMOTE_RECEIVER_BIND)
  --receiver-tls-cert <file> PEM certificate: serve the receiver over HTTPS (DEPOT_REMOTE_RECEIVER_TLS_CERT)
  --receiver-tls-key <file>  PEM private key for that certificate        (DEPOT_REMOTE_RECEIVER_TLS_KEY)
  --connector <name>       simulator (default) or stellantis              (DEPOT_REMOTE_CONNECTOR)
  --sim-speed <factor>     simulator time factor, default 1 (realistic)   (DEPOT_REMOTE_SIM_SPEED)
  --sim-seed <integer>     simulator seed: same seed, same run, default 42 (DEPOT_REMOTE_SIM_SEED)
  --sim-vehicles <n>       simulated vehicles, 1 to 5000, default 25      (DEPOT_REMOTE_SIM_VEHICLES)
  --public-receiver-url <url> how the vehicle network reaches the receiver (DEPOT_REMOTE_PUBLIC_RECEIVER_URL)
  --receiver-rate-limit <n> requests per second per sender before 429, default 100 (DEPOT_REMOTE_RECEIVER_RATE_LIMIT)
  --delivery-retention-days <n> days a webhook may stay unreachable before its deliveries become dead letters,
                           default 30                                      (DEPOT_REMOTE_DELIVERY_RETENTION_DAYS)
  --allowed-host <name>    a host name the API and UI also answer to (besides loopback); repeatable
                                                    (DEPOT_REMOTE_ALLOWED_HOSTS, comma-separated)
  --api-tls-cert <file>    PEM certificate: serve the API and UI over HTTPS (DEPOT_REMOTE_API_TLS_CERT)
  --api-tls-key <file>     PEM private key for that certificate           (DEPOT_REMOTE_API_TLS_KEY)
  --allow-insecure-lan     bind the API off loopback without TLS anyway   (DEPOT_REMOTE_ALLOW_INSECURE_LAN=1)
  --quarantine-max-mb <n>  size cap of the receiver's quarantine, default 100 (DEPOT_REMOTE_QUARANTINE_MAX_MB)
  --forget-secrets         the secret key is lost: clear every sealed value once, then start
  --debug                  print stack traces with start-up faults        (DEPOT_REMOTE_DEBUG=1)
  --help                   this text

A flag wins over its environment variable.

One-off commands (each says more with --help):
  npm run agent -- backup <file>       one archive of the database, key and token (also while the agent runs)
  npm run agent -- restore <file>      put a backup back into a data folder the agent is not using
  npm run agent -- diagnostics <file>  a support bundle (versions, settings without secrets, log, database health)
  npm run agent -- update-info         this version, the update feed set in Settings and what it offers`;

/** Which options a flag or an environment variable fixes (stored settings cannot change those). */
export function lockedOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { setting: string; source: string }[] {
  const locked: { setting: string; source: string }[] = [];
  for (const [name, { env: variable }] of Object.entries(SPEC)) {
    if (argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)))
      locked.push({ setting: name, source: `--${name}` });
    else if (env[variable]) locked.push({ setting: name, source: variable });
  }
  return locked;
}

/** The per-user folder Electron's app.getPath('userData') uses for "Depot Remote". */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const name = 'Depot Remote';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
}

function port(name: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw new OptionsError(`--${name} must be a port number (0–65535), got "${raw}".`);
  const n = Number(raw);
  if (n > 65535) throw new OptionsError(`--${name} must be a port number (0–65535), got ${n}.`);
  return n;
}

export function parseAgentOptions(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  /** Saved settings by flag name: the lowest layer, under flags and environment variables. */
  stored: Record<string, string> = {},
): { help: true } | { help: false; options: AgentOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        'api-port': { type: 'string' },
        bind: { type: 'string' },
        'receiver-port': { type: 'string' },
        connector: { type: 'string' },
        'receiver-bind': { type: 'string' },
        'receiver-tls-cert': { type: 'string' },
        'receiver-tls-key': { type: 'string' },
        'sim-speed': { type: 'string' },
        'sim-seed': { type: 'string' },
        'sim-vehicles': { type: 'string' },
        'public-receiver-url': { type: 'string' },
        'receiver-rate-limit': { type: 'string' },
        'delivery-retention-days': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'api-tls-cert': { type: 'string' },
        'api-tls-key': { type: 'string' },
        'allow-insecure-lan': { type: 'boolean' },
        'quarantine-max-mb': { type: 'string' },
        'forget-secrets': { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new OptionsError(`${(err as Error).message}\n\n${USAGE}`);
  }
  if (parsed.values.help) return { help: true };
  const pick = (
    name: Exclude<keyof typeof SPEC, 'allowed-host' | 'allow-insecure-lan' | 'debug'>,
  ): string | undefined => {
    const given = parsed.values[name] ?? env[SPEC[name].env];
    const v = given === undefined || given === '' ? stored[name] : given;
    return v === undefined || v === '' ? undefined : v;
  };
  const connector = pick('connector') ?? 'simulator';
  if (!(CONNECTORS as readonly string[]).includes(connector)) {
    throw new OptionsError(`--connector must be one of ${CONNECTORS.join(', ')}, got "${connector}".`);
  }
  const address = (name: 'bind' | 'receiver-bind') => {
    const value = pick(name) ?? '127.0.0.1';
    if (!/^[\w.:-]+$/.test(value)) {
      throw new OptionsError(`--${name} must be an IP address or host name, got "${value}".`);
    }
    return value;
  };
  const bind = address('bind');
  const receiverBind = address('receiver-bind');
  const certFile = pick('receiver-tls-cert');
  const keyFile = pick('receiver-tls-key');
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new OptionsError('--receiver-tls-cert and --receiver-tls-key go together: give both or neither.');
  }
  const apiCertFile = pick('api-tls-cert');
  const apiKeyFile = pick('api-tls-key');
  if ((apiCertFile === undefined) !== (apiKeyFile === undefined)) {
    throw new OptionsError('--api-tls-cert and --api-tls-key go together: give both or neither.');
  }
  const hostList = [
    ...(parsed.values['allowed-host'] ?? []),
    ...(parsed.values['allowed-host'] ? [] : (env[SPEC['allowed-host'].env] ?? '').split(',')),
  ]
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of hostList) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(h)) {
      throw new OptionsError(
        `--allowed-host must be a host name or address, optionally with :port, got "${h}".`,
      );
    }
  }
  const flag = (name: 'allow-insecure-lan' | 'debug'): boolean => {
    if (parsed.values[name]) return true;
    const v = (env[SPEC[name].env] ?? '').trim().toLowerCase();
    if (v === '' || v === '0' || v === 'false' || v === 'no') return false;
    if (v === '1' || v === 'true' || v === 'yes') return true;
    throw new OptionsError(`${SPEC[name].env} must be 1 or 0, got "${v}".`);
  };
  const simSpeed = Number(pick('sim-speed') ?? '1');
  if (!Number.isFinite(simSpeed) || simSpeed < 0.1 || simSpeed > 10000) {
    throw new OptionsError(`--sim-speed must be a number from 0.1 to 10000, got "${pick('sim-speed')}".`);
  }
  const seedText = pick('sim-seed') ?? '42';
  if (!/^\d{1,9}$/.test(seedText)) {
    throw new OptionsError(`--sim-seed must be a whole number (up to 9 digits), got "${seedText}".`);
  }
  const publicReceiverUrl = pick('public-receiver-url') ?? null;
  if (publicReceiverUrl !== null) {
    const url = URL.canParse(publicReceiverUrl) ? new URL(publicReceiverUrl) : null;
    if (!url || url.protocol !== 'https:' || url.search || url.hash) {
      throw new OptionsError(
        `--public-receiver-url must be an https URL without query or fragment (Stellantis posts only to public HTTPS), got "${publicReceiverUrl}".`,
      );
    }
  }
  const wholeNumber = (
    name: 'receiver-rate-limit' | 'delivery-retention-days' | 'quarantine-max-mb' | 'sim-vehicles',
    fallback: string,
    max: number,
  ) => {
    const text = pick(name) ?? fallback;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > max) {
      throw new OptionsError(`--${name} must be a whole number from 1 to ${max}, got "${text}".`);
    }
    return n;
  };
  const receiverRateLimit = wholeNumber('receiver-rate-limit', '100', 1_000_000);
  const deliveryRetentionDays = wholeNumber('delivery-retention-days', '30', 3650);
  const quarantineMaxMb = wholeNumber('quarantine-max-mb', '100', 100_000);
  const simVehicles = wholeNumber('sim-vehicles', String(SIM_VEHICLES_DEFAULT), SIM_VEHICLES_MAX);
  const apiPort = port('api-port', pick('api-port') ?? '5780');
  const receiverPort = port('receiver-port', pick('receiver-port') ?? '5781');
  if (apiPort !== 0 && apiPort === receiverPort) {
    throw new OptionsError(`--api-port and --receiver-port must differ (both are ${apiPort}).`);
  }
  return {
    help: false,
    options: {
      dataDir: pick('data-dir') ?? defaultDataDir(),
      apiPort,
      bind,
      receiverPort,
      receiverBind,
      receiverTls: certFile && keyFile ? { certFile, keyFile } : null,
      connector: connector as ConnectorName,
      simSpeed,
      simSeed: Number(seedText),
      simVehicles,
      receiverRateLimit,
      deliveryRetentionDays,
      publicReceiverUrl,
      allowedHosts: [...new Set(hostList)],
      apiTls: apiCertFile && apiKeyFile ? { certFile: apiCertFile, keyFile: apiKeyFile } : null,
      allowInsecureLan: flag('allow-insecure-lan'),
      forgetSecrets: parsed.values['forget-secrets'] === true,
      debug: flag('debug'),
      quarantineMaxMb,
    },
  };
}
