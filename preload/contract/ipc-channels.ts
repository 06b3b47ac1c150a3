// The desktop bridge's wire: IPC channel names, the methods that cross, and the result envelope. Plain constants
// with no imports, so the sandboxed preload (which can require nothing but electron) bundles them as they are;
// the argument schemas that main checks every call against are in ipc.ts.

/** Every method the preload forwards to main: the client contract's calls plus `log` (renderer errors). */
export const IPC_METHODS = [
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
  'listRemotes',
  'getRemote',
  'listDeliveries',
  'getDelivery',
  'listDeliveryTargets',
  'retryDelivery',
  'retryCallbackDeliveries',
  'listQuarantine',
  'getSettings',
  'putSettings',
  'listAudit',
  'log',
] as const;
export type IpcMethod = (typeof IPC_METHODS)[number];

const PREFIX = 'depot-remote';

/** One channel per method: main registers one handler for each. */
export function ipcChannel(method: IpcMethod): string {
  return `${PREFIX}:call:${method}`;
}

export const IPC_EVENTS = {
  /** renderer → main (invoke): start pushing change events to this window. */
  subscribe: `${PREFIX}:events:subscribe`,
  /** renderer → main (invoke): stop pushing them. */
  unsubscribe: `${PREFIX}:events:unsubscribe`,
  /** main → renderer: one committed change (a ChangeEvent). */
  change: `${PREFIX}:events:change`,
  /** main → renderer: open a page (a notification was clicked). */
  navigate: `${PREFIX}:navigate`,
} as const;

/** A failed call, as a value: the API's error body plus the HTTP-equivalent status. */
export interface IpcFailure {
  status: number;
  code: string;
  message: string;
  errors: { field: string; message: string }[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcFailure };

/** What main asks the window to open. */
export interface NavigateMessage {
  page: 'action';
  remoteActionId: string;
}

/** The hash route of an action page (the renderer's router: #/actions/<id>). */
export function actionHash(remoteActionId: string): string {
  return `#/actions/${encodeURIComponent(remoteActionId)}`;
}

/** Ids as the API accepts them in a path: letters, digits and - _ . : ~ only. */
export const ID_PATTERN = /^[\w.:~-]{1,200}$/;
