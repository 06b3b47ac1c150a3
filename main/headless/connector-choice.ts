// Which vehicle network the agent talks to: the built-in simulator (default, no configuration) or the
// Stellantis fleet API (configured through DEPOT_REMOTE_STELLANTIS_* variables).
import { readFileSync } from 'node:fs';
import type { AgentOptions } from '../core/config/agent-options.js';
import type { Connector } from '../core/connector/connector.js';
import { createSimulatorConnector } from '../core/connector/simulator/simulator-connector.js';
import { checkConnectionFromEnv } from '../core/connector/stellantis/connection-check.js';
import { parseStellantisConfig } from '../core/connector/stellantis/stellantis-config.js';
import {
  createStellantisConnector,
  type StellantisConnector,
} from '../core/connector/stellantis/stellantis-connector.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { ConnectionPort } from '../core/operations/ports.js';

export class ConnectorConfigError extends Error {}

export interface ConnectorChoice {
  connector: Connector;
  fleetId: string | null;
  /** Set for the Stellantis connector: its poller follows actions when notifications cannot arrive. */
  stellantis: StellantisConnector | null;
  connection: ConnectionPort;
  /** Where the network posts notifications: the public URL for Stellantis, our own receiver for the simulator. */
  receiverBaseUrl(localReceiverUrl: string | null): string | null;
}

export function chooseConnector(
  options: AgentOptions,
  deps: { clock: Clock; logger: Logger; env?: NodeJS.ProcessEnv; receiverCa?: Buffer },
): ConnectorChoice {
  const env = deps.env ?? process.env;
  if (options.connector === 'stellantis') {
    const parsed = parseStellantisConfig(env, (file) => readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      throw new ConnectorConfigError(
        `The Stellantis connector is not configured:\n- ${parsed.errors.map((e) => e.message).join('\n- ')}`,
      );
    }
    const stellantis = createStellantisConnector(
      parsed.value,
      { clock: deps.clock, logger: deps.logger },
      { notificationsExpected: () => options.publicReceiverUrl !== null },
    );
    return {
      connector: stellantis,
      fleetId: parsed.value.fleetId,
      stellantis,
      connection: {
        check: () => checkConnectionFromEnv(env, (file) => readFileSync(file, 'utf8')),
        rateLimit: () => {
          const r = stellantis.rateLimit();
          return r.updatedAt ? r : null;
        },
      },
      receiverBaseUrl: () => options.publicReceiverUrl,
    };
  }
  const simulator = createSimulatorConnector({
    clock: deps.clock,
    seed: options.simSeed,
    speed: options.simSpeed,
    vehicles: options.simVehicles,
    logger: deps.logger,
    ...(deps.receiverCa ? { tls: { ca: deps.receiverCa } } : {}),
  });
  return {
    connector: simulator,
    fleetId: simulator.sim.fleetId,
    stellantis: null,
    connection: { check: async () => null, rateLimit: () => null },
    // The simulated network lives in this process: it posts to our own receiver.
    receiverBaseUrl: (local) => options.publicReceiverUrl ?? local,
  };
}
