// The outbox's parts, each with one job, wired to each other. The dispatcher (dispatcher.ts) owns the run state
// (started, paused, stopping) and the pass; the parts reach it only through the hooks given here.
import type { HttpSender } from './http-sender.js';
import { createBatcher } from './batcher.js';
import { createCallbackCache } from './callback-cache.js';
import { createCallbackChanges } from './callback-changes.js';
import { createCalls } from './calls.js';
import { createDeliveryEvents } from './delivery-events.js';
import type { DispatcherDeps } from './dispatcher.js';
import { createGoneHandler } from './gone.js';
import { createHeldReasons } from './held-reason.js';
import { createHolds } from './holds.js';
import { createIdGenerator } from './ids.js';
import { createIntake } from './intake.js';
import { createLanes } from './lanes.js';
import { createOutcomeRecorder } from './outcomes.js';
import { createReachabilityTracker } from './reachability-tracker.js';
import { createRetentionSweep } from './retention-sweep.js';
import type { Scheduler } from './scheduler.js';

export interface RunHooks {
  /** The lease owner: this run. */
  owner: string;
  sender: HttpSender;
  scheduler: Scheduler;
  /** A callback changed: it is read again at the next pass, asked for at once. */
  changed(callbackId: string): void;
  /** Whether new calls may start (not paused by the operator, not stopping). */
  mayCall(): boolean;
  /** The callback changed and the next pass has not applied it yet. */
  changePending(callbackId: string): boolean;
  /** Whether the outbox closed (an outcome arriving after that is not recorded). */
  closed(): boolean;
}

export function createOutboxParts(deps: DispatcherDeps, run: RunHooks) {
  const { repos, clock, bus, logger, options } = deps;
  const { owner, scheduler } = run;
  const newId = createIdGenerator(() => clock.now().getTime());
  const passNow = () => scheduler.request(true);
  const track = (p: Promise<unknown>) => void scheduler.track(p);

  const callbacks = createCallbackCache(repos, deps.openSecrets);
  const holds = createHolds(repos);
  // The tracker and the lanes know each other (a target's lanes, a lane's target): the tracker reaches the lanes
  // and the events through late-bound functions.
  const targets = createReachabilityTracker({
    repos,
    logger,
    options,
    targetChanged: (t) => events.target(t),
    lanesOn: (origin) => lanes.lanesOn(origin),
  });
  const lanes = createLanes({ repos, callbacks, targets, options, owner });
  const held = createHeldReasons({ callbacks, holds, targets, clock });
  const events = createDeliveryEvents({ bus });
  const batcher = createBatcher({ repos, callbacks, lanes, events, options, newId, again: passNow });
  const intake = createIntake({ repos, clock, callbacks, lanes, batcher, events, newId, wake: passNow });
  const sweep = createRetentionSweep({ repos, logger, options, callbacks, targets, lanes, events });
  const changes = createCallbackChanges({ repos, logger, callbacks, lanes, holds, events });
  const gone = createGoneHandler({
    holds,
    logger,
    pauseCallback: deps.pauseCallback,
    track,
    changed: run.changed,
  });
  const recorder = createOutcomeRecorder({ logger, options, callbacks, events, gone, owner });
  const calls = createCalls({
    clock,
    options,
    callbacks,
    lanes,
    targets,
    sender: run.sender,
    fleetId: deps.fleetId,
    mayCall: run.mayCall,
    changePending: run.changePending,
    payloadOf: (id) => repos.deliveries.payloadOf(id),
    closed: run.closed,
    callStarted: scheduler.callStarted,
    callEnded: scheduler.callEnded,
    requestPass: (urgent) => scheduler.request(urgent),
  });

  return { callbacks, holds, targets, lanes, held, events, batcher, intake, sweep, changes, recorder, calls };
}
