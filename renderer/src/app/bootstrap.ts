// Builds the client and the stores for the page: the client reports an ended session to the session store, and
// finished commands (and bulk commands) raise a browser notification that opens them. The session is asked for here, before the first
// render, and the page's data as soon as it answers signed in (follow-session.ts).
import { createClient } from '../api/create-client.js';
import { createStores, type Stores } from '../stores/app-stores.js';
import { createBulkNotifier } from './bulk-notifier.js';
import { createDoneNotifier } from './done-notifier.js';
import { followSession } from './follow-session.js';

export function bootstrap(): Stores {
  let stores: Stores | null = null;
  const client = createClient(() => stores?.session.getState().expired());
  const notify = createDoneNotifier({
    vehicleName: (id) => {
      const v = stores?.vehicles.getState().items.find((x) => x.id === id);
      return v ? (v.label ?? v.vin) : undefined;
    },
    open: (remoteActionId) => stores?.router.getState().navigate({ name: 'action', remoteActionId }),
    enabled: () => stores?.settings.getState().settings?.notifications.desktop ?? true,
  });
  const notifyBulk = createBulkNotifier({
    open: (bulkId) => stores?.router.getState().navigate({ name: 'bulk', bulkId }),
    enabled: () => stores?.settings.getState().settings?.notifications.desktop ?? true,
  });
  stores = createStores(client, {
    storage: window.localStorage,
    window,
    // A bulk's commands are told with the bulk, once, not one notification per vehicle.
    onActionCompleted: (action) => {
      if (action.bulkId) return;
      if (!stores) return notify(action);
      void stores.bulks
        .getState()
        .sentByBulk(action.remoteActionId)
        .then((fromBulk) => {
          if (!fromBulk) notify(action);
        });
    },
    onBulkFinished: notifyBulk,
  });
  // Held for the page's life.
  followSession(stores);
  return stores;
}
