// The Stellantis connector polls actions whose Done has not arrived (or never can, behind NAT). Actions
// already open when the agent starts are handed to it here, and it lets go of each one that ends.
import type { Core } from '../core/create-core.js';
import type { RemotePoller } from '../core/connector/stellantis/remote-poller.js';

const ENDED = new Set(['Done', 'Refused', 'Expired']);

export function followOpenActions(core: Core, poller: RemotePoller): () => void {
  for (const a of core.openActions()) {
    if (a.phase !== 'Pending') continue;
    poller.track({
      remoteActionId: a.id,
      vehicleId: a.vehicleId,
      upstreamCallbackId: core.upstreamIdOf(a.callbackId),
      acceptedAt: a.createdAt,
      vin: a.vin,
      remoteType: a.type,
      lastStatus: a.status,
    });
  }
  return core.bus.subscribe((event) => {
    if (event.name === 'action.changed' && ENDED.has(event.data.action.phase)) {
      poller.untrack(event.data.action.remoteActionId);
    }
  });
}
