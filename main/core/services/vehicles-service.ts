// The fleet as the connector reports it, cached in the store so the list works while offline.
import type { VehicleDto } from '../../../preload/contract/dto.js';
import type { Connector } from '../connector/connector.js';
import type { Repositories } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { toVehicleDto } from './dto-mappers.js';
import { notFound } from './service-error.js';

export type VehiclesService = ReturnType<typeof createVehiclesService>;

export function createVehiclesService(deps: {
  repos: Repositories;
  connector: Connector;
  clock: Clock;
  bus: EventBus;
}) {
  const { repos, connector, clock } = deps;
  return {
    /** Pulls the fleet from the connector into the store. */
    async sync(): Promise<number> {
      const vehicles = await connector.listVehicles();
      const at = clock.nowIso();
      repos.vehicles.upsertMany(vehicles.map((v) => ({ ...v, syncedAt: at })));
      for (const v of vehicles) {
        const stored = repos.vehicles.get(v.id);
        if (stored) deps.bus.publish({ name: 'vehicle.changed', data: { vehicle: toVehicleDto(stored) } });
      }
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
  };
}
