// A connector the test drives by hand: it answers sends as told and emits only the events the test
// pushes, so lifecycles, refusals and crashes mid-send can be staged exactly.
import type { RemoteEvent } from '../../main/core/domain/action.js';
import {
  type Connector,
  ConnectorError,
  type ConnectorEventSink,
  type SendRemoteRequest,
  type UpstreamCallback,
} from '../../main/core/connector/connector.js';
import { IN_PROCESS_VEHICLES } from './in-process-fleet.js';

export interface ScriptedConnector extends Connector {
  sent: SendRemoteRequest[];
  /** Upstream callback registrations by upstream id, as the network would hold them. */
  upstream: Map<string, { callback: UpstreamCallback; status: 'Running' | 'Paused' }>;
  /** The next upstream callback call fails with this error (then it is cleared). */
  failUpstream: Error | null;
  /** What the next sendRemote does: answer an id, throw, or never answer. */
  next: { id: string } | { error: Error } | 'hang';
  emit(events: RemoteEvent[]): Promise<void>;
}

export function scriptedConnector(): ScriptedConnector {
  let sink: ConnectorEventSink | null = null;
  let counter = 0;
  let upstreamCounter = 0;
  const failNext = () => {
    const e = c.failUpstream;
    c.failUpstream = null;
    if (e) throw e;
  };
  const c: ScriptedConnector = {
    name: 'scripted',
    sent: [],
    upstream: new Map(),
    failUpstream: null,
    next: { id: 'rid-1' },
    async start(s) {
      sink = s;
    },
    async listVehicles() {
      return IN_PROCESS_VEHICLES;
    },
    async getVehicleStatus() {
      return null;
    },
    async sendRemote(request) {
      c.sent.push(request);
      const next = c.next;
      if (next === 'hang') return new Promise(() => {});
      if ('error' in next) throw next.error;
      counter += 1;
      c.next = { id: `rid-${counter + 1}` };
      return { remoteActionId: next.id };
    },
    async getRemote() {
      return null;
    },
    async registerCallback(callback) {
      failNext();
      upstreamCounter += 1;
      const upstreamId = `upstream-${upstreamCounter}`;
      c.upstream.set(upstreamId, { callback, status: 'Running' });
      return { upstreamId };
    },
    async updateCallback(upstreamId, callback) {
      failNext();
      const known = c.upstream.get(upstreamId);
      if (!known) throw new ConnectorError('refused', 'Unknown callback', { code: '40499' });
      known.callback = callback;
    },
    async setCallbackStatus(upstreamId, status) {
      failNext();
      c.upstream.get(upstreamId)!.status = status;
    },
    async deleteCallback(upstreamId) {
      failNext();
      c.upstream.delete(upstreamId);
    },
    async emit(events) {
      await sink!(events);
    },
    async close() {},
  };
  return c;
}
