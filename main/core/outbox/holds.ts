// Holds: the callbacks whose queued deliveries wait for someone (paused, lost secrets, 410 Gone), with since when
// and why. Stored (delivery_holds) so the time held survives a restart: it does not count toward the retry cap.
// Changes are written in the pass's transaction; the memory follows once it committed.
import type { DeliveryHoldRecord, Repositories, UnitOfWork } from '../db/index.js';

export type Holds = ReturnType<typeof createHolds>;

export function createHolds(repos: Repositories) {
  const holds = new Map<string, DeliveryHoldRecord>();

  return {
    get: (callbackId: string) => holds.get(callbackId),
    has: (callbackId: string) => holds.has(callbackId),
    callbackIds: () => holds.keys(),

    /** At start: the holds the last run left. */
    restore() {
      for (const h of repos.deliveryTargets.listHolds()) holds.set(h.callbackId, h);
    },

    /** Holds (or re-words the hold of) a callback's deliveries. */
    hold(hold: DeliveryHoldRecord, uow: UnitOfWork) {
      repos.deliveryTargets.hold(hold);
      uow.afterCommit(() => holds.set(hold.callbackId, hold));
    },

    /** The callback runs again: the time held moves its deliveries' retry deadlines on, and the hold goes. */
    resume(callbackId: string, nowMs: number, uow: UnitOfWork) {
      const hold = holds.get(callbackId);
      if (!hold) return;
      repos.deliveries.shiftDeadlines(callbackId, nowMs - Date.parse(hold.since));
      repos.deliveryTargets.unhold(callbackId);
      uow.afterCommit(() => holds.delete(callbackId));
    },

    /** The callback was deleted: its deliveries are dead letters, nothing is held any more. */
    drop(callbackId: string, uow: UnitOfWork) {
      if (!holds.has(callbackId)) return;
      repos.deliveryTargets.unhold(callbackId);
      uow.afterCommit(() => holds.delete(callbackId));
    },
  };
}
