// Lanes and claims: one lane per callback holds the chunk of its due deliveries claimed from the store (InFlight,
// leased to this run) and not sent yet, so calls start from memory and the network never waits for the disk.
// A chunk is refilled at half; a lane remembers when its queue is next due, so idle lanes cost no query.
// An offline target gets one claimed delivery at a time (its probe); a target under Retry-After gets none.
// Claims are planned in memory and run by the store writer with the pass's other writes (dispatcher.ts).
import { deliveryStepResults, deliverySteps } from '../db/index.js';
import type { DeliveryRecord, Repositories, UnitOfWork, WriteStep } from '../db/index.js';
import type { CallbackCache } from './callback-cache.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import type { ReachabilityTracker } from './reachability-tracker.js';
import { probeDue } from './reachability.js';
import { isoAt as iso } from './iso-time.js';

export interface Lane {
  callbackId: string;
  /** Claimed (InFlight, leased) deliveries not yet sent, earliest due first. */
  prefetch: DeliveryRecord[];
  /** The origin the prefetched deliveries were claimed for. */
  origin: string | null;
  /** New or changed work since the last claim. */
  maybeDue: boolean;
  /** When known (nothing was due at the last claim): the earliest next attempt of its queue. */
  nextDueMs: number | null;
  /** A 410 arrived: nothing more is sent until the callback runs again. */
  gone: boolean;
}

/** One lane's claim in a pass: its steps start at `at` (the claim, then the next-due query). */
export interface ClaimPlan {
  lane: Lane;
  origin: string;
  want: number;
  /** The target is offline: this is its one probe. */
  probe: boolean;
  at: number;
}

export interface LanesDeps {
  repos: Repositories;
  callbacks: CallbackCache;
  targets: ReachabilityTracker;
  options: ResolvedOutboxOptions;
  /** The lease owner: this run. */
  owner: string;
}

export type Lanes = ReturnType<typeof createLanes>;

/** Events a lane's claimed chunk may carry in all (see chunkOf). */
const CLAIM_EVENTS = 16_384;

export function createLanes({ repos, callbacks, targets, options, owner }: LanesDeps) {
  const lanes = new Map<string, Lane>();
  /** Lanes by their callback's origin; rebuilt lazily after any change of lanes or callbacks. */
  let byOrigin = new Map<string, Lane[]>();
  const prefetchSize = Math.max(1, options.claimChunk);

  /**
   * How many deliveries a lane holds claimed: claimChunk, or fewer for a batching callback, so a chunk carries at
   * most CLAIM_EVENTS events (a chunk of 100-event batches is megabytes to read and hand between threads at once).
   */
  function chunkOf(lane: Lane): number {
    const size = callbacks.view(lane.callbackId)?.batch?.size ?? 1;
    return Math.max(
      1,
      Math.min(prefetchSize, Math.max(options.perTargetConcurrency * 2, Math.floor(CLAIM_EVENTS / size))),
    );
  }

  /** Where the lane's deliveries go, when they may go now (Running, not gone, a usable URL); else null. */
  function sendableOrigin(lane: Lane): string | null {
    const cb = callbacks.view(lane.callbackId);
    if (!cb || cb.deleted || cb.status !== 'Running' || lane.gone) return null;
    return cb.origin;
  }

  function laneOf(callbackId: string): Lane {
    let lane = lanes.get(callbackId);
    if (!lane) {
      lane = { callbackId, prefetch: [], origin: null, maybeDue: true, nextDueMs: null, gone: false };
      lanes.set(callbackId, lane);
      byOrigin = new Map();
    }
    return lane;
  }

  function lanesOn(origin: string): Lane[] {
    if (byOrigin.size === 0 && lanes.size > 0) {
      for (const lane of lanes.values()) {
        const o = callbacks.view(lane.callbackId)?.origin;
        if (!o) continue;
        const list = byOrigin.get(o);
        if (list) list.push(lane);
        else byOrigin.set(o, [lane]);
      }
    }
    return byOrigin.get(origin) ?? [];
  }

  /** In a transaction: the lane's unsent chunk goes back to the queue; the memory follows after commit. */
  function release(lane: Lane, uow: UnitOfWork) {
    const ids = lane.prefetch.map((d) => d.id);
    repos.deliveries.release(ids, owner);
    const count = ids.length;
    uow.afterCommit(() => {
      lane.prefetch.splice(0, count);
      lane.maybeDue = true;
    });
  }

  return {
    chunkOf,
    laneOf,
    lanesOn,
    get: (callbackId: string) => lanes.get(callbackId),
    all: () => lanes.values(),
    callbackIds: () => lanes.keys(),
    release,

    /** A callback changed (its origin may have): the origin index is rebuilt when next needed. */
    reindex() {
      byOrigin = new Map();
    },

    markAllDue() {
      for (const lane of lanes.values()) lane.maybeDue = true;
    },

    /** Claimed deliveries not sent yet, in all lanes. */
    prefetched(): number {
      let count = 0;
      for (const lane of lanes.values()) count += lane.prefetch.length;
      return count;
    },

    /** A target that just went offline (or asked to wait, or answered 410) gives its claimed chunk back. */
    releaseBlocked(nowMs: number, uow: UnitOfWork) {
      for (const lane of lanes.values()) {
        if (lane.prefetch.length === 0 || !lane.origin) continue;
        const t = targets.get(lane.origin);
        if (t && (t.state === 'offline' || t.notBeforeMs > nowMs || lane.gone)) release(lane, uow);
      }
    },

    /** Every claimed, unsent delivery back to the queue at once (pause by the operator). */
    releaseAll(uow: UnitOfWork) {
      for (const lane of lanes.values()) if (lane.prefetch.length > 0) release(lane, uow);
    },

    /** At stop, in a transaction: claimed but not sent goes back to the queue now. */
    dropAll() {
      for (const lane of lanes.values()) {
        repos.deliveries.release(
          lane.prefetch.map((d) => d.id),
          owner,
        );
        lane.prefetch = [];
      }
    },

    /**
     * The claims of a pass: for each lane that may send and has something due, a claim (Queued → InFlight under
     * this run's lease) and the query of what is due next, appended to `steps` for the store writer.
     */
    planClaims(nowMs: number, steps: WriteStep[]): ClaimPlan[] {
      const now = iso(nowMs);
      const leaseUntil = iso(nowMs + options.leaseMs);
      const plans: ClaimPlan[] = [];
      for (const t of targets.all()) t.probeClaimed = false;
      for (const lane of lanes.values()) {
        const origin = sendableOrigin(lane);
        if (!origin) continue;
        if (!lane.maybeDue && (lane.nextDueMs === null || lane.nextDueMs > nowMs)) continue;
        const t = targets.targetOf(origin);
        let want: number;
        if (t.state === 'offline') {
          const probing =
            t.inFlight > 0 || t.probeClaimed || lanesOn(t.origin).some((l) => l.prefetch.length > 0);
          if (probing || !probeDue(t, nowMs)) continue;
          want = 1;
          // One probe per target: the other lanes on it wait for this claim's result (the next pass).
          t.probeClaimed = true;
        } else {
          const chunk = chunkOf(lane);
          if (t.notBeforeMs > nowMs || lane.prefetch.length > chunk / 2) continue;
          want = chunk - lane.prefetch.length;
        }
        plans.push({ lane, origin, want, probe: t.state === 'offline', at: steps.length });
        // The wake this claim answers is used up now, not when its result comes back: a delivery queued while the
        // claim is in flight (which the claim may not see) sets it again, and that must not be lost.
        lane.maybeDue = false;
        // A batch's payload is read where it is sent: kilobytes each, not worth passing between threads.
        const batching = (callbacks.view(lane.callbackId)?.batch?.size ?? 1) > 1;
        steps.push(
          deliverySteps.claim(lane.callbackId, now, want, owner, leaseUntil, !batching),
          deliverySteps.nextDue(lane.callbackId),
        );
      }
      return plans;
    },

    /** Once the claims committed (`results`: one per step): the claimed rows, by lane, and when each is due next. */
    applyClaims(plans: ClaimPlan[], results: unknown[]): [Lane, DeliveryRecord[]][] {
      const claimed: [Lane, DeliveryRecord[]][] = [];
      for (const { lane, origin, want, probe, at } of plans) {
        const rows = deliveryStepResults.claimed(results[at]);
        if (rows.length > 0) {
          claimed.push([lane, rows]);
          lane.origin = origin;
        } else if (probe) {
          targets.targetOf(origin).probeClaimed = false;
        }
        if (rows.length < want) {
          // maybeDue stays as planClaims left it: false, unless a delivery was queued meanwhile.
          const next = deliveryStepResults.nextDue(results[at + 1]);
          lane.nextDueMs = next === null ? null : Date.parse(next);
        } else {
          lane.maybeDue = true;
        }
      }
      return claimed;
    },

    /** When a lane next has something to claim or send (its due time, its target's probe or Retry-After). */
    nextDueMs(nowMs: number): number {
      let next = Infinity;
      for (const lane of lanes.values()) {
        const origin = sendableOrigin(lane);
        if (!origin) continue;
        const t = targets.targetOf(origin);
        const due = lane.maybeDue ? nowMs : lane.nextDueMs;
        if (due === null) continue;
        if (t.state === 'offline') next = Math.min(next, Math.max(due, t.nextProbeMs ?? nowMs));
        else if (lane.prefetch.length === 0) next = Math.min(next, Math.max(due, t.notBeforeMs));
      }
      return next;
    },
  };
}
