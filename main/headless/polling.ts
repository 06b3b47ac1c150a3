// The Stellantis connector polls actions whose Done has not arrived (or never can, behind NAT). Actions
// still unterminated when the agent starts are handed to it here, and it lets go of each one that ends. The poller
// speaks the network's ids (upstreamRemoteActionId), not the agent's own.
import type { Core } from '../core/create-core.js';
import type { RemotePoller } from '../core/connector/stellantis/remote-poller.js';

export function followOpenActions(core: Core, poller: RemotePoller): () => void {
  // Every action that is not terminal, not only those in flight: a TimedOut one is settled (over for the
  // technician), but its late Done still completes it, so it is followed like a Pending one (within the poller's
  // give-up window).
  for (const a of core.unterminatedActions(poller.followsSince())) {
    // A Sending action was not accepted yet (no id to read it by): the connector tracks it once it is.
    if (a.phase === 'Sending' || a.upstreamId === undefined) continue;
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
    const { phase, upstreamId: upstreamRemoteActionId } = event.type === 'action.changed' ? event.action : {};
    // Done is the one end of an action that holds a network id. (Refused and Expired ones were never accepted,
    // but for one refused because its id already names an earlier action still open: that one is still
    // followed under the id, so it must not be let go.) TimedOut is no end here: its Done may still come.
    if (phase === 'Done' && upstreamRemoteActionId) poller.untrack(upstreamRemoteActionId);
  });
}
