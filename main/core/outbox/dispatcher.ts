// The dispatcher: takes due deliveries from the store in chunks, calls each callback's webhook with bounded
// concurrency per target, and records outcomes in grouped transactions.
//
// One "pass" (synchronous, one transaction) applies callback changes, records the outcomes gathered since the
// last pass, forms batches, sweeps, and claims more work; calls then start from the claimed chunk in memory,
// and each finished call starts the next one at once, so the network never waits for the disk. Passes are
// asked for by new work, finished calls and one clock timer (the next retry, batch window, probe or sweep), so
// a manual clock drives every policy in tests.
//
// Reachability is per target origin. A connection failure marks it offline: its claimed chunk goes back to the
// queue, nothing is counted, and a single probe (the oldest due delivery) is tried after 1 s, 2 s, 4 s … 60 s.
// The first answer marks it online again; it then starts at one call in flight and ramps up to the limit.
import { randomUUID } from 'node:crypto';
import type { DeliveryHoldRecord, DeliveryRecord, Repositories } from '../db/index.js';
import type { Db } from '../db/index.js';
import type { ActionEventRecord, RemoteAction, RemoteEvent } from '../domain/action.js';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { createAuditTrail } from '../services/audit-trail.js';
import { toCallbackDto } from '../services/dto-mappers.js';
import { holdReasonOf, toCallbackView, type CallbackView } from './callback-view.js';
import { toDeliveryDto } from './delivery-dto.js';
import { createHttpSender, type SendResult } from './http-sender.js';
import { createIdGenerator } from './ids.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { buildRequest } from './request-builder.js';
import { fleetEvent, TEST_VIN, testEvent } from './fleet-event.js';
import { newTargetState, noteResult, probeDue, type TargetState } from './reachability.js';
import { decide } from './retry-schedule.js';

export interface DispatcherDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  openSecrets(callbackId: string): Promise<CallbackSecrets>;
  fleetId(): string | null;
  options: ResolvedOutboxOptions;
}

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

interface Outcome {
  lane: Lane;
  delivery: DeliveryRecord;
  result: SendResult;
  startedAt: string;
  finishedMs: number;
  probe: boolean;
  /** Offline time credited to the target while this call was in the air (its row was not in the queue). */
  creditMs: number;
}

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

export type Dispatcher = ReturnType<typeof createDispatcher>;

export function createDispatcher(deps: DispatcherDeps) {
  const { db, repos, clock, bus, logger, options } = deps;
  const owner = randomUUID();
  const newId = createIdGenerator(() => clock.now().getTime());
  const sender = createHttpSender(options);
  const trail = createAuditTrail(repos, bus);

  const views = new Map<string, CallbackView | null>();
  const dirtyCallbacks = new Set<string>();
  const lanes = new Map<string, Lane>();
  const targets = new Map<string, TargetState>();
  const holds = new Map<string, DeliveryHoldRecord>();
  const waiting = new Map<string, { count: number; oldestMs: number }>();
  const secretsCache = new Map<string, Promise<CallbackSecrets>>();
  const shifts: { origin: string; ms: number }[] = [];
  const toPublish: string[] = [];
  /** Deliveries whose last call was closed without an answer (the next such close counts). */
  const resets = new Set<string>();
  const tasks = new Set<Promise<unknown>>();
  let outcomes: Outcome[] = [];
  let originLanes = new Map<string, Lane[]>();
  let inFlight = 0;
  let started = false;
  let stopping = false;
  let closed = false;
  /** Paused by the operator (desktop tray): nothing new is claimed or sent; calls in the air finish. */
  let paused = false;
  let unsubscribe: (() => void) | null = null;
  let immediate: NodeJS.Immediate | null = null;
  let delayed: NodeJS.Timeout | null = null;
  let wake: { handle: TimerHandle; at: number } | null = null;
  let lastSweepMs = -Infinity;

  const prefetchSize = Math.max(1, options.claimChunk);

  // ── state lookups ─────────────────────────────────────────────────────────────────────────────────────

  function view(id: string): CallbackView | null {
    let v = views.get(id);
    if (v === undefined) {
      const record = repos.callbacks.getIncludingDeleted(id);
      v = record ? toCallbackView(record) : null;
      views.set(id, v);
    }
    return v;
  }

  function laneOf(callbackId: string): Lane {
    let lane = lanes.get(callbackId);
    if (!lane) {
      lane = { callbackId, prefetch: [], origin: null, maybeDue: true, nextDueMs: null, gone: false };
      lanes.set(callbackId, lane);
      originLanes = new Map();
    }
    return lane;
  }

  function targetOf(origin: string): TargetState {
    let t = targets.get(origin);
    if (!t) {
      t = newTargetState(origin, options);
      targets.set(origin, t);
    }
    return t;
  }

  function lanesOn(origin: string): Lane[] {
    if (originLanes.size === 0 && lanes.size > 0) {
      for (const lane of lanes.values()) {
        const o = view(lane.callbackId)?.origin;
        if (!o) continue;
        const list = originLanes.get(o);
        if (list) list.push(lane);
        else originLanes.set(o, [lane]);
      }
    }
    return originLanes.get(origin) ?? [];
  }

  function secretsOf(callbackId: string): Promise<CallbackSecrets> {
    let p = secretsCache.get(callbackId);
    if (!p) {
      p = deps.openSecrets(callbackId);
      p.catch(() => secretsCache.delete(callbackId));
      secretsCache.set(callbackId, p);
    }
    return p;
  }

  /** Why a queued delivery is not being attempted now, or null. */
  function heldReason(record: DeliveryRecord): string | null {
    if (record.state !== 'Queued') return null;
    const cb = view(record.callbackId);
    if (!cb || cb.deleted) return 'The callback was deleted.';
    if (cb.status !== 'Running') return holds.get(cb.id)?.reason ?? holdReasonOf(cb.status);
    if (!cb.origin) return `The webhook URL ${cb.target} cannot be used; correct the callback.`;
    const t = targets.get(cb.origin);
    const nowMs = clock.now().getTime();
    if (t?.state === 'offline') {
      const probe = t.nextProbeMs !== null ? ` Next probe at ${iso(t.nextProbeMs)}.` : '';
      return `The target ${t.origin} is unreachable since ${iso(t.sinceMs ?? nowMs)} (${t.lastError ?? 'no answer'}).${probe}`;
    }
    if (t && t.notBeforeMs > nowMs)
      return `The target asked to wait (Retry-After) until ${iso(t.notBeforeMs)}.`;
    return null;
  }

  function publishDelivery(record: DeliveryRecord) {
    bus.publish({ name: 'delivery.changed', data: { delivery: toDeliveryDto(record, heldReason(record)) } });
  }

  function publishTarget(t: TargetState) {
    bus.publish({
      name: 'target.changed',
      data: {
        target: {
          origin: t.origin,
          state: t.state,
          since: t.sinceMs === null ? null : iso(t.sinceMs),
          lastError: t.lastError,
          nextProbeAt: t.state === 'offline' && t.nextProbeMs !== null ? iso(t.nextProbeMs) : null,
          probeFailures: t.probeFailures,
          insecure: t.origin.startsWith('http:'),
        },
      },
    });
  }

  const listening = () => bus.listenerCount() > 0;

  /** Publishes deliveries by id as they are in the store (those a rolled-back transaction never made are skipped). */
  function publishQueued(ids: string[]) {
    if (ids.length === 0 || !listening()) return;
    for (const id of ids) {
      const record = repos.deliveries.get(id);
      if (record) publishDelivery(record);
    }
  }

  // ── scheduling ────────────────────────────────────────────────────────────────────────────────────────

  function track<T>(p: Promise<T>): Promise<T> {
    tasks.add(p);
    void p.finally(() => tasks.delete(p)).catch(() => undefined);
    return p;
  }

  /** Asks for a pass: at once, or after a few ms so the outcomes of calls finishing together share a commit. */
  function requestPass(urgent: boolean) {
    if (!started || stopping) return;
    if (immediate) return;
    if (urgent || options.commitDelayMs === 0) {
      if (delayed) {
        clearTimeout(delayed);
        delayed = null;
      }
      immediate = setImmediate(runPass);
    } else if (!delayed) {
      delayed = setTimeout(runPass, options.commitDelayMs);
    }
  }

  function armWake(nowMs: number) {
    let next = Infinity;
    for (const lane of lanes.values()) {
      const cb = view(lane.callbackId);
      if (!cb || cb.deleted || cb.status !== 'Running' || lane.gone || !cb.origin) continue;
      const t = targetOf(cb.origin);
      const due = lane.maybeDue ? nowMs : lane.nextDueMs;
      if (due === null) continue;
      if (t.state === 'offline') next = Math.min(next, Math.max(due, t.nextProbeMs ?? nowMs));
      else if (lane.prefetch.length === 0) next = Math.min(next, Math.max(due, t.notBeforeMs));
    }
    for (const [callbackId, w] of waiting) {
      const cb = view(callbackId);
      next = Math.min(next, cb?.batch && !cb.deleted ? w.oldestMs + cb.batch.timeWindow * 1000 : nowMs);
    }
    for (const t of targets.values()) {
      if (t.state === 'offline') next = Math.min(next, lastSweepMs + options.sweepIntervalMs);
      if (t.notBeforeMs > nowMs) next = Math.min(next, t.notBeforeMs);
    }
    if (next === Infinity) {
      if (wake) clock.clearTimeout(wake.handle);
      wake = null;
      return;
    }
    const at = Math.max(next, nowMs + 1);
    if (wake && wake.at === at) return;
    if (wake) clock.clearTimeout(wake.handle);
    wake = {
      at,
      handle: clock.setTimeout(() => {
        wake = null;
        requestPass(true);
      }, at - nowMs),
    };
  }

  // ── the pass ──────────────────────────────────────────────────────────────────────────────────────────

  function runPass() {
    immediate = null;
    if (delayed) {
      clearTimeout(delayed);
      delayed = null;
    }
    if (!started || closed) return;
    const nowMs = clock.now().getTime();
    const batch = outcomes;
    outcomes = [];
    const dirty = [...dirtyCallbacks];
    dirtyCallbacks.clear();
    // Queued before this pass (and committed by their caller): shown as queued, before this pass claims them.
    publishQueued(toPublish.splice(0));
    const after: (() => void)[] = [];
    const claimed: [Lane, DeliveryRecord[]][] = [];
    try {
      db.transaction(() => {
        applyCallbackChanges(dirty, nowMs, after);
        persistTargets(nowMs, after);
        recordOutcomes(batch, after);
        formBatches(nowMs, after);
        if (nowMs >= lastSweepMs + options.sweepIntervalMs) sweep(nowMs);
        if (!stopping && !paused) claim(nowMs, claimed);
      });
    } catch (err) {
      // Nothing of the pass was stored: keep its work for the next one.
      outcomes = batch.concat(outcomes);
      for (const id of dirty) dirtyCallbacks.add(id);
      logger.error('outbox: recording deliveries failed; will try again', { error: (err as Error).message });
      const handle = clock.setTimeout(() => requestPass(true), 1000);
      void handle;
      return;
    }
    for (const [lane, rows] of claimed) lane.prefetch.push(...rows);
    for (const fn of after) fn();
    publishQueued(toPublish.splice(0));
    if (!stopping && !paused) {
      for (const t of targets.values()) pump(t, nowMs);
      armWake(nowMs);
    }
  }

  /** Callbacks changed (status, target, policy, deletion): hold, resume or dead-letter their deliveries. */
  function applyCallbackChanges(ids: string[], nowMs: number, after: (() => void)[]) {
    const now = iso(nowMs);
    for (const id of ids) {
      const previous = views.get(id);
      const record = repos.callbacks.getIncludingDeleted(id);
      const v = record ? toCallbackView(record) : null;
      views.set(id, v);
      secretsCache.delete(id);
      originLanes = new Map();
      const lane = lanes.get(id);
      const running = v !== null && !v.deleted && v.status === 'Running';
      if (lane && lane.prefetch.length > 0 && (!running || lane.origin !== v?.origin))
        releaseLane(lane, after);
      if (!v || v.deleted) {
        const ids = repos.deliveries.giveUpQueued(
          id,
          'Dead',
          'The callback was deleted before this notification could be delivered.',
          now,
          FAR_FUTURE,
        );
        toPublish.push(...ids);
        if (ids.length > 0)
          logger.info('outbox: deliveries of a deleted callback dead-lettered', {
            callbackId: id,
            count: ids.length,
          });
        if (holds.has(id)) {
          repos.deliveryTargets.unhold(id);
          after.push(() => holds.delete(id));
        }
      } else if (v.status !== 'Running') {
        if (!holds.has(id)) {
          const hold = {
            callbackId: id,
            since: v.updatedAt,
            reason: holdReasonOf(v.status),
          };
          repos.deliveryTargets.hold(hold);
          after.push(() => holds.set(id, hold));
        }
      } else {
        const hold = holds.get(id);
        if (hold) {
          repos.deliveries.shiftDeadlines(id, nowMs - Date.parse(hold.since));
          repos.deliveryTargets.unhold(id);
          after.push(() => holds.delete(id));
        }
        const l = laneOf(id);
        if (previous && previous.status !== 'Running') l.gone = false;
        l.maybeDue = true;
      }
    }
  }

  function releaseLane(lane: Lane, after: (() => void)[]) {
    const ids = lane.prefetch.map((d) => d.id);
    repos.deliveries.release(ids, owner);
    const count = ids.length;
    after.push(() => {
      lane.prefetch.splice(0, count);
      lane.maybeDue = true;
    });
  }

  function persistTargets(nowMs: number, after: (() => void)[]) {
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
      after.push(() => {
        t.dirty = false;
      });
    }
    // A target that just went offline gives its claimed chunk back: nothing waits in memory for it.
    for (const lane of lanes.values()) {
      if (lane.prefetch.length === 0 || !lane.origin) continue;
      const t = targets.get(lane.origin);
      if (t && (t.state === 'offline' || t.notBeforeMs > nowMs || lane.gone)) releaseLane(lane, after);
    }
  }

  function recordOutcomes(batch: Outcome[], after: (() => void)[]) {
    const publish = listening();
    for (const o of batch) {
      const cb = view(o.delivery.callbackId);
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
      if (decision.verdict === 'gone' && cb) pauseForGone(cb, o, after);
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
      if (publish) {
        const record: DeliveryRecord = { ...delivery, ...s, leaseOwner: null, leaseUntil: null };
        after.push(() => publishDelivery(record));
      }
    }
  }

  /** 410 Gone: pause the callback (with an audit entry) so nothing more is sent until someone looks. */
  function pauseForGone(cb: CallbackView, o: Outcome, after: (() => void)[]) {
    const record = repos.callbacks.get(cb.id);
    const now = iso(o.finishedMs);
    const reason =
      `The webhook ${cb.target} answered 410 Gone: deliveries are held. Correct the target, then resume the ` +
      'callback.';
    const hold = { callbackId: cb.id, since: holds.get(cb.id)?.since ?? now, reason };
    repos.deliveryTargets.hold(hold);
    after.push(() => holds.set(cb.id, hold));
    if (!record || record.status !== 'Running') return;
    repos.callbacks.setStatus(cb.id, 'Paused', now);
    const audited = trail.append({
      at: now,
      operator: 'outbox',
      action: 'callback.pause',
      callbackId: cb.id,
      reason,
      detail: { deliveryId: o.delivery.id, target: cb.target, httpStatus: 410 },
    });
    dirtyCallbacks.add(cb.id);
    after.push(() => {
      audited();
      logger.warn('outbox: webhook answered 410 Gone; callback paused', {
        callbackId: cb.id,
        target: cb.target,
      });
      track(publishCallback(cb.id));
    });
  }

  async function publishCallback(id: string) {
    const record = repos.callbacks.getIncludingDeleted(id);
    if (!record) return;
    try {
      const secrets = await deps.openSecrets(id);
      bus.publish({
        name: 'callback.changed',
        data: { callbackId: id, callback: toCallbackDto(record, secrets, clock.now(), false) },
      });
    } catch (err) {
      logger.warn('outbox: could not publish the callback change', {
        callbackId: id,
        error: (err as Error).message,
      });
    }
  }

  /** Events waiting for a batch become deliveries when `size` are there or the window of the oldest closed. */
  function formBatches(nowMs: number, after: (() => void)[]) {
    const now = iso(nowMs);
    for (const [callbackId, w] of waiting) {
      const cb = view(callbackId);
      const dead = !cb || cb.deleted;
      const size = cb?.batch?.size ?? 1;
      const windowMs = cb?.batch ? cb.batch.timeWindow * 1000 : 0;
      if (!dead && w.count < size && nowMs < w.oldestMs + windowMs) continue;
      let formed = 0;
      for (;;) {
        if (formed >= options.batchesPerPass) {
          after.push(() => requestPass(true));
          break;
        }
        const rows = repos.deliveries.takeWaiting(callbackId, size);
        if (rows.length === 0) {
          after.push(() => waiting.delete(callbackId));
          break;
        }
        const oldestMs = Date.parse(rows[0]!.createdAt);
        if (!dead && rows.length < size && nowMs < oldestMs + windowMs) {
          const count = rows.length;
          after.push(() => waiting.set(callbackId, { count, oldestMs }));
          break;
        }
        const record = repos.deliveries.insertFromWaiting(
          {
            id: newId(),
            callbackId,
            kind: cb?.batch ? 'batch' : 'event',
            createdAt: now,
            nextAttemptAt: now,
            ...(dead
              ? {
                  state: 'Dead' as const,
                  lastError: 'The callback was deleted before this notification could be delivered.',
                }
              : {}),
          },
          rows,
        );
        toPublish.push(record.id);
        formed += 1;
        if (!dead) laneOf(callbackId).maybeDue = true;
        if (rows.length < size) {
          after.push(() => waiting.delete(callbackId));
          break;
        }
      }
    }
  }

  /** Retention: what waited longer than it for a target unreachable as long is dead-lettered. */
  function sweep(nowMs: number) {
    lastSweepMs = nowMs;
    const cutoffMs = nowMs - options.retentionDays * DAY_MS;
    for (const t of targets.values()) {
      if (t.state !== 'offline' || t.sinceMs === null || t.sinceMs > cutoffMs) continue;
      for (const lane of lanesOn(t.origin)) {
        const cb = view(lane.callbackId);
        if (!cb || cb.deleted || cb.status !== 'Running') continue;
        const reason =
          `The target ${t.origin} has been unreachable since ${iso(t.sinceMs)}, longer than the retention of ` +
          `${options.retentionDays} days (last error: ${t.lastError ?? 'none'}).`;
        const ids = repos.deliveries.giveUpQueued(cb.id, 'Dead', reason, iso(nowMs), iso(cutoffMs));
        toPublish.push(...ids);
        if (ids.length > 0) {
          logger.warn('outbox: deliveries to a long-unreachable target dead-lettered', {
            origin: t.origin,
            callbackId: cb.id,
            count: ids.length,
          });
        }
      }
    }
  }

  function claim(nowMs: number, claimed: [Lane, DeliveryRecord[]][]) {
    const now = iso(nowMs);
    const leaseUntil = iso(nowMs + options.leaseMs);
    for (const t of targets.values()) t.probeClaimed = false;
    for (const lane of lanes.values()) {
      const cb = view(lane.callbackId);
      if (!cb || cb.deleted || cb.status !== 'Running' || lane.gone || !cb.origin) continue;
      if (!lane.maybeDue && (lane.nextDueMs === null || lane.nextDueMs > nowMs)) continue;
      const t = targetOf(cb.origin);
      let want: number;
      if (t.state === 'offline') {
        const probing =
          t.inFlight > 0 || t.probeClaimed || lanesOn(t.origin).some((l) => l.prefetch.length > 0);
        if (probing || !probeDue(t, nowMs)) continue;
        want = 1;
      } else {
        if (t.notBeforeMs > nowMs || lane.prefetch.length > prefetchSize / 2) continue;
        want = prefetchSize - lane.prefetch.length;
      }
      const rows = repos.deliveries.claim(cb.id, now, want, owner, leaseUntil);
      if (rows.length > 0) {
        claimed.push([lane, rows]);
        lane.origin = cb.origin;
        if (t.state === 'offline') t.probeClaimed = true;
      }
      if (rows.length < want) {
        lane.maybeDue = false;
        const next = repos.deliveries.nextDue(cb.id);
        lane.nextDueMs = next === null ? null : Date.parse(next);
      } else {
        lane.maybeDue = true;
      }
    }
  }

  // ── calls ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Starts calls from the claimed chunks of a target's callbacks, up to its window. */
  function pump(t: TargetState, nowMs: number) {
    if (stopping || paused) return;
    const offline = t.state === 'offline';
    // Offline: only the probe the pass claimed, once its time has come.
    if (offline ? !probeDue(t, nowMs) : t.notBeforeMs > nowMs) return;
    const limit = offline ? 1 : t.window;
    const candidates = lanesOn(t.origin).filter((l) => l.prefetch.length > 0 && !l.gone);
    while (t.inFlight < limit && inFlight < options.maxConcurrency && candidates.length > 0) {
      t.rr = (t.rr + 1) % candidates.length;
      const lane = candidates[t.rr]!;
      const delivery = lane.prefetch.shift()!;
      if (lane.prefetch.length === 0) candidates.splice(t.rr, 1);
      track(call(lane, t, delivery, offline));
    }
  }

  async function call(lane: Lane, t: TargetState, delivery: DeliveryRecord, probe: boolean) {
    t.inFlight += 1;
    inFlight += 1;
    const creditedAtStart = t.creditedMs;
    const startedMs = clock.now().getTime();
    const startedAt = iso(startedMs);
    let result: SendResult;
    try {
      const cb = view(lane.callbackId);
      if (!cb) throw new Error('The callback no longer exists.');
      if (!t.warnedInsecure && t.origin.startsWith('http:')) {
        t.warnedInsecure = true;
        logger.warn('outbox: delivering over plain http (not encrypted); fine on a local network only', {
          origin: t.origin,
        });
      }
      const secrets = await secretsOf(cb.id);
      const request = buildRequest(cb, delivery, secrets, {
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
    if (closed) return;
    const nowMs = clock.now().getTime();
    noteReachability(t, lane, result, startedMs, nowMs, probe);
    const creditMs = t.creditedMs - creditedAtStart;
    outcomes.push({ lane, delivery, result, startedAt, finishedMs: nowMs, probe, creditMs });
    pump(t, nowMs);
    const lowOnWork = lane.prefetch.length <= prefetchSize / 4;
    requestPass(outcomes.length >= options.commitBatch || lowOnWork || t.state === 'offline');
  }

  function noteReachability(
    t: TargetState,
    lane: Lane,
    result: SendResult,
    startedMs: number,
    nowMs: number,
    probe: boolean,
  ) {
    const transition = noteResult(t, result, startedMs, nowMs, probe, options);
    if (result.kind === 'answer' && result.status === 410) lane.gone = true;
    if (transition?.to === 'offline') {
      logger.warn('outbox: target unreachable; deliveries are kept until it is back', {
        origin: t.origin,
        error: t.lastError,
      });
      if (listening()) publishTarget(t);
    } else if (transition?.to === 'online') {
      // Time offline does not count toward the 3-day cap: the queue's deadlines move on by it.
      shifts.push({ origin: t.origin, ms: transition.offlineMs });
      for (const l of lanesOn(t.origin)) l.maybeDue = true;
      logger.info('outbox: target reachable again; draining its backlog', {
        origin: t.origin,
        offlineSeconds: Math.round(transition.offlineMs / 1000),
      });
      if (listening()) publishTarget(t);
    }
  }

  // ── public ────────────────────────────────────────────────────────────────────────────────────────────

  return {
    owner,
    newId,
    view,
    laneOf,
    heldReason,
    targets: () => [...targets.values()],
    /** Deliveries this run holds InFlight in the store: claimed and unsent, in the air, or not yet recorded. */
    heldInFlight(): number {
      let held = inFlight + outcomes.length;
      for (const lane of lanes.values()) held += lane.prefetch.length;
      return held;
    },
    holds: () => new Map(holds),
    markDue(callbackId: string) {
      laneOf(callbackId).maybeDue = true;
      requestPass(true);
    },
    published(id: string) {
      toPublish.push(id);
    },

    /** StoredEventSink: queues the event for the action's callback. Synchronous, in the caller's transaction. */
    enqueue(action: RemoteAction, _event: ActionEventRecord, raw: RemoteEvent): void {
      const now = clock.nowIso();
      const cb = view(action.callbackId);
      const row = {
        vin: action.vin,
        remoteType: raw.remoteType,
        eventJson: JSON.stringify(fleetEvent(action, raw)),
      };
      if (!cb || cb.deleted) {
        const record = repos.deliveries.insert({
          id: newId(),
          callbackId: action.callbackId,
          kind: 'event',
          events: [row],
          createdAt: now,
          nextAttemptAt: now,
          state: 'Dead',
          lastError: 'The callback was deleted before this notification could be delivered.',
        });
        toPublish.push(record.id);
      } else if (cb.batch) {
        repos.deliveries.addWaiting(cb.id, row, now);
        const w = waiting.get(cb.id);
        if (w) w.count += 1;
        else waiting.set(cb.id, { count: 1, oldestMs: Date.parse(now) });
      } else {
        const record = repos.deliveries.insert({
          id: newId(),
          callbackId: cb.id,
          kind: 'event',
          events: [row],
          createdAt: now,
          nextAttemptAt: now,
        });
        laneOf(cb.id).maybeDue = true;
        if (listening()) toPublish.push(record.id);
      }
      requestPass(true);
    },

    /** Queues a test notification through the normal path; returns it. */
    enqueueTest(callbackId: string): DeliveryRecord {
      const cb = view(callbackId);
      const now = clock.nowIso();
      const id = newId();
      const event = testEvent(id, cb?.remoteTypes[0] ?? 'WakeUp', now);
      const record = repos.deliveries.insert({
        id,
        callbackId,
        kind: 'test',
        events: [{ vin: TEST_VIN, remoteType: String(event.remoteType), eventJson: JSON.stringify(event) }],
        createdAt: now,
        nextAttemptAt: now,
      });
      laneOf(callbackId).maybeDue = true;
      return record;
    },

    callbackChanged(callbackId: string) {
      dirtyCallbacks.add(callbackId);
      requestPass(true);
    },

    kick() {
      for (const lane of lanes.values()) lane.maybeDue = true;
      requestPass(true);
    },

    start(): { reclaimed: number } {
      if (started) return { reclaimed: 0 };
      const nowMs = clock.now().getTime();
      // One dispatcher per database (the app and the agent hold a single-instance lock): a lease from before this
      // start belongs to a run that is gone. Those deliveries are sent again, with the same webhook-id.
      const reclaimed = repos.deliveries.reclaim(owner, FAR_FUTURE);
      if (reclaimed > 0)
        logger.warn('outbox: deliveries interrupted by the last stop are sent again', { count: reclaimed });
      for (const r of repos.deliveryTargets.listTargets()) {
        const t = targetOf(r.origin);
        t.state = r.state;
        t.sinceMs = Date.parse(r.since);
        t.lastError = r.lastError;
        t.probeFailures = r.probeFailures;
        t.nextProbeMs = r.state === 'offline' ? nowMs : null;
      }
      for (const h of repos.deliveryTargets.listHolds()) holds.set(h.callbackId, h);
      for (const id of repos.deliveries.queuedByCallback().keys()) laneOf(id);
      for (const w of repos.deliveries.waitingByCallback()) {
        waiting.set(w.callbackId, { count: w.count, oldestMs: Date.parse(w.oldestAt) });
      }
      const known = new Set([
        ...repos.callbacks.list().map((c) => c.id),
        ...lanes.keys(),
        ...waiting.keys(),
        ...holds.keys(),
      ]);
      for (const id of known) dirtyCallbacks.add(id);
      unsubscribe = bus.subscribe((event) => {
        if (event.name === 'callback.changed') {
          dirtyCallbacks.add(event.data.callbackId);
          requestPass(true);
        }
      });
      started = true;
      requestPass(true);
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
      if (wake) clock.clearTimeout(wake.handle);
      wake = null;
      const after: (() => void)[] = [];
      db.transaction(() => {
        for (const lane of lanes.values()) if (lane.prefetch.length > 0) releaseLane(lane, after);
      });
      for (const fn of after) fn();
      logger.info('outbox: deliveries paused by the operator');
    },

    /** Undoes pause(): everything due is claimed and sent again at once. */
    resume(): void {
      if (!paused || closed) return;
      paused = false;
      for (const lane of lanes.values()) lane.maybeDue = true;
      logger.info('outbox: deliveries resumed by the operator');
      requestPass(true);
    },

    isPaused: () => paused,

    /** Resolves once nothing is left to do now: no pass pending, no call in flight, every outcome recorded. */
    async idle(): Promise<void> {
      for (;;) {
        // While calls are in flight, passes keep their normal grouping; only what is left then is run at once.
        if (tasks.size > 0) {
          await Promise.allSettled([...tasks]);
          continue;
        }
        if (
          immediate ||
          delayed ||
          (started && !stopping && (outcomes.length > 0 || dirtyCallbacks.size > 0))
        ) {
          if (immediate) clearImmediate(immediate);
          runPass();
          continue;
        }
        return;
      }
    },

    async stop(graceMs = options.stopGraceMs): Promise<void> {
      if (!started || stopping) return;
      stopping = true;
      unsubscribe?.();
      if (wake) clock.clearTimeout(wake.handle);
      wake = null;
      if (immediate) clearImmediate(immediate);
      if (delayed) clearTimeout(delayed);
      immediate = null;
      delayed = null;
      // Claimed but not sent: back to the queue now.
      db.transaction(() => {
        for (const lane of lanes.values()) {
          repos.deliveries.release(
            lane.prefetch.map((d) => d.id),
            owner,
          );
          lane.prefetch = [];
        }
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...tasks]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
      // Record what finished; calls still in the air keep their lease and are sent again at the next start.
      const batch = outcomes;
      outcomes = [];
      const after: (() => void)[] = [];
      try {
        db.transaction(() => {
          persistTargets(clock.now().getTime(), after);
          recordOutcomes(batch, after);
        });
        for (const fn of after) fn();
      } catch (err) {
        logger.error('outbox: could not record the last outcomes', { error: (err as Error).message });
      }
      closed = true;
      await sender.close(0);
    },
  };
}
