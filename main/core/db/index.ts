// The database layer's public API. Other modules import from here; better-sqlite3 stays inside main/core/db.
export { openDatabase } from './open-database.js';
export type { Db, OpenDatabaseOptions } from './open-database.js';
export { DatabaseTooNewError, MigrationError } from './errors.js';
export { MIGRATIONS } from './migrations/index.js';
export type { Migration } from './migrations/index.js';
export { createRepositories } from './repositories.js';
export type { Repositories } from './repositories.js';
export type { VehiclesRepository } from './vehicles-repository.js';
export type { CallbacksRepository } from './callbacks-repository.js';
export type { ActionFilter, ActionListQuery, ActionsRepository } from './actions-repository.js';
export type { EventsRepository } from './events-repository.js';
export type { DeliveriesRepository } from './deliveries-repository.js';
export type { SettingsRepository } from './settings-repository.js';
export type { AuditRepository } from './audit-repository.js';
export { QUARANTINE_REASONS, QUARANTINE_RESOLUTIONS } from './quarantine-repository.js';
export type {
  NewQuarantineEntry,
  QuarantineListQuery,
  QuarantineReason,
  QuarantineRecord,
  QuarantineRepository,
  QuarantineResolution,
  QuarantineSummary,
} from './quarantine-repository.js';
export { DELIVERY_STATES, VEHICLE_ENERGIES } from './records.js';
export type * from './records.js';
