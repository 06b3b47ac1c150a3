// A connector the test drives by hand: it answers sends as told and emits only the events the test
// pushes, so lifecycles, refusals and crashes mid-send can be staged exactly.
import type { RemoteEvent } from '../../main/core/domain/action.js';
import type {
  Connector,
  ConnectorEventSink,
  SendRemoteRequest,
} from '../../main/core/connector/connector.js';
import { IN_PROCESS_VEHICLES } from '../../main/core/connector/in-process/in-process-fleet.js';

export interface ScriptedConnector extends Connector {
  sent: SendRemoteRequest[];
  /** What the next sendRemote does: answer an id, throw, or never answer. */
  next: { id: string } | { error: Error } | 'hang';
  emit(events: RemoteEvent[]): Promise<void>;
}

export function scriptedConnector(): ScriptedConnector {
  let sink: ConnectorEventSink | null = null;
  let counter = 0;
  const c: ScriptedConnector = {
    name: 'scripted',
    sent: [],
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
    async emit(events) {
      await sink!(events);
    },
    async close() {},
  };
  return c;
}
