// Schedules and their runs (migration 011). A run is keyed by its schedule and planned instant (UNIQUE), and
// `claimRun` inserts it only when that key is free: the one statement that makes "a planned time runs or is
// missed once" hold across timers, restarts and two agents racing on one file.
import type {
  ActorRef,
  RemoteType,
  ScheduleRunStatus,
  ScheduleStatus,
} from '../../../preload/contract/vocabulary.js';
import type { ScheduleRule } from '../domain/schedule/next-run.js';
import type { RemoteBody } from '../domain/remote/index.js';
import { fromJson, fromJsonOrNull, toJson, toJsonOrNull } from './json-column.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp, Page } from './records.js';

export interface ScheduleRecord {
  id: string;
  name: string;
  type: RemoteType;
  remote: RemoteBody;
  callbackId: string;
  /** Exactly one of groupId and vehicleIds (the vehicles' network ids, resolved when saved). */
  groupId: string | null;
  vehicleIds: string[] | null;
  rule: ScheduleRule;
  status: ScheduleStatus;
  createdAt: IsoTimestamp;
  /** Also set by a pause or a resume: the runner counts planned instants from it (no catch-up before it). */
  updatedAt: IsoTimestamp;
  createdBy: ActorRef;
}

export interface ScheduleRunRecord {
  id: string;
  scheduleId: string;
  /** The planned instant, `toISOString()` of it: the text is the UNIQUE key, so it is always written so. */
  plannedFor: IsoTimestamp;
  status: ScheduleRunStatus;
  at: IsoTimestamp;
  bulkId: string | null;
  /** Why it failed: an error code. */
  reason: string | null;
}

interface ScheduleRow {
  id: string;
  name: string;
  type: RemoteType;
  remote: string;
  callback_id: string;
  group_id: string | null;
  vehicle_ids: string | null;
  rule: string;
  status: ScheduleStatus;
  created_at: string;
  updated_at: string;
  created_by: string;
}

interface RunRow {
  id: string;
  schedule_id: string;
  planned_for: string;
  status: ScheduleRunStatus;
  at: string;
  bulk_id: string | null;
  reason: string | null;
}

const COLUMNS =
  'id, name, type, remote, callback_id, group_id, vehicle_ids, rule, status, created_at, updated_at, created_by';
const RUN_COLUMNS = 'id, schedule_id, planned_for, status, at, bulk_id, reason';

export interface SchedulesRepository {
  insert(record: ScheduleRecord): void;
  /** Replaces every column but id, created_at and created_by. False when unknown. */
  update(record: ScheduleRecord): boolean;
  /** A live schedule; a deleted one too when asked (its runs still name it). */
  get(id: string, options?: { includeDeleted?: boolean }): ScheduleRecord | undefined;
  /** Oldest first. */
  list(): ScheduleRecord[];
  listRunning(): ScheduleRecord[];
  /** Hides the schedule; its runs keep their reference. False when unknown or already deleted. */
  markDeleted(id: string, at: IsoTimestamp): boolean;

  /** Inserts the run unless its schedule already has one for that planned instant; true when inserted. */
  claimRun(run: ScheduleRunRecord): boolean;
  /** Sets a claimed run's outcome (its bulk command, or why it failed). */
  settleRun(id: string, outcome: Pick<ScheduleRunRecord, 'status' | 'bulkId' | 'reason'>): void;
  /** The run with the latest planned instant. */
  lastRun(scheduleId: string): ScheduleRunRecord | undefined;
  /** Newest planned instant first. */
  listRuns(scheduleId: string, page: Page): ScheduleRunRecord[];
  countRuns(scheduleId: string): number;
  /** Runs claimed to run whose bulk command was never recorded: the agent stopped between the two. */
  listUnsettledRuns(): ScheduleRunRecord[];
  /** The first bulk command the schedule started at or after `since`, if any. */
  bulkStartedBy(scheduleId: string, since: IsoTimestamp): string | undefined;
}

export function createSchedulesRepository(db: Db): SchedulesRepository {
  const insert = db.raw.prepare(`INSERT INTO schedules (${COLUMNS}) VALUES (@id, @name, @type, @remote,
    @callbackId, @groupId, @vehicleIds, @rule, @status, @createdAt, @updatedAt, @createdBy)`);
  const update = db.raw.prepare(`UPDATE schedules SET name = @name, type = @type, remote = @remote,
    callback_id = @callbackId, group_id = @groupId, vehicle_ids = @vehicleIds, rule = @rule, status = @status,
    updated_at = @updatedAt WHERE id = @id AND deleted_at IS NULL`);
  const get = db.raw.prepare<{ id: string; all: number }, ScheduleRow>(
    `SELECT ${COLUMNS} FROM schedules WHERE id = @id AND (@all = 1 OR deleted_at IS NULL)`,
  );
  const list = db.raw.prepare<[], ScheduleRow>(
    `SELECT ${COLUMNS} FROM schedules WHERE deleted_at IS NULL ORDER BY created_at, id`,
  );
  const listRunning = db.raw.prepare<[], ScheduleRow>(
    `SELECT ${COLUMNS} FROM schedules WHERE deleted_at IS NULL AND status = 'Running' ORDER BY created_at, id`,
  );
  const markDeleted = db.raw.prepare(
    'UPDATE schedules SET deleted_at = @at, updated_at = @at WHERE id = @id AND deleted_at IS NULL',
  );
  const claimRun = db.raw.prepare(`INSERT INTO schedule_runs (${RUN_COLUMNS})
    VALUES (@id, @scheduleId, @plannedFor, @status, @at, @bulkId, @reason)
    ON CONFLICT (schedule_id, planned_for) DO NOTHING`);
  const settleRun = db.raw.prepare(
    'UPDATE schedule_runs SET status = @status, bulk_id = @bulkId, reason = @reason WHERE id = @id',
  );
  const lastRun = db.raw.prepare<{ id: string }, RunRow>(
    `SELECT ${RUN_COLUMNS} FROM schedule_runs WHERE schedule_id = @id ORDER BY planned_for DESC LIMIT 1`,
  );
  const listRuns = db.raw.prepare<{ id: string; limit: number; offset: number }, RunRow>(
    `SELECT ${RUN_COLUMNS} FROM schedule_runs WHERE schedule_id = @id ORDER BY planned_for DESC
     LIMIT @limit OFFSET @offset`,
  );
  const countRuns = db.raw
    .prepare<{ id: string }, number>('SELECT count(*) FROM schedule_runs WHERE schedule_id = @id')
    .pluck();
  const unsettled = db.raw.prepare<[], RunRow>(
    `SELECT ${RUN_COLUMNS} FROM schedule_runs WHERE status = 'ran' AND bulk_id IS NULL ORDER BY planned_for`,
  );
  const bulkStartedBy = db.raw
    .prepare<{ scheduleId: string; since: string }, string>(
      `SELECT id FROM bulk_remotes WHERE schedule_id = @scheduleId AND created_at >= @since
       ORDER BY created_at LIMIT 1`,
    )
    .pluck();

  const params = (r: ScheduleRecord) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    remote: toJson(r.remote, 'schedules.remote'),
    callbackId: r.callbackId,
    groupId: r.groupId,
    vehicleIds: toJsonOrNull(r.vehicleIds, 'schedules.vehicle_ids'),
    rule: toJson(r.rule, 'schedules.rule'),
    status: r.status,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    createdBy: toJson(r.createdBy, 'schedules.created_by'),
  });

  return {
    insert: (record) => void insert.run(params(record)),
    update: (record) => update.run(params(record)).changes === 1,
    get: (id, options) => toRecord(get.get({ id, all: options?.includeDeleted ? 1 : 0 })),
    list: () => list.all().map((row) => toRecord(row)!),
    listRunning: () => listRunning.all().map((row) => toRecord(row)!),
    markDeleted: (id, at) => markDeleted.run({ id, at }).changes === 1,
    claimRun: (run) => claimRun.run(run).changes === 1,
    settleRun: (id, { status, bulkId, reason }) => void settleRun.run({ id, status, bulkId, reason }),
    lastRun: (id) => toRun(lastRun.get({ id })),
    listRuns: (id, { limit, offset }) => listRuns.all({ id, limit, offset }).map((row) => toRun(row)!),
    countRuns: (id) => countRuns.get({ id }) as number,
    listUnsettledRuns: () => unsettled.all().map((row) => toRun(row)!),
    bulkStartedBy: (scheduleId, since) => bulkStartedBy.get({ scheduleId, since }),
  };
}

function toRecord(row: ScheduleRow | undefined): ScheduleRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    remote: fromJson<RemoteBody>(row.remote),
    callbackId: row.callback_id,
    groupId: row.group_id,
    vehicleIds: fromJsonOrNull<string[]>(row.vehicle_ids),
    rule: fromJson<ScheduleRule>(row.rule),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: fromJson<ActorRef>(row.created_by),
  };
}

function toRun(row: RunRow | undefined): ScheduleRunRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    plannedFor: row.planned_for,
    status: row.status,
    at: row.at,
    bulkId: row.bulk_id,
    reason: row.reason,
  };
}
