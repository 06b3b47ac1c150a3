// Vehicle groups (issue 16): named sets of vehicles that bulk commands and schedules are sent to. A group holds
// explicit members (given as ids or VINs, kept as ids) or a saved filter of the fleet list, evaluated each time the
// group is read or used — by the vehicles service's own list, so a filter group always means what the fleet view
// shows for the same filter. Technicians and above edit groups; anyone signed in reads them.
import { randomUUID } from 'node:crypto';
import type { GroupBodyDto, GroupDto, GroupFilterDto } from '../../../preload/contract/routines.js';
import type { GroupRecord, Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { actorRef, who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { notFound, ServiceError } from '../kernel/service-error.js';
import type { VehiclesService } from './vehicles-service.js';

/** Every vehicle a filter matches (the fleet list pages; a group takes them all). */
const WHOLE_FLEET = 1_000_000;

export type GroupsService = ReturnType<typeof createGroupsService>;

export function createGroupsService(deps: {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  access: AccessGuard;
  vehicles: Pick<VehiclesService, 'list'>;
}) {
  const { unitOfWork, repos, clock, bus, access, vehicles } = deps;
  const trail = createAuditTrail(repos, bus);
  const publish = (groupId: string) => bus.publish({ type: 'group.changed', groupId });

  /** The vehicles a saved filter matches now, in the fleet list's order (by VIN). */
  function matching(filter: GroupFilterDto): string[] {
    return vehicles
      .list({
        ...(filter.search !== undefined ? { search: filter.search } : {}),
        ...(filter.state ? { state: filter.state } : {}),
        ...(filter.readiness ? { readiness: filter.readiness } : {}),
        limit: WHOLE_FLEET,
        offset: 0,
      })
      .items.map((v) => v.id);
  }

  /** The group's vehicles now: its members still in the fleet, or what its filter matches. */
  function vehicleIdsOf(record: GroupRecord): string[] {
    if (record.filter) return matching(record.filter);
    return (record.vehicleIds ?? []).filter((id) => repos.vehicles.get(id) !== null);
  }

  function view(record: GroupRecord): GroupDto {
    return {
      id: record.id,
      name: record.name,
      kind: record.filter ? 'filter' : 'members',
      vehicleIds: vehicleIdsOf(record),
      filter: record.filter,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      createdBy: record.createdBy,
    };
  }

  function requireGroup(id: string): GroupRecord {
    const record = repos.groups.get(id);
    if (!record) throw notFound('GROUP_NOT_FOUND', { id });
    return record;
  }

  /** Members given as ids or VINs, as vehicle ids (each once, in the order given); 404 naming an unknown one. */
  function resolveMembers(refs: readonly string[]): string[] {
    const ids = new Set<string>();
    refs.forEach((ref, index) => {
      const vehicle = repos.vehicles.get(ref);
      if (!vehicle) {
        throw new ServiceError(404, 'VEHICLE_NOT_FOUND', {
          params: { ref },
          errors: [{ field: `vehicleIds.${index}`, rule: 'vehicle.notInFleet', params: { ref } }],
        });
      }
      ids.add(vehicle.id);
    });
    return [...ids];
  }

  function requireFreeName(name: string, exceptId?: string) {
    if (repos.groups.nameTaken(name, exceptId)) {
      throw new ServiceError(409, 'GROUP_NAME_TAKEN', {
        params: { name },
        errors: [{ field: 'name', rule: 'group.nameTaken' }],
      });
    }
  }

  /** What the body holds, as stored: members resolved now, or the filter as given. */
  function contentOf(body: GroupBodyDto): Pick<GroupRecord, 'vehicleIds' | 'filter'> {
    return body.filter
      ? { vehicleIds: null, filter: body.filter }
      : { vehicleIds: resolveMembers(body.vehicleIds ?? []), filter: null };
  }

  const detailOf = (r: GroupRecord) => ({
    id: r.id,
    name: r.name,
    ...(r.filter ? { filter: r.filter } : { vehicles: r.vehicleIds?.length ?? 0 }),
  });

  return {
    list(): { items: GroupDto[]; total: number } {
      const items = repos.groups.list().map(view);
      return { items, total: items.length };
    },

    get: (id: string): GroupDto => view(requireGroup(id)),

    /** The group as clients see it; null when unknown or deleted (the change feed). */
    view(id: string): GroupDto | null {
      const record = repos.groups.get(id);
      return record ? view(record) : null;
    },

    /** A group's vehicles now (for a bulk command or a schedule's run); 404 GROUP_NOT_FOUND when gone. */
    vehicleIds: (id: string): string[] => vehicleIdsOf(requireGroup(id)),

    create(actor: Actor, body: GroupBodyDto): GroupDto {
      access.require(actor, 'technician', 'groups.write');
      const content = contentOf(body);
      const now = clock.nowIso();
      const record: GroupRecord = {
        id: randomUUID(),
        name: body.name,
        ...content,
        createdAt: now,
        updatedAt: now,
        createdBy: actorRef(actor),
      };
      unitOfWork((uow) => {
        requireFreeName(record.name);
        repos.groups.insert(record);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'group.create',
            reason: actor.reason ?? null,
            detail: detailOf(record),
          }),
        );
        uow.afterCommit(() => publish(record.id));
      });
      return view(record);
    },

    replace(actor: Actor, id: string, body: GroupBodyDto): GroupDto {
      access.require(actor, 'technician', 'groups.write');
      const now = clock.nowIso();
      const next = unitOfWork((uow) => {
        const before = requireGroup(id);
        const next: GroupRecord = { ...before, name: body.name, ...contentOf(body), updatedAt: now };
        requireFreeName(next.name, id);
        repos.groups.replace(next);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'group.change',
            reason: actor.reason ?? null,
            detail: { ...detailOf(next), before: detailOf(before) },
          }),
        );
        uow.afterCommit(() => publish(id));
        return next;
      });
      return view(next);
    },

    /** Refused while a schedule uses it (409 GROUP_IN_USE); bulk commands already started keep going. */
    delete(actor: Actor, id: string): void {
      access.require(actor, 'technician', 'groups.write');
      unitOfWork((uow) => {
        const record = requireGroup(id);
        if (repos.groups.usedBySchedule(id)) {
          throw new ServiceError(409, 'GROUP_IN_USE', { params: { name: record.name } });
        }
        const now = clock.nowIso();
        repos.groups.markDeleted(id, now);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'group.delete',
            reason: actor.reason ?? null,
            detail: detailOf(record),
          }),
        );
        uow.afterCommit(() => publish(id));
      });
    },
  };
}
