// One ipcMain.handle per bridge method. Every call is checked in order: the sender (our window, our page, its top
// frame), then the arguments against the contract's schema; then the core answers. Every outcome crosses as a
// value, {ok: true, value} or {ok: false, error: {status, code, message, errors}}, so nothing is thrown across
// the bridge (thrown errors lose their fields there).
import { ipcMain } from 'electron';
import type { z } from 'zod';
import {
  ipcArgumentSchemas,
  ipcChannel,
  IPC_EVENTS,
  IPC_METHODS,
  type IpcFailure,
  type IpcMethod,
  type IpcResult,
  type RendererLogLevel,
} from '../../../preload/contract/ipc.js';
import type { Logger } from '../../core/ports/logger.js';
import { ServiceError } from '../../core/services/service-error.js';
import type { EventPush } from './event-push.js';
import type { IpcOperations } from './operations.js';
import type { IpcEvent } from './sender-check.js';

export interface IpcDeps {
  operations: IpcOperations;
  isTrustedSender(event: IpcEvent): boolean;
  events: EventPush;
  rendererLog(level: RendererLogLevel, message: string): void;
  logger: Logger;
}

export const FORBIDDEN_SENDER: IpcFailure = {
  status: 403,
  code: 'FORBIDDEN_SENDER',
  message: 'This page may not use the Depot Remote bridge.',
  errors: [],
};

export function validationFailure(error: z.ZodError): IpcFailure {
  return {
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'The request is not valid.',
    errors: error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'arguments',
      message: issue.message,
    })),
  };
}

export function failureOf(err: unknown, method: string, logger: Logger): IpcFailure {
  if (err instanceof ServiceError) {
    return { status: err.status, code: err.code, message: err.message, errors: err.errors };
  }
  logger.error('bridge call failed', { method, error: (err as Error)?.message ?? String(err) });
  return {
    status: 500,
    code: 'INTERNAL',
    message: 'Something went wrong in the agent; see the log.',
    errors: [],
  };
}

/** Registers every handler; returns the function that removes them all. */
export function registerIpc({
  operations,
  isTrustedSender,
  events,
  rendererLog,
  logger,
}: IpcDeps): () => void {
  const refuse = (channel: string, event: IpcEvent) =>
    logger.warn('bridge call refused: not our page', {
      channel,
      url: event.senderFrame?.url?.slice(0, 300) ?? null,
    });

  const handle = async (method: IpcMethod, event: IpcEvent, args: unknown[]): Promise<IpcResult<unknown>> => {
    if (!isTrustedSender(event)) {
      refuse(method, event);
      return { ok: false, error: FORBIDDEN_SENDER };
    }
    const parsed = ipcArgumentSchemas[method].safeParse(args);
    if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
    try {
      if (method === 'log') {
        const [level, message] = parsed.data as [RendererLogLevel, string];
        rendererLog(level, message);
        return { ok: true, value: undefined };
      }
      const operation = operations[method] as (...a: unknown[]) => unknown;
      return { ok: true, value: await operation(...(parsed.data as unknown[])) };
    } catch (err) {
      return { ok: false, error: failureOf(err, method, logger) };
    }
  };

  const channels: string[] = [];
  for (const method of IPC_METHODS) {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, (event, ...args: unknown[]) => handle(method, event, args));
    channels.push(channel);
  }
  ipcMain.handle(IPC_EVENTS.subscribe, (event): IpcResult<null> => {
    if (!isTrustedSender(event)) {
      refuse(IPC_EVENTS.subscribe, event);
      return { ok: false, error: FORBIDDEN_SENDER };
    }
    events.add(event.sender);
    return { ok: true, value: null };
  });
  ipcMain.handle(IPC_EVENTS.unsubscribe, (event): IpcResult<null> => {
    events.remove(event.sender);
    return { ok: true, value: null };
  });
  channels.push(IPC_EVENTS.subscribe, IPC_EVENTS.unsubscribe);

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
