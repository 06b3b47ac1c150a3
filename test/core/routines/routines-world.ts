// A depot for the routines' tests: a real core on a real SQLite file, its receiver and its API listening on
// 127.0.0.1, and the simulator (the product's default network) posting every notification over HTTP to that
// receiver — all on one manual clock, so paced sends and vehicle lifecycles run without waiting for real time.
// The simulated network outlives the agent: `restart()` closes the core and opens a new one on the same data folder
// over the same simulator (its vehicles, the remotes they took, the callbacks registered with it), as a stopped and
// restarted agent meets the same network; the new agent points the registration at its new receiver.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createApi } from '../../../main/core/api/create-api.js';
import { parseAgentOptions } from '../../../main/core/config/agent-options.js';
import { createFleetEngine, type FleetEngine } from '../../../main/core/connector/simulator/fleet-engine.js';
import { createSimulatorConnector } from '../../../main/core/connector/simulator/simulator-connector.js';
import { createCore, databaseFile, type Core } from '../../../main/core/create-core.js';
import { createOperationHandlers } from '../../../main/core/operations/handlers.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import type { BulkFinished } from '../../../main/core/ports/notifier.js';
import { createReceiver } from '../../../main/core/receiver/index.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { createSettingsPort } from '../../../main/headless/settings-port.js';
import { TOKEN } from '../../helpers/api-harness.js';
import { operationSubset } from '../../helpers/operation-subset.js';
import { tempDir } from '../../helpers/temp-dir.js';

export { TOKEN };

/** By default the simulator at 100× (a wake-up takes ≈250 ms of the clock), seed 42 as the product's default. */
export const SIM = { speed: 100, seed: 42 } as const;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, read by each test as it expects
  body: any;
}

export interface RoutinesWorld {
  clock: ManualClock;
  engine: FleetEngine;
  dataDir: string;
  core: Core;
  /** The API's base, e.g. http://127.0.0.1:41234/api/v1. */
  url: string;
  /** What the notifier was told of finished bulk commands (this agent's life and the ones before). */
  finished: BulkFinished[];
  /** A request to the API with the machine token (or the `authorization` given; none when it is ''). */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The vehicle id of a simulator label ("Van 01"). */
  id(label: string): string;
  /** How many remotes the simulated network took for a vehicle (what "sent twice" would show). */
  sendsTo(vehicleId: string): number;
  /** Moves the clock `stepMs` at a time, letting HTTP and the agent's work finish, until `done` or `maxMs`. */
  run(done: () => boolean | Promise<boolean>, maxMs?: number, stepMs?: number): Promise<void>;
  /**
   * Stops this agent and starts another on the same folder, the same network and the same clock; `whileStopped`
   * runs in between (e.g. to write what a crash would have left in the database).
   */
  restart(whileStopped?: (databaseFile: string) => void): Promise<void>;
  close(): Promise<void>;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function startRoutinesWorld(
  opts: { vehicles?: number; speed?: number } = {},
): Promise<RoutinesWorld> {
  const dir = tempDir('depot-routines-');
  const clock = manualClock();
  const engine = createFleetEngine({
    clock,
    seed: SIM.seed,
    speed: opts.speed ?? SIM.speed,
    vehicles: opts.vehicles ?? 25,
  });
  const network = createSimulatorConnector({ clock, engine, requestTimeoutMs: 5_000 });
  const finished: BulkFinished[] = [];
  let parts: { core: Core; receiver: FastifyInstance; api: FastifyInstance; url: string } | null = null;

  async function open() {
    // The agent's stop does not stop the network.
    const connector: typeof network = { ...network, close: async () => {} };
    let receiverUrl: string | null = null;
    const core = await createCore({
      dataDir: dir.path,
      connector,
      notifier: { actionCompleted() {}, bulkFinished: (summary) => finished.push(summary) },
      secrets: createKeyFileSecretBox(dir.path),
      logger: silentLogger,
      clock,
      receiverBaseUrl: () => receiverUrl,
      fleetId: () => connector.sim.fleetId,
    });
    const receiver = await createReceiver(
      { inbox: core.inbox, callbacks: core.services.callbacks, bus: core.bus, logger: silentLogger },
      { rateLimit: { max: 100_000, timeWindowMs: 1000 } },
    );
    await receiver.listen({ port: 0, host: '127.0.0.1' });
    receiverUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    const parsed = parseAgentOptions([], { DEPOT_REMOTE_DATA_DIR: dir.path });
    if (parsed.help) throw new Error('unexpected help');
    const handlers = createOperationHandlers({
      core,
      machineToken: TOKEN,
      version: '0.0.0-test',
      startedAt: 0,
      settings: createSettingsPort(core, parsed.options, { argv: [], env: {}, startStored: null }),
    });
    // The operations this area serves and the ones it leans on (settings, tokens, vehicles, remotes, audit).
    const api = await createApi({
      core,
      token: TOKEN,
      logger: silentLogger,
      version: '0.0.0-test',
      operations: operationSubset(handlers),
    });
    await api.listen({ port: 0, host: '127.0.0.1' });
    await core.start();
    parts = {
      core,
      receiver,
      api,
      url: `http://127.0.0.1:${(api.server.address() as AddressInfo).port}/api/v1`,
    };
  }

  async function shut() {
    if (!parts) return;
    const { core, receiver, api } = parts;
    parts = null;
    await api.close();
    await core.close();
    await receiver.close();
  }

  await open();

  const world: RoutinesWorld = {
    clock,
    engine,
    dataDir: dir.path,
    get core() {
      return parts!.core;
    },
    get url() {
      return parts!.url;
    },
    finished,
    async api(method, path, body, headers = {}) {
      const sent: Record<string, string> = {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      };
      if (sent.authorization === '') delete sent.authorization;
      const res = await fetch(`${parts!.url}${path}`, {
        method,
        headers: sent,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        // a CSV report: the text is the answer
      }
      return { status: res.status, headers: res.headers, text, body: json };
    },
    id(label) {
      const v = engine.vehicles().find((x) => x.label === label);
      if (!v) throw new Error(`no simulated vehicle ${label}`);
      return v.id;
    },
    sendsTo: (vehicleId) => engine.remotes({ vehicleId }).length,
    async run(done, maxMs = 60_000, stepMs = 10) {
      for (let t = 0; t <= maxMs; t += stepMs) {
        if (await done()) return;
        clock.advance(stepMs);
        await network.sim.idle();
        await settle();
        await settle();
      }
      if (!(await done())) throw new Error(`not done after ${maxMs} ms of the clock`);
    },
    async restart(whileStopped) {
      await shut();
      whileStopped?.(databaseFile(dir.path));
      await open();
    },
    async close() {
      await shut();
      await network.close();
      dir.remove();
    },
  };
  return world;
}

/** The settings body PUT /settings takes, with the routines' pace. */
export function settingsWith(bulkRatePerMinute: number) {
  return {
    connector: 'simulator',
    stellantis: { baseUrl: '', fleetId: '', clientId: '', user: '', certFile: '', keyFile: '', caFile: '' },
    publicReceiverUrl: null,
    receiver: { port: 5781, bind: '127.0.0.1', tls: null },
    notifications: { desktop: false },
    routines: { bulkRatePerMinute, timeZone: 'Europe/Paris', scheduleGraceMinutes: 30 },
  };
}
