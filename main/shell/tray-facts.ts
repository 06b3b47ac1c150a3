// What the tray shows, read from the core: open actions, webhook targets offline, failed deliveries, pause.
import type { Core } from '../core/create-core.js';
import type { TrayFacts } from './tray.js';

export function readTrayFacts(core: Pick<Core, 'services' | 'openActions' | 'outbox'>): TrayFacts {
  const { items, counts } = core.services.deliveries.targets();
  return {
    actionsInFlight: core.openActions().length,
    targetsOffline: items.filter((t) => t.state === 'offline').length,
    failedDeliveries: counts.Failed,
    deliveriesPaused: core.outbox.isPaused(),
  };
}
