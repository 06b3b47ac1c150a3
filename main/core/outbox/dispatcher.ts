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
import type { DeliveryRecord, Repositories, RunUnitOfWork, StoreWriter, UnitOfWork } from '../db/index.js';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { DeliveryDto, TargetReachabilityDto } from '../../../preload/contract/deliveries.js';
import type { DeliveryQueue } from './delivery-queue.js';
import { toDeliveryDto } from './delivery-dto.js';
import type { PauseCallback } from './gone.js';
import { createHttpSender } from './http-sender.js';
import type { ClaimPlan } from './lanes.js';
import type { Outcome, RecordingPlan } from './outcomes.js';
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
  /** Runs the pass's outcomes and claims in one transaction, off the event loop when it is a thread. */
  writer: StoreWriter;
}

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/** For consequences of writes already committed by the store writer: effects run at once. */
const AT_ONCE: UnitOfWork = { afterCommit: (effect) => effect() };

export type Dispatcher = ReturnType<typeof createDispatcher>;

export function createDispatcher(deps: DispatcherDeps) {
  const { unitOfWork, repos, clock, bus, logger, options, writer } = deps;
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
      changePending: (callbackId) => dirtyCallbacks.has(callbackId),
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

  /** The writes of a pass are with the store writer: the next pass waits for their commit (one at a time). */
  let writing: Promise<void> | null = null;
  let passAfterWrite = false;

  function runPass() {
    if (!started || closed) return;
    if (writing) {
      // Outcomes gather meanwhile: the write in flight is the group commit's window.
      passAfterWrite = true;
      return;
    }
    const nowMs = clock.now().getTime();
    const batch = calls.take();
    const dirty = [...dirtyCallbacks];
    dirtyCallbacks.clear();
    // Queued before this pass (and committed by their caller): shown as queued, before this pass claims them.
    events.flush();
    try {
      // The pass's rarer writes, on the app's connection: callback changes, reachability, batches, the sweep.
      unitOfWork((uow) => {
        changes.apply(dirty, nowMs, uow);
        persistReachability(nowMs, uow);
        batcher.form(nowMs, uow);
        if (sweep.due(nowMs)) sweep.run(nowMs);
      });
    } catch (err) {
      failed(batch, dirty, err);
      return;
    }
    // The hot writes, in one transaction of the store writer: the outcomes recorded, then more work claimed.
    const recording = recorder.plan(batch);
    const claims = !stopping && !paused ? lanes.planClaims(nowMs, recording.steps) : [];
    if (recording.steps.length === 0) {
      afterWrites();
      return;
    }
    writing = writer.run(recording.steps).then(
      (results) => {
        writing = null;
        committed(recording, claims, results);
      },
      (err: unknown) => {
        writing = null;
        for (const c of claims) {
          if (c.probe) targets.targetOf(c.origin).probeClaimed = false;
          // Nothing was claimed: the lanes are due again.
          c.lane.maybeDue = true;
        }
        failed(batch, [], err);
      },
    );
    scheduler.track(writing);
  }

  /** Nothing of the pass was stored: its work is kept for the next one, a second from now. */
  function failed(batch: Outcome[], dirty: string[], err: unknown) {
    calls.putBack(batch);
    for (const id of dirty) dirtyCallbacks.add(id);
    logger.error('outbox: recording deliveries failed; will try again', { error: (err as Error).message });
    scheduler.retryIn(1000);
  }

  /** What follows the commit of a pass's writes: the outcomes' consequences, the claimed work, the next calls. */
  function committed(recording: RecordingPlan, claims: ClaimPlan[], results: unknown[]) {
    try {
      if (recording.gone) unitOfWork((uow) => recorder.finish(recording, results, uow));
      else recorder.finish(recording, results, AT_ONCE);
    } catch (err) {
      logger.error('outbox: holding the deliveries of a gone webhook failed', {
        error: (err as Error).message,
      });
    }
    const claimed = lanes.applyClaims(claims, results);
    if (stopping || paused || closed) {
      // Claimed while the outbox paused or stopped: back to the queue at once.
      try {
        unitOfWork(() => {
          for (const [, rows] of claimed)
            repos.deliveries.release(
              rows.map((d) => d.id),
              owner,
            );
        });
      } catch (err) {
        logger.error('outbox: giving claimed deliveries back failed; their lease ends them', {
          error: (err as Error).message,
        });
      }
      for (const [lane] of claimed) lane.maybeDue = true;
    } else {
      for (const [lane, rows] of claimed) lane.prefetch.push(...rows);
    }
    afterWrites();
    if (passAfterWrite) {
      passAfterWrite = false;
      scheduler.request(true);
    }
  }

  function afterWrites() {
    events.flush();
    if (!stopping && !paused && !closed) {
      const nowMs = clock.now().getTime();
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
        if (writing) await writing;
        unitOfWork((uow) => persistReachability(clock.now().getTime(), uow));
        const recording = recorder.plan(batch);
        const results = await writer.run(recording.steps);
        if (recording.gone) unitOfWork((uow) => recorder.finish(recording, results, uow));
        else recorder.finish(recording, results, AT_ONCE);
      } catch (err) {
        logger.error('outbox: could not record the last outcomes', { error: (err as Error).message });
      }
      closed = true;
      await sender.close(0);
    },
  };
}
