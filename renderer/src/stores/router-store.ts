// Pages live in the URL hash (#/vehicles/VIN…), which works the same when the page is served by the agent and
// when the desktop app loads it from disk; links can be bookmarked and notifications can open an action.
import { createStore } from 'zustand/vanilla';

export type Route =
  | { name: 'fleet' }
  | { name: 'vehicle'; vehicleId: string; feature?: string }
  | { name: 'action'; remoteActionId: string }
  | { name: 'history' }
  | { name: 'callbacks' }
  | { name: 'callback-new' }
  | { name: 'callback'; callbackId: string }
  | { name: 'deliveries' }
  | { name: 'quarantine' }
  | { name: 'quarantine-entry'; entryId: number }
  | { name: 'settings' }
  | { name: 'audit' }
  | { name: 'operators' }
  | { name: 'tokens' }
  | { name: 'policy' }
  | { name: 'groups' }
  /** A bulk command being prepared: for a group, or (no group) for the vehicles ticked in the fleet list. */
  | { name: 'bulk-new'; groupId?: string }
  | { name: 'bulks' }
  | { name: 'bulk'; bulkId: string }
  | { name: 'schedules' }
  | { name: 'schedule-new' }
  | { name: 'schedule'; scheduleId: string };

export function parseRoute(hash: string): Route {
  const [, first = '', second, third] = hash.replace(/^#/, '').split('/').map(decodeURIComponent);
  switch (first) {
    case 'vehicles':
      return second
        ? { name: 'vehicle', vehicleId: second, ...(third ? { feature: third } : {}) }
        : { name: 'fleet' };
    case 'actions':
      return second ? { name: 'action', remoteActionId: second } : { name: 'history' };
    case 'history':
      return { name: 'history' };
    case 'callbacks':
      if (second === 'new') return { name: 'callback-new' };
      return second ? { name: 'callback', callbackId: second } : { name: 'callbacks' };
    case 'deliveries':
      if (second !== 'quarantine') return { name: 'deliveries' };
      // Entry ids are positive integers; anything else shows the list.
      return third && /^[1-9]\d{0,14}$/.test(third)
        ? { name: 'quarantine-entry', entryId: Number(third) }
        : { name: 'quarantine' };
    case 'settings':
      return { name: 'settings' };
    case 'audit':
      return { name: 'audit' };
    case 'operators':
      return { name: 'operators' };
    case 'tokens':
      return { name: 'tokens' };
    case 'policy':
      return { name: 'policy' };
    case 'groups':
      return second && third === 'send' ? { name: 'bulk-new', groupId: second } : { name: 'groups' };
    case 'bulks':
      if (second === 'new') return { name: 'bulk-new' };
      return second ? { name: 'bulk', bulkId: second } : { name: 'bulks' };
    case 'schedules':
      if (second === 'new') return { name: 'schedule-new' };
      return second ? { name: 'schedule', scheduleId: second } : { name: 'schedules' };
    default:
      return { name: 'fleet' };
  }
}

export function pathOf(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'vehicle':
      return `#/vehicles/${e(route.vehicleId)}${route.feature ? `/${e(route.feature)}` : ''}`;
    case 'action':
      return `#/actions/${e(route.remoteActionId)}`;
    case 'callback':
      return `#/callbacks/${e(route.callbackId)}`;
    case 'callback-new':
      return '#/callbacks/new';
    case 'quarantine':
      return '#/deliveries/quarantine';
    case 'quarantine-entry':
      return `#/deliveries/quarantine/${route.entryId}`;
    case 'fleet':
      return '#/vehicles';
    case 'bulk-new':
      return route.groupId ? `#/groups/${e(route.groupId)}/send` : '#/bulks/new';
    case 'bulk':
      return `#/bulks/${e(route.bulkId)}`;
    case 'schedule-new':
      return '#/schedules/new';
    case 'schedule':
      return `#/schedules/${e(route.scheduleId)}`;
    default:
      return `#/${route.name}`;
  }
}

export interface RouterState {
  route: Route;
  navigate(route: Route): void;
}

export function createRouterStore(win: Window | null) {
  const store = createStore<RouterState>()((set) => ({
    route: parseRoute(win?.location.hash ?? ''),
    navigate(route) {
      const path = pathOf(route);
      if (win && win.location.hash !== path) win.location.hash = path;
      set({ route });
    },
  }));
  win?.addEventListener('hashchange', () => store.setState({ route: parseRoute(win.location.hash) }));
  return store;
}
export type RouterStore = ReturnType<typeof createRouterStore>;
