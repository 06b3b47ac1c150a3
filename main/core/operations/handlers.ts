// Every operation's handler, built from the core's services: the one implementation behind both transports (the
// local API's generic routes and the desktop bridge's IPC handlers). All response shaping lives here.
import type { Core } from '../create-core.js';
import { accessHandlers } from './access.js';
import { backupHandlers } from './backups.js';
import { callbackHandlers } from './callbacks.js';
import { deliveryHandlers } from './deliveries.js';
import { diagnosticsHandlers } from './diagnostics.js';
import type { AgentLifecycle, ConnectionPort, OperationHandlers, SettingsPort } from './ports.js';
import { quarantineHandlers } from './quarantine.js';
import { remoteHandlers } from './remotes.js';
import { routineHandlers } from './routines.js';
import { scheduleHandlers } from './schedules.js';
import { connectionHandlers, NO_CONNECTION, settingsHandlers } from './settings.js';
import { systemHandlers } from './system.js';
import { updateHandlers } from './updates.js';
import type { UpdateCenter } from '../updates/update-center.js';
import { vehicleHandlers } from './vehicles.js';

export interface OperationDeps {
  core: Pick<Core, 'services' | 'connectorName' | 'dataFolder'>;
  /** The machine token (the api-token file), which signs in as admin; absent where there is none. */
  machineToken?: string | null;
  version: string;
  /** When the agent started (health's uptime). */
  startedAt: number;
  now?: () => number;
  /** Absent: nothing to check (simulator). */
  connection?: ConnectionPort;
  /** Absent: getSettings/putSettings answer 404 SETTINGS_UNAVAILABLE. */
  settings?: SettingsPort;
  /** The API listens off loopback without TLS (--allow-insecure-lan). */
  insecureLan?: boolean;
  /** How the shell restores a backup and starts again; absent: restoreFromBackup answers 503 RESTORE_UNAVAILABLE. */
  lifecycle?: AgentLifecycle;
  /** The runtime's updater (issue 18); absent: the update operations answer 404 SETTINGS_UNAVAILABLE. */
  updates?: UpdateCenter;
}

export function createOperationHandlers({
  core,
  version,
  startedAt,
  now = Date.now,
  connection = NO_CONNECTION,
  settings,
  insecureLan = false,
  machineToken = null,
  lifecycle,
  updates,
}: OperationDeps): OperationHandlers {
  const { services, connectorName } = core;
  return {
    ...accessHandlers({
      access: services.access,
      operators: services.operators,
      tokens: services.tokens,
      enrolments: services.enrolments,
      machineToken,
    }),
    ...systemHandlers({
      version,
      connectorName,
      startedAt,
      now,
      audit: services.audit,
      exports: services.exports,
      storage: services.storage,
      insecureLan,
    }),
    ...diagnosticsHandlers({ access: services.access, folder: core.dataFolder, version, now }),
    ...vehicleHandlers(services.vehicles),
    ...callbackHandlers(services.callbacks),
    ...remoteHandlers(services.remotes, services.exports),
    ...routineHandlers(services.groups, services.bulk),
    ...scheduleHandlers(services.schedules),
    ...deliveryHandlers(services.access, services.deliveries),
    ...quarantineHandlers(services.access, services.quarantine),
    ...settingsHandlers(services.access, settings),
    ...connectionHandlers(services.access, connection),
    ...backupHandlers(services.backups, lifecycle),
    ...updateHandlers(services.access, updates),
  };
}

export type {
  AgentLifecycle,
  ConnectionPort,
  DataFolderPort,
  OperationContext,
  OperationHandler,
  OperationHandlers,
  SettingsPort,
} from './ports.js';
