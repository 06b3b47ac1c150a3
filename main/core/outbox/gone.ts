// 410 Gone: the webhook says it no longer exists. The callback's deliveries are held in the very pass that records
// the answer; then the callback is paused through the callbacks service (the only writer of a callback's status),
// which audits it as the outbox's act and tells the upstream twin, so the network stops sending what would only
// be held here. Nothing more is sent until someone corrects the target and resumes the callback.
import type { UnitOfWork } from '../db/index.js';
import type { Logger } from '../ports/logger.js';
import type { Actor } from '../kernel/actor.js';
import type { CallbackView } from './callback-view.js';
import { storedHoldReason } from './held-reason.js';
import type { Holds } from './holds.js';
import { systemActor } from '../kernel/actor.js';
import { isoAt as iso } from './iso-time.js';

/** The port into the callbacks service (create-core wires it; late-bound, as that service is built apart). */
export type PauseCallback = (
  callbackId: string,
  actor: Actor,
  detail: Record<string, unknown>,
) => Promise<{ paused: boolean; upstreamError: string | null }>;

export type GoneHandler = ReturnType<typeof createGoneHandler>;

export function createGoneHandler(deps: {
  holds: Holds;
  logger: Logger;
  pauseCallback: PauseCallback;
  /** Keeps the promise so idle() and stop() wait for it. */
  track(p: Promise<unknown>): void;
  /** The callback's status moved: the dispatcher reads it again. */
  changed(callbackId: string): void;
}) {
  const { holds, logger, pauseCallback, track, changed } = deps;
  /** Callbacks being paused now: the other calls in flight when the 410 came answer 410 too. */
  const pausing = new Set<string>();

  async function pause(cb: CallbackView, deliveryId: string, reason: string) {
    pausing.add(cb.id);
    try {
      const outcome = await pauseCallback(cb.id, systemActor('outbox', reason), {
        deliveryId,
        target: cb.target,
        httpStatus: 410,
      });
      if (outcome.paused) {
        logger.warn('outbox: webhook answered 410 Gone; callback paused', {
          callbackId: cb.id,
          target: cb.target,
        });
      }
      if (outcome.upstreamError !== null) {
        logger.warn('outbox: the network was not told of the pause; it is told at the next start', {
          callbackId: cb.id,
          error: outcome.upstreamError,
        });
      }
    } catch (err) {
      logger.error('outbox: pausing a callback after a 410 Gone failed; its deliveries stay held', {
        callbackId: cb.id,
        error: (err as Error).message,
      });
    } finally {
      pausing.delete(cb.id);
      changed(cb.id);
    }
  }

  return {
    /**
     * In the pass's transaction: holds the callback's deliveries; the pause follows once the pass committed (the
     * callbacks service pauses only a Running callback, so a callback already paused is left as it is).
     */
    onGone(cb: CallbackView, deliveryId: string, finishedMs: number, uow: UnitOfWork) {
      const now = iso(finishedMs);
      // The audit entry of the pause keeps its sentence; the hold keeps a code, worded by each client.
      const reason =
        `The webhook ${cb.target} answered 410 Gone: deliveries are held. Correct the target, then resume the ` +
        'callback.';
      const held = storedHoldReason({ code: 'TARGET_GONE', params: { target: cb.target } });
      holds.hold({ callbackId: cb.id, since: holds.get(cb.id)?.since ?? now, reason: held }, uow);
      uow.afterCommit(() => {
        if (!pausing.has(cb.id)) track(pause(cb, deliveryId, reason));
      });
    },
  };
}
