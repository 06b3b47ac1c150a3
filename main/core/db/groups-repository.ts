// Vehicle groups (migration 011): explicit members (vehicle ids) or a saved fleet filter. A deleted group keeps its
// row (deleted_at) so that what still names it (a deleted schedule, a bulk command) names something; it is gone for
// every read here, and its name is free again.
import type { GroupFilterDto } from '../../../preload/contract/routines.js';
import type { ActorRef } from '../../../preload/contract/vocabulary.js';
import { fromJsonOrNull, toJson, toJsonOrNull } from './json-column.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp } from './records.js';

export interface GroupRecord {
  id: string;
  name: string;
  /** Members (vehicle ids, as resolved when saved); null for a filter group. */
  vehicleIds: string[] | null;
  /** The saved filter; null for a members group. */
  filter: GroupFilterDto | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  createdBy: ActorRef | null;
}

interface GroupRow {
  id: string;
  name: string;
  vehicle_ids: string | null;
  filter: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

const COLUMNS = 'id, name, vehicle_ids, filter, created_at, updated_at, created_by';
const LIVE = 'deleted_at IS NULL';

export interface GroupsRepository {
  insert(record: GroupRecord): void;
  /** Name, members or filter, and the time; false when no live group has this id. */
  replace(record: GroupRecord): boolean;
  get(id: string): GroupRecord | null;
  /** Live groups by name. */
  list(): GroupRecord[];
  /** Whether a live group other than `exceptId` has this name (case aside, as the unique index compares). */
  nameTaken(name: string, exceptId?: string): boolean;
  markDeleted(id: string, at: IsoTimestamp): boolean;
  /** Whether a schedule not deleted runs on this group. */
  usedBySchedule(id: string): boolean;
}

export function createGroupsRepository(db: Db): GroupsRepository {
  const insert = db.raw.prepare(`INSERT INTO vehicle_groups (${COLUMNS})
    VALUES (@id, @name, @vehicleIds, @filter, @createdAt, @updatedAt, @createdBy)`);
  const replace = db.raw.prepare(`UPDATE vehicle_groups SET name = @name, vehicle_ids = @vehicleIds,
    filter = @filter, updated_at = @updatedAt WHERE id = @id AND ${LIVE}`);
  const get = db.raw.prepare<{ id: string }, GroupRow>(
    `SELECT ${COLUMNS} FROM vehicle_groups WHERE id = @id AND ${LIVE}`,
  );
  const list = db.raw.prepare<[], GroupRow>(
    `SELECT ${COLUMNS} FROM vehicle_groups WHERE ${LIVE} ORDER BY name COLLATE NOCASE, id`,
  );
  const nameTaken = db.raw
    .prepare<{ name: string; exceptId: string | null }, number>(
      `SELECT EXISTS (SELECT 1 FROM vehicle_groups WHERE name = @name COLLATE NOCASE AND ${LIVE}
        AND (@exceptId IS NULL OR id <> @exceptId))`,
    )
    .pluck();
  const markDeleted = db.raw.prepare(
    `UPDATE vehicle_groups SET deleted_at = @at, updated_at = @at WHERE id = @id AND ${LIVE}`,
  );
  const usedBySchedule = db.raw
    .prepare<{ id: string }, number>(
      'SELECT EXISTS (SELECT 1 FROM schedules WHERE group_id = @id AND deleted_at IS NULL)',
    )
    .pluck();

  const params = (r: GroupRecord) => ({
    id: r.id,
    name: r.name,
    vehicleIds: toJsonOrNull(r.vehicleIds, 'vehicle_groups.vehicle_ids'),
    filter: toJsonOrNull(r.filter, 'vehicle_groups.filter'),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    createdBy: r.createdBy ? toJson(r.createdBy, 'vehicle_groups.created_by') : null,
  });

  return {
    insert: (record) => void insert.run(params(record)),
    replace: (record) => replace.run(params(record)).changes > 0,
    get: (id) => toRecord(get.get({ id })),
    list: () => list.all().map((row) => toRecord(row)!),
    nameTaken: (name, exceptId) => nameTaken.get({ name, exceptId: exceptId ?? null }) === 1,
    markDeleted: (id, at) => markDeleted.run({ id, at }).changes > 0,
    usedBySchedule: (id) => usedBySchedule.get({ id }) === 1,
  };
}

function toRecord(row: GroupRow | undefined): GroupRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    vehicleIds: fromJsonOrNull<string[]>(row.vehicle_ids),
    filter: fromJsonOrNull<GroupFilterDto>(row.filter),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: fromJsonOrNull<ActorRef>(row.created_by),
  };
}
