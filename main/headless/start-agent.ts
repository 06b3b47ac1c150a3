// Starts the headless agent from options: the core with Node adapters, the webhook receiver and the local
// API listening, then the core's outside work (fleet sync, upstream registrations, outbound delivery).
// Returned so tests can start a real agent in-process and stop it.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { AgentOptions } from '../core/config/agent-options.js';
import { resolveApiToken } from '../core/config/api-token.js';
import { createApi } from '../core/api/create-api.js';
import { createOperationHandlers, type AgentLifecycle } from '../core/operations/handlers.js';
import { OPERATIONS } from '../../preload/contract/operations/index.js';
import { createCore, databaseFile } from '../core/create-core.js';
import { databaseFileProblem } from '../core/db/index.js';
import type { Clock } from '../core/ports/clock.js';
import { systemClock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { Notifier } from '../core/ports/notifier.js';
import type { SecretBox } from '../core/ports/secret-box.js';
import { createReceiver } from '../core/receiver/index.js';
import { createKeyFileSecretBox } from '../core/secrets/key-file-secret-box.js';
import { guardSealedDataFile } from '../core/secrets/sealed-data-guard.js';
import { chooseConnector, ConnectorConfigError } from './connector-choice.js';
import { prepareDataFolder } from './data-folder.js';
import { createLogNotifier } from './log-notifier.js';
import { packageVersion } from './package-version.js';
import { followOpenActions } from './polling.js';
import { backUpBeforeMigrating } from './pre-migration-backup.js';
import type { AgentContext } from './resolve-options.js';
import { createSettingsPort } from './settings-port.js';
import type { UpdatePort } from '../core/operations/ports.js';
import { createUpdateCenter } from '../core/updates/index.js';
import { createAgentUpdatePort } from './update-notice.js';

export class AgentStartError extends Error {}

/**
 * Web mode: the renderer build beside the agent's build (out/main/agent.js, or a chunk in out/main/chunks/, →
 * out/renderer); none when run from source.
 */
function builtRendererDir(): string | undefined {
  return ['../renderer/', '../../renderer/']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((dir) => basename(dirname(dir)) === 'out' && existsSync(join(dir, 'index.html')));
}

function readPem(file: string, what: 'certificate' | 'key', owner = "receiver's"): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (err) {
    throw new AgentStartError(`The ${owner} TLS ${what} ${file} cannot be read: ${(err as Error).message}`);
  }
  // Checked here so a wrong file is named; the TLS server would only say "PEM routines::no start line".
  try {
    if (what === 'certificate') new X509Certificate(pem);
    else createPrivateKey(pem);
  } catch (err) {
    const flag = `--${owner === "API's" ? 'api' : 'receiver'}-tls-${what === 'certificate' ? 'cert' : 'key'}`;
    throw new AgentStartError(
      `The ${owner} TLS ${what} ${file} is not a PEM ${what === 'certificate' ? 'certificate' : 'private key without passphrase'} (${(err as Error).message}): give the right file with ${flag}.`,
    );
  }
  return pem;
}

/** Both PEM files, checked to belong together (a key of another certificate fails every handshake). */
function readTlsPair(files: { certFile: string; keyFile: string }, owner: "receiver's" | "API's") {
  const cert = readPem(files.certFile, 'certificate', owner);
  const key = readPem(files.keyFile, 'key', owner);
  if (!new X509Certificate(cert).checkPrivateKey(createPrivateKey(key))) {
    throw new AgentStartError(
      `The ${owner} TLS key ${files.keyFile} does not belong to the certificate ${files.certFile}: give the key that was made with that certificate.`,
    );
  }
  return { cert, key };
}

async function listen(app: FastifyInstance, port: number, host: string, what: string, flag: string) {
  try {
    await app.listen({ port, host });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new AgentStartError(
      e.code === 'EADDRINUSE'
        ? `Port ${port} on ${host} (${what}) is already in use: is another agent running? Choose another with ${flag}.`
        : `The ${what} could not listen on ${host}:${port}: ${e.message}`,
    );
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopback(bind: string): boolean {
  return bind === 'localhost' || bind === '::1' || bind === '[::1]' || /^127(\.\d{1,3}){3}$/.test(bind);
}

/**
 * Off loopback the API needs TLS, or the site's explicit acceptance of clear text: the token, the session cookie
 * and every command would otherwise cross the LAN readable by any neighbour.
 */
function apiExposure(options: AgentOptions): 'loopback' | 'tls' | 'insecure' {
  if (isLoopback(options.bind)) return 'loopback';
  if (options.apiTls) return 'tls';
  if (options.allowInsecureLan) return 'insecure';
  throw new AgentStartError(
    `The API would listen on ${options.bind} without encryption: give --api-tls-cert and --api-tls-key, or add --allow-insecure-lan to accept clear text on the network (or bind to 127.0.0.1).`,
  );
}

const hostOf = (bind: string) => (bind.includes(':') ? `[${bind}]` : bind);
/** Where this machine reaches a listener bound to `bind` (any-address binds are reached on loopback). */
const reachableHost = (bind: string) => (bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : hostOf(bind));

/**
 * What a shell plugs into the core instead of the headless defaults: the desktop passes its tray notifier and its
 * safeStorage secret box; absent ones fall back to the log notifier and the key-file box.
 */
export interface AgentAdapters {
  notifier?: Notifier;
  secrets?: SecretBox;
  /** How a restore from the UI stops, restores and starts again (restartable-agent.ts); absent: refused (503). */
  lifecycle?: AgentLifecycle;
  /** The desktop's updater (electron-updater); absent: the agent's check-only one, which logs how to update. */
  updates?: UpdatePort;
}

export async function startAgent(
  options: AgentOptions,
  logger: Logger,
  clock: Clock = systemClock(),
  context: AgentContext = { argv: [], env: process.env, startStored: null, stellantisEnv: process.env },
  adapters: AgentAdapters = {},
) {
  prepareDataFolder(options.dataDir);
  const secrets = adapters.secrets ?? createKeyFileSecretBox(options.dataDir);
  // Before anything opens (and so migrates) the database: an older one is backed up first, or the start refused.
  await backUpBeforeMigrating(options.dataDir, logger, clock.now(), secrets);
  // Before the connector: a lost secret.key is refused as such (a SecretKeyError naming it), not as the missing
  // Stellantis password it sealed; --forget-secrets clears what it cannot open instead.
  await guardSealedDataFile(databaseFile(options.dataDir), secrets, {
    forget: options.forgetSecrets,
    clock,
    logger,
  }).catch((err: unknown) => {
    throw databaseFileProblem(databaseFile(options.dataDir), err);
  });
  const token = resolveApiToken(options.dataDir);
  const lan = apiExposure(options);
  const apiTls = options.apiTls ? readTlsPair(options.apiTls, "API's") : undefined;
  const tls = options.receiverTls ? readTlsPair(options.receiverTls, "receiver's") : undefined;
  let choice;
  try {
    choice = chooseConnector(options, {
      clock,
      logger,
      env: context.stellantisEnv,
      ...(tls ? { receiverCa: tls.cert } : {}),
    });
  } catch (err) {
    if (err instanceof ConnectorConfigError) throw new AgentStartError(err.message);
    throw err;
  }

  let localReceiverUrl: string | null = null;
  const core = await createCore({
    dataDir: options.dataDir,
    connector: choice.connector,
    notifier: adapters.notifier ?? createLogNotifier(logger),
    secrets,
    logger,
    clock,
    receiverBaseUrl: () => choice.receiverBaseUrl(localReceiverUrl),
    fleetId: () => choice.fleetId,
    outbox: { retentionDays: options.deliveryRetentionDays },
    appVersion: packageVersion(),
    // MB as MiB, like the receiver's 1 MiB body limit.
    quarantine: { capBytes: options.quarantineMaxMb * 1024 * 1024 },
  }).catch((err: unknown) => {
    // Damage deeper than the schema shows only at the first query that reads it: still name the file.
    throw databaseFileProblem(databaseFile(options.dataDir), err);
  });
  // Updates (issue 18): checked at start and daily once the core runs; the runtime's port downloads or only tells.
  const updates = createUpdateCenter({
    feed: core.services.updateFeed,
    port: adapters.updates ?? createAgentUpdatePort(packageVersion(), logger),
    bus: core.bus,
    clock,
    logger,
    version: packageVersion(),
  });
  const opened: FastifyInstance[] = [];
  const stopAll = async () => {
    for (const app of opened.reverse()) await app.close();
    await updates.stop();
    await core.close();
  };

  try {
    const receiver = await createReceiver(
      { inbox: core.inbox, callbacks: core.services.callbacks, bus: core.bus, logger },
      { rateLimit: { max: options.receiverRateLimit, timeWindowMs: 1000 }, ...(tls ? { tls } : {}) },
    );
    opened.push(receiver);
    const receiverPort = await listen(
      receiver,
      options.receiverPort,
      options.receiverBind,
      'receiver',
      '--receiver-port',
    );
    localReceiverUrl = `${tls ? 'https' : 'http'}://${reachableHost(options.receiverBind)}:${receiverPort}`;

    const rendererDir = builtRendererDir();
    if (lan === 'insecure') {
      logger.warn(
        `The API and web UI listen on ${options.bind} WITHOUT encryption (--allow-insecure-lan): the token and every command cross the network in clear. Give --api-tls-cert and --api-tls-key to encrypt them.`,
      );
    }
    if (!isLoopback(options.receiverBind) && !tls) {
      logger.warn(
        `The webhook receiver listens on ${options.receiverBind} over plain HTTP: put it behind an HTTPS reverse proxy, or give --receiver-tls-cert and --receiver-tls-key.`,
      );
    }
    // One set of handlers for every operation, served by the local API and (desktop) by the IPC bridge.
    const handlers = createOperationHandlers({
      core,
      machineToken: token.token,
      version: packageVersion(),
      startedAt: Date.now(),
      connection: choice.connection,
      settings: createSettingsPort(core, options, context),
      insecureLan: lan === 'insecure',
      updates,
      ...(adapters.lifecycle ? { lifecycle: adapters.lifecycle } : {}),
    });
    const api = await createApi({
      core,
      token: token.token,
      logger,
      version: packageVersion(),
      operations: { registry: OPERATIONS, handlers },
      allowedHosts: options.allowedHosts,
      bind: options.bind,
      insecureLan: lan === 'insecure',
      ...(apiTls ? { tls: apiTls } : {}),
      ...(rendererDir ? { rendererDir } : {}),
    });
    opened.push(api);
    const port = await listen(api, options.apiPort, options.bind, 'API', '--api-port');

    await core.start();
    updates.start();
    const stopPolling = choice.stellantis ? followOpenActions(core, choice.stellantis.poller) : () => {};
    return {
      url: `${apiTls ? 'https' : 'http'}://${hostOf(options.bind)}:${port}`,
      port,
      receiverUrl: localReceiverUrl,
      webMode: rendererDir !== undefined,
      token,
      core,
      handlers,
      updates,
      async stop() {
        stopPolling();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
