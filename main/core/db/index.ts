// The database layer's public API. Other modules import from here; better-sqlite3 stays inside main/core/db.
export { databaseFileProblem, openDatabase } from './open-database.js';
export type { Db, OpenDatabaseOptions } from './open-database.js';
export type { SyncFile } from './wal-sync.js';
export { databaseInUse, inspectDatabaseCopy, snapshotDatabase } from './database-backup.js';
export type { DatabaseCopy } from './database-backup.js';
export { createUnitOfWork } from './unit-of-work.js';
export {
  createInlineStoreWriter,
  createStoreWriter,
  createThreadStoreWriter,
  runStepsInline,
} from './store-writer.js';
export type { StoreWriter, StoreWriterMode, WriteStep } from './store-writer.js';
export { deliveryStepResults, deliverySteps } from './delivery-steps.js';
export type { RunDeferredUnitOfWork, RunUnitOfWork, UnitOfWork } from './unit-of-work.js';
export {
  DatabaseFileError,
  DatabaseTooNewError,
  MigrationError,
  StorageFullError,
  WalSyncError,
} from './errors.js';
export type { DatabaseFileProblem } from './errors.js';
export { createStorageHealth, isDiskFull, PROBE_INTERVAL_MS } from './storage-health.js';
export type { StorageHealth, StorageStatus, WriteObserver } from './storage-health.js';
export { MIGRATIONS } from './migrations/index.js';
export type { Migration } from './migrations/index.js';
export { createRepositories } from './repositories.js';
export type { Repositories } from './repositories.js';
export type { VehiclesRepository } from './vehicles-repository.js';
export type { VehicleFactsRepository } from './vehicle-facts-repository.js';
export type { CallbacksRepository } from './callbacks-repository.js';
export type { ActionFilter, ActionListQuery, ActionsRepository } from './actions-repository.js';
export type { EventsRepository } from './events-repository.js';
export type { DeliveriesRepository } from './deliveries-repository.js';
export type { SettingsRepository } from './settings-repository.js';
export type { AuditRepository } from './audit-repository.js';
export type { OperatorRecord, OperatorsRepository } from './operators-repository.js';
export type { ApiTokenRecord, ApiTokensRepository } from './api-tokens-repository.js';
export type { EnrolmentsRepository } from './enrolments-repository.js';
export type { GroupRecord, GroupsRepository } from './groups-repository.js';
export type { ScheduleRecord, ScheduleRunRecord, SchedulesRepository } from './schedules-repository.js';
export type {
  BulkActor,
  BulkCounts,
  BulkItemOutcome,
  BulkItemRecord,
  BulkRecord,
  BulkRepository,
  ItemProgress,
} from './bulk-repository.js';
export {
  QUARANTINE_MAX_ERRORS,
  QUARANTINE_REASONS,
  QUARANTINE_RESOLUTIONS,
  quarantineEntryBytes,
} from './quarantine-repository.js';
export type {
  DroppedQuarantineEntry,
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
