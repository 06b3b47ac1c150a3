// Headless entry: `npm run agent`. The same core as the desktop app, with Node adapters, no Electron.
import { parseAgentOptions, USAGE } from './core/config/agent-options.js';
import { commandOf } from './headless/commands.js';
import type { Logger } from './core/ports/logger.js';
import { prepareDataFolder } from './headless/data-folder.js';
import { createElectronLogLogger } from './headless/electron-log-logger.js';
import { resolveAgentOptions } from './headless/resolve-options.js';
import { backUpBeforeMigrating } from './headless/pre-migration-backup.js';
import { startRestartableAgent, type RestartableAgent } from './headless/restartable-agent.js';
import { createKeyFileSecretBox } from './core/secrets/key-file-secret-box.js';
import { STARTUP_FAULT_EXIT_CODE, stackText, startupFaultText } from './headless/startup-fault.js';

/** --debug as given, for a fault before the options are parsed (or when parsing them is the fault). */
function debugRequested(argv: string[]): boolean {
  return argv.includes('--debug') || /^(1|true|yes)$/i.test((process.env.DEPOT_REMOTE_DEBUG ?? '').trim());
}

async function start(
  argv: string[],
  faults: { debug: boolean; dataDir: string | null },
): Promise<RestartableAgent | null> {
  const first = parseAgentOptions(argv);
  if (first.help) {
    console.log(USAGE);
    return null;
  }
  faults.debug = first.options.debug;
  // Before anything writes into it (saved settings, key, token, log, database).
  prepareDataFolder(first.options.dataDir);
  faults.dataDir = first.options.dataDir;
  // Reading the saved settings (next) opens the database, which migrates it: an older one is backed up first.
  await backUpBeforeMigrating(
    first.options.dataDir,
    createElectronLogLogger(first.options.dataDir),
    new Date(),
    createKeyFileSecretBox(first.options.dataDir),
  );
  const parsed = await resolveAgentOptions(argv);
  if (parsed.help) return null;
  const { options, context } = parsed;
  const logger: Logger = createElectronLogLogger(options.dataDir);
  // Restartable: a restore from the UI stops it, restores and starts it again in this process.
  const running = await startRestartableAgent(options, logger, undefined, context, {}, (error) => {
    process.stderr.write(`${startupFaultText(error)}\n`);
    logger.error(startupFaultText(error));
    process.exit(STARTUP_FAULT_EXIT_CODE);
  });
  const agent = running.current;
  // Before the "listening" line: whoever waits for that line may stop the agent at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: stopping`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.stop();
    logger.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  logger.info(`Depot Remote agent listening on ${agent.url} (connector: ${agent.core.connectorName})`);
  logger.info(`Data folder: ${options.dataDir}`);
  logger.info(
    agent.token.source === 'env'
      ? 'API token: from DEPOT_REMOTE_API_TOKEN'
      : `API token: in ${agent.token.file}${agent.token.source === 'generated' ? ' (new)' : ''}`,
  );
  logger.info(
    `Try: curl -H "Authorization: Bearer $(cat '${agent.token.file}')" ${agent.url}/api/v1/vehicles`,
  );
  if (!agent.core.services.operators.any()) {
    // The first start: nobody can sign in with a PIN yet.
    logger.info(
      `No operator yet: open ${agent.url}, sign in with the API token and create the first admin (the browser is then enrolled for PIN sign-in).`,
    );
  }
  const storage = agent.core.services.storage.status();
  if (storage.status === 'degraded') {
    logger.error('started degraded: the disk is full, nothing new can be stored until space is freed');
  }

  return running;
}

async function main() {
  const argv = process.argv.slice(2);
  const faults = { debug: debugRequested(argv), dataDir: null as string | null };
  try {
    const command = commandOf(argv);
    if (command) {
      process.exitCode = await (await command()).run(argv.slice(1));
      return;
    }
    await start(argv, faults);
  } catch (err) {
    // One line on stderr, exactly as written (no logger prefix); the stack only when asked for.
    const text = startupFaultText(err);
    process.stderr.write(`${text}\n`);
    if (faults.debug) process.stderr.write(`${stackText(err)}\n`);
    // Also into the log file when the data folder is usable, for whoever looks later.
    if (faults.dataDir) createElectronLogLogger(faults.dataDir, 'info', { console: false }).error(text);
    process.exit(STARTUP_FAULT_EXIT_CODE);
  }
}

void main();
