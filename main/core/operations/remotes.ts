// Remote actions: send (the body is the domain's to validate), take one out of the queue, send one again, and read
// them by vehicle and callback or by id.
import type { ExportService } from '../services/export-service.js';
import type { RemotesService } from '../services/remotes-service.js';
import type { OperationHandlers } from './ports.js';

type RemoteOperations =
  | 'sendRemote'
  | 'listVehicleCallbackRemotes'
  | 'getVehicleCallbackRemote'
  | 'listRemotes'
  | 'exportRemotes'
  | 'getRemote'
  | 'cancelRemote'
  | 'resendRemote';

export function remoteHandlers(
  remotes: RemotesService,
  exports: ExportService,
): Pick<OperationHandlers, RemoteOperations> {
  return {
    sendRemote: async ({ vid, cbid, body, whenBusy, expiresInSeconds }, { actor }) => {
      const action = await remotes.send({
        vehicleRef: vid,
        callbackId: cbid,
        body,
        actor,
        whenBusy,
        expiresInSeconds,
      });
      // The fleet API's answer to a POST: the ids and where to follow the action; and whether it waits its turn.
      return {
        _links: {
          self: action._links.self,
          callback: action._links.callback,
          remote: { href: `/api/v1/remotes/${action.remoteActionId}` },
        },
        remoteActionId: action.remoteActionId,
        type: action.type,
        phase: action.phase,
        ...(action.queue ? { queue: action.queue } : {}),
      };
    },
    listVehicleCallbackRemotes: ({ vid, cbid, limit, offset }) =>
      remotes.listForVehicleCallback(vid, cbid, { limit, offset }),
    getVehicleCallbackRemote: ({ vid, cbid, rid }) => remotes.getForVehicleCallback(vid, cbid, rid),
    listRemotes: ({ vehicle, ...rest }) =>
      remotes.list({ ...rest, ...(vehicle ? { vehicleRef: vehicle } : {}) }),
    exportRemotes: (query, { actor }) => exports.remotes(actor, query),
    getRemote: ({ rid }) => remotes.get(rid),
    cancelRemote: ({ rid }, { actor }) => remotes.cancel(rid, actor),
    resendRemote: ({ rid, wakeFirst, whenBusy, expiresInSeconds }, { actor }) =>
      remotes.resend(rid, actor, { wakeFirst, whenBusy, expiresInSeconds }),
  };
}
