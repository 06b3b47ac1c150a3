// window.depotRemote: the client contract over IPC. One method per operation name (OPERATION_NAMES: the registry's
// names without zod), each taking the operation's one input object, invoking its own channel and unwrapping main's
// {ok, value | error} envelope; a failure rejects with the plain {status, code, message, errors} object (a plain
// object survives contextBridge; an Error's own fields would not). Change events arrive on one channel and go to the
// page's listeners; main pushes them only after the first subscribe().
import type { ChangeListener, ClientFailure, ConnectionListener } from '../contract/client.js';
import type { ChangeEvent } from '../contract/events.js';
import { ipcChannel, IPC_EVENTS, type IpcResult } from '../contract/ipc-channels.js';
import type { DesktopBridge, RendererLogLevel } from '../contract/ipc.js';
import { OPERATION_NAMES } from '../contract/operations/names.js';
import type { OperationsClient } from '../contract/operations/index.js';

/** The part of ipcRenderer the bridge uses (never exposed to the page itself). */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const UNREACHABLE: ClientFailure = {
  status: 0,
  code: 'AGENT_UNREACHABLE',
  message: 'The app could not reach its agent. Restart Depot Remote.',
  errors: [],
};

function isResult(value: unknown): value is IpcResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * The bridge; `names` are the operations it forwards (OPERATION_NAMES; a test may add its own). The methods are
 * typed as the registry's client: names.ts fails to compile when its list and the registry differ.
 */
export function createBridge(ipc: BridgeIpc, names: readonly string[] = OPERATION_NAMES): DesktopBridge {
  async function call(method: string, args: unknown[]): Promise<unknown> {
    let result: unknown;
    try {
      result = await ipc.invoke(ipcChannel(method), ...args);
    } catch {
      return Promise.reject({ ...UNREACHABLE });
    }
    if (!isResult(result)) return Promise.reject({ ...UNREACHABLE });
    if (result.ok) return result.value;
    return Promise.reject({ ...result.error });
  }
  const operations = Object.fromEntries(
    names.map((name) => [name, (input?: unknown) => call(name, input === undefined ? [] : [input])]),
  ) as unknown as OperationsClient;

  const listeners = new Set<ChangeListener>();
  ipc.on(IPC_EVENTS.change, (_event, payload) => {
    for (const listener of [...listeners]) {
      try {
        listener(payload as ChangeEvent);
      } catch (err) {
        void call('log', ['error', `change listener failed: ${(err as Error)?.message ?? String(err)}`]);
      }
    }
  });

  return {
    ...operations,
    // The session is the operations' (getSession, signIn, signOut), answered by main like any other call.
    transport: 'bridge',

    subscribe(listener: ChangeListener) {
      listeners.add(listener);
      if (listeners.size === 1) void ipc.invoke(IPC_EVENTS.subscribe).catch(() => undefined);
      return () => {
        if (listeners.delete(listener) && listeners.size === 0)
          void ipc.invoke(IPC_EVENTS.unsubscribe).catch(() => undefined);
      };
    },
    // IPC does not drop like a network stream: the bridge is live for as long as the page exists.
    onConnection(listener: ConnectionListener) {
      listener('live');
      return () => undefined;
    },

    log(level: RendererLogLevel, message: string) {
      void call('log', [level, String(message).slice(0, 8000)]).catch(() => undefined);
    },
  } satisfies DesktopBridge;
}
