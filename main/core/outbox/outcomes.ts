// Recording what calls did: each outcome's decision (retry-schedule.ts) is written in the pass's transaction: the
// attempt-log row and the delivery's new state, settled only while this run still holds its lease. Nothing is
// Delivered before that commit; a crash before it means the call is made again, with the same webhook-id.
import type { DeliveryRecord, Repositories, UnitOfWork } from '../db/index.js';
import type { Logger } from '../ports/logger.js';
import type { CallbackCache } from './callback-cache.js';
import type { DeliveryEvents } from './delivery-events.js';
import type { GoneHandler } from './gone.js';
import type { SendResult } from './http-sender.js';
import type { Lane } from './lanes.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { decide } from './retry-schedule.js';

export interface Outcome {
  lane: Lane;
  delivery: DeliveryRecord;
  result: SendResult;
  startedAt: string;
  finishedMs: number;
  probe: boolean;
  /** Offline time credited to the target while this call was in the air (its row was not in the queue). */
  creditMs: number;
}

export type OutcomeRecorder = ReturnType<typeof createOutcomeRecorder>;

const iso = (ms: number) => new Date(ms).toISOString();

export function createOutcomeRecorder(deps: {
  repos: Repositories;
  logger: Logger;
  options: ResolvedOutboxOptions;
  callbacks: CallbackCache;
  events: DeliveryEvents;
  gone: GoneHandler;
  /** The lease owner: this run. */
  owner: string;
}) {
  const { repos, logger, options, callbacks, events, gone, owner } = deps;
  /** Deliveries whose last call was closed without an answer (the next such close counts). */
  const resets = new Set<string>();

  return {
    /** In the pass's unit of work; what follows in memory waits for its commit. */
    record(batch: Outcome[], uow: UnitOfWork) {
      for (const o of batch) {
        const cb = callbacks.view(o.delivery.callbackId);
        const deadline = o.delivery.retryDeadline;
        const delivery =
          deadline !== null && o.creditMs > 0
            ? { ...o.delivery, retryDeadline: iso(Date.parse(deadline) + o.creditMs) }
            : o.delivery;
        const decision = decide({
          delivery,
          result: o.result,
          callback: cb,
          startedAt: o.startedAt,
          nowMs: o.finishedMs,
          probe: o.probe,
          resetBefore: resets.has(o.delivery.id),
          options,
        });
        if (o.result.kind === 'reset' && decision.verdict === 'unreachable') resets.add(o.delivery.id);
        else resets.delete(o.delivery.id);
        if (decision.attempt) repos.deliveries.recordAttempt(decision.attempt);
        if (!repos.deliveries.settle(decision.settlement, owner)) continue;
        const s = decision.settlement;
        if (decision.verdict === 'gone' && cb) gone.onGone(cb, o.delivery.id, o.finishedMs, uow);
        // Noted at once so this very pass can claim it (an earlier due time is harmless if the pass rolls back).
        if (s.state === 'Queued')
          o.lane.nextDueMs = Math.min(o.lane.nextDueMs ?? Infinity, Date.parse(s.nextAttemptAt));
        if (decision.verdict === 'failed' || decision.verdict === 'dead') {
          logger.info('outbox: delivery given up (dead letter)', {
            deliveryId: s.id,
            callbackId: o.delivery.callbackId,
            reason: s.lastError,
          });
        }
        const record: DeliveryRecord = { ...delivery, ...s, leaseOwner: null, leaseUntil: null };
        uow.afterCommit(() => events.delivery(record));
      }
    },
  };
}
