// The fleet as the connector reports it, cached in the store so the list works while offline.
import type { VehicleDto } from '../../../preload/contract/dto.js';
import type { Capabilities, Connector } from '../connector/connector.js';
import type { RemoteType } from '../domain/remote-type.js';
import type { Repositories } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { toVehicleDto } from '../kernel/dto-mappers.js';
import { notFound } from '../kernel/service-error.js';

export type VehiclesService = ReturnType<typeof createVehiclesService>;

export function createVehiclesService(deps: {
  repos: Repositories;
  connector: Connector;
  clock: Clock;
  bus: EventBus;
}) {
  const { repos, connector, clock } = deps;
  const service = {
    /** Pulls the fleet from the connector into the store. */
    async sync(): Promise<number> {
      const vehicles = await connector.listVehicles();
      const at = clock.nowIso();
      repos.vehicles.upsertMany(vehicles.map((v) => ({ ...v, syncedAt: at })));
      for (const v of vehicles) deps.bus.publish({ type: 'vehicle.changed', vehicleId: v.id });
      return vehicles.length;
    },

    list(query: { search?: string; limit: number; offset: number }) {
      const items = repos.vehicles.list(query).map(toVehicleDto);
      return { items, total: repos.vehicles.count(query), limit: query.limit, offset: query.offset };
    },

    get(ref: string): VehicleDto {
      const v = repos.vehicles.get(ref);
      if (!v) throw notFound('VEHICLE_NOT_FOUND', `No vehicle with id or VIN ${ref} in this fleet.`);
      return toVehicleDto(v);
    },

    /**
     * Reads the vehicle's status from the network and keeps it as its last known status
     * (stellantis-api-notes.md N12.3: a state refresh is a WakeUp followed by this read). False when the
     * network has none for it.
     */
    async refreshStatus(vehicleId: string): Promise<boolean> {
      const readAt = clock.nowIso();
      const status = await connector.getVehicleStatus(vehicleId);
      if (!status || !repos.vehicles.updateStatus(vehicleId, status, readAt)) return false;
      deps.bus.publish({ type: 'vehicle.changed', vehicleId });
      return true;
    },

    /**
     * The network refused an action as not allowed for this vehicle (MissingRights, WrongCommand): remember
     * the feature as unavailable, with the reason, until the next fleet sync says otherwise.
     */
    learnUnsupported(vehicleId: string, type: RemoteType, failureCause: string, at: string): boolean {
      const v = repos.vehicles.get(vehicleId);
      if (!v || (v.capabilities as Capabilities)[type]?.supported === false) return false;
      const reason = `The network refused it with ${failureCause} on ${at.slice(0, 10)}: this vehicle or the contract does not allow it.`;
      const capabilities = { ...(v.capabilities as Capabilities), [type]: { supported: false, reason } };
      repos.vehicles.upsertMany([{ ...v, capabilities }]);
      deps.bus.publish({ type: 'vehicle.changed', vehicleId });
      return true;
    },

    /** Last known status of every vehicle, a few reads at a time (at start, so the fleet view has ages). */
    async refreshAllStatuses(concurrency = 4): Promise<{ refreshed: number; failed: number }> {
      const ids = repos.vehicles.list({ limit: 10_000, offset: 0 }).map((v) => v.id);
      let refreshed = 0;
      let failed = 0;
      const worker = async () => {
        for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
          try {
            if (await service.refreshStatus(id)) refreshed += 1;
          } catch {
            failed += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return { refreshed, failed };
    },
  };
  return service;
}
