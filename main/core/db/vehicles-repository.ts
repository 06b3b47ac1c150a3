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

const UPSERT_SQL = `INSERT INTO vehicles (id, vin, label, brand, model, energy, capabilities, synced_at)
  VALUES (@id, @vin, @label, @brand, @model, @energy, @capabilities, @syncedAt)
  ON CONFLICT (id) DO UPDATE SET vin = excluded.vin, label = excluded.label, brand = excluded.brand,
    model = excluded.model, energy = excluded.energy, capabilities = excluded.capabilities,
    synced_at = excluded.synced_at`;

const UPDATE_STATUS_SQL = 'UPDATE vehicles SET status = @status, status_at = @at WHERE id = @id';

export interface VehiclesRepository {
  /** Inserts or refreshes vehicles from a fleet sync, in one transaction. Status is kept. */
  upsertMany(vehicles: readonly VehicleUpsert[]): void;
  list(query: VehicleListQuery): VehicleRecord[];
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
    count(query = {}) {
      return count.get({ search: likePattern(query.search) }) ?? 0;
    },
    get(idOrVin) {
      const row = byId.get({ id: idOrVin }) ?? byVin.get({ vin: idOrVin });
      return row ? toRecord(row) : null;
    },
    updateStatus(id, status, at) {
      return updateStatus.run({ id, status: toJson(status, 'vehicles.status'), at }).changes > 0;
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
