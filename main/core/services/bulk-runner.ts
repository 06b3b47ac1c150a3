// Sends the vehicles of the running bulk commands, one at a time at the pace of `routines.bulkRatePerMinute`, and
// follows each vehicle's action to its end (issue 16).
// - Exactly once: a vehicle goes through the remotes service's own send (its checks, the vehicle's queue), and its
//   item is marked sent, with the action's id, in the transaction that stores the action (`onStored`). A restart
//   finds it sent and never sends it again; a cancel that wins the race leaves the item cancelled and stores no
//   action. Nothing of a bulk lives only in memory but which items are being handed over right now.
// - Pacing: one send every 60 000 / rate ms over all bulks (oldest bulk first), the rate read at each step and again
//   when the settings change, so a new rate applies at once. A timer made late by a busy event loop is made up for
//   (the next send is due one interval after the one before was due, so the rate over a minute is the setting's),
//   but only up to CATCH_UP_MS late: after a longer stall, or when nothing was left to send, the time is lost
//   rather than sent as a burst (a new bulk right after another still waits one interval after its last send).
//   Sends overlap (a slow network answer does not slow the pace) up to MAX_IN_FLIGHT.
// - Following: every action.changed reaches the item sent for it; a bulk whose items are all final is finished
//   (audited, published, told to the notifier). At start, what ended while the agent was off is read back.
import { routinesOf, SETTINGS_KEY, type StoredSettings } from '../config/stored-settings.js';
import type { ActionRecord, BulkItemRecord, BulkRecord, Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Notifier } from '../ports/notifier.js';
import type { BulkSkipReason } from '../../../preload/contract/vocabulary.js';
import { systemActor, who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { ServiceError } from '../kernel/service-error.js';
import { queuedOnlyWhenAsked } from '../domain/queue.js';
import { countsOf } from './bulk-plan.js';
import { itemProgressOf } from './bulk-progress.js';
import type { RemotesService } from './remotes-service.js';

/** Sends handed to the remotes service and not answered yet, at most. */
export const MAX_IN_FLIGHT = 32;
/** How late a send may be and still be made up for (a burst of at most this much of the pace). */
export const CATCH_UP_MS = 500;

/** The agent's part that finishes bulk commands, as the audit log names it. */
const RUNNER_ACTOR = systemActor('bulk');

/** The item was cancelled between its turn and the storing of its action: nothing is stored. */
class NotQueuedAnyMore extends Error {}

export interface BulkRunnerDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  remotes: Pick<RemotesService, 'send'>;
  notifier: Pick<Notifier, 'bulkFinished'>;
  /** The plan's rule again, now that the vehicle's turn has come (bulk-plan.ts). */
  recheck(item: BulkItemRecord, bulk: BulkRecord): BulkSkipReason | null;
}

export type BulkRunner = ReturnType<typeof createBulkRunner>;

export function createBulkRunner(deps: BulkRunnerDeps) {
  const { unitOfWork, repos, clock, bus, logger, remotes, notifier } = deps;
  const trail = createAuditTrail(repos, bus);
  const inHand = new Set<string>();
  const keyOf = (item: BulkItemRecord) => `${item.bulkId}\u0000${item.seq}`;
  let running = false;
  let timer: TimerHandle | null = null;
  /** When the last send was due (ms): the next is due one interval later. */
  let lastDue: number | null = null;
  /** Nothing was left to send at the last look: what comes next starts a new cadence, with nothing to make up. */
  let idle = true;
  let unsubscribe: (() => void) | null = null;

  // ── publishing: one bulk.changed per bulk for a burst of changes ──────────────────────────────────────────────
  const dirty = new Set<string>();
  function changed(bulkId: string) {
    if (dirty.size === 0) queueMicrotask(flushChanged);
    dirty.add(bulkId);
  }
  function flushChanged() {
    const ids = [...dirty];
    dirty.clear();
    for (const bulkId of ids) bus.publish({ type: 'bulk.changed', bulkId });
  }

  const ratePerMinute = () => routinesOf(repos.settings.get<StoredSettings>(SETTINGS_KEY)).bulkRatePerMinute;

  /** Every item final: the bulk is over (once), audited, published and told to the notifier. */
  function finishIfDone(bulkId: string) {
    if (repos.bulk.openItems(bulkId) > 0) return;
    const at = clock.nowIso();
    const finished = unitOfWork((uow) => {
      if (!repos.bulk.markFinished(bulkId, at)) return null;
      const bulk = repos.bulk.get(bulkId)!;
      const counts = countsOf(repos.bulk.items(bulkId));
      uow.afterCommit(
        trail.append({
          at,
          ...who(RUNNER_ACTOR),
          action: 'bulk.finish',
          reason: null,
          callbackId: bulk.callbackId,
          detail: { bulkId, type: bulk.type, status: bulk.status, counts },
        }),
      );
      uow.afterCommit(() => changed(bulkId));
      return { bulk, counts };
    });
    if (finished && finished.bulk.status !== 'running') {
      try {
        notifier.bulkFinished?.({
          bulkId,
          type: finished.bulk.type,
          status: finished.bulk.status,
          counts: finished.counts,
        });
      } catch (err) {
        logger.warn('the bulk command’s end could not be told', { bulkId, error: String(err) });
      }
    }
  }

  /** The item of an action follows it; returns the bulk it moved, if any. Inside a unit of work. */
  function follow(action: ActionRecord): string | null {
    const item = repos.bulk.itemByAction(action.id);
    if (!item) return null;
    return repos.bulk.progress(item.bulkId, item.seq, itemProgressOf(action)) ? item.bulkId : null;
  }

  // Actions changed in one burst (an ingest group, a queue pass) are followed in one transaction, after it.
  const settled = new Map<string, ActionRecord>();
  function onAction(action: ActionRecord) {
    if (settled.size === 0) queueMicrotask(flushActions);
    settled.set(action.id, action);
  }
  function flushActions() {
    const actions = [...settled.values()];
    settled.clear();
    try {
      const moved = unitOfWork((uow) => {
        const bulks = new Set<string>();
        for (const action of actions) {
          const bulkId = follow(action);
          if (bulkId) bulks.add(bulkId);
        }
        uow.afterCommit(() => bulks.forEach(changed));
        return bulks;
      });
      for (const bulkId of moved) finishIfDone(bulkId);
    } catch (err) {
      logger.error('bulk commands could not follow their actions', { error: (err as Error)?.message });
    }
  }

  /** Skips a vehicle whose turn came (unless it was cancelled or sent meanwhile). */
  function skip(item: BulkItemRecord, reason: BulkSkipReason, detail: string | null) {
    const skipped = unitOfWork((uow) => {
      const done = repos.bulk.skip(item.bulkId, item.seq, reason, detail, clock.nowIso());
      if (done) uow.afterCommit(() => changed(item.bulkId));
      return done;
    });
    if (skipped) finishIfDone(item.bulkId);
  }

  async function sendItem(item: BulkItemRecord) {
    const bulk = repos.bulk.get(item.bulkId);
    if (!bulk) return;
    const reason = deps.recheck(item, bulk);
    if (reason) return skip(item, reason, null);
    const actor: Actor = { ...bulk.actor, approval: null };
    try {
      await remotes.send({
        vehicleRef: item.vehicleId,
        callbackId: bulk.callbackId,
        body: bulk.remote,
        actor,
        // An ordinary remote joins the vehicle's queue; the dangerous ones queue only if the bulk asked.
        whenBusy: queuedOnlyWhenAsked(bulk.type, bulk.remote) ? (bulk.whenBusy ?? 'refuse') : 'queue',
        expiresInSeconds: bulk.expiresInSeconds ?? undefined,
        preApproved: bulk.approvedBy,
        onStored: (uow, action) => {
          if (!repos.bulk.markSent(item.bulkId, item.seq, action.id, action.createdAt)) {
            throw new NotQueuedAnyMore();
          }
          uow.afterCommit(() => changed(item.bulkId));
        },
      });
    } catch (err) {
      if (err instanceof NotQueuedAnyMore) return;
      // Refused by a check before anything was stored: the vehicle is skipped with the refusal's code. One stored
      // and then refused (by the network) is sent: its action's end reaches the item like any other.
      const code = err instanceof ServiceError ? err.code : 'SEND_FAILED';
      if (!(err instanceof ServiceError)) {
        logger.error('a bulk command could not send a vehicle', {
          bulkId: item.bulkId,
          vehicleId: item.vehicleId,
          error: (err as Error)?.message ?? String(err),
        });
      }
      skip(item, 'REFUSED', code);
    }
  }

  /** Sends what is due now and sets the timer for the next one. */
  function step() {
    if (!running) return;
    if (timer) clock.clearTimeout(timer);
    timer = null;
    while (inHand.size < MAX_IN_FLIGHT) {
      const now = clock.now().getTime();
      const interval = 60_000 / ratePerMinute();
      const due = lastDue === null ? now : lastDue + interval;
      if (due > now) {
        timer = clock.setTimeout(step, due - now);
        return;
      }
      const next = repos.bulk.nextQueued(inHand.size + 1).find((i) => !inHand.has(keyOf(i)));
      if (!next) {
        idle = inHand.size === 0;
        return;
      }
      // On time or a little late: due one interval after the last; stalled for longer, or idle: from now.
      lastDue = !idle && now - due <= Math.max(interval, CATCH_UP_MS) ? due : now;
      idle = false;
      const key = keyOf(next);
      inHand.add(key);
      void sendItem(next)
        .catch((err: unknown) =>
          logger.error('a bulk command could not move on', { error: (err as Error)?.message ?? String(err) }),
        )
        .finally(() => {
          inHand.delete(key);
          step();
        });
    }
  }

  /** What ended while the agent was off, read back from the actions; bulks already over are finished. */
  function reconcile() {
    const moved = unitOfWork(() => {
      const bulks = new Set<string>();
      for (const item of repos.bulk.sentItems()) {
        const action = item.remoteActionId ? repos.actions.get(item.remoteActionId) : null;
        if (action && repos.bulk.progress(item.bulkId, item.seq, itemProgressOf(action)))
          bulks.add(item.bulkId);
      }
      return bulks;
    });
    moved.forEach(changed);
    for (const bulk of repos.bulk.unfinished()) finishIfDone(bulk.id);
  }

  return {
    /** A bulk was started or cancelled: send what is due, finish what is over. */
    poke(bulkId?: string) {
      if (bulkId) finishIfDone(bulkId);
      step();
    },
    changed,

    start() {
      if (running) return;
      running = true;
      unsubscribe = bus.subscribe((event) => {
        if (event.type === 'action.changed') onAction(event.action);
        // A new pace applies at once (the settings are read at each step).
        else if (event.type === 'audit.appended' && event.entry.action === 'settings.change') step();
      });
      reconcile();
      step();
    },

    stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
