// THE registry: every request/response operation of the local API and the desktop bridge. Adding one = an entry
// here (in its area's file) + its handler in main/core/operations; routes, OpenAPI, IPC, the bridge and the HTTP
// client follow. Routes that are not request/response (GET /events, /session, /openapi.json, the fleet mirror,
// the static UI) are written by hand in main/core/api.
import type { ClientOf, InputOf, OutputOf } from './define.js';
import {
  changeOwnPin,
  createOperator,
  createToken,
  deleteOperator,
  enrolBrowser,
  getOperator,
  getPolicy,
  getSession,
  listOperators,
  listSignInOperators,
  listTokens,
  putPolicy,
  revokeToken,
  signIn,
  signOut,
  unlockOperator,
  updateOperator,
} from './access.js';
import {
  createCallback,
  deleteCallback,
  getCallback,
  listCallbacks,
  replaceCallback,
  setCallbackStatus,
} from './callbacks.js';
import { createBackupNow, getBackups, putBackupSettings, restoreFromBackup } from './backups.js';
import { checkConnection, connectionRateLimit } from './connection.js';
import {
  getDelivery,
  listDeliveries,
  listDeliveryTargets,
  retryCallbackDeliveries,
  retryDelivery,
  sendTestNotification,
} from './deliveries.js';
import { getQuarantine, listQuarantine, replayQuarantine, resolveQuarantine } from './quarantine.js';
import {
  cancelRemote,
  exportRemotes,
  getRemote,
  getVehicleCallbackRemote,
  listRemotes,
  listVehicleCallbackRemotes,
  resendRemote,
  sendRemote,
} from './remotes.js';
import {
  cancelBulkRemote,
  createGroup,
  createSchedule,
  deleteGroup,
  deleteSchedule,
  getBulkRemote,
  getBulkRemoteReport,
  getGroup,
  getSchedule,
  listBulkRemotes,
  listGroups,
  listScheduleRuns,
  listSchedules,
  replaceGroup,
  replaceSchedule,
  setScheduleStatus,
  startBulkRemote,
} from './routines.js';
import { getSettings, putSettings } from './settings.js';
import { exportAudit, getDiagnostics, health, listAudit } from './system.js';
import { checkForUpdates, getUpdates, installUpdate, putUpdateSettings } from './updates.js';
import { getVehicle, listVehicles } from './vehicles.js';

export const OPERATIONS = {
  health,
  listVehicles,
  getVehicle,
  listCallbacks,
  getCallback,
  createCallback,
  replaceCallback,
  setCallbackStatus,
  deleteCallback,
  sendTestNotification,
  sendRemote,
  listVehicleCallbackRemotes,
  getVehicleCallbackRemote,
  listRemotes,
  exportRemotes,
  getRemote,
  cancelRemote,
  resendRemote,
  listDeliveries,
  getDelivery,
  listDeliveryTargets,
  retryDelivery,
  retryCallbackDeliveries,
  listQuarantine,
  getQuarantine,
  replayQuarantine,
  resolveQuarantine,
  getSettings,
  putSettings,
  checkConnection,
  connectionRateLimit,
  listAudit,
  exportAudit,
  getDiagnostics,
  getSession,
  signIn,
  signOut,
  listSignInOperators,
  enrolBrowser,
  changeOwnPin,
  listOperators,
  createOperator,
  getOperator,
  updateOperator,
  deleteOperator,
  unlockOperator,
  listTokens,
  createToken,
  revokeToken,
  getPolicy,
  putPolicy,
  listGroups,
  createGroup,
  getGroup,
  replaceGroup,
  deleteGroup,
  startBulkRemote,
  listBulkRemotes,
  getBulkRemote,
  cancelBulkRemote,
  getBulkRemoteReport,
  listSchedules,
  createSchedule,
  getSchedule,
  replaceSchedule,
  deleteSchedule,
  setScheduleStatus,
  listScheduleRuns,
  getUpdates,
  putUpdateSettings,
  checkForUpdates,
  installUpdate,
  getBackups,
  putBackupSettings,
  createBackupNow,
  restoreFromBackup,
} as const;

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = InputOf<Operations[K]>;
export type OperationOutput<K extends OperationName> = OutputOf<Operations[K]>;
/** One method per operation, taking its single input object. */
export type OperationsClient = ClientOf<Operations>;

// Each entry is filed under its own name (the name is the operationId, the IPC channel and the method).
type Misfiled = { [K in OperationName]: Operations[K]['name'] extends K ? never : K }[OperationName];
const everyEntryUnderItsName: [Misfiled] extends [never] ? true : Misfiled = true;
void everyEntryUnderItsName;

export * from './define.js';
export { inputErrorsOf, inputFieldOf, inputSchemaOf, operatorInput, reasonInput } from './input-schema.js';
export { OPERATION_NAMES } from './names.js';
