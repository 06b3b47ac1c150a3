// Depot routines (issue 16): vehicle groups and bulk commands. Reads are open to anyone signed in; the services ask
// the access guard for every change. A bulk's dry run answers its plan (200) instead of starting it (202).
import type { BulkService } from '../services/bulk-service.js';
import type { GroupsService } from '../services/groups-service.js';
import type { OperationHandlers } from './ports.js';

type RoutineOperations =
  | 'listGroups'
  | 'createGroup'
  | 'getGroup'
  | 'replaceGroup'
  | 'deleteGroup'
  | 'startBulkRemote'
  | 'listBulkRemotes'
  | 'getBulkRemote'
  | 'cancelBulkRemote'
  | 'getBulkRemoteReport';

export function routineHandlers(
  groups: GroupsService,
  bulk: BulkService,
): Pick<OperationHandlers, RoutineOperations> {
  return {
    listGroups: () => groups.list(),
    createGroup: ({ body }, { actor }) => groups.create(actor, body),
    getGroup: ({ id }) => groups.get(id),
    replaceGroup: ({ id, body }, { actor }) => groups.replace(actor, id, body),
    deleteGroup: ({ id }, { actor }) => groups.delete(actor, id),
    startBulkRemote: ({ dryRun, whenBusy, expiresInSeconds, body }, { actor }) => {
      // The body's fields are the command's (remote, callbackId, vehicleIds | groupId).
      const command = { ...body, actor, whenBusy, expiresInSeconds };
      return dryRun ? bulk.plan(command) : bulk.start(command);
    },
    listBulkRemotes: ({ limit, offset }) => bulk.list({ limit, offset }),
    getBulkRemote: ({ bulkId }) => bulk.get(bulkId),
    cancelBulkRemote: ({ bulkId }, { actor }) => bulk.cancel(bulkId, actor),
    getBulkRemoteReport: ({ bulkId }) => bulk.report(bulkId),
  };
}
