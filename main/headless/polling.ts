// The Stellantis connector polls actions whose Done has not arrived (or never can, behind NAT). Actions
// already open when the agent starts are handed to it here, and it lets go of each one that ends. The poller
// speaks the network's ids (upstreamRemoteActionId), not the agent's own.
import type { Core } from '../core/create-core.js';
import type { RemotePoller } from '../core/connector/stellantis/remote-poller.js';

export function followOpenActions(core: Core, poller: RemotePoller): () => void {
  for (const a of core.openActions()) {
    if (a.phase !== 'Pending' || a.upstreamId === undefined) continue;
    poller.track({
      remoteActionId: a.upstreamId,
      vehicleId: a.vehicleId,
      upstreamCallbackId: core.upstreamIdOf(a.callbackId),
      acceptedAt: a.createdAt,
      vin: a.vin,
      remoteType: a.type,
      lastStatus: a.status,
    });
  }
  return core.bus.subscribe((event) => {
    const { phase, upstreamRemoteActionId } = event.name === 'action.changed' ? event.data.action : {};
    // Done is the one end of an action that holds a network id. (Refused and Expired ones were never accepted,
    // but for one refused because its id already names an earlier action still open: that one is still
    // followed under the id, so it must not be let go.)
    if (phase === 'Done' && upstreamRemoteActionId) poller.untrack(upstreamRemoteActionId);
  });
}
