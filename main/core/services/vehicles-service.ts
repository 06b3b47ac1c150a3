// The fleet as the connector reports it, cached in the store so the list works while offline.
import type { VehicleDto } from '../../../preload/contract/dto.js';
import type { VehicleReadiness, VehicleSort, VehicleState } from '../../../preload/contract/vocabulary.js';
import { SETTINGS_KEY, wakeUpBudgetOf, type StoredSettings } from '../config/stored-settings.js';
import type { Capabilities, Connector } from '../connector/connector.js';
import type { RemoteType } from '../domain/remote-type.js';
import { fleetComparator, matchesFleetFilter } from '../domain/vehicle/fleet-order.js';
import {
  NO_FACTS,
  utcMonth,
  vehicleCondition,
  type VehicleFacts,
} from '../domain/vehicle/vehicle-condition.js';
import type { Repositories, VehicleRecord } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { toVehicleDto } from '../kernel/dto-mappers.js';
import { notFound } from '../kernel/service-error.js';

export interface FleetListQuery {
  search?: string;
  limit: number;
  offset: number;
  /** Vehicles showing any of these states. */
  state?: VehicleState[];
  /** Vehicles whose readiness is one of these. */
  readiness?: VehicleReadiness[];
  sort?: VehicleSort;
  order?: 'asc' | 'desc';
}

export type VehiclesService = ReturnType<typeof createVehiclesService>;

export function createVehiclesService(deps: {
  repos: Repositories;
  connector: Connector;
  clock: Clock;
  bus: EventBus;
}) {
  const { repos, connector, clock } = deps;

  /** The budget is read at each call: a change in the settings shows at once. */
  const wakeUpBudget = () => wakeUpBudgetOf(repos.settings.get<StoredSettings>(SETTINGS_KEY));

  function describe(v: VehicleRecord, facts: VehicleFacts, nowMs: number, budget: number): VehicleDto {
    return toVehicleDto(
      v,
      vehicleCondition({ status: v.status, statusAt: v.statusAt, facts, nowMs, wakeUpBudget: budget }),
    );
  }

  function view(v: VehicleRecord): VehicleDto {
    const nowMs = clock.now().getTime();
    return describe(v, repos.vehicleFacts.one(v.id, utcMonth(nowMs)), nowMs, wakeUpBudget());
  }

  const service = {
    /** Pulls the fleet from the connector into the store. */
    async sync(): Promise<number> {
      const vehicles = await connector.listVehicles();
      const at = clock.nowIso();
      repos.vehicles.upsertMany(vehicles.map((v) => ({ ...v, syncedAt: at })));
      for (const v of vehicles) deps.bus.publish({ type: 'vehicle.changed', vehicleId: v.id });
      return vehicles.length;
    },

    /**
     * The fleet with each vehicle's condition, filtered and ordered on it. Every vehicle the search matches is
     * described (states cannot be filtered in SQL); the facts of the whole fleet come in two statements.
     */
    list(query: FleetListQuery) {
      const nowMs = clock.now().getTime();
      const facts = repos.vehicleFacts.all(utcMonth(nowMs));
      const budget = wakeUpBudget();
      const search = query.search !== undefined ? { search: query.search } : {};
      const described = (records: VehicleRecord[]) =>
        records.map((v) => describe(v, facts.get(v.id) ?? NO_FACTS, nowMs, budget));
      const { limit, offset } = query;
      if (
        !query.state?.length &&
        !query.readiness?.length &&
        (query.sort ?? 'vin') === 'vin' &&
        (query.order ?? 'asc') === 'asc'
      ) {
        // The store's own order and paging (the fleet API mirror pages this way): only the page is described.
        const items = described(repos.vehicles.list({ ...search, limit, offset }));
        return { items, total: repos.vehicles.count(search), limit, offset };
      }
      const all = described(repos.vehicles.list({ ...search, limit: -1, offset: 0 }));
      const filter = {
        ...(query.state ? { states: query.state } : {}),
        ...(query.readiness ? { readiness: query.readiness } : {}),
      };
      const matching = all.filter((v) => matchesFleetFilter(v, filter));
      matching.sort(fleetComparator(query.sort ?? 'vin', query.order ?? 'asc'));
      return { items: matching.slice(offset, offset + limit), total: matching.length, limit, offset };
    },

    get(ref: string): VehicleDto {
      const v = repos.vehicles.get(ref);
      if (!v) throw notFound('VEHICLE_NOT_FOUND', { ref });
      return view(v);
    },

    /** The vehicle as clients see it, for the change feed; null when unknown. */
    view(vehicleId: string): VehicleDto | null {
      const v = repos.vehicles.get(vehicleId);
      return v ? view(v) : null;
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
      const capabilities: Capabilities = {
        ...(v.capabilities as Capabilities),
        [type]: { supported: false, reason: 'network-refused', params: { failureCause, at } },
      };
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
