// The fleet as the connector reports it, cached in the store so the list works while offline.
import type { VehicleDto, VehicleSummaryDto } from '../../../preload/contract/dto.js';
import type { VehicleReadiness, VehicleSort, VehicleState } from '../../../preload/contract/vocabulary.js';
import { SETTINGS_KEY, wakeUpBudgetOf, type StoredSettings } from '../config/stored-settings.js';
import type { Capabilities, Connector } from '../connector/connector.js';
import type { RemoteType } from '../domain/remote-type.js';
import { fleetComparator, matchesFleetFilter } from '../domain/vehicle/fleet-order.js';
import {
  conditionOf,
  deepSleeping,
  NO_FACTS,
  sameFacts,
  utcMonth,
  type ConditionMoment,
  type VehicleCondition,
  type VehicleFacts,
} from '../domain/vehicle/vehicle-condition.js';
import type { Repositories, VehicleRecord } from '../db/index.js';
import type { VehicleSummaryRecord } from '../db/vehicles-repository.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { capabilitiesView } from '../kernel/capabilities-view.js';
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

  /** The time of asking, the budget and the month: once per answer, shared by its vehicles. */
  function moment(): ConditionMoment {
    const nowMs = clock.now().getTime();
    return { nowMs, wakeUpBudget: wakeUpBudget(), month: utcMonth(nowMs) };
  }

  function describe(v: VehicleRecord, facts: VehicleFacts, at: ConditionMoment): VehicleDto {
    return toVehicleDto(v, conditionOf(repos.vehicles.digest(v), facts, at));
  }

  function view(v: VehicleRecord): VehicleDto {
    const at = moment();
    return describe(v, repos.vehicleFacts.one(v.id, utcMonth(at.nowMs)), at);
  }

  /** Capabilities as clients see them, once per parsed capabilities object (the repository shares those). */
  const capabilityViews = new WeakMap<VehicleRecord['capabilities'], VehicleDto['capabilities']>();
  function capabilitiesOf(stored: VehicleRecord['capabilities']): VehicleDto['capabilities'] {
    let view = capabilityViews.get(stored);
    if (!view) capabilityViews.set(stored, (view = capabilitiesView(stored)));
    return view;
  }

  /**
   * A vehicle of the fleet list, its fields in the order of the contract's VehicleSummary: the route answers this
   * object as it is (api/route-kit.ts, MAPPED_ANSWERS, says why; test/core/api/fleet-answer.test.ts holds it to the
   * schema).
   */
  function summarize(v: VehicleSummaryRecord, facts: VehicleFacts, at: ConditionMoment): VehicleSummaryDto {
    const condition: VehicleCondition = conditionOf(v.digest, facts, at);
    return {
      id: v.id,
      vin: v.vin,
      label: v.label,
      brand: v.brand,
      model: v.model,
      energy: v.energy,
      capabilities: capabilitiesOf(v.capabilities),
      statusAt: v.statusAt,
      syncedAt: v.syncedAt,
      states: condition.states,
      stateSources: condition.stateSources,
      wakeUps: condition.wakeUps,
      readiness: condition.readiness,
    };
  }

  /**
   * Each vehicle's last summary and what it was made from. A summary depends on the row, its status digest and
   * capabilities (the repository's, the same objects while unchanged), the vehicle's facts, the budget, the month
   * and whether it is past its deep-sleep instant — nothing else of the time of asking — so while all of those are
   * the same the same object is answered again (never changed: the route keeps its JSON, api/route-kit.ts).
   */
  const made = new Map<string, { v: VehicleSummaryRecord; facts: VehicleFacts; at: ConditionMoment; deep: boolean; summary: VehicleSummaryDto }>(); // prettier-ignore
  function summary(v: VehicleSummaryRecord, facts: VehicleFacts, at: ConditionMoment): VehicleSummaryDto {
    const deep = deepSleeping(v.digest, at.nowMs);
    const last = made.get(v.id);
    if (
      last &&
      last.v.digest === v.digest &&
      last.v.capabilities === v.capabilities &&
      last.v.statusAt === v.statusAt &&
      last.v.syncedAt === v.syncedAt &&
      last.v.vin === v.vin &&
      last.v.label === v.label &&
      last.v.brand === v.brand &&
      last.v.model === v.model &&
      last.v.energy === v.energy &&
      last.deep === deep &&
      last.at.wakeUpBudget === at.wakeUpBudget &&
      last.at.month.month === at.month.month &&
      sameFacts(last.facts, facts)
    ) {
      return last.summary;
    }
    const fresh = summarize(v, facts, at);
    made.set(v.id, { v, facts, at, deep, summary: fresh });
    return fresh;
  }

  /**
   * A page of the fleet with each vehicle's condition, filtered and ordered on it. Every vehicle the search matches
   * is described (states cannot be filtered in SQL); the facts of the whole fleet come in two statements.
   */
  function page<R extends { id: string }, T extends VehicleSummaryDto>(
    query: FleetListQuery,
    read: (q: { search?: string; limit: number; offset: number }) => R[],
    describeOne: (record: R, facts: VehicleFacts, at: ConditionMoment) => T,
  ) {
    const at = moment();
    const facts = repos.vehicleFacts.all(utcMonth(at.nowMs));
    const search = query.search !== undefined ? { search: query.search } : {};
    const described = (records: R[]) => records.map((v) => describeOne(v, facts.get(v.id) ?? NO_FACTS, at));
    const { limit, offset } = query;
    if (
      !query.state?.length &&
      !query.readiness?.length &&
      (query.sort ?? 'vin') === 'vin' &&
      (query.order ?? 'asc') === 'asc'
    ) {
      // The store's own order and paging (the fleet API mirror pages this way): only the page is described.
      const items = described(read({ ...search, limit, offset }));
      return { items, total: repos.vehicles.count(search), limit, offset };
    }
    const all = described(read({ ...search, limit: -1, offset: 0 }));
    const filter = {
      ...(query.state ? { states: query.state } : {}),
      ...(query.readiness ? { readiness: query.readiness } : {}),
    };
    const matching = all.filter((v) => matchesFleetFilter(v, filter));
    matching.sort(fleetComparator(query.sort ?? 'vin', query.order ?? 'asc'));
    return { items: matching.slice(offset, offset + limit), total: matching.length, limit, offset };
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

    /** The fleet with each vehicle's condition and its last status, filtered and ordered on the condition. */
    list(query: FleetListQuery) {
      return page(query, (q) => repos.vehicles.list(q), describe);
    },

    /**
     * As list, without each vehicle's raw status (the fleet list's answer): no status is parsed, each vehicle's
     * condition comes from the digest its status got when it was stored.
     */
    summaries(query: FleetListQuery) {
      return page(query, (q) => repos.vehicles.summaries(q), summary);
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
