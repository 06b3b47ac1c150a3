// The operation names as plain strings: all the sandboxed preload bundles of the registry (it must not carry zod,
// so this file imports nothing at run time). The type check below fails to compile when this list and the
// registry (index.ts) differ; a test checks the order too.
import type { OperationName } from './index.js';

export const OPERATION_NAMES = [
  'health',
  'listVehicles',
  'getVehicle',
  'listCallbacks',
  'getCallback',
  'createCallback',
  'replaceCallback',
  'setCallbackStatus',
  'deleteCallback',
  'sendTestNotification',
  'sendRemote',
  'listVehicleCallbackRemotes',
  'getVehicleCallbackRemote',
  'listRemotes',
  'getRemote',
  'cancelRemote',
  'resendRemote',
  'listDeliveries',
  'getDelivery',
  'listDeliveryTargets',
  'retryDelivery',
  'retryCallbackDeliveries',
  'listQuarantine',
  'getQuarantine',
  'replayQuarantine',
  'resolveQuarantine',
  'getSettings',
  'putSettings',
  'checkConnection',
  'connectionRateLimit',
  'listAudit',
  'getSession',
  'signIn',
  'signOut',
  'listSignInOperators',
  'enrolBrowser',
  'changeOwnPin',
  'listOperators',
  'createOperator',
  'getOperator',
  'updateOperator',
  'deleteOperator',
  'unlockOperator',
  'listTokens',
  'createToken',
  'revokeToken',
  'getPolicy',
  'putPolicy',
] as const;

type Listed = (typeof OPERATION_NAMES)[number];
type Missing = Exclude<OperationName, Listed>;
type Unknown = Exclude<Listed, OperationName>;
/** Fails to compile with the names missing from the list, or listed but not in the registry. */
const sameAsTheRegistry: [Missing | Unknown] extends [never] ? true : Missing | Unknown = true;
void sameAsTheRegistry;
