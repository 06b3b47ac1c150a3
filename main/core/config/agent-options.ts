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
  connector: ConnectorName;
}

export class OptionsError extends Error {}

const SPEC = {
  'data-dir': { env: 'DEPOT_REMOTE_DATA_DIR' },
  'api-port': { env: 'DEPOT_REMOTE_API_PORT' },
  bind: { env: 'DEPOT_REMOTE_BIND' },
  'receiver-port': { env: 'DEPOT_REMOTE_RECEIVER_PORT' },
  connector: { env: 'DEPOT_REMOTE_CONNECTOR' },
} as const;

export const USAGE = `Usage: npm run agent -- [options]

  --data-dir <path>        where the database, logs and api-token live   (DEPOT_REMOTE_DATA_DIR)
  --api-port <port>        local REST API and web UI port, default 5780   (DEPOT_REMOTE_API_PORT)
  --bind <address>         API bind address, default 127.0.0.1            (DEPOT_REMOTE_BIND)
  --receiver-port <port>   webhook receiver port, default 5781            (DEPOT_REMOTE_RECEIVER_PORT)
  --connector <name>       simulator (default) or stellantis              (DEPOT_REMOTE_CONNECTOR)
  --help                   this text

A flag wins over its environment variable.`;

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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new OptionsError(`${(err as Error).message}\n\n${USAGE}`);
  }
  if (parsed.values.help) return { help: true };
  const pick = (name: keyof typeof SPEC): string | undefined => {
    const v = parsed.values[name] ?? env[SPEC[name].env];
    return v === undefined || v === '' ? undefined : v;
  };
  const connector = pick('connector') ?? 'simulator';
  if (!(CONNECTORS as readonly string[]).includes(connector)) {
    throw new OptionsError(`--connector must be one of ${CONNECTORS.join(', ')}, got "${connector}".`);
  }
  const bind = pick('bind') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(bind))
    throw new OptionsError(`--bind must be an IP address or host name, got "${bind}".`);
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
      connector: connector as ConnectorName,
    },
  };
}
