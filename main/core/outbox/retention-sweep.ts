// Retention: a target unreachable longer than the retention (30 days by default) dead-letters what waited for it
// that long, once per sweep interval. A target that answers, however badly, is never swept: its deliveries follow
// their retry policy instead.
import type { Repositories } from '../db/index.js';
import type { Logger } from '../ports/logger.js';
import type { CallbackCache } from './callback-cache.js';
import type { DeliveryEvents } from './delivery-events.js';
import type { Lanes } from './lanes.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import type { ReachabilityTracker } from './reachability-tracker.js';
import { isoAt as iso } from './iso-time.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionSweep = ReturnType<typeof createRetentionSweep>;

export function createRetentionSweep(deps: {
  repos: Repositories;
  logger: Logger;
  options: ResolvedOutboxOptions;
  callbacks: CallbackCache;
  targets: ReachabilityTracker;
  lanes: Lanes;
  events: DeliveryEvents;
}) {
  const { repos, logger, options, callbacks, targets, lanes, events } = deps;
  let lastSweepMs = -Infinity;

  return {
    due: (nowMs: number) => nowMs >= lastSweepMs + options.sweepIntervalMs,

    /** When the next sweep is due while a target is offline (nothing to sweep otherwise), or Infinity. */
    nextMs: () => (targets.anyOffline() ? lastSweepMs + options.sweepIntervalMs : Infinity),

    /** In the pass's transaction. */
    run(nowMs: number) {
      lastSweepMs = nowMs;
      const cutoffMs = nowMs - options.retentionDays * DAY_MS;
      for (const t of targets.all()) {
        if (t.state !== 'offline' || t.sinceMs === null || t.sinceMs > cutoffMs) continue;
        for (const lane of lanes.lanesOn(t.origin)) {
          const cb = callbacks.view(lane.callbackId);
          if (!cb || cb.deleted || cb.status !== 'Running') continue;
          const reason =
            `The target ${t.origin} has been unreachable since ${iso(t.sinceMs)}, longer than the retention of ` +
            `${options.retentionDays} days (last error: ${t.lastError ?? 'none'}).`;
          const ids = repos.deliveries.giveUpQueued(cb.id, 'Dead', reason, iso(nowMs), iso(cutoffMs));
          events.later(...ids);
          if (ids.length > 0) {
            logger.warn('outbox: deliveries to a long-unreachable target dead-lettered', {
              origin: t.origin,
              callbackId: cb.id,
              count: ids.length,
            });
          }
        }
      }
    },
  };
}
