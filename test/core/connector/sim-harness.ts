// A simulator connector on a manual clock at high speed, with a registered callback whose webhook is a real
// local HTTP server: what the agent's receiver would get, recorded.
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import type {
  CallbackAttribute,
  CallbackSubscribe,
} from '../../../main/core/domain/callback/callback-model.js';
import type { RemoteBody } from '../../../main/core/domain/remote/remote-body.js';
import { REMOTE_TYPES, type RemoteType } from '../../../main/core/domain/remote-type.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { createFleetEngine, type FleetEngine } from '../../../main/core/connector/simulator/fleet-engine.js';
import {
  createSimulatorConnector,
  type SimulatorConnector,
} from '../../../main/core/connector/simulator/simulator-connector.js';
import { remoteTypeOfBody } from '../../../main/core/domain/remote/parse-remote.js';
import { startWebhookRecorder, type WebhookRecorder } from './webhook-recorder.js';

export const SPEED = 100;
export const SEED = 7;

export interface SimHarness {
  clock: ManualClock;
  engine: FleetEngine;
  sim: SimulatorConnector;
  hook: WebhookRecorder;
  upstreamId: string;
  /** Finds a vehicle id by its label (Van 01 …). */
  id(label: string): string;
  send(label: string, body: RemoteBody): Promise<string>;
  /** Moves the clock 1 ms at a time, letting deliveries finish, until `done` or `maxMs`. */
  run(maxMs: number, done?: () => boolean): Promise<void>;
  /** Sends and runs until the remote is Done and its events are delivered; returns them as received. */
  play(label: string, body: RemoteBody, maxMs?: number): Promise<RemoteEvent[]>;
  received(remoteActionId?: string): RemoteEvent[];
  close(): Promise<void>;
}

export function subscribeTo(
  target: string,
  overrides: Partial<CallbackSubscribe> = {},
  attributes: CallbackAttribute[] = [{ type: 'Header', key: 'x-depot-secret', value: 's3cret-value' }],
): CallbackSubscribe {
  return {
    label: 'depot-test',
    callback: { webhook: { target, name: 'depot', attributes } },
    retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
    remoteTypes: [...REMOTE_TYPES],
    ...overrides,
  };
}

export async function startSim(
  opts: {
    seed?: number;
    speed?: number;
    subscribe?: Partial<CallbackSubscribe>;
    attributes?: CallbackAttribute[];
    path?: string;
    /** Serve the webhook over HTTPS with this certificate; `trust` gives the simulator its CA. */
    https?: { cert: Buffer; key: Buffer; trust: boolean };
  } = {},
): Promise<SimHarness> {
  const clock = manualClock();
  const engine = createFleetEngine({ clock, seed: opts.seed ?? SEED, speed: opts.speed ?? SPEED });
  const sim = createSimulatorConnector({
    clock,
    engine,
    requestTimeoutMs: 500,
    ...(opts.https?.trust ? { tls: { ca: opts.https.cert } } : {}),
  });
  await sim.start(async () => {
    throw new Error('the simulator must not use the sink');
  });
  const hook = await startWebhookRecorder(opts.https);
  const { upstreamId } = await sim.registerCallback(
    subscribeTo(`${hook.url}${opts.path ?? '/webhooks/stellantis/cb-1'}`, opts.subscribe, opts.attributes),
  );
  const id = (label: string) => {
    const v = engine.vehicles().find((x) => x.label === label);
    if (!v) throw new Error(`no vehicle ${label}`);
    return v.id;
  };
  const received = (rid?: string) =>
    hook.requests.flatMap((r) => r.body.events).filter((e) => rid === undefined || e.remoteActionId === rid);
  const h: SimHarness = {
    clock,
    engine,
    sim,
    hook,
    upstreamId,
    id,
    async send(label, body) {
      const v = engine.vehicle(id(label))!;
      const type: RemoteType = remoteTypeOfBody(body);
      const { remoteActionId } = await sim.sendRemote({
        vehicleId: v.id,
        vin: v.vin,
        callbackId: 'cb-1',
        upstreamCallbackId: upstreamId,
        type,
        body,
      });
      return remoteActionId;
    },
    async run(maxMs, done) {
      for (let t = 0; t < maxMs; t += 1) {
        clock.advance(1);
        await sim.sim.idle();
        if (done?.()) return;
      }
    },
    async play(label, body, maxMs = 200_000) {
      const rid = await h.send(label, body);
      await h.run(maxMs, () => received(rid).some((e) => e.eventStatus.type === 'Done'));
      return received(rid);
    },
    received,
    async close() {
      await sim.close();
      await hook.close();
    },
  };
  return h;
}

/** `Pending/Accepted`-style labels of a sequence of events, for readable assertions. */
export const statuses = (events: RemoteEvent[]) =>
  events.map((e) =>
    e.eventStatus.type === 'Done' && e.eventStatus.failureCause
      ? `${e.eventStatus.status}:${e.eventStatus.failureCause}`
      : e.eventStatus.status,
  );
