// Starts the headless agent from options: core with Node adapters, local API listening.
// Returned so tests can start a real agent in-process and stop it.
import { mkdirSync } from 'node:fs';
import type { AgentOptions } from '../core/config/agent-options.js';
import { resolveApiToken } from '../core/config/api-token.js';
import { createApi } from '../core/api/create-api.js';
import type { Connector } from '../core/connector/connector.js';
import { createInProcessFleet } from '../core/connector/in-process/in-process-fleet.js';
import { createCore } from '../core/create-core.js';
import type { Clock } from '../core/ports/clock.js';
import { systemClock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { createKeyFileSecretBox } from '../core/secrets/key-file-secret-box.js';
import { createLogNotifier } from './log-notifier.js';
import { packageVersion } from './package-version.js';

export class AgentStartError extends Error {}

function connectorFor(options: AgentOptions, clock: Clock): Connector {
  if (options.connector === 'stellantis') {
    throw new AgentStartError(
      'The Stellantis fleet API connector is not available in this version yet: start with --connector simulator.',
    );
  }
  return createInProcessFleet({ clock });
}

export async function startAgent(options: AgentOptions, logger: Logger, clock: Clock = systemClock()) {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const token = resolveApiToken(options.dataDir);
  const core = await createCore({
    dataDir: options.dataDir,
    connector: connectorFor(options, clock),
    notifier: createLogNotifier(logger),
    secrets: createKeyFileSecretBox(options.dataDir),
    logger,
    clock,
  });
  const api = await createApi({ core, token: token.token, logger, version: packageVersion() });
  try {
    await api.listen({ port: options.apiPort, host: options.bind });
  } catch (err) {
    await core.close();
    const e = err as NodeJS.ErrnoException;
    throw new AgentStartError(
      e.code === 'EADDRINUSE'
        ? `Port ${options.apiPort} on ${options.bind} is already in use: is another agent running? Choose another with --api-port.`
        : `The API could not listen on ${options.bind}:${options.apiPort}: ${e.message}`,
    );
  }
  const address = api.server.address();
  const port = typeof address === 'object' && address ? address.port : options.apiPort;
  return {
    url: `http://${options.bind.includes(':') ? `[${options.bind}]` : options.bind}:${port}`,
    port,
    token,
    core,
    async stop() {
      await api.close();
      await core.close();
    },
  };
}
