// Reachability of every webhook origin this run has called or stored: feeds each call's result to the target's
// state machine (reachability.ts), says so when a target goes offline or comes back, stores what changed, and
// moves the deadlines of a target's queue on by the time it was offline (that time does not count toward the cap).
import type { TargetReachabilityDto } from '../../../preload/contract/deliveries.js';
import type { Repositories, UnitOfWork } from '../db/index.js';
import type { Logger } from '../ports/logger.js';
import type { SendResult } from './http-sender.js';
import type { Lane } from './lanes.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { newTargetState, noteResult, type TargetState } from './reachability.js';
import { isoAt as iso } from './iso-time.js';

/** A target's reachability as the contract shows it (the `target.changed` event, the targets list). */
export function reachabilityDto(t: TargetState): TargetReachabilityDto {
  return {
    origin: t.origin,
    state: t.state,
    since: t.sinceMs === null ? null : iso(t.sinceMs),
    lastError: t.lastError,
    nextProbeAt: t.state === 'offline' && t.nextProbeMs !== null ? iso(t.nextProbeMs) : null,
    probeFailures: t.probeFailures,
    insecure: t.origin.startsWith('http:'),
  };
}

export interface ReachabilityDeps {
  repos: Repositories;
  logger: Logger;
  options: ResolvedOutboxOptions;
  /** Publishes a target that went offline or came back (when someone listens). */
  targetChanged(t: TargetState): void;
  /** The lanes of the callbacks sending to an origin. */
  lanesOn(origin: string): Lane[];
}

export type ReachabilityTracker = ReturnType<typeof createReachabilityTracker>;

export function createReachabilityTracker({
  repos,
  logger,
  options,
  targetChanged,
  lanesOn,
}: ReachabilityDeps) {
  const targets = new Map<string, TargetState>();
  /** Offline time to credit to the deadlines of an origin's queue, at the next pass. */
  const shifts: { origin: string; ms: number }[] = [];

  function targetOf(origin: string): TargetState {
    let t = targets.get(origin);
    if (!t) {
      t = newTargetState(origin, options);
      targets.set(origin, t);
    }
    return t;
  }

  return {
    targetOf,
    get: (origin: string) => targets.get(origin),
    all: () => targets.values(),

    /** At start: the states the last run stored. An offline target is probed at once. */
    restore(nowMs: number) {
      for (const r of repos.deliveryTargets.listTargets()) {
        const t = targetOf(r.origin);
        t.state = r.state;
        t.sinceMs = Date.parse(r.since);
        t.lastError = r.lastError;
        t.probeFailures = r.probeFailures;
        t.nextProbeMs = r.state === 'offline' ? nowMs : null;
      }
    },

    warnIfInsecure(t: TargetState) {
      if (t.warnedInsecure || !t.origin.startsWith('http:')) return;
      t.warnedInsecure = true;
      logger.warn('outbox: delivering over plain http (not encrypted); fine on a local network only', {
        origin: t.origin,
      });
    },

    /** The result of a call that started at `startedMs` (`probe`: the probe of an offline target). */
    noteCall(t: TargetState, result: SendResult, startedMs: number, nowMs: number, probe: boolean) {
      const transition = noteResult(t, result, startedMs, nowMs, probe, options);
      if (transition?.to === 'offline') {
        logger.warn('outbox: target unreachable; deliveries are kept until it is back', {
          origin: t.origin,
          error: t.lastError,
        });
        targetChanged(t);
      } else if (transition?.to === 'online') {
        // Time offline does not count toward the 3-day cap: the queue's deadlines move on by it.
        shifts.push({ origin: t.origin, ms: transition.offlineMs });
        for (const l of lanesOn(t.origin)) l.maybeDue = true;
        logger.info('outbox: target reachable again; draining its backlog', {
          origin: t.origin,
          offlineSeconds: Math.round(transition.offlineMs / 1000),
        });
        targetChanged(t);
      }
    },

    /** In the pass's transaction: credits offline time to deadlines and stores the targets that changed. */
    persist(nowMs: number, uow: UnitOfWork) {
      for (const shift of shifts.splice(0)) {
        for (const lane of lanesOn(shift.origin)) repos.deliveries.shiftDeadlines(lane.callbackId, shift.ms);
      }
      for (const t of targets.values()) {
        if (!t.dirty || t.state === 'unknown') continue;
        repos.deliveryTargets.saveTarget({
          origin: t.origin,
          state: t.state,
          since: iso(t.sinceMs ?? nowMs),
          lastError: t.lastError,
          probeFailures: t.probeFailures,
          nextProbeAt: t.state === 'offline' && t.nextProbeMs !== null ? iso(t.nextProbeMs) : null,
          updatedAt: iso(nowMs),
        });
        uow.afterCommit(() => {
          t.dirty = false;
        });
      }
    },

    /** Whether any target is offline (the retention sweep then has work to look at). */
    anyOffline(): boolean {
      for (const t of targets.values()) if (t.state === 'offline') return true;
      return false;
    },

    /** The earliest end of a Retry-After wait still running, or Infinity. */
    nextRetryAfterMs(nowMs: number): number {
      let next = Infinity;
      for (const t of targets.values()) if (t.notBeforeMs > nowMs) next = Math.min(next, t.notBeforeMs);
      return next;
    },
  };
}
