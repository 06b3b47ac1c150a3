// A vehicle network for the queue's tests that outlives the agent: what it received stays when the agent stops and
// a new one starts on the same data folder, as the real network's does. It can be unreachable, lose the answer to a
// send it took (the agent stops mid-send), hold outcomes, and say what it holds for a vehicle (listRemotes), so the
// tests can check that nothing is ever sent twice. Events go straight to the agent's sink, as the in-process fleet's.
import type {
  Connector,
  ConnectorEventSink,
  RemoteSnapshot,
  SendRemoteRequest,
} from '../../main/core/connector/connector.js';
import { ConnectorError } from '../../main/core/connector/connector.js';
import type { RemoteType } from '../../main/core/domain/remote-type.js';
import type { Clock } from '../../main/core/ports/clock.js';
import { IN_PROCESS_VEHICLES } from './in-process-fleet.js';

export interface Received extends SendRemoteRequest {
  remoteActionId: string;
  status: string;
  failureCause?: string;
}

export interface QueueNetwork {
  /** Every remote the network took, in order. */
  received: Received[];
  /** Calls the agent made (sendRemote, listRemotes), reached or not. */
  calls: { send: number; list: number };
  /** Every call fails as an unreachable network. */
  unreachable: boolean;
  /** The next send never answers: `lost-answer` after the network took it, `never-arrives` before. */
  nextSend: 'normal' | 'lost-answer' | 'never-arrives';
  /** Outcomes stay pending until `finish` (the vehicle takes its time). */
  hold: boolean;
  /** The Done of each remote type (default Success). */
  outcome: Partial<Record<RemoteType, { status: 'Success' | 'Failed'; failureCause?: string }>>;
  /** The remotes of one type the network took. */
  receivedOf(type: RemoteType): Received[];
  /** A connector for one agent's life (each start gets its own, over the same network). */
  connector(clock: Clock): Connector;
  /** Ends a held remote with its outcome (or the one given), through the current agent's sink. */
  finish(
    remoteActionId: string,
    outcome?: { status: 'Success' | 'Failed'; failureCause?: string },
  ): Promise<void>;
}

const STEP_MS = 1000;

export function queueNetwork(): QueueNetwork {
  let counter = 0;
  let sink: ConnectorEventSink | null = null;
  let clock: Clock | null = null;

  async function emitNow(r: Received, eventStatus: Parameters<ConnectorEventSink>[0][number]['eventStatus']) {
    await sink?.([
      {
        remoteActionId: r.remoteActionId,
        vin: r.vin,
        eventDate: clock!.nowIso(),
        remoteType: r.type,
        eventStatus,
      },
    ]);
  }

  const net: QueueNetwork = {
    received: [],
    calls: { send: 0, list: 0 },
    unreachable: false,
    nextSend: 'normal',
    hold: false,
    outcome: {},
    receivedOf: (type) => net.received.filter((r) => r.type === type),

    async finish(remoteActionId, outcome) {
      const r = net.received.find((x) => x.remoteActionId === remoteActionId);
      if (!r) throw new Error(`the network has no remote ${remoteActionId}`);
      const done = outcome ?? net.outcome[r.type] ?? { status: 'Success' };
      r.status = done.status;
      if (done.failureCause) r.failureCause = done.failureCause;
      await emitNow(r, { type: 'Done', ...done });
    },

    connector(c) {
      clock = c;
      const timers = new Set<ReturnType<Clock['setTimeout']>>();
      const later = (ms: number, fn: () => void) => {
        const handle = c.setTimeout(() => {
          timers.delete(handle);
          fn();
        }, ms);
        timers.add(handle);
      };
      const down = () => new ConnectorError('unreachable', 'connect ECONNREFUSED (test network down)');
      return {
        name: 'queue-network',
        async start(s) {
          sink = s;
        },
        async listVehicles() {
          return IN_PROCESS_VEHICLES.map((v) => ({ ...v, capabilities: { ...v.capabilities } }));
        },
        async getVehicleStatus() {
          return null;
        },
        async sendRemote(request) {
          net.calls.send += 1;
          if (net.unreachable) throw down();
          const mode = net.nextSend;
          net.nextSend = 'normal';
          if (mode === 'never-arrives') return new Promise(() => {});
          counter += 1;
          const r: Received = { ...request, remoteActionId: `net-${counter}`, status: 'Accepted' };
          net.received.push(r);
          if (mode === 'lost-answer') return new Promise(() => {});
          later(STEP_MS, () => void emitNow(r, { type: 'Pending', status: 'Accepted' }));
          if (!net.hold) later(3 * STEP_MS, () => void net.finish(r.remoteActionId));
          return { remoteActionId: r.remoteActionId };
        },
        async getRemote() {
          return null;
        },
        async listRemotes(vehicleId, upstreamCallbackId): Promise<RemoteSnapshot[]> {
          net.calls.list += 1;
          if (net.unreachable) throw down();
          return net.received
            .filter((r) => r.vehicleId === vehicleId && r.upstreamCallbackId === upstreamCallbackId)
            .map((r) => ({
              remoteActionId: r.remoteActionId,
              type: r.type,
              status: r.status,
              remote: r.body as unknown as Record<string, unknown>,
              ...(r.failureCause ? { failureCause: r.failureCause } : {}),
            }));
        },
        async registerCallback(callback) {
          return { upstreamId: `up-${callback.label ?? 'callback'}` };
        },
        async updateCallback() {},
        async setCallbackStatus() {},
        async deleteCallback() {},
        async close() {
          for (const h of timers) c.clearTimeout(h);
          timers.clear();
        },
      };
    },
  };
  return net;
}

/** Lets every promise and I/O callback queued so far run (the queue moves on after commits, asynchronously). */
export async function flush(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
