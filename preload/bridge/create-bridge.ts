// window.depotRemote: the client contract over IPC. Each method invokes its own channel and unwraps main's
// {ok, value | error} envelope; a failure rejects with the plain {status, code, message, errors} object (a plain
// object survives contextBridge; an Error's own fields would not). Change events arrive on one channel and go
// to the page's listeners; main pushes them only after the first subscribe().
import type { ChangeListener, ClientFailure, ConnectionListener } from '../contract/client.js';
import type { ChangeEvent } from '../contract/events.js';
import { ipcChannel, IPC_EVENTS, type IpcMethod, type IpcResult } from '../contract/ipc-channels.js';
import type { ContractIpcMethod, DesktopBridge, IpcValue, RendererLogLevel } from '../contract/ipc.js';

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

export function createBridge(ipc: BridgeIpc): DesktopBridge {
  async function call<M extends IpcMethod>(method: M, args: unknown[]): Promise<IpcValue<M>> {
    let result: unknown;
    try {
      result = await ipc.invoke(ipcChannel(method), ...args);
    } catch {
      return Promise.reject({ ...UNREACHABLE });
    }
    if (!isResult(result)) return Promise.reject({ ...UNREACHABLE });
    if (result.ok) return result.value as IpcValue<M>;
    return Promise.reject({ ...result.error });
  }
  const method =
    <M extends ContractIpcMethod>(name: M) =>
    (...args: unknown[]) =>
      call(name, args);

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
    transport: 'bridge',
    // The desktop window is the agent's own: there is no session to open or close.
    hasSession: async () => true,
    login: async () => undefined,
    logout: async () => undefined,
    health: method('health'),

    listVehicles: method('listVehicles'),
    getVehicle: method('getVehicle'),

    listCallbacks: method('listCallbacks'),
    getCallback: method('getCallback'),
    createCallback: method('createCallback'),
    replaceCallback: method('replaceCallback'),
    setCallbackStatus: method('setCallbackStatus'),
    deleteCallback: method('deleteCallback'),
    sendTestNotification: method('sendTestNotification'),

    sendRemote: method('sendRemote'),
    listRemotes: method('listRemotes'),
    getRemote: method('getRemote'),

    listDeliveries: method('listDeliveries'),
    getDelivery: method('getDelivery'),
    listDeliveryTargets: method('listDeliveryTargets'),
    retryDelivery: method('retryDelivery'),
    retryCallbackDeliveries: method('retryCallbackDeliveries'),

    listQuarantine: method('listQuarantine'),

    getSettings: method('getSettings'),
    putSettings: method('putSettings'),

    listAudit: method('listAudit'),

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
