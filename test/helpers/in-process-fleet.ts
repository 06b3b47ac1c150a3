// A small, fast test fleet: four vehicles whose events go straight to the core's sink (no HTTP), with the
// documented lifecycle (Accepted → SentToVehicle → Done; Navigation skips Accepted). API tests use it so
// they follow the core, not the simulator's timings; the product's default is the simulator.
import { randomUUID } from 'node:crypto';
import type { CapabilityReason } from '../../preload/contract/capability-reasons.js';
import type { RemoteEvent } from '../../main/core/domain/action.js';
import type { RemoteType } from '../../main/core/domain/remote-type.js';
import { REMOTE_TYPES } from '../../main/core/domain/remote-type.js';
import type { Clock } from '../../main/core/ports/clock.js';
import type {
  Capabilities,
  Connector,
  ConnectorEventSink,
  ConnectorVehicle,
} from '../../main/core/connector/connector.js';

const all = (except: Partial<Record<RemoteType, CapabilityReason>> = {}): Capabilities =>
  Object.fromEntries(
    REMOTE_TYPES.map((t) => [t, except[t] ? { supported: false, reason: except[t] } : { supported: true }]),
  );

const E_REMOTE_ONLY: CapabilityReason = 'e-remote-only';
const NOT_ELECTRIC: CapabilityReason = 'not-electric';

export const IN_PROCESS_VEHICLES: ConnectorVehicle[] = [
  {
    id: 'veh-e208-01',
    vin: 'VR3UHZKXZMT000001',
    label: 'Van 01',
    brand: 'Peugeot',
    model: 'e-208',
    energy: 'Electric',
    capabilities: all(),
  },
  {
    id: 'veh-c5ax-02',
    vin: 'VR7ACYHZRML000002',
    label: 'Pool car 02',
    brand: 'Citroën',
    model: 'C5 Aircross Hybrid',
    energy: 'PlugInHybrid',
    capabilities: all({ Navigation: 'no-navigation' }),
  },
  {
    id: 'veh-corsa-03',
    vin: 'W0VBD8HP0PS000003',
    label: 'Loaner 03',
    brand: 'Opel',
    model: 'Corsa-e',
    energy: 'Electric',
    capabilities: all({ Doors: E_REMOTE_ONLY, Horn: E_REMOTE_ONLY, Lights: E_REMOTE_ONLY }),
  },
  {
    id: 'veh-500-04',
    vin: 'ZFA3120000J000004',
    label: 'Courtesy 04',
    brand: 'Fiat',
    model: '500',
    energy: 'Combustion',
    capabilities: all({
      ElectricBatteryChargingRequest: NOT_ELECTRIC,
      Immobilization: 'no-immobilization',
    }),
  },
];

export interface InProcessFleetOptions {
  clock: Clock;
  /** Milliseconds between lifecycle steps. */
  stepMs?: number;
}

export function createInProcessFleet({ clock, stepMs = 300 }: InProcessFleetOptions): Connector {
  let sink: ConnectorEventSink | null = null;
  const timers = new Set<ReturnType<Clock['setTimeout']>>();
  const byId = new Map(IN_PROCESS_VEHICLES.map((v) => [v.id, v]));

  function emit(after: number, event: Omit<RemoteEvent, 'eventDate'>) {
    const handle = clock.setTimeout(() => {
      timers.delete(handle);
      void sink?.([{ ...event, eventDate: clock.nowIso() }]);
    }, after);
    timers.add(handle);
  }

  return {
    name: 'in-process',
    async start(s) {
      sink = s;
    },
    async listVehicles() {
      return IN_PROCESS_VEHICLES.map((v) => ({ ...v, capabilities: { ...v.capabilities } }));
    },
    async getVehicleStatus(vehicleId) {
      return byId.has(vehicleId) ? { updatedAt: clock.nowIso(), ignition: { type: 'Stop' } } : null;
    },
    async sendRemote({ vehicleId, vin, type }) {
      const remoteActionId = randomUUID();
      const base = { remoteActionId, vin, remoteType: type };
      const supported = byId.get(vehicleId)?.capabilities[type]?.supported ?? false;
      if (type !== 'Navigation')
        emit(stepMs, { ...base, eventStatus: { type: 'Pending', status: 'Accepted' } });
      if (!supported) {
        emit(2 * stepMs, {
          ...base,
          eventStatus: { type: 'Done', status: 'Failed', failureCause: 'MissingRights' },
        });
        return { remoteActionId };
      }
      emit(2 * stepMs, { ...base, eventStatus: { type: 'Pending', status: 'SentToVehicle' } });
      emit(3 * stepMs, { ...base, eventStatus: { type: 'Done', status: 'Success' } });
      return { remoteActionId };
    },
    async getRemote() {
      return null;
    },
    // Events go straight to the sink: nothing is registered upstream.
    async registerCallback() {
      return { upstreamId: `inproc-${randomUUID()}` };
    },
    async updateCallback() {},
    async setCallbackStatus() {},
    async deleteCallback() {},
    async close() {
      for (const h of timers) clock.clearTimeout(h);
      timers.clear();
      sink = null;
    },
  };
}
