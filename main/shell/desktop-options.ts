// The agent options the desktop app starts with: the same flags and variables as `npm run agent`, read from the
// app's command line (Chromium's own switches and anything unknown are left out, never refused), with the data
// folder defaulting to Electron's userData folder for "Depot Remote".

/** Agent flags that take a value (main/core/config/agent-options.ts). */
const AGENT_FLAGS = new Set([
  'data-dir',
  'api-port',
  'bind',
  'receiver-port',
  'receiver-bind',
  'receiver-tls-cert',
  'receiver-tls-key',
  'connector',
  'sim-speed',
  'sim-seed',
  'sim-vehicles',
  'public-receiver-url',
]);

/**
 * The agent's flags among the app's arguments. `argv` is process.argv: the executable, then (when run as
 * `electron .`, i.e. process.defaultApp) the app path, then the arguments.
 */
export function agentArgsFrom(argv: readonly string[], defaultApp: boolean): string[] {
  const args = argv.slice(defaultApp ? 2 : 1);
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match || !AGENT_FLAGS.has(match[1]!)) continue;
    if (match[2] !== undefined) out.push(arg);
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) {
      out.push(arg, args[i + 1]!);
      i += 1;
    }
  }
  return out;
}

/** The environment with the desktop's default data folder (a variable or flag still wins). */
export function desktopEnv(env: NodeJS.ProcessEnv, userDataDir: string): NodeJS.ProcessEnv {
  return env.DEPOT_REMOTE_DATA_DIR ? env : { ...env, DEPOT_REMOTE_DATA_DIR: userDataDir };
}
