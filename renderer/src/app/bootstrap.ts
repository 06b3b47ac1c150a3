// Builds the client and the stores for the page: the client reports an ended session to the session store, and
// finished commands raise a browser notification that opens them.
import { createClient } from '../api/create-client.js';
import { createStores, type Stores } from '../stores/app-stores.js';
import { createDoneNotifier } from './done-notifier.js';

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
  stores = createStores(client, { storage: window.localStorage, window, onActionCompleted: notify });
  return stores;
}
