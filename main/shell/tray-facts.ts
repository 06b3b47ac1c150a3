// What the tray shows, read from the core: open actions (on their way, or waiting in the queue), webhook targets
// offline, failed deliveries, pause.
import type { Core } from '../core/create-core.js';
import type { TrayFacts } from './tray.js';

export function readTrayFacts(core: Pick<Core, 'services' | 'openActions' | 'outbox'>): TrayFacts {
  const { items, counts } = core.services.deliveries.targets();
  const open = core.openActions();
  const waiting = open.filter((a) => a.phase === 'Queued').length;
  return {
    actionsInFlight: open.length - waiting,
    actionsWaiting: waiting,
    targetsOffline: items.filter((t) => t.state === 'offline').length,
    failedDeliveries: counts.Failed,
    deliveriesPaused: core.outbox.isPaused(),
  };
}
