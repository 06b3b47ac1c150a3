// Recording what calls did: each outcome's decision (retry-schedule.ts) becomes the pass's writes — the attempt-log
// row and the delivery's new state, settled only while this run still holds its lease — written as two set-based
// statements for the whole batch, run by the store writer in one transaction with the pass's claims. Nothing is Delivered before that commit; a crash before it means the
// call is made again, with the same webhook-id.
import { deliveryStepResults, deliverySteps } from '../db/index.js';
import type { DeliveryRecord, DeliverySettlement, NewAttempt, UnitOfWork, WriteStep } from '../db/index.js';
import type { Logger } from '../ports/logger.js';
import type { CallbackCache } from './callback-cache.js';
import type { DeliveryEvents } from './delivery-events.js';
import type { GoneHandler } from './gone.js';
import type { SendResult } from './http-sender.js';
import type { Lane } from './lanes.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { decide, type Decision } from './retry-schedule.js';
import { isoAt as iso } from './iso-time.js';

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

/** One outcome's decision, waiting for the writer's commit. */
interface Planned {
  outcome: Outcome;
  delivery: DeliveryRecord;
  decision: Decision;
  /** Index of the step that settles it in the plan's steps. */
  settleAt: number;
}

/** What a batch of outcomes writes (attempt rows, settlements) and what follows each once committed. */
export interface RecordingPlan {
  steps: WriteStep[];
  planned: Planned[];
  /** A 410 came: the commit is followed by holds written on the app's connection (gone.ts). */
  gone: boolean;
}

export function createOutcomeRecorder(deps: {
  logger: Logger;
  options: ResolvedOutboxOptions;
  callbacks: CallbackCache;
  events: DeliveryEvents;
  gone: GoneHandler;
  /** The lease owner: this run. */
  owner: string;
}) {
  const { logger, options, callbacks, events, gone, owner } = deps;
  /** Deliveries whose last call was closed without an answer (the next such close counts). */
  const resets = new Set<string>();

  return {
    /**
     * Decides each outcome (retry-schedule.ts) and returns the writes for the pass's batch. A retry due at once is
     * noted on its lane now, so this very batch can claim it (an earlier due time is harmless if it rolls back).
     */
    plan(batch: Outcome[]): RecordingPlan {
      const plan: RecordingPlan = { steps: [], planned: [], gone: false };
      const attempts: NewAttempt[] = [];
      // One settling step per round: a delivery is settled at most once per step (in practice one round: a
      // delivery has one call in the air at a time).
      const rounds: { settlements: DeliverySettlement[]; ids: Set<string>; planned: Planned[] }[] = [];
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
        if (decision.attempt) attempts.push(decision.attempt);
        const s = decision.settlement;
        let round = rounds.find((r) => !r.ids.has(s.id));
        if (!round) {
          round = { settlements: [], ids: new Set(), planned: [] };
          rounds.push(round);
        }
        round.settlements.push(s);
        round.ids.add(s.id);
        round.planned.push({ outcome: o, delivery, decision, settleAt: -1 });
        if (s.state === 'Queued')
          o.lane.nextDueMs = Math.min(o.lane.nextDueMs ?? Infinity, Date.parse(s.nextAttemptAt));
        if (decision.verdict === 'gone') plan.gone = true;
      }
      if (attempts.length > 0) plan.steps.push(deliverySteps.recordAttempts(attempts));
      for (const round of rounds) {
        for (const p of round.planned) {
          p.settleAt = plan.steps.length;
          plan.planned.push(p);
        }
        plan.steps.push(deliverySteps.settleMany(round.settlements, owner));
      }
      return plan;
    },

    /**
     * Once the plan's writes committed (`results`: one per step): what follows each settlement this run still
     * held — the holds of a 410 (written in `uow`), the dead-letter log line, the delivery's change on the bus.
     */
    finish(plan: RecordingPlan, results: unknown[], uow: UnitOfWork) {
      const settled = new Map<number, Set<string>>();
      for (const { outcome: o, delivery, decision, settleAt } of plan.planned) {
        let ids = settled.get(settleAt);
        if (!ids) {
          ids = deliveryStepResults.settledIds(results[settleAt]);
          settled.set(settleAt, ids);
        }
        if (!ids.has(decision.settlement.id)) continue;
        const s = decision.settlement;
        const cb = callbacks.view(o.delivery.callbackId);
        if (decision.verdict === 'gone' && cb) gone.onGone(cb, o.delivery.id, o.finishedMs, uow);
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
