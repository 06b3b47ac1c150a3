import { createActionsRepository } from './actions-repository.js';
import type { ActionsRepository } from './actions-repository.js';
import { createApiTokensRepository } from './api-tokens-repository.js';
import type { ApiTokensRepository } from './api-tokens-repository.js';
import { createAuditRepository } from './audit-repository.js';
import { createBulkRepository } from './bulk-repository.js';
import type { BulkRepository } from './bulk-repository.js';
import type { AuditRepository } from './audit-repository.js';
import { createCallbacksRepository } from './callbacks-repository.js';
import type { CallbacksRepository } from './callbacks-repository.js';
import { createDeliveriesRepository } from './deliveries-repository.js';
import type { DeliveriesRepository } from './deliveries-repository.js';
import { createDeliveryTargetsRepository } from './delivery-targets-repository.js';
import type { DeliveryTargetsRepository } from './delivery-targets-repository.js';
import { createEnrolmentsRepository } from './enrolments-repository.js';
import type { EnrolmentsRepository } from './enrolments-repository.js';
import { createEventsRepository } from './events-repository.js';
import { createGroupsRepository } from './groups-repository.js';
import type { GroupsRepository } from './groups-repository.js';
import type { EventsRepository } from './events-repository.js';
import type { Db } from './open-database.js';
import { createOperatorsRepository } from './operators-repository.js';
import type { OperatorsRepository } from './operators-repository.js';
import { createQuarantineRepository } from './quarantine-repository.js';
import type { QuarantineRepository } from './quarantine-repository.js';
import { createSchedulesRepository } from './schedules-repository.js';
import type { SchedulesRepository } from './schedules-repository.js';
import { createSettingsRepository } from './settings-repository.js';
import type { SettingsRepository } from './settings-repository.js';
import { createVehiclesRepository } from './vehicles-repository.js';
import type { VehiclesRepository } from './vehicles-repository.js';
import { createVehicleFactsRepository } from './vehicle-facts-repository.js';
import type { VehicleFactsRepository } from './vehicle-facts-repository.js';

export interface Repositories {
  vehicles: VehiclesRepository;
  /** What the action history says of each vehicle's condition (issue 15). */
  vehicleFacts: VehicleFactsRepository;
  callbacks: CallbacksRepository;
  actions: ActionsRepository;
  events: EventsRepository;
  deliveries: DeliveriesRepository;
  deliveryTargets: DeliveryTargetsRepository;
  settings: SettingsRepository;
  audit: AuditRepository;
  quarantine: QuarantineRepository;
  operators: OperatorsRepository;
  apiTokens: ApiTokensRepository;
  enrolments: EnrolmentsRepository;
  /** Vehicle groups (issue 16). */
  groups: GroupsRepository;
  /** Bulk commands and their items, one per vehicle (issue 16). */
  bulk: BulkRepository;
  /** Schedules and their runs, one per planned instant (issue 16). */
  schedules: SchedulesRepository;
}

/** Every repository over one connection; statements are prepared here, once. Combine writes with db.transaction. */
export function createRepositories(db: Db): Repositories {
  return {
    vehicles: createVehiclesRepository(db),
    vehicleFacts: createVehicleFactsRepository(db),
    callbacks: createCallbacksRepository(db),
    actions: createActionsRepository(db),
    events: createEventsRepository(db),
    deliveries: createDeliveriesRepository(db),
    deliveryTargets: createDeliveryTargetsRepository(db),
    settings: createSettingsRepository(db),
    audit: createAuditRepository(db),
    quarantine: createQuarantineRepository(db),
    operators: createOperatorsRepository(db),
    apiTokens: createApiTokensRepository(db),
    enrolments: createEnrolmentsRepository(db),
    groups: createGroupsRepository(db),
    bulk: createBulkRepository(db),
    schedules: createSchedulesRepository(db),
  };
}
