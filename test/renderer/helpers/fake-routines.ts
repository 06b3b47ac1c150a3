// The depot routines' side of the fake client (issue 16): groups, bulk commands and schedules kept in memory with
// the agent's rules a screen relies on — a dry run checks each vehicle (capability, stolen mode) and sends nothing,
// a start makes a running bulk of the vehicles not skipped, a cancel stops those not yet sent, the report is CSV,
// a schedule keeps its rule and status. Tests move a bulk on with `settle` and say so with `emit`. Past 300 lines:
// seventeen operations and their fixtures, kept together as the agent keeps them.
import { vi } from 'vitest';
import type { VehicleDto } from '../../../preload/contract/dto.js';
import type { OperationInput } from '../../../preload/contract/operations/index.js';
import type {
  BulkCountsDto,
  BulkDto,
  BulkItemDto,
  BulkPlanDto,
  GroupDto,
  ScheduleDto,
  ScheduleRunDto,
} from '../../../preload/contract/routines.js';
import {
  BULK_ITEM_STATES,
  type ActorRef,
  type BulkItemState,
  type RemoteType,
} from '../../../preload/contract/vocabulary.js';
import { ClientError } from '../../../preload/contract/client.js';

const AT = '2026-01-15T10:00:00.000Z';
const ADA: ActorRef = { kind: 'operator', id: 'op-ada', name: 'Ada', role: 'admin' };

export function group(overrides: Partial<GroupDto> = {}): GroupDto {
  return {
    id: 'grp-1',
    name: 'Evening vans',
    kind: 'members',
    vehicleIds: ['veh-1'],
    filter: null,
    createdAt: AT,
    updatedAt: AT,
    createdBy: ADA,
    ...overrides,
  };
}

export function bulkItem(overrides: Partial<BulkItemDto> = {}): BulkItemDto {
  return {
    vehicleId: 'veh-1',
    vin: 'VR3UHZKXZMT000001',
    label: 'Van 01',
    state: 'queued',
    reason: null,
    detail: null,
    remoteActionId: null,
    outcome: null,
    failureCause: null,
    sentAt: null,
    endedAt: null,
    ...overrides,
  };
}

export function countsOf(items: readonly BulkItemDto[]): BulkCountsDto {
  const counts = Object.fromEntries(BULK_ITEM_STATES.map((s) => [s, 0])) as Record<BulkItemState, number>;
  for (const item of items) counts[item.state] += 1;
  return { total: items.length, ...counts };
}

export function bulk(overrides: Partial<BulkDto> = {}): BulkDto {
  const items = overrides.items ?? [bulkItem()];
  return {
    bulkId: 'bulk-1',
    type: 'Doors',
    remote: { door: { state: 'Locked' } },
    callbackId: 'cb-1',
    groupId: null,
    scheduleId: null,
    status: 'running',
    counts: countsOf(items),
    createdAt: AT,
    finishedAt: null,
    createdBy: ADA,
    items,
    ...overrides,
  };
}

export function schedule(overrides: Partial<ScheduleDto> = {}): ScheduleDto {
  return {
    id: 'sch-1',
    name: 'Lock at closing',
    type: 'Doors',
    remote: { door: { state: 'Locked' } },
    callbackId: 'cb-1',
    groupId: 'grp-1',
    vehicleIds: null,
    rule: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], time: '18:00' },
    timeZone: 'Europe/Paris',
    status: 'Running',
    nextRunAt: '2026-01-15T17:00:00.000Z',
    lastRun: null,
    createdAt: AT,
    updatedAt: AT,
    createdBy: ADA,
    ...overrides,
  };
}

export function scheduleRun(overrides: Partial<ScheduleRunDto> = {}): ScheduleRunDto {
  return {
    id: 'run-1',
    scheduleId: 'sch-1',
    plannedFor: '2026-01-14T17:00:00.000Z',
    status: 'ran',
    at: '2026-01-14T17:00:01.000Z',
    bulkId: 'bulk-1',
    reason: null,
    ...overrides,
  };
}

/** The feature of a remote body, by its key (as the agent's domain parser tells them apart). */
const TYPE_BY_KEY: Record<string, RemoteType> = {
  door: 'Doors',
  horn: 'Horn',
  lights: 'Lights',
  wakeUp: 'WakeUp',
  charging: 'ElectricBatteryChargingRequest',
  preconditioning: 'ThermalPreconditioning',
  navigation: 'Navigation',
  immobilization: 'Immobilization',
  stolen: 'Stolen',
};

export function typeOfRemote(remote: Record<string, unknown>): RemoteType {
  const key = Object.keys(remote).find((k) => k in TYPE_BY_KEY);
  return key ? TYPE_BY_KEY[key]! : 'Doors';
}

const notFound = (what: string, id: string) =>
  new ClientError({ status: 404, code: 'NOT_FOUND', message: `No ${what} ${id}.`, errors: [] });

const csvCell = (value: string | null) => `"${(value ?? '').replace(/"/g, '""')}"`;

export interface RoutineFixtures {
  groups?: GroupDto[];
  bulks?: BulkDto[];
  schedules?: ScheduleDto[];
  runs?: ScheduleRunDto[];
}

export function fakeRoutines(vehicles: readonly VehicleDto[], fixtures: RoutineFixtures = {}) {
  const groups = [...(fixtures.groups ?? [])];
  const bulks = [...(fixtures.bulks ?? [])];
  const schedules = [...(fixtures.schedules ?? [])];
  const runs = [...(fixtures.runs ?? [])];
  let counter = 0;
  const next = (prefix: string) => `${prefix}-new-${(counter += 1)}`;

  const findGroup = (id: string) => {
    const found = groups.find((g) => g.id === id);
    if (!found) throw notFound('group', id);
    return found;
  };
  const findBulk = (id: string) => {
    const found = bulks.find((b) => b.bulkId === id);
    if (!found) throw notFound('bulk command', id);
    return found;
  };
  const findSchedule = (id: string) => {
    const found = schedules.find((s) => s.id === id);
    if (!found) throw notFound('schedule', id);
    return found;
  };

  /** Each target vehicle checked as the agent does first: capability, then stolen mode. */
  function planItems(body: OperationInput<'startBulkRemote'>['body']): BulkItemDto[] {
    const type = typeOfRemote(body.remote);
    const ids = body.groupId ? findGroup(body.groupId).vehicleIds : (body.vehicleIds ?? []);
    return ids.map((id) => {
      const v = vehicles.find((x) => x.id === id);
      if (!v)
        return bulkItem({ vehicleId: id, vin: id, label: null, state: 'skipped', reason: 'VEHICLE_GONE' });
      const base = { vehicleId: v.id, vin: v.vin, label: v.label };
      if (!v.capabilities[type]?.supported)
        return bulkItem({ ...base, state: 'skipped', reason: 'NOT_CAPABLE' });
      if (v.states.includes('Stolen') && type !== 'Stolen')
        return bulkItem({ ...base, state: 'skipped', reason: 'STOLEN_MODE' });
      return bulkItem({ ...base, state: 'queued' });
    });
  }

  function groupOf(body: OperationInput<'createGroup'>['body'], id: string, createdAt = AT): GroupDto {
    return group({
      id,
      name: body.name.trim(),
      kind: body.filter ? 'filter' : 'members',
      vehicleIds: body.vehicleIds ?? vehicles.map((v) => v.id),
      filter: body.filter ?? null,
      createdAt,
      updatedAt: AT,
    });
  }

  function scheduleOf(body: OperationInput<'createSchedule'>['body'], id: string): ScheduleDto {
    return schedule({
      id,
      name: body.name.trim(),
      type: typeOfRemote(body.remote),
      remote: body.remote,
      callbackId: body.callbackId ?? 'cb-1',
      groupId: body.groupId ?? null,
      vehicleIds: body.vehicleIds ?? null,
      rule: body.rule,
    });
  }

  const methods = {
    listGroups: vi.fn(async () => ({ items: [...groups], total: groups.length })),
    createGroup: vi.fn(async ({ body }: OperationInput<'createGroup'>) => {
      if (groups.some((g) => g.name.toLowerCase() === body.name.trim().toLowerCase()))
        throw new ClientError({
          status: 409,
          code: 'GROUP_NAME_TAKEN',
          message: `A group is already named ${body.name}.`,
          errors: [{ field: 'name', message: 'This name is taken: choose another.' }],
        });
      const created = groupOf(body, next('grp'));
      groups.push(created);
      return created;
    }),
    getGroup: vi.fn(async ({ id }: OperationInput<'getGroup'>) => findGroup(id)),
    replaceGroup: vi.fn(async ({ id, body }: OperationInput<'replaceGroup'>) => {
      const index = groups.indexOf(findGroup(id));
      groups[index] = groupOf(body, id, groups[index]!.createdAt);
      return groups[index]!;
    }),
    deleteGroup: vi.fn(async ({ id }: OperationInput<'deleteGroup'>) => {
      groups.splice(groups.indexOf(findGroup(id)), 1);
    }),
    startBulkRemote: vi.fn(async (input: OperationInput<'startBulkRemote'>) => {
      const items = planItems(input.body);
      const type = typeOfRemote(input.body.remote);
      if (input.dryRun) {
        const queued = items.filter((i) => i.state === 'queued').length;
        const plan: BulkPlanDto = {
          dryRun: true,
          type,
          callbackId: input.body.callbackId ?? 'cb-1',
          counts: countsOf(items),
          items,
          estimatedSeconds: queued * 0.1,
        };
        return plan;
      }
      const created = bulk({
        bulkId: next('bulk'),
        type,
        remote: input.body.remote,
        callbackId: input.body.callbackId ?? 'cb-1',
        groupId: input.body.groupId ?? null,
        items,
      });
      bulks.unshift(created);
      return { bulkId: created.bulkId };
    }),
    listBulkRemotes: vi.fn(async () => ({
      items: bulks.map(({ items: _items, ...summary }) => summary),
      total: bulks.length,
    })),
    getBulkRemote: vi.fn(async ({ bulkId }: OperationInput<'getBulkRemote'>) => findBulk(bulkId)),
    cancelBulkRemote: vi.fn(async ({ bulkId }: OperationInput<'cancelBulkRemote'>) => {
      const found = findBulk(bulkId);
      const items = found.items.map((i) =>
        i.state === 'queued' ? { ...i, state: 'cancelled' as const } : i,
      );
      const cancelled = { ...found, items, counts: countsOf(items), status: 'cancelled' as const };
      bulks[bulks.indexOf(found)] = cancelled;
      return cancelled;
    }),
    getBulkRemoteReport: vi.fn(async ({ bulkId }: OperationInput<'getBulkRemoteReport'>) => {
      const found = findBulk(bulkId);
      const rows = found.items.map((i) =>
        [i.vin, i.label, i.state, i.outcome, i.failureCause, i.reason, i.sentAt, i.endedAt]
          .map(csvCell)
          .join(','),
      );
      return ['VIN,label,state,outcome,failure cause,reason,sent at,ended at', ...rows].join('\r\n');
    }),
    listSchedules: vi.fn(async () => ({ items: [...schedules], total: schedules.length })),
    createSchedule: vi.fn(async ({ body }: OperationInput<'createSchedule'>) => {
      const created = scheduleOf(body, next('sch'));
      schedules.push(created);
      return created;
    }),
    getSchedule: vi.fn(async ({ id }: OperationInput<'getSchedule'>) => findSchedule(id)),
    replaceSchedule: vi.fn(async ({ id, body }: OperationInput<'replaceSchedule'>) => {
      const index = schedules.indexOf(findSchedule(id));
      schedules[index] = { ...scheduleOf(body, id), status: schedules[index]!.status };
      return schedules[index]!;
    }),
    deleteSchedule: vi.fn(async ({ id }: OperationInput<'deleteSchedule'>) => {
      schedules.splice(schedules.indexOf(findSchedule(id)), 1);
    }),
    setScheduleStatus: vi.fn(async ({ id, body }: OperationInput<'setScheduleStatus'>) => {
      const index = schedules.indexOf(findSchedule(id));
      const found = schedules[index]!;
      schedules[index] = {
        ...found,
        status: body.status,
        nextRunAt: body.status === 'Paused' ? null : '2026-01-15T17:00:00.000Z',
      };
      return schedules[index]!;
    }),
    listScheduleRuns: vi.fn(async ({ id }: OperationInput<'listScheduleRuns'>) => {
      const items = runs.filter((r) => r.scheduleId === id);
      return { items, total: items.length };
    }),
  };

  /** Moves a bulk's vehicles on (as the agent's sending and the network do); answers its summary for an event. */
  function settle(bulkId: string, change: (item: BulkItemDto) => Partial<BulkItemDto>) {
    const found = findBulk(bulkId);
    const items = found.items.map((i) => ({ ...i, ...change(i) }));
    const counts = countsOf(items);
    const over = counts.queued === 0 && counts.sent === 0;
    const moved: BulkDto = {
      ...found,
      items,
      counts,
      status: found.status === 'running' && over ? 'finished' : found.status,
      finishedAt: over ? '2026-01-15T10:05:00.000Z' : null,
    };
    bulks[bulks.indexOf(found)] = moved;
    const { items: _items, ...summary } = moved;
    return summary;
  }

  return { methods, settle, state: { groups, bulks, schedules, runs } };
}
