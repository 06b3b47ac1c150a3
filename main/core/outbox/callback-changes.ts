// A callback changed (status, target, policy, secrets, deletion): its deliveries are held, resumed or
// dead-lettered to match, in the pass's transaction. A claimed chunk that can no longer go where it was claimed
// for goes back to the queue.
import type { Repositories, UnitOfWork } from '../db/index.js';
import type { Logger } from '../ports/logger.js';
import type { CallbackCache } from './callback-cache.js';
import { holdReasonOf, storedHoldReason } from './held-reason.js';
import type { DeliveryEvents } from './delivery-events.js';
import type { Holds } from './holds.js';
import type { Lanes } from './lanes.js';
import { isoAt as iso } from './iso-time.js';

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

export function createCallbackChanges(deps: {
  repos: Repositories;
  logger: Logger;
  callbacks: CallbackCache;
  lanes: Lanes;
  holds: Holds;
  events: DeliveryEvents;
}) {
  const { repos, logger, callbacks, lanes, holds, events } = deps;

  return {
    /** In the pass's unit of work; what follows in memory waits for its commit. */
    apply(ids: string[], nowMs: number, uow: UnitOfWork) {
      const now = iso(nowMs);
      for (const id of ids) {
        const { previous, current: v } = callbacks.reload(id);
        lanes.reindex();
        // The built-in callback never has deliveries: pausing it holds nothing here (it refuses sends instead).
        if (v?.builtIn) continue;
        const lane = lanes.get(id);
        const running = v !== null && !v.deleted && v.status === 'Running';
        if (lane && lane.prefetch.length > 0 && (!running || lane.origin !== v?.origin))
          lanes.release(lane, uow);
        if (!v || v.deleted) {
          const dead = repos.deliveries.giveUpQueued(
            id,
            'Dead',
            'The callback was deleted before this notification could be delivered.',
            now,
            FAR_FUTURE,
          );
          events.later(...dead);
          if (dead.length > 0)
            logger.info('outbox: deliveries of a deleted callback dead-lettered', {
              callbackId: id,
              count: dead.length,
            });
          holds.drop(id, uow);
        } else if (v.status !== 'Running') {
          if (!holds.has(id))
            holds.hold(
              { callbackId: id, since: v.updatedAt, reason: storedHoldReason(holdReasonOf(v.status)) },
              uow,
            );
        } else {
          holds.resume(id, nowMs, uow);
          const l = lanes.laneOf(id);
          if (previous && previous.status !== 'Running') l.gone = false;
          l.maybeDue = true;
        }
      }
    },
  };
}
