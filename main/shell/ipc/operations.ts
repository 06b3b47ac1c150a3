// What each bridge method does in main: the same core services the HTTP routes call, with the same defaults
// (page sizes, the operator recorded in the audit log) and the same refusals. Arguments arrive already checked
// against preload/contract/ipc.ts; rules that need the domain (remote bodies, callback bodies, remote types) are
// the core's, exactly as behind /api/v1.
import type { ContractIpcMethod, IpcArgs, IpcValue } from '../../../preload/contract/ipc.js';
import type { SettingsPort } from '../../core/api/routes/settings.js';
import type { Core } from '../../core/create-core.js';
import { REMOTE_TYPES, type RemoteType } from '../../core/domain/remote-type.js';
import { ACTION_PHASES, type ActionPhase } from '../../core/domain/status.js';
import type { Actor } from '../../core/services/actor.js';
import { invalid } from '../../core/services/service-error.js';

export type IpcOperations = {
  [M in ContractIpcMethod]: (...args: IpcArgs<M>) => Promise<IpcValue<M>> | IpcValue<M>;
};

export interface OperationsDeps {
  core: Pick<Core, 'services' | 'connectorName'>;
  settings: SettingsPort;
  version: string;
  startedAt: number;
  now?: () => number;
}

/** The operator named by the page, or "desktop" (the HTTP API records "api"). */
export function desktopActor(operator?: string, reason?: string): Actor {
  return { operator: operator?.trim() || 'desktop', reason: reason?.trim() || null };
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined, field: string) => {
  if (value === undefined || value === '') return undefined;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw invalid('The request is not valid.', [{ field, message: `Must be one of: ${values.join(', ')}.` }]);
};

export function createIpcOperations({
  core,
  settings,
  version,
  startedAt,
  now = Date.now,
}: OperationsDeps): IpcOperations {
  const { vehicles, callbacks, remotes, deliveries, audit, quarantine } = core.services;
  return {
    health: () => ({
      // The desktop window is always its own authenticated caller: it gets the whole answer.
      ...core.services.storage.status(),
      version,
      connector: core.connectorName,
      uptimeSeconds: Math.round((now() - startedAt) / 1000),
    }),

    listVehicles: (query = {}) =>
      vehicles.list({
        ...(query.search ? { search: query.search } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      }),
    getVehicle: (vehicle) => vehicles.get(vehicle),

    listCallbacks: async () => {
      const items = await callbacks.list();
      return { items, total: items.length };
    },
    getCallback: (id) => callbacks.get(id),
    createCallback: (body, operator) => callbacks.create(body, desktopActor(operator)),
    replaceCallback: (id, body, operator) => callbacks.replace(id, body, desktopActor(operator)),
    setCallbackStatus: (id, status, operator) => callbacks.setStatus(id, { status }, desktopActor(operator)),
    deleteCallback: (id, operator) => callbacks.remove(id, desktopActor(operator)),
    sendTestNotification: (id, operator) => deliveries.sendTest(id, desktopActor(operator)),

    sendRemote: async ({ vehicle, callbackId, body, operator, reason }) => {
      const action = await remotes.send({
        vehicleRef: vehicle,
        callbackId,
        body,
        actor: desktopActor(operator, reason),
      });
      return {
        _links: {
          self: action._links.self,
          callback: action._links.callback,
          remote: { href: `/api/v1/remotes/${action.remoteActionId}` },
        },
        remoteActionId: action.remoteActionId,
        type: action.type,
      };
    },
    listRemotes: (query = {}) => {
      const type = oneOf<RemoteType>(REMOTE_TYPES, query.type, 'type');
      const phase = oneOf<ActionPhase>(ACTION_PHASES, query.phase, 'phase');
      return remotes.list({
        ...(query.vehicle ? { vehicleRef: query.vehicle } : {}),
        ...(type ? { type } : {}),
        ...(phase ? { phase } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
    },
    getRemote: (id) => remotes.get(id),

    listDeliveries: (query = {}) =>
      deliveries.list({
        ...(query.callback ? { callbackId: query.callback } : {}),
        ...(query.state ? { state: query.state } : {}),
        ...(query.vehicle ? { vehicle: query.vehicle } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      }),
    getDelivery: (id) => deliveries.get(id),
    listDeliveryTargets: () => deliveries.targets(),
    retryDelivery: (id, operator) => deliveries.retry(id, desktopActor(operator)),
    retryCallbackDeliveries: (id, operator) => deliveries.retryCallback(id, desktopActor(operator)),

    listQuarantine: (query = {}) =>
      quarantine.list({
        ...(query.unresolved === undefined ? {} : { unresolved: query.unresolved }),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      }),

    getSettings: () => settings.get(),
    putSettings: (input) => settings.put(input, desktopActor()),

    listAudit: async (query = {}) => ({
      items: audit.list({
        limit: query.limit ?? 100,
        ...(query.beforeSeq ? { beforeSeq: query.beforeSeq } : {}),
        ...(query.vin ? { vin: query.vin } : {}),
        ...(query.action ? { action: query.action } : {}),
      }),
    }),
  };
}
