// The batcher: events of a batching callback wait in the store (delivery_waiting) and become one delivery when
// `size` are there or the window of the oldest closed. A deleted callback's waiting events become dead letters.
import type { DeliveryEventRow, Repositories, UnitOfWork } from '../db/index.js';
import type { CallbackCache } from './callback-cache.js';
import type { CallbackView } from './callback-view.js';
import type { DeliveryEvents } from './delivery-events.js';
import type { Lanes } from './lanes.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { isoAt as iso } from './iso-time.js';

export interface BatcherDeps {
  repos: Repositories;
  callbacks: CallbackCache;
  lanes: Lanes;
  events: DeliveryEvents;
  options: ResolvedOutboxOptions;
  newId(): string;
  /** Asks for another pass at once (a backlog larger than one pass forms). */
  again(): void;
}

export type Batcher = ReturnType<typeof createBatcher>;

export function createBatcher({ repos, callbacks, lanes, events, options, newId, again }: BatcherDeps) {
  /** Per callback: how many events wait, and when the oldest came. */
  const waiting = new Map<string, { count: number; oldestMs: number }>();

  return {
    callbackIds: () => waiting.keys(),

    /** At start: what waited when the last run stopped. */
    restore() {
      for (const w of repos.deliveries.waitingByCallback()) {
        waiting.set(w.callbackId, { count: w.count, oldestMs: Date.parse(w.oldestAt) });
      }
    },

    /** In the caller's transaction: one more event waits for the callback's next batch. */
    add(cb: CallbackView, row: DeliveryEventRow, now: string) {
      repos.deliveries.addWaiting(cb.id, row, now);
      const w = waiting.get(cb.id);
      if (w) w.count += 1;
      else waiting.set(cb.id, { count: 1, oldestMs: Date.parse(now) });
    },

    /** In the pass's transaction: every batch that is full or whose window closed becomes a delivery. */
    form(nowMs: number, uow: UnitOfWork) {
      const now = iso(nowMs);
      for (const [callbackId, w] of waiting) {
        const cb = callbacks.view(callbackId);
        const dead = !cb || cb.deleted;
        const size = cb?.batch?.size ?? 1;
        const windowMs = cb?.batch ? cb.batch.timeWindow * 1000 : 0;
        if (!dead && w.count < size && nowMs < w.oldestMs + windowMs) continue;
        let formed = 0;
        for (;;) {
          if (formed >= options.batchEventsPerPass) {
            uow.afterCommit(again);
            break;
          }
          const rows = repos.deliveries.takeWaiting(callbackId, size);
          if (rows.length === 0) {
            uow.afterCommit(() => waiting.delete(callbackId));
            break;
          }
          const oldestMs = Date.parse(rows[0]!.createdAt);
          if (!dead && rows.length < size && nowMs < oldestMs + windowMs) {
            const count = rows.length;
            uow.afterCommit(() => waiting.set(callbackId, { count, oldestMs }));
            break;
          }
          const record = repos.deliveries.insertFromWaiting(
            {
              id: newId(),
              callbackId,
              kind: cb?.batch ? 'batch' : 'event',
              createdAt: now,
              nextAttemptAt: now,
              ...(dead
                ? {
                    state: 'Dead' as const,
                    lastError: 'The callback was deleted before this notification could be delivered.',
                  }
                : {}),
            },
            rows,
          );
          events.later(record.id);
          formed += rows.length;
          if (!dead) lanes.laneOf(callbackId).maybeDue = true;
          if (rows.length < size) {
            uow.afterCommit(() => waiting.delete(callbackId));
            break;
          }
        }
      }
    },

    /** When the next batch window closes (now, for a callback that no longer batches), or Infinity. */
    nextWindowMs(nowMs: number): number {
      let next = Infinity;
      for (const [callbackId, w] of waiting) {
        const cb = callbacks.view(callbackId);
        next = Math.min(next, cb?.batch && !cb.deleted ? w.oldestMs + cb.batch.timeWindow * 1000 : nowMs);
      }
      return next;
    },
  };
}
