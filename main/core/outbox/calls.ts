// Calls: starts calls from the claimed chunks of a target's callbacks, round-robin among them, up to the target's
// window (one at a time, the probe, while it is offline) and the overall limit. Each finished call is noted for
// reachability, kept as an outcome for the next pass, and starts the next call at once.
import type { DeliveryRecord } from '../db/index.js';
import type { Clock } from '../ports/clock.js';
import type { CallbackCache } from './callback-cache.js';
import type { HttpSender, SendResult } from './http-sender.js';
import type { Lane, Lanes } from './lanes.js';
import type { Outcome } from './outcomes.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import type { ReachabilityTracker } from './reachability-tracker.js';
import { probeDue, type TargetState } from './reachability.js';
import { isoAt as iso } from './iso-time.js';
import { buildRequest } from './request-builder.js';

export type Calls = ReturnType<typeof createCalls>;

export function createCalls(deps: {
  clock: Clock;
  options: ResolvedOutboxOptions;
  callbacks: CallbackCache;
  lanes: Lanes;
  targets: ReachabilityTracker;
  sender: HttpSender;
  fleetId(): string | null;
  /** Whether new calls may start (not paused, not stopping). */
  mayCall(): boolean;
  /** The callback changed and the next pass has not applied it yet. */
  changePending(callbackId: string): boolean;
  /** The events[] JSON bytes of a delivery claimed without it. */
  payloadOf(deliveryId: string): Buffer | null;
  /** Whether the outbox closed: an outcome arriving after that is not recorded (its lease makes it go again). */
  closed(): boolean;
  /** Counts the call in the air so idle() and stop() wait for it. */
  callStarted(): void;
  callEnded(): void;
  /** Asks for a pass (`urgent`: at once; else after the commit delay, so outcomes share a commit). */
  requestPass(urgent: boolean): void;
}) {
  const { clock, options, callbacks, lanes, targets, sender } = deps;
  let inFlight = 0;
  let outcomes: Outcome[] = [];

  /** Starts calls from the claimed chunks of a target's callbacks, up to its window. */
  function pump(t: TargetState, nowMs: number) {
    if (!deps.mayCall()) return;
    const offline = t.state === 'offline';
    // Offline: only the probe the pass claimed, once its time has come.
    if (offline ? !probeDue(t, nowMs) : t.notBeforeMs > nowMs) return;
    const limit = offline ? 1 : t.window;
    // A callback changed since the last pass (its view may be stale, its secrets not): its calls wait for the pass.
    const candidates = lanes
      .lanesOn(t.origin)
      .filter((l) => l.prefetch.length > 0 && !l.gone && !deps.changePending(l.callbackId));
    while (t.inFlight < limit && inFlight < options.maxConcurrency && candidates.length > 0) {
      t.rr = (t.rr + 1) % candidates.length;
      const lane = candidates[t.rr]!;
      const delivery = lane.prefetch.shift()!;
      if (lane.prefetch.length === 0) candidates.splice(t.rr, 1);
      deps.callStarted();
      void call(lane, t, delivery, offline).then(deps.callEnded, deps.callEnded);
    }
  }

  async function call(lane: Lane, t: TargetState, delivery: DeliveryRecord, probe: boolean) {
    // Claimed without its payload (a batch's): its bytes are read now, from the app's connection, and only the
    // request holds them (the outcome keeps the record as claimed).
    const events = delivery.eventsJson === '' ? (deps.payloadOf(delivery.id) ?? '[]') : delivery.eventsJson;
    t.inFlight += 1;
    inFlight += 1;
    const creditedAtStart = t.creditedMs;
    const startedMs = clock.now().getTime();
    const startedAt = iso(startedMs);
    let result: SendResult;
    try {
      const cb = callbacks.view(lane.callbackId);
      if (!cb) throw new Error('The callback no longer exists.');
      targets.warnIfInsecure(t);
      const secrets = callbacks.openedSecrets(cb.id) ?? (await callbacks.secretsOf(cb.id));
      const request = buildRequest(cb, { ...delivery, eventsJson: events }, secrets, {
        fleetId: deps.fleetId(),
        nowMs: clock.now().getTime(),
        userAgent: options.userAgent,
      });
      result = await sender.send(request);
    } catch (err) {
      result = {
        kind: 'failed',
        latencyMs: 0,
        error: `The call could not be made: ${(err as Error).message}`,
      };
    }
    t.inFlight -= 1;
    inFlight -= 1;
    if (deps.closed()) return;
    const nowMs = clock.now().getTime();
    targets.noteCall(t, result, startedMs, nowMs, probe);
    if (result.kind === 'answer' && result.status === 410) lane.gone = true;
    const creditMs = t.creditedMs - creditedAtStart;
    outcomes.push({ lane, delivery, result, startedAt, finishedMs: nowMs, probe, creditMs });
    pump(t, nowMs);
    const lowOnWork = lane.prefetch.length <= lanes.chunkOf(lane) / 4;
    deps.requestPass(outcomes.length >= options.commitBatch || lowOnWork || t.state === 'offline');
  }

  return {
    pump,
    /** Calls in the air. */
    inFlight: () => inFlight,
    /** Outcomes not recorded yet. */
    pending: () => outcomes.length,
    /** The outcomes gathered since the last pass, for it to record. */
    take(): Outcome[] {
      const batch = outcomes;
      outcomes = [];
      return batch;
    },
    /** A pass that failed gives its outcomes back, ahead of those that came since. */
    putBack(batch: Outcome[]) {
      outcomes = batch.concat(outcomes);
    },
  };
}
