// The dispatcher: composes the outbox's parts and runs the pass. Due deliveries are claimed in chunks (lanes.ts),
// sent with bounded concurrency per target (calls.ts), and their outcomes recorded in grouped transactions
// (outcomes.ts).
//
// One "pass" (synchronous, one transaction) applies callback changes, stores reachability, records the outcomes
// gathered since the last pass, forms batches, sweeps, and claims more work; calls then start from the claimed
// chunk in memory, and each finished call starts the next one at once, so the network never waits for the disk.
// Passes are asked for by new work, finished calls and one clock timer (scheduler.ts), so a manual clock drives
// every policy in tests.
//
// Reachability is per target origin (reachability-tracker.ts). A connection failure marks it offline: its claimed
// chunk goes back to the queue, nothing is counted, and a single probe (the oldest due delivery) is tried after
// 1 s, 2 s, 4 s … 60 s. The first answer marks it online again; it then starts at one call in flight and ramps up.
import { randomUUID } from 'node:crypto';
import type { DeliveryRecord, Repositories, RunUnitOfWork, UnitOfWork } from '../db/index.js';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { DeliveryDto, TargetReachabilityDto } from '../../../preload/contract/deliveries.js';
import type { DeliveryQueue } from './delivery-queue.js';
import { toDeliveryDto } from './delivery-dto.js';
import type { PauseCallback } from './gone.js';
import { createHttpSender } from './http-sender.js';
import type { Lane } from './lanes.js';
import { createOutboxParts } from './outbox-parts.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { reachabilityDto } from './reachability-tracker.js';
import { createScheduler } from './scheduler.js';

export interface DispatcherDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  openSecrets(callbackId: string): Promise<CallbackSecrets>;
  pauseCallback: PauseCallback;
  fleetId(): string | null;
  options: ResolvedOutboxOptions;
}

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

export type Dispatcher = ReturnType<typeof createDispatcher>;

export function createDispatcher(deps: DispatcherDeps) {
  const { unitOfWork, repos, clock, bus, logger, options } = deps;
  const owner = randomUUID();
  const sender = createHttpSender(options);

  /** Callbacks changed since the last pass. */
  const dirtyCallbacks = new Set<string>();
  let started = false;
  let stopping = false;
  let closed = false;
  /** Paused by the operator (desktop tray): nothing new is claimed or sent; calls in the air finish. */
  let paused = false;
  let unsubscribe: (() => void) | null = null;

  const scheduler = createScheduler({
    clock,
    commitDelayMs: options.commitDelayMs,
    enabled: () => started && !stopping,
    runPass,
  });
  const changed = (callbackId: string) => {
    dirtyCallbacks.add(callbackId);
    scheduler.request(true);
  };
  const { callbacks, holds, targets, lanes, held, events, batcher, intake, sweep, changes, recorder, calls } =
    createOutboxParts(deps, {
      owner,
      sender,
      scheduler,
      changed,
      mayCall: () => !stopping && !paused,
      closed: () => closed,
    });

  /** Stores changed targets; a target that went offline (or must wait) gives its claimed chunk back. */
  function persistReachability(nowMs: number, uow: UnitOfWork) {
    targets.persist(nowMs, uow);
    lanes.releaseBlocked(nowMs, uow);
  }

  function nextWakeMs(nowMs: number): number {
    return Math.min(
      lanes.nextDueMs(nowMs),
      batcher.nextWindowMs(nowMs),
      sweep.nextMs(),
      targets.nextRetryAfterMs(nowMs),
    );
  }

  function runPass() {
    if (!started || closed) return;
    const nowMs = clock.now().getTime();
    const batch = calls.take();
    const dirty = [...dirtyCallbacks];
    dirtyCallbacks.clear();
    // Queued before this pass (and committed by their caller): shown as queued, before this pass claims them.
    events.flush();
    const claimed: [Lane, DeliveryRecord[]][] = [];
    try {
      unitOfWork((uow) => {
        // Claimed rows are this run's once committed: the lanes take them before the rest of the pass follows.
        uow.afterCommit(() => {
          for (const [lane, rows] of claimed) lane.prefetch.push(...rows);
        });
        changes.apply(dirty, nowMs, uow);
        persistReachability(nowMs, uow);
        recorder.record(batch, uow);
        batcher.form(nowMs, uow);
        if (sweep.due(nowMs)) sweep.run(nowMs);
        if (!stopping && !paused) lanes.claim(nowMs, claimed);
      });
    } catch (err) {
      // Nothing of the pass was stored: keep its work for the next one.
      calls.putBack(batch);
      for (const id of dirty) dirtyCallbacks.add(id);
      logger.error('outbox: recording deliveries failed; will try again', { error: (err as Error).message });
      scheduler.retryIn(1000);
      return;
    }
    events.flush();
    if (!stopping && !paused) {
      for (const t of targets.all()) calls.pump(t, nowMs);
      scheduler.arm(nextWakeMs(nowMs), nowMs);
    }
  }

  const queue: DeliveryQueue = {
    heldReason: held.ofDelivery,
    callbackHeldReason: held.ofCallback,
    originOf: (callbackId) => callbacks.view(callbackId)?.origin ?? null,
    targets: () => [...targets.all()].map((t) => ({ ...reachabilityDto(t), inFlight: t.inFlight })),
    heldInFlight: () => calls.inFlight() + calls.pending() + lanes.prefetched(),
    enqueueTest: intake.enqueueTest,
    requeued(callbackId, ids) {
      events.later(...ids);
      lanes.laneOf(callbackId).maybeDue = true;
      scheduler.request(true);
    },
  };

  return {
    /** What the deliveries use cases may ask and hand over. */
    queue,

    /** The wire views of what the outbox announces on the bus (the change feed asks, only while someone watches). */
    views: {
      delivery(id: string, record?: DeliveryRecord): DeliveryDto | null {
        const stored = record ?? repos.deliveries.get(id);
        return stored ? toDeliveryDto(stored, held.ofDelivery(stored)) : null;
      },
      target(origin: string): TargetReachabilityDto | null {
        const t = targets.get(origin);
        return t ? reachabilityDto(t) : null;
      },
    },

    /** StoredEventSink: queues the event for the action's callback. Synchronous, in the caller's transaction. */
    enqueue: intake.enqueue,

    start(): { reclaimed: number } {
      if (started) return { reclaimed: 0 };
      const nowMs = clock.now().getTime();
      // One dispatcher per database (the app and the agent hold a single-instance lock): a lease from before this
      // start belongs to a run that is gone. Those deliveries are sent again, with the same webhook-id.
      const reclaimed = repos.deliveries.reclaim(owner, FAR_FUTURE);
      if (reclaimed > 0)
        logger.warn('outbox: deliveries interrupted by the last stop are sent again', { count: reclaimed });
      targets.restore(nowMs);
      holds.restore();
      for (const id of repos.deliveries.queuedByCallback().keys()) lanes.laneOf(id);
      batcher.restore();
      const known = new Set([
        ...repos.callbacks.list().map((c) => c.id),
        ...lanes.callbackIds(),
        ...batcher.callbackIds(),
        ...holds.callbackIds(),
      ]);
      for (const id of known) dirtyCallbacks.add(id);
      unsubscribe = bus.subscribe((event) => {
        if (event.type === 'callback.changed') changed(event.callbackId);
      });
      started = true;
      scheduler.request(true);
      return { reclaimed };
    },

    /**
     * Holds every outbound delivery (the desktop tray's "Pause deliveries"): claimed but unsent deliveries go back
     * to the queue, nothing new is claimed, calls already in the air finish and are recorded. Not persisted: a
     * restart resumes.
     */
    pause(): void {
      if (paused || closed) return;
      paused = true;
      scheduler.disarm();
      unitOfWork((uow) => lanes.releaseAll(uow));
      logger.info('outbox: deliveries paused by the operator');
    },

    /** Undoes pause(): everything due is claimed and sent again at once. */
    resume(): void {
      if (!paused || closed) return;
      paused = false;
      lanes.markAllDue();
      logger.info('outbox: deliveries resumed by the operator');
      scheduler.request(true);
    },

    isPaused: () => paused,

    /** Resolves once nothing is left to do now: no pass pending, no call in flight, every outcome recorded. */
    async idle(): Promise<void> {
      for (;;) {
        // While calls are in flight, passes keep their normal grouping; only what is left then is run at once.
        if (scheduler.busy()) {
          await scheduler.settled();
          continue;
        }
        if (
          scheduler.pending() ||
          (started && !stopping && (calls.pending() > 0 || dirtyCallbacks.size > 0))
        ) {
          scheduler.runNow();
          continue;
        }
        return;
      }
    },

    async stop(graceMs = options.stopGraceMs): Promise<void> {
      if (!started || stopping) return;
      stopping = true;
      unsubscribe?.();
      scheduler.cancel();
      // Claimed but not sent: back to the queue now.
      unitOfWork(() => lanes.dropAll());
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        scheduler.settled(),
        new Promise((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
      // Record what finished; calls still in the air keep their lease and are sent again at the next start.
      const batch = calls.take();
      try {
        unitOfWork((uow) => {
          persistReachability(clock.now().getTime(), uow);
          recorder.record(batch, uow);
        });
      } catch (err) {
        logger.error('outbox: could not record the last outcomes', { error: (err as Error).message });
      }
      closed = true;
      await sender.close(0);
    },
  };
}
