// Every store of the app, built on one client, and the live wiring: change events go to the store they concern;
// when the stream comes back after a drop, what may have been missed is read again.
import type { DepotRemoteClient } from '../../../preload/contract/client.js';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import { createActionsStore } from './actions-store.js';
import { createAuditStore } from './audit-store.js';
import { createCallbacksStore } from './callbacks-store.js';
import { createConnectionStore } from './connection-store.js';
import { createDeliveriesStore } from './deliveries-store.js';
import { createHistoryStore, isUnfiltered } from './history-store.js';
import { createOperatorsStore } from './operators-store.js';
import { createPolicyStore } from './policy-store.js';
import { createQuarantineStore } from './quarantine-store.js';
import { createRouterStore } from './router-store.js';
import { createSessionStore } from './session-store.js';
import { createSettingsStore } from './settings-store.js';
import { createTeamStore } from './team-store.js';
import { createTokensStore } from './tokens-store.js';
import { createVehiclesStore } from './vehicles-store.js';
import { createBulksStore } from './bulks-store.js';
import { createGroupsStore } from './groups-store.js';
import { applyRoutineEvent, reloadRoutines } from './routines-live.js';
import { createSchedulesStore } from './schedules-store.js';
import { createSelectionStore } from './selection-store.js';
import { createToastsStore } from './toasts-store.js';
import type { BulkSummaryDto } from '../../../preload/contract/routines.js';

export interface StoreOptions {
  storage?: Storage | null;
  window?: Window | null;
  onActionCompleted?: (action: RemoteActionDto) => void;
  /** A bulk command seen ending (once each): the browser notification. */
  onBulkFinished?: (bulk: BulkSummaryDto) => void;
  now?: () => number;
}

export function createStores(client: DepotRemoteClient, options: StoreOptions = {}) {
  const session = createSessionStore(client, options.storage ?? null);
  const actions = createActionsStore(client, {
    onCompleted: (action) => options.onActionCompleted?.(action),
  });
  const stores = {
    client,
    session,
    team: createTeamStore(client),
    operators: createOperatorsStore(client),
    tokens: createTokensStore(client),
    policy: createPolicyStore(client, { onSaved: () => void session.getState().refresh() }),
    connection: createConnectionStore(),
    router: createRouterStore(options.window ?? null),
    vehicles: createVehiclesStore(client),
    callbacks: createCallbacksStore(client),
    actions,
    history: createHistoryStore(client, { onNewest: (items) => actions.getState().adoptRecent(items) }),
    deliveries: createDeliveriesStore(client),
    settings: createSettingsStore(client),
    audit: createAuditStore(client),
    quarantine: createQuarantineStore(client),
    groups: createGroupsStore(client),
    bulks: createBulksStore(client, { onFinished: (bulk) => options.onBulkFinished?.(bulk) }),
    schedules: createSchedulesStore(client),
    selection: createSelectionStore(),
    toasts: createToastsStore(),
  };
  return stores;
}
export type Stores = ReturnType<typeof createStores>;

/**
 * An operator or the policy changed (here or on another screen): the session's role and rules are read again, so
 * what this screen allows follows at once; the lists of people too.
 */
function followAccessChange(stores: Stores, action: string) {
  if (action === 'policy.change' || action.startsWith('operator.')) void stores.session.getState().refresh();
  if (action.startsWith('operator.')) {
    if (stores.team.getState().status !== 'idle') void stores.team.getState().load();
    if (stores.operators.getState().status !== 'idle') void stores.operators.getState().load();
  }
}

/**
 * Reads what every page needs, and the data of the page shown, at once (not once its view has mounted), the page's
 * own first: the agent answers in turn. The history's unfiltered first page is the newest actions the fleet needs
 * too: while it is shown, one read serves both (the history store hands it to the actions store).
 */
function loadAll(stores: Stores, again: boolean) {
  const route = stores.router.getState().route;
  const history = stores.history.getState();
  const historyShown = route.name === 'history';
  // The history shown is read now; after a drop, also one read before (events may have been missed meanwhile).
  if (historyShown || (again && history.total !== null)) void history.reload();
  if (route.name === 'vehicle' && !again) void stores.vehicles.getState().open(route.vehicleId);
  void stores.vehicles.getState().load();
  void stores.callbacks.getState().load();
  void stores.deliveries.getState().loadTargets();
  if (!historyShown || !isUnfiltered(history.filter)) void stores.actions.getState().loadRecent();
  // The site's time zone (settings.routines.timeZone) is every screen's: read once signed in, not when Settings opens.
  if (!again && stores.settings.getState().status === 'idle') void stores.settings.getState().load();
}

/** Loads what every page needs and keeps it current. Returns the function that stops it (logout). */
export function startLive(stores: Stores, now: () => number = Date.now): () => void {
  const { client } = stores;
  let lastState = stores.connection.getState().state;
  const offConnection = client.onConnection((state) => {
    stores.connection.getState().set(state, now());
    // Back after a drop: events may have been missed, so read again what is on screen.
    if (state === 'live' && lastState === 'reconnecting') {
      loadAll(stores, true);
      const { actions, deliveries, vehicles } = stores;
      for (const id of Object.keys(actions.getState().detailed)) void actions.getState().open(id);
      for (const id of Object.keys(vehicles.getState().details)) void vehicles.getState().open(id);
      if (deliveries.getState().available) void deliveries.getState().load();
      stores.quarantine.getState().refresh();
      reloadRoutines(stores);
    }
    lastState = state;
  });
  const offEvents = client.subscribe((event) => {
    switch (event.name) {
      case 'action.changed':
        stores.actions.getState().apply(event.data.action);
        stores.history.getState().apply(event.data.action);
        stores.quarantine
          .getState()
          .applyAction([event.data.action.remoteActionId, event.data.action.upstreamRemoteActionId]);
        break;
      case 'callback.changed':
        stores.callbacks.getState().apply(event.data.callbackId, event.data.callback);
        break;
      case 'vehicle.changed':
        stores.vehicles.getState().apply(event.data.vehicle);
        break;
      case 'audit.appended':
        stores.audit.getState().apply(event.data.entry);
        followAccessChange(stores, event.data.entry.action);
        // Replayed, resolved or dropped (the size cap): no event of its own says so.
        if (event.data.entry.action.startsWith('quarantine.')) stores.quarantine.getState().refresh();
        break;
      case 'delivery.changed':
        stores.deliveries.getState().applyDelivery(event.data.delivery);
        break;
      case 'target.changed':
        stores.deliveries.getState().applyTarget(event.data.target);
        break;
      case 'quarantine.added':
        stores.quarantine.getState().applyAdded(event.data.entry);
        break;
      case 'group.changed':
      case 'bulk.changed':
      case 'schedule.changed':
        applyRoutineEvent(stores, event);
        break;
      default:
        break;
    }
  });
  loadAll(stores, false);
  // Queue counts move without an event of their own: look again now and then.
  const poll = setInterval(() => {
    if (stores.deliveries.getState().available !== false) void stores.deliveries.getState().loadTargets();
  }, 15_000);
  return () => {
    clearInterval(poll);
    offEvents();
    offConnection();
  };
}
