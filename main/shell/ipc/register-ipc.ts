// One ipcMain.handle per operation of the registry, plus `log` and the event subscription. Every call is checked in
// order: the sender (our window, our page, its top frame), then its one input object against the entry's input
// schema (strict: params ∪ query ∪ {body} ∪ {operator?, reason?}); then the core's handler answers — the same one
// behind /api/v1 — and the answer is encoded by the entry's output schema, as the HTTP API serialises it. Every
// outcome crosses as a value, {ok: true, value} or {ok: false, error: {status, code, message, errors}}, so nothing
// is thrown across the bridge (thrown errors lose their fields there).
import { ipcMain } from 'electron';
import { z } from 'zod';
import {
  ipcChannel,
  IPC_EVENTS,
  logArgumentsSchema,
  type IpcFailure,
  type IpcResult,
  type RendererLogLevel,
} from '../../../preload/contract/ipc.js';
import type {
  FileStream,
  OperationRegistry,
  OperationSpec,
} from '../../../preload/contract/operations/define.js';
import { inputErrorsOf, inputSchemaOf } from '../../../preload/contract/operations/input-schema.js';
import { OPERATIONS, type Operations } from '../../../preload/contract/operations/index.js';
import { errorBody, serviceErrorBody } from '../../core/api/api-error.js';
import { MAPPED_ANSWERS } from '../../core/api/route-kit.js';
import { isDiskFull } from '../../core/db/index.js';
import type { OperationHandler, OperationHandlers } from '../../core/operations/ports.js';
import type { Logger } from '../../core/ports/logger.js';
import { ANONYMOUS, type Actor } from '../../core/kernel/actor.js';
import type { DesktopSession } from './desktop-session.js';
import { ServiceError } from '../../core/kernel/service-error.js';
import type { EventPush } from './event-push.js';
import type { IpcEvent } from './sender-check.js';

export interface IpcDeps<R extends OperationRegistry = Operations> {
  /** Who the desktop window acts as: kept here for the window, resolved at each call (desktop-session.ts). */
  session: DesktopSession;
  /** The operations served: OPERATIONS by default (a test may add its own). */
  registry?: R;
  /** The core's handlers (main/core/operations/handlers.ts): the same ones the local API calls. */
  handlers: OperationHandlers<R>;
  isTrustedSender(event: IpcEvent): boolean;
  events: EventPush;
  rendererLog(level: RendererLogLevel, message: string): void;
  logger: Logger;
}

// Over the bridge, errors are worded in English (issue 17): the renderer words them itself from the code, the
// rules and their values (renderer/src/components/field-errors.ts), the English message is its fallback.
export const FORBIDDEN_SENDER: IpcFailure = { status: 403, ...errorBody(null, 'FORBIDDEN_SENDER') };

/** The input did not match the operation's schema: zod's account per field (the contract's input-schema.ts). */
const invalid = (errors: IpcFailure['errors']): IpcFailure => ({
  status: 400,
  ...errorBody(null, 'VALIDATION_FAILED'),
  errors,
});

export function failureOf(err: unknown, method: string, logger: Logger): IpcFailure {
  if (err instanceof ServiceError) return { status: err.status, ...serviceErrorBody('en', err) };
  if (isDiskFull(err)) return { status: 507, ...errorBody(null, 'DISK_FULL') };
  logger.error('bridge call failed', { method, error: (err as Error)?.message ?? String(err) });
  return { status: 500, ...errorBody(null, 'INTERNAL') };
}

const SIGNED_OUT: IpcFailure = {
  status: 401,
  code: 'UNAUTHORIZED',
  message: 'Sign in first.',
  errors: [],
};

/** The window's actor for one call: the session's, with the page's reason, "on behalf of" and approval. */
export function desktopActor(
  base: Actor,
  input: { operator?: string; reason?: string; approver?: string; approverPin?: string },
): Actor {
  const onBehalfOf = base.kind === 'machine' || base.kind === 'token' ? input.operator?.trim() || null : null;
  return {
    ...base,
    reason: input.reason?.trim() || null,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    ...(input.approver && input.approverPin
      ? { approval: { approver: input.approver, pin: input.approverPin } }
      : {}),
  };
}

/** Runs one operation call as the bridge does: input check, handler, output encoded; failures as values. */
export async function callOperation(
  name: string,
  op: OperationSpec,
  handler: OperationHandler<OperationSpec>,
  args: readonly unknown[],
  logger: Logger,
  session: DesktopSession,
): Promise<IpcResult<unknown>> {
  if (args.length > 1) {
    return { ok: false, error: invalid([{ field: '', message: `${name} takes one input object.` }]) };
  }
  const parsed = inputSchemaOf(op).safeParse(args[0] ?? {});
  if (!parsed.success) return { ok: false, error: invalid(inputErrorsOf(op, parsed.error)) };
  // The X-Depot-* values come apart from the input only where the entry declares those headers: elsewhere a field
  // of the same name is the operation's own (listAudit's and exportAudit's `operator` filter).
  const headers = op.input?.headers ?? {};
  const data = { ...(parsed.data as Record<string, unknown>) };
  const take = (key: string, declared: boolean | undefined): string | undefined => {
    if (!declared) return undefined;
    const value = data[key];
    delete data[key];
    return value as string | undefined;
  };
  const operator = take('operator', headers.operator);
  const reason = take('reason', headers.reason);
  const approver = take('approver', headers.approval);
  const approverPin = take('approverPin', headers.approval);
  const input = data;
  const caller = session.actor();
  if (!caller && op.http.public !== true) return { ok: false, error: SIGNED_OUT };
  let value: unknown;
  try {
    value = await handler(input as never, {
      actor: caller
        ? desktopActor(caller, {
            ...(operator !== undefined ? { operator } : {}),
            ...(reason !== undefined ? { reason } : {}),
            ...(approver !== undefined ? { approver } : {}),
            ...(approverPin !== undefined ? { approverPin } : {}),
          })
        : ANONYMOUS,
      authenticated: caller !== null,
      session: session.port,
    });
    // A streamed answer (an export) crosses the bridge whole, as its text: IPC carries values, not streams.
    if (op.http.stream) {
      let text = '';
      for await (const chunk of (value as FileStream).chunks) text += chunk;
      value = text;
    }
  } catch (err) {
    return { ok: false, error: failureOf(err, name, logger) };
  }
  if (op.http.status === 204) return { ok: true, value: undefined };
  // The second answer an input may ask for (a bulk command's dry run: its plan) is encoded by its own schema.
  const { alternate } = op.http;
  const asked = alternate && (input as Record<string, unknown>)[alternate.whenQuery] === true;
  // Answered as built, as over HTTP: one typed mapper makes them and a test holds them to the schema (route-kit.ts
  // says why; the fleet list's check was ~20 ms at 5,000 vehicles).
  if (MAPPED_ANSWERS.has(name) && !asked) return { ok: true, value };
  const encoded = z.safeEncode(asked ? alternate.output : op.output, value as never);
  if (!encoded.success) {
    logger.error('answer did not match its schema', { method: name, error: encoded.error.message });
    return {
      ok: false,
      error: {
        status: 500,
        code: 'INTERNAL',
        message: 'The agent produced an invalid answer; see the log.',
        errors: [],
      },
    };
  }
  return { ok: true, value: encoded.data };
}

/** Registers every handler; returns the function that removes them all. */
export function registerIpc<R extends OperationRegistry = Operations>({
  registry = OPERATIONS as unknown as R,
  session,
  handlers,
  isTrustedSender,
  events,
  rendererLog,
  logger,
}: IpcDeps<R>): () => void {
  const refuse = (channel: string, event: IpcEvent) =>
    logger.warn('bridge call refused: not our page', {
      channel,
      url: event.senderFrame?.url?.slice(0, 300) ?? null,
    });
  const trusted = (channel: string, event: IpcEvent) => {
    if (isTrustedSender(event)) return true;
    refuse(channel, event);
    return false;
  };

  const channels: string[] = [];
  const handle = (channel: string, run: (event: IpcEvent, args: unknown[]) => unknown) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => run(event, args));
    channels.push(channel);
  };

  for (const [name, op] of Object.entries(registry)) {
    const handler = (handlers as Record<string, OperationHandler<OperationSpec> | undefined>)[name];
    if (!handler) throw new Error(`No handler for operation ${name}`);
    const channel = ipcChannel(name);
    handle(channel, (event, args) =>
      trusted(channel, event)
        ? callOperation(name, op, handler, args, logger, session)
        : { ok: false, error: FORBIDDEN_SENDER },
    );
  }

  const logChannel = ipcChannel('log');
  handle(logChannel, (event, args): IpcResult<undefined> => {
    if (!trusted(logChannel, event)) return { ok: false, error: FORBIDDEN_SENDER };
    const parsed = logArgumentsSchema.safeParse(args);
    if (!parsed.success) {
      return {
        ok: false,
        error: invalid(
          parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
        ),
      };
    }
    rendererLog(...parsed.data);
    return { ok: true, value: undefined };
  });

  handle(IPC_EVENTS.subscribe, (event): IpcResult<null> => {
    if (!trusted(IPC_EVENTS.subscribe, event)) return { ok: false, error: FORBIDDEN_SENDER };
    events.add(event.sender);
    return { ok: true, value: null };
  });
  handle(IPC_EVENTS.unsubscribe, (event): IpcResult<null> => {
    events.remove(event.sender);
    return { ok: true, value: null };
  });

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
