// Schedules (issue 16): a remote for a group or a list of vehicles, on set days at a set time in the site's time
// zone; each run is a bulk command started by the runner (schedule-runner.ts) as the schedule's creator is at that
// time. Supervisors and admins make and change them; anyone signed in reads them. The remote is checked by the same
// domain parser as a single send, so a bad body gets the same field errors; Immobilization and Stolen are a
// person's decision at the time and are never scheduled (422 NOT_SCHEDULABLE).
import { randomUUID } from 'node:crypto';
import type { ScheduleBodyDto, ScheduleDto, ScheduleRunDto } from '../../../preload/contract/routines.js';
import { UNSCHEDULABLE_REMOTE_TYPES, type ScheduleStatus } from '../../../preload/contract/vocabulary.js';
import type { Page, Repositories, RunUnitOfWork, ScheduleRecord, ScheduleRunRecord } from '../db/index.js';
import { BUILT_IN_CALLBACK_ID } from '../domain/callback/built-in.js';
import type { FieldError } from '../domain/field-error.js';
import { parseRemote } from '../domain/remote/index.js';
import { featureKey } from '../kernel/error-codes.js';
import type { EventBus } from '../events/event-bus.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { actorRef, who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { invalid, notFound, ServiceError } from '../kernel/service-error.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { SCHEDULE_ROLE } from './schedule-creator.js';
import { createScheduleRunner } from './schedule-runner.js';
import { nextRunOf, scheduleSettings, type BulkStarter } from './schedule-timing.js';

export type { BulkStarter, ScheduledBulk } from './schedule-timing.js';

export interface SchedulesDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  access: AccessGuard;
  logger: Logger;
  /** Starts each run's bulk command (the bulk service). */
  bulk: BulkStarter;
}

export type SchedulesService = ReturnType<typeof createSchedulesService>;

const WRITE = 'schedules.write';

function toRunDto(r: ScheduleRunRecord): ScheduleRunDto {
  return {
    id: r.id,
    scheduleId: r.scheduleId,
    plannedFor: r.plannedFor,
    status: r.status,
    at: r.at,
    bulkId: r.bulkId,
    reason: r.reason,
  };
}

export function createSchedulesService(deps: SchedulesDeps) {
  const { unitOfWork, repos, clock, bus, access } = deps;
  const trail = createAuditTrail(repos, bus);
  const runner = createScheduleRunner(deps);
  const published = (scheduleId: string) => () => bus.publish({ type: 'schedule.changed', scheduleId });

  function toDto(r: ScheduleRecord): ScheduleDto {
    const { timeZone } = scheduleSettings(repos);
    const last = repos.schedules.lastRun(r.id);
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      remote: r.remote,
      callbackId: r.callbackId,
      groupId: r.groupId,
      vehicleIds: r.vehicleIds,
      rule: { days: [...r.rule.days], time: r.rule.time },
      timeZone,
      status: r.status,
      nextRunAt: r.status === 'Running' ? nextRunOf(r, last, timeZone, clock.now()).toISOString() : null,
      lastRun: last ? toRunDto(last) : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      createdBy: r.createdBy,
    };
  }

  function requireSchedule(id: string): ScheduleRecord {
    const record = repos.schedules.get(id);
    if (!record) throw notFound('SCHEDULE_NOT_FOUND', { id });
    return record;
  }

  /** Vehicle ids or VINs to the fleet's ids, once each; every unknown one named. */
  function resolveVehicles(refs: readonly string[]): string[] {
    const ids = new Set<string>();
    const unknown: FieldError[] = [];
    refs.forEach((ref, i) => {
      const vehicle = repos.vehicles.get(ref);
      if (vehicle) ids.add(vehicle.id);
      else unknown.push({ field: `vehicleIds.${i}`, rule: 'vehicle.notInFleet', params: { ref } });
    });
    if (unknown.length > 0) {
      throw new ServiceError(404, 'VEHICLE_NOT_FOUND', {
        params: { count: unknown.length },
        errors: unknown,
        key: 'errors:code.VEHICLE_NOT_FOUND.some',
      });
    }
    return [...ids];
  }

  /**
   * The body checked as a schedule (the caller is a supervisor already): the remote (the send's own parser), whether
   * it may be scheduled at all, the policy's role for it, then the callback, the group or the vehicles. Nothing is
   * stored on a refusal but an access denial's audit entry.
   */
  function check(body: ScheduleBodyDto, actor: Actor, scheduleId: string | null) {
    const parsed = parseRemote(body.remote);
    if (!parsed.ok) {
      // The send's own errors, at their place in this body (as a bulk command's).
      throw invalid(
        'errors:invalid.remote',
        parsed.errors.map((e) => ({ ...e, field: e.field ? `remote.${e.field}` : 'remote' })),
      );
    }
    const { type, body: remote } = parsed.value;
    if (UNSCHEDULABLE_REMOTE_TYPES.includes(type)) {
      throw new ServiceError(422, 'NOT_SCHEDULABLE', { params: { featureKey: featureKey(type) } });
    }
    // A supervisor may not schedule what the policy keeps for admins: the runs would all be refused.
    const { keys, role } = access.remoteNeeds(type, remote);
    access.require(actor, role, WRITE, { ...(scheduleId ? { scheduleId } : {}), type, policyKeys: keys });
    const callbackId = body.callbackId ?? BUILT_IN_CALLBACK_ID;
    const callback = repos.callbacks.get(callbackId);
    if (!callback) throw notFound('CALLBACK_NOT_FOUND', { id: callbackId });
    if (!callback.subscribe.remoteTypes.includes(type)) {
      throw new ServiceError(422, 'REMOTE_TYPE_NOT_SUBSCRIBED', {
        params: { callback: callback.label ?? callbackId, type, featureKey: featureKey(type) },
      });
    }
    if ((body.groupId === undefined) === (body.vehicleIds === undefined)) {
      throw invalid('errors:invalid.vehiclesOrGroup', [{ field: 'vehicleIds', rule: 'vehiclesOrGroup' }]);
    }
    if (body.groupId !== undefined && !repos.groups.get(body.groupId))
      throw notFound('GROUP_NOT_FOUND', { id: body.groupId }, 'errors:code.GROUP_NOT_FOUND.short');
    const vehicleIds = body.vehicleIds === undefined ? null : resolveVehicles(body.vehicleIds);
    return {
      name: body.name.trim(),
      type,
      remote,
      callbackId,
      groupId: body.groupId ?? null,
      vehicleIds,
      rule: { days: [...new Set(body.rule.days)], time: body.rule.time },
    };
  }

  /** What the audit log keeps of a schedule: enough to read what it did without the row. */
  const auditDetail = (r: ScheduleRecord) => ({
    scheduleId: r.id,
    name: r.name,
    type: r.type,
    remote: r.remote,
    groupId: r.groupId,
    vehicles: r.vehicleIds?.length ?? null,
    rule: r.rule,
    timeZone: scheduleSettings(repos).timeZone,
    status: r.status,
  });

  function save(
    record: ScheduleRecord,
    actor: Actor,
    action: 'schedule.create' | 'schedule.change' | 'schedule.pause' | 'schedule.resume',
    store: (r: ScheduleRecord) => void,
  ): ScheduleDto {
    unitOfWork((uow) => {
      store(record);
      uow.afterCommit(
        trail.append({
          at: record.updatedAt,
          ...who(actor),
          action,
          reason: actor.reason ?? null,
          callbackId: record.callbackId,
          detail: auditDetail(record),
        }),
      );
      uow.afterCommit(published(record.id));
    });
    runner.changed();
    return toDto(record);
  }

  return {
    list(): { items: ScheduleDto[]; total: number } {
      const items = repos.schedules.list().map(toDto);
      return { items, total: items.length };
    },

    get: (id: string): ScheduleDto => toDto(requireSchedule(id)),

    /** The schedule as clients see it; null once deleted (for change events). */
    view(id: string): ScheduleDto | null {
      const record = repos.schedules.get(id);
      return record ? toDto(record) : null;
    },

    create(body: ScheduleBodyDto, actor: Actor): ScheduleDto {
      access.require(actor, SCHEDULE_ROLE, WRITE);
      const checked = check(body, actor, null);
      const now = clock.nowIso();
      const record: ScheduleRecord = {
        id: randomUUID(),
        ...checked,
        status: 'Running',
        createdAt: now,
        updatedAt: now,
        createdBy: actorRef(actor),
      };
      return save(record, actor, 'schedule.create', (r) => repos.schedules.insert(r));
    },

    /** Name, remote, vehicles and rule; the status, creator and runs stay. Counts planned times from now. */
    replace(id: string, body: ScheduleBodyDto, actor: Actor): ScheduleDto {
      access.require(actor, SCHEDULE_ROLE, WRITE, { scheduleId: id });
      const current = requireSchedule(id);
      const record: ScheduleRecord = {
        ...current,
        ...check(body, actor, id),
        updatedAt: clock.nowIso(),
      };
      return save(record, actor, 'schedule.change', (r) => repos.schedules.update(r));
    },

    /**
     * Paused: no run until resumed. Running again: counted from now, so the times that passed while paused are not
     * caught up. The same status again changes nothing.
     */
    setStatus(id: string, body: { status: ScheduleStatus }, actor: Actor): ScheduleDto {
      access.require(actor, SCHEDULE_ROLE, WRITE, { scheduleId: id });
      const { status } = body;
      const current = requireSchedule(id);
      if (current.status === status) return toDto(current);
      const record: ScheduleRecord = { ...current, status, updatedAt: clock.nowIso() };
      const action = status === 'Paused' ? 'schedule.pause' : 'schedule.resume';
      return save(record, actor, action, (r) => repos.schedules.update(r));
    },

    /** Its runs stay, and so does any bulk command it started; the audit log keeps what it was. */
    remove(id: string, actor: Actor): void {
      access.require(actor, SCHEDULE_ROLE, WRITE, { scheduleId: id });
      const current = requireSchedule(id);
      const at = clock.nowIso();
      unitOfWork((uow) => {
        repos.schedules.markDeleted(id, at);
        uow.afterCommit(
          trail.append({
            at,
            ...who(actor),
            action: 'schedule.delete',
            reason: actor.reason ?? null,
            callbackId: current.callbackId,
            detail: auditDetail(current),
          }),
        );
        uow.afterCommit(published(id));
      });
      runner.changed();
    },

    /** Newest planned instant first. */
    runs(id: string, page: Page): { items: ScheduleRunDto[]; total: number } {
      requireSchedule(id);
      return {
        items: repos.schedules.listRuns(id, page).map(toRunDto),
        total: repos.schedules.countRuns(id),
      };
    },

    /** Settles runs a stop cut short, catches up on what came while the agent was off, then keeps watch. */
    start: () => runner.start(),
    stop: () => runner.stop(),
  };
}
