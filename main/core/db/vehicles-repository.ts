import { digestStatus, type StatusDigest } from '../domain/vehicle/vehicle-condition.js';
import { fromJson, fromJsonOrNull, toJson } from './json-column.js';
import type { Db } from './open-database.js';
import type {
  IsoTimestamp,
  VehicleCapabilities,
  VehicleEnergy,
  VehicleListQuery,
  VehicleRecord,
  VehicleStatus,
  VehicleUpsert,
} from './records.js';

interface VehicleRow {
  id: string;
  vin: string;
  label: string | null;
  brand: string | null;
  model: string | null;
  energy: VehicleEnergy;
  capabilities: string;
  status: string | null;
  status_at: string | null;
  synced_at: string;
}

const COLUMNS = 'id, vin, label, brand, model, energy, capabilities, status, status_at, synced_at';

/** Hot: a VIN typed or scanned by the technician. */
export const VEHICLE_BY_VIN_SQL = `SELECT ${COLUMNS} FROM vehicles WHERE vin = @vin`;
const VEHICLE_BY_ID_SQL = `SELECT ${COLUMNS} FROM vehicles WHERE id = @id`;

// Ordered by VIN so the unique index gives the order; search has to look at every row anyway.
const SEARCH_WHERE = `WHERE @search IS NULL
  OR vin LIKE @search ESCAPE '\\' OR label LIKE @search ESCAPE '\\'
  OR brand LIKE @search ESCAPE '\\' OR model LIKE @search ESCAPE '\\'`;
const LIST_SQL = `SELECT ${COLUMNS} FROM vehicles ${SEARCH_WHERE} ORDER BY vin LIMIT @limit OFFSET @offset`;
const COUNT_SQL = `SELECT count(*) FROM vehicles ${SEARCH_WHERE}`;
/** The fleet list's read: every column but the status (most of a row's bytes), which a digest stands for. */
const SUMMARY_COLUMNS = 'id, vin, label, brand, model, energy, capabilities, status_at, synced_at';
const SUMMARIES_SQL = `SELECT ${SUMMARY_COLUMNS} FROM vehicles ${SEARCH_WHERE} ORDER BY vin LIMIT @limit OFFSET @offset`;
const STATUS_SQL = 'SELECT status FROM vehicles WHERE id = @id';

const UPSERT_SQL = `INSERT INTO vehicles (id, vin, label, brand, model, energy, capabilities, synced_at)
  VALUES (@id, @vin, @label, @brand, @model, @energy, @capabilities, @syncedAt)
  ON CONFLICT (id) DO UPDATE SET vin = excluded.vin, label = excluded.label, brand = excluded.brand,
    model = excluded.model, energy = excluded.energy, capabilities = excluded.capabilities,
    synced_at = excluded.synced_at`;

const UPDATE_STATUS_SQL = 'UPDATE vehicles SET status = @status, status_at = @at WHERE id = @id';

/**
 * A vehicle as the fleet list reads it: its status stands as its digest, and its capabilities are parsed once per
 * stored text. Both objects are shared between reads (never change them).
 */
export interface VehicleSummaryRecord extends Omit<VehicleRecord, 'status'> {
  digest: StatusDigest;
}

export interface VehiclesRepository {
  /** Inserts or refreshes vehicles from a fleet sync, in one transaction. Status is kept. */
  upsertMany(vehicles: readonly VehicleUpsert[]): void;
  list(query: VehicleListQuery): VehicleRecord[];
  /** As list, without parsing any status: each vehicle's status digest instead (issue 15, the fleet list). */
  summaries(query: VehicleListQuery): VehicleSummaryRecord[];
  /** The record's status digest: the one kept since the status was stored, or worked out now (and kept). */
  digest(record: VehicleRecord): StatusDigest;
  count(query?: { search?: string }): number;
  /** By the network's id or by VIN. */
  get(idOrVin: string): VehicleRecord | null;
  /** Returns false when no vehicle has this id. */
  updateStatus(id: string, status: VehicleStatus, at: IsoTimestamp): boolean;
}

export function createVehiclesRepository(db: Db): VehiclesRepository {
  const byVin = db.raw.prepare<{ vin: string }, VehicleRow>(VEHICLE_BY_VIN_SQL);
  const byId = db.raw.prepare<{ id: string }, VehicleRow>(VEHICLE_BY_ID_SQL);
  const list = db.raw.prepare<{ search: string | null; limit: number; offset: number }, VehicleRow>(LIST_SQL);
  const count = db.raw.prepare<{ search: string | null }, number>(COUNT_SQL).pluck();
  const upsert = db.raw.prepare(UPSERT_SQL);
  const updateStatus = db.raw.prepare(UPDATE_STATUS_SQL);
  const summaries = db.raw.prepare<
    { search: string | null; limit: number; offset: number },
    Omit<VehicleRow, 'status'>
  >(SUMMARIES_SQL);
  const statusOf = db.raw.prepare<{ id: string }, string | null>(STATUS_SQL).pluck();

  // Derived data kept for the life of the connection, so the fleet list neither parses nor re-derives a status at
  // each request. This repository is the vehicles table's only writer, and a digest is valid for the `status_at`
  // it was made for (each status read writes a new one), so an entry whose `status_at` no longer matches the row —
  // a write rolled back, a row changed some other way — is worked out again from the stored text.
  const digests = new Map<string, StatusDigest>();
  /** The capabilities as parsed from the exact text stored: reused while the text is the same. */
  const capabilityTexts = new Map<string, { text: string; value: VehicleCapabilities }>();

  function digestFor(id: string, statusAt: string | null, status: () => VehicleStatus | null): StatusDigest {
    const kept = digests.get(id);
    if (kept && kept.statusAt === statusAt) return kept;
    const made = digestStatus(status(), statusAt);
    digests.set(id, made);
    return made;
  }

  function capabilitiesOf(id: string, text: string): VehicleCapabilities {
    const kept = capabilityTexts.get(id);
    if (kept && kept.text === text) return kept.value;
    const value = fromJson<VehicleCapabilities>(text);
    capabilityTexts.set(id, { text, value });
    return value;
  }

  return {
    upsertMany(vehicles) {
      db.transaction(() => {
        for (const vehicle of vehicles) {
          upsert.run({
            id: vehicle.id,
            vin: vehicle.vin,
            label: vehicle.label,
            brand: vehicle.brand,
            model: vehicle.model,
            energy: vehicle.energy,
            capabilities: toJson(vehicle.capabilities, 'vehicles.capabilities'),
            syncedAt: vehicle.syncedAt,
          });
        }
      });
    },
    list(query) {
      return list
        .all({ search: likePattern(query.search), limit: query.limit, offset: query.offset })
        .map(toRecord);
    },
    summaries(query) {
      return summaries
        .all({ search: likePattern(query.search), limit: query.limit, offset: query.offset })
        .map((row) => ({
          id: row.id,
          vin: row.vin,
          label: row.label,
          brand: row.brand,
          model: row.model,
          energy: row.energy,
          capabilities: capabilitiesOf(row.id, row.capabilities),
          statusAt: row.status_at,
          syncedAt: row.synced_at,
          digest: digestFor(row.id, row.status_at, () =>
            fromJsonOrNull<VehicleStatus>(statusOf.get({ id: row.id }) ?? null),
          ),
        }));
    },
    digest(record) {
      return digestFor(record.id, record.statusAt, () => record.status);
    },
    count(query = {}) {
      return count.get({ search: likePattern(query.search) }) ?? 0;
    },
    get(idOrVin) {
      const row = byId.get({ id: idOrVin }) ?? byVin.get({ vin: idOrVin });
      return row ? toRecord(row) : null;
    },
    updateStatus(id, status, at) {
      const text = toJson(status, 'vehicles.status');
      if (updateStatus.run({ id, status: text, at }).changes === 0) return false;
      // Digested as it arrives, from the text stored (what a later read would parse). Inside a transaction the
      // write may yet be rolled back: the digest is then left to the next read.
      if (db.raw.inTransaction) digests.delete(id);
      else digests.set(id, digestStatus(fromJson<VehicleStatus>(text), at));
      return true;
    },
  };
}

/** A substring pattern with the user's own % and _ taken literally. */
function likePattern(search: string | undefined): string | null {
  const trimmed = search?.trim();
  if (!trimmed) return null;
  return `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toRecord(row: VehicleRow): VehicleRecord {
  return {
    id: row.id,
    vin: row.vin,
    label: row.label,
    brand: row.brand,
    model: row.model,
    energy: row.energy,
    capabilities: fromJson<VehicleCapabilities>(row.capabilities),
    status: fromJsonOrNull<VehicleStatus>(row.status),
    statusAt: row.status_at,
    syncedAt: row.synced_at,
  };
}
