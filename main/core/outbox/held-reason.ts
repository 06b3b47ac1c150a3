// Why deliveries wait instead of being attempted, in words: one rule for a delivery (its DTO and events) and for a
// callback's row in the targets list, which says less because the target row beside it names the error and probe.
import type { DeliveryRecord } from '../db/index.js';
import type { Clock } from '../ports/clock.js';
import type { CallbackCache } from './callback-cache.js';
import { holdReasonOf } from './callback-view.js';
import type { Holds } from './holds.js';
import type { ReachabilityTracker } from './reachability-tracker.js';

const iso = (ms: number) => new Date(ms).toISOString();

export type HeldReasons = ReturnType<typeof createHeldReasons>;

export function createHeldReasons(deps: {
  callbacks: CallbackCache;
  holds: Holds;
  targets: ReachabilityTracker;
  clock: Clock;
}) {
  const { callbacks, holds, targets, clock } = deps;

  /** `brief`: for the targets list, where the target row already says what failed and when it is probed. */
  function reason(callbackId: string, brief: boolean): string | null {
    const cb = callbacks.view(callbackId);
    if (!cb || cb.deleted) return 'The callback was deleted.';
    if (cb.status !== 'Running') return holds.get(cb.id)?.reason ?? holdReasonOf(cb.status);
    if (!cb.origin) return `The webhook URL ${cb.target} cannot be used; correct the callback.`;
    const t = targets.get(cb.origin);
    const nowMs = clock.now().getTime();
    if (t?.state === 'offline') {
      const since = iso(t.sinceMs ?? nowMs);
      if (brief) return `The target is unreachable since ${since}.`;
      const probe = t.nextProbeMs !== null ? ` Next probe at ${iso(t.nextProbeMs)}.` : '';
      return `The target ${t.origin} is unreachable since ${since} (${t.lastError ?? 'no answer'}).${probe}`;
    }
    if (t && t.notBeforeMs > nowMs)
      return `The target asked to wait (Retry-After) until ${iso(t.notBeforeMs)}.`;
    return null;
  }

  return {
    /** Why a queued delivery is not being attempted now, or null. */
    ofDelivery: (record: DeliveryRecord): string | null =>
      record.state === 'Queued' ? reason(record.callbackId, false) : null,
    /** Why a callback's deliveries wait, for its row in the targets list, or null. */
    ofCallback: (callbackId: string): string | null => reason(callbackId, true),
  };
}
