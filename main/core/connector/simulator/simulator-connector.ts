// The embedded default connector: a simulated Stellantis fleet behind the Connector port, so a fresh agent
// with no configuration can try every feature. The fleet engine decides what happens to each remote; the
// notification sender posts the events over real HTTP to the webhook registered upstream for the callback,
// which the agent points at its own receiver: events take the production path, never a shortcut.
import { callbackSubscribeSchema } from '../../domain/callback/callback-schema.js';
import type { CallbackSubscribe } from '../../domain/callback/callback-model.js';
import { parseRemote } from '../../domain/remote/parse-remote.js';
import type { Clock } from '../../ports/clock.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import type { Connector, ConnectorEventSink, UpstreamCallback } from '../connector.js';
import { createFleetEngine, type FleetEngine, type SimRemote } from './fleet-engine.js';
import { networkError, type NetworkErrorName } from './network-errors.js';
import {
  createNotificationSender,
  type DeliveryRecord,
  type UpstreamRegistration,
} from './notification-sender.js';
import type { SimVehicleView } from './vehicle-state.js';
import { SIMULATOR_STATE_KEY, type SimulatorState } from '../../domain/vehicle/status-readings.js';

/**
 * The status with what the simulator knows and the fleet API's Status cannot say (it has no immobilization field,
 * and its `stolen` object appears only while stolen), under `_embedded.extension`: the agent shows it as the
 * simulator's word. The engine's own status (also what the fake fleet API answers) stays the spec's.
 */
function withSimulatorState(status: Record<string, unknown>, v: SimVehicleView): Record<string, unknown> {
  const state: SimulatorState = { immobilized: v.immobilized, stolen: v.stolen.active };
  const embedded = (status._embedded ?? {}) as Record<string, unknown>;
  const extension = (embedded.extension ?? {}) as Record<string, unknown>;
  return {
    ...status,
    _embedded: { ...embedded, extension: { ...extension, [SIMULATOR_STATE_KEY]: state } },
  };
}

/** What a fresh agent runs with: real-time pace, a fixed seed. */
export const SIM_DEFAULTS = { speed: 1, seed: 42 } as const;

export interface SimulatorConnectorOptions {
  clock: Clock;
  /** Repeatable runs: remote ids, timings and readings follow from it. Default SIM_DEFAULTS.seed. */
  seed?: number;
  /** Divides the lifecycle's waits: 10 makes the ≈25 s wake-up take ≈2.5 s. Default SIM_DEFAULTS.speed. */
  speed?: number;
  fleetId?: string;
  /** Fleet size: the scenario's 25 vehicles first, then vehicles drawn from the seed (1–5000). Default 25. */
  vehicles?: number;
  logger?: Logger;
  /** Real-time limit for a webhook to answer a POST. Default 10 s. */
  requestTimeoutMs?: number;
  /** For an HTTPS receiver with a private CA. */
  tls?: { ca?: string | Buffer; rejectUnauthorized?: boolean };
  /** Tests and development: an engine prepared beforehand (its clock, seed and speed win). */
  engine?: FleetEngine;
}

/** Read-only insight into the simulation, for tests and development tools. */
export interface SimulatorView {
  readonly fleetId: string;
  readonly seed: number;
  readonly speed: number;
  vehicles(): SimVehicleView[];
  vehicle(ref: string): SimVehicleView | null;
  remotes(filter?: { vehicleId?: string; callbackId?: string }): SimRemote[];
  /** Callbacks as registered upstream, with their status. */
  callbacks(): UpstreamRegistration[];
  /** Every POST made to the webhooks, oldest first. */
  deliveries(): DeliveryRecord[];
  /** Resolves once no POST is in flight. */
  idle(): Promise<void>;
}

export interface SimulatorConnector extends Connector {
  readonly sim: SimulatorView;
}

export function createSimulatorConnector(options: SimulatorConnectorOptions): SimulatorConnector {
  const logger = options.logger ?? silentLogger;
  const engine =
    options.engine ??
    createFleetEngine({
      clock: options.clock,
      seed: options.seed ?? SIM_DEFAULTS.seed,
      speed: options.speed ?? SIM_DEFAULTS.speed,
      ...(options.fleetId ? { fleetId: options.fleetId } : {}),
      ...(options.vehicles ? { vehicles: options.vehicles } : {}),
      onListenerError: (err) => logger.error('simulator: event listener failed', { error: String(err) }),
    });
  const sender = createNotificationSender({
    clock: options.clock,
    fleetId: engine.fleetId,
    logger,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const unsubscribe = engine.onEvent((callbackId, event) => sender.enqueue(callbackId, event));

  const refuse = (name: NetworkErrorName, message: string) =>
    networkError(name, message, engine.newReference());

  function validSubscribe(callback: UpstreamCallback): CallbackSubscribe {
    const parsed = callbackSubscribeSchema.safeParse(callback);
    if (parsed.success) return parsed.data as CallbackSubscribe;
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'callback'}: ${i.message}`);
    throw refuse('invalidCallback', `The callback was refused: ${problems.join('; ')}`);
  }

  function requireCallback(upstreamId: string): UpstreamRegistration {
    const reg = sender.get(upstreamId);
    if (!reg) throw refuse('unknownCallback', `No callback ${upstreamId} in fleet ${engine.fleetId}.`);
    return reg;
  }

  return {
    name: 'simulator',
    sim: {
      fleetId: engine.fleetId,
      seed: engine.seed,
      speed: engine.speed,
      vehicles: () => engine.vehicles(),
      vehicle: (ref) => engine.vehicle(ref),
      remotes: (filter) => engine.remotes(filter),
      callbacks: () => sender.list(),
      deliveries: () => sender.deliveries(),
      idle: () => sender.idle(),
    },

    // The sink stays unused on purpose: the network reaches the agent only through the webhook registered
    // for each callback (the agent's receiver), exactly as Stellantis does, so the receiver path is the one
    // exercised and nothing downstream can tell the simulator from production.
    async start(_sink: ConnectorEventSink) {},

    async listVehicles() {
      return engine.portVehicles();
    },

    async getVehicleStatus(vehicleId) {
      const status = engine.status(vehicleId);
      const v = status && engine.vehicle(vehicleId);
      return v ? withSimulatorState(status, v) : status;
    },

    async sendRemote({ vehicleId, upstreamCallbackId, type, body }) {
      if (upstreamCallbackId === null) {
        throw refuse(
          'unknownCallback',
          'This callback is not registered with the network yet: register it upstream before sending remotes through it.',
        );
      }
      const reg = requireCallback(upstreamCallbackId);
      const parsed = parseRemote(body);
      if (!parsed.ok) {
        // The simulated network names each problem by its rule (the agent validated the body before sending it).
        const problems = parsed.errors.map((e) => `${e.field || 'body'}: ${e.rule}`).join('; ');
        throw refuse('invalidBody', `The remote was refused: ${problems}`);
      }
      if (parsed.value.type !== type) {
        throw refuse('invalidBody', `The remote body is a ${parsed.value.type} action, not ${type}.`);
      }
      if (!reg.subscribe.remoteTypes.includes(type)) {
        throw refuse(
          'typeNotSubscribed',
          `Callback ${reg.id} does not accept ${type} remotes (it lists ${reg.subscribe.remoteTypes.join(', ')}).`,
        );
      }
      return engine.submit({ vehicleId, callbackId: reg.id, type, body: parsed.value.body });
    },

    async getRemote(vehicleId, upstreamCallbackId, remoteActionId) {
      const r = engine.remote(remoteActionId);
      if (!r || r.vehicleId !== vehicleId) return null;
      if (upstreamCallbackId !== null && r.callbackId !== upstreamCallbackId) return null;
      return {
        remoteActionId: r.remoteActionId,
        type: r.type,
        status: r.status,
        ...(r.failureCause ? { failureCause: r.failureCause } : {}),
        ...(r.feedbackDetail ? { feedbackDetail: r.feedbackDetail } : {}),
      };
    },

    // What the network holds for a vehicle: asked before a command whose send may have reached it goes again.
    async listRemotes(vehicleId, upstreamCallbackId) {
      return engine
        .remotes({ vehicleId, ...(upstreamCallbackId ? { callbackId: upstreamCallbackId } : {}) })
        .map((r) => ({
          remoteActionId: r.remoteActionId,
          type: r.type,
          status: r.status,
          ...(r.failureCause ? { failureCause: r.failureCause } : {}),
          ...(r.feedbackDetail ? { feedbackDetail: r.feedbackDetail } : {}),
          remote: r.remote as unknown as Record<string, unknown>,
        }));
    },

    async registerCallback(callback) {
      const subscribe = validSubscribe(callback);
      const upstreamId = engine.newId(40);
      sender.register(upstreamId, subscribe);
      return { upstreamId };
    },

    async updateCallback(upstreamId, callback) {
      requireCallback(upstreamId);
      sender.replace(upstreamId, validSubscribe(callback));
    },

    async setCallbackStatus(upstreamId, status) {
      requireCallback(upstreamId);
      sender.setStatus(upstreamId, status);
    },

    async deleteCallback(upstreamId) {
      requireCallback(upstreamId);
      const pending = engine.pendingRemotes(upstreamId);
      if (pending > 0) {
        throw refuse(
          'callbackHasPendingRemote',
          `Callback ${upstreamId} still has ${pending} pending remote(s); delete it once they are done.`,
        );
      }
      sender.remove(upstreamId);
    },

    async close() {
      unsubscribe();
      engine.close();
      await sender.close();
    },
  };
}
