// The desktop bridge's wire: IPC channel names, the methods that cross, and the result envelope. Plain constants
// that import only the operation names, so the sandboxed preload (which can require nothing but electron) bundles
// them as they are; main checks every call against the registry entry's input schema (operations/input-schema.ts).
import type { ErrorBody } from './dto.js';
import { OPERATION_NAMES } from './operations/names.js';

/**
 * Every method the preload forwards to main: one per operation of the registry (operations/names.ts, which
 * imports no zod) plus `log` (renderer errors).
 */
export const IPC_METHODS = [...OPERATION_NAMES, 'log'] as const;
export type IpcMethod = (typeof IPC_METHODS)[number];

const PREFIX = 'depot-remote';

/** One channel per method: main registers one handler for each. */
export function ipcChannel(method: IpcMethod | (string & {})): string {
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

/** A failed call, as a value: the API's error body (worded in English; code, rules and values for the renderer to
 * word itself) plus the HTTP-equivalent status. */
export interface IpcFailure extends ErrorBody {
  status: number;
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
