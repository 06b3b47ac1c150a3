// The tray icon: its picture says how the agent is doing (online, busy with actions in flight, a webhook target
// offline, deliveries failing), its tooltip says it in words, and its menu opens the window, pauses or resumes
// outbound deliveries, and quits. It keeps the agent reachable while the window is closed.
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { EventBus } from '../core/events/event-bus.js';
import type { Logger } from '../core/ports/logger.js';

export const TRAY_STATES = ['online', 'busy', 'offline', 'failing'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export interface TrayFacts {
  /** Remote actions sent and not finished (Sending or Pending). */
  actionsInFlight: number;
  /** Remote actions waiting their turn in the queue (Queued): they go by themselves. */
  actionsWaiting: number;
  /** Webhook targets (callbacks' own systems) currently unreachable. */
  targetsOffline: number;
  /** Deliveries whose retry policy ran out (Failed): they wait for the operator. */
  failedDeliveries: number;
  deliveriesPaused: boolean;
}

/** The most pressing fact wins: failing deliveries need the operator, an offline target recovers by itself. */
export function trayStateOf(facts: TrayFacts): TrayState {
  if (facts.failedDeliveries > 0) return 'failing';
  if (facts.targetsOffline > 0) return 'offline';
  if (facts.actionsInFlight > 0 || facts.actionsWaiting > 0) return 'busy';
  return 'online';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Every fact in words, most pressing first. */
export function trayStatusLines(facts: TrayFacts): string[] {
  const lines: string[] = [];
  if (facts.failedDeliveries > 0)
    lines.push(`${plural(facts.failedDeliveries, 'delivery', 'deliveries')} failed`);
  if (facts.targetsOffline > 0)
    lines.push(`${plural(facts.targetsOffline, 'webhook target', 'webhook targets')} offline`);
  if (facts.deliveriesPaused) lines.push('Deliveries paused');
  if (facts.actionsInFlight > 0)
    lines.push(`${plural(facts.actionsInFlight, 'action', 'actions')} in progress`);
  if (facts.actionsWaiting > 0)
    lines.push(`${plural(facts.actionsWaiting, 'action', 'actions')} waiting in the queue`);
  if (lines.length === 0) lines.push('Online, nothing in progress');
  return lines;
}

export function trayTooltip(facts: TrayFacts): string {
  return `Depot Remote: ${trayStatusLines(facts).join(' · ')}`;
}

export interface TrayActions {
  openWindow(): void;
  pauseDeliveries(): void;
  resumeDeliveries(): void;
  quit(): void;
}

export function trayMenuTemplate(facts: TrayFacts, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'open', label: 'Open Depot Remote', click: () => actions.openWindow() },
    { type: 'separator' },
    ...trayStatusLines(facts).map((line, i): MenuItemConstructorOptions => ({
      id: `status-${i}`,
      label: line,
      enabled: false,
    })),
    { type: 'separator' },
    facts.deliveriesPaused
      ? { id: 'resume', label: 'Resume deliveries', click: () => actions.resumeDeliveries() }
      : { id: 'pause', label: 'Pause deliveries', click: () => actions.pauseDeliveries() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Depot Remote', click: () => actions.quit() },
  ];
}

export interface TrayDeps {
  iconPath(state: TrayState): string;
  readFacts(): TrayFacts;
  /**
   * The core's domain events: the tray needs only their types, so it listens to the bus itself rather than to the
   * change feed (which would build wire DTOs for every change just for it).
   */
  events: Pick<EventBus, 'subscribe'>;
  actions: TrayActions;
  logger: Logger;
  /** Events come in bursts: the tray is redrawn at most this often. */
  debounceMs?: number;
  /** Queue counts also move without an event: looked at again this often. */
  pollMs?: number;
}

const WATCHED = new Set(['action.changed', 'delivery.changed', 'target.changed']);

export function createTrayController(deps: TrayDeps) {
  const { debounceMs = 300, pollMs = 30_000 } = deps;
  let facts: TrayFacts = {
    actionsInFlight: 0,
    actionsWaiting: 0,
    targetsOffline: 0,
    failedDeliveries: 0,
    deliveriesPaused: false,
  };
  let state: TrayState = 'online';
  const tray = new Tray(nativeImage.createFromPath(deps.iconPath(state)));
  tray.on('click', () => deps.actions.openWindow());
  let timer: NodeJS.Timeout | null = null;
  let destroyed = false;

  function refresh() {
    if (destroyed) return;
    timer = null;
    try {
      facts = deps.readFacts();
    } catch (err) {
      deps.logger.warn('tray: could not read the status', { error: (err as Error).message });
      return;
    }
    const next = trayStateOf(facts);
    if (next !== state) {
      state = next;
      tray.setImage(nativeImage.createFromPath(deps.iconPath(state)));
    }
    tray.setToolTip(trayTooltip(facts));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(facts, deps.actions)));
  }

  const soon = () => {
    if (!timer && !destroyed) timer = setTimeout(refresh, debounceMs);
  };
  const off = deps.events.subscribe((event) => {
    if (WATCHED.has(event.type)) soon();
  });
  const poll = setInterval(refresh, pollMs);
  poll.unref();
  refresh();

  return {
    /** Redraws now (after pause/resume, for instance). */
    refresh,
    state: () => state,
    facts: () => facts,
    destroy() {
      destroyed = true;
      off();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      tray.destroy();
    },
  };
}
export type TrayController = ReturnType<typeof createTrayController>;
