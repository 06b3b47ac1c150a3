// Headless entry: `npm run agent`. The same core as the desktop app, with Node adapters, no Electron.
import { OptionsError, USAGE } from './core/config/agent-options.js';
import { createElectronLogLogger } from './headless/electron-log-logger.js';
import { resolveAgentOptions } from './headless/resolve-options.js';
import { startAgent } from './headless/start-agent.js';

async function main() {
  let parsed;
  try {
    parsed = await resolveAgentOptions(process.argv.slice(2));
  } catch (err) {
    if (err instanceof OptionsError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const { options, context } = parsed;
  const logger = createElectronLogLogger(options.dataDir);
  let agent: Awaited<ReturnType<typeof startAgent>>;
  try {
    agent = await startAgent(options, logger, undefined, context);
  } catch (err) {
    logger.error((err as Error).message);
    process.exit(1);
  }
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

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: stopping`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await agent.stop();
    logger.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
