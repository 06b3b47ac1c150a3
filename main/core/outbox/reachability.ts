// Reachability of one webhook origin: a small state machine fed with the result of every call.
//
// A connection failure marks the target offline; while offline only a probe goes (the oldest due delivery),
// after 1 s, 2 s, 4 s … up to a cap. The first call that reaches it (any answer) marks it online again, and it
// restarts at one call in flight, one more per success up to the limit (slow start, so a backlog returning
// from an outage does not flood it). Retry-After on 429/503 holds the whole target.
import type { SendResult } from './http-sender.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { parseRetryAfter } from './retry-after.js';

export interface TargetState {
  origin: string;
  state: 'unknown' | 'online' | 'offline';
  sinceMs: number | null;
  lastError: string | null;
  probeFailures: number;
  nextProbeMs: number | null;
  /** Calls allowed in flight now (slow start after an outage). */
  window: number;
  inFlight: number;
  /** Retry-After from a 429/503: no call before this. */
  notBeforeMs: number;
  probeClaimed: boolean;
  warnedInsecure: boolean;
  /** Changed since last stored. */
  dirty: boolean;
  /** Round-robin position among the target's callbacks. */
  rr: number;
  /** Total offline time credited to this target's deadlines (calls in flight meanwhile are credited at settle). */
  creditedMs: number;
}

export type Transition = { to: 'offline' } | { to: 'online'; offlineMs: number } | null;

type Options = Pick<ResolvedOutboxOptions, 'perTargetConcurrency' | 'probeInitialMs' | 'probeMaxMs'>;

export function newTargetState(origin: string, options: Options): TargetState {
  return {
    origin,
    state: 'unknown',
    sinceMs: null,
    lastError: null,
    probeFailures: 0,
    nextProbeMs: null,
    window: options.perTargetConcurrency,
    inFlight: 0,
    notBeforeMs: 0,
    probeClaimed: false,
    warnedInsecure: false,
    dirty: false,
    rr: 0,
    creditedMs: 0,
  };
}

/** Whether an offline target's next probe may go now. */
export function probeDue(t: TargetState, nowMs: number): boolean {
  return t.state === 'offline' && (t.nextProbeMs ?? 0) <= nowMs;
}

/**
 * Updates the target with the result of a call that started at `startedMs` (`probe`: it was the probe of an
 * offline target). Returns the transition, if any.
 */
export function noteResult(
  t: TargetState,
  result: SendResult,
  startedMs: number,
  nowMs: number,
  probe: boolean,
  options: Options,
): Transition {
  if (result.kind === 'unreachable') {
    t.lastError = result.error;
    if (t.state !== 'offline') {
      t.state = 'offline';
      t.sinceMs = nowMs;
      t.probeFailures = 0;
      t.nextProbeMs = nowMs + options.probeInitialMs;
      t.dirty = true;
      return { to: 'offline' };
    }
    if (probe) {
      t.probeFailures += 1;
      t.nextProbeMs = nowMs + Math.min(options.probeMaxMs, options.probeInitialMs * 2 ** t.probeFailures);
      t.dirty = true;
    }
    return null;
  }
  let transition: Transition = null;
  // Any answer proves the target reachable, if the call began after it went offline (an older call may
  // still be answered by a server on its way down).
  if (t.state === 'offline' && (probe || (t.sinceMs !== null && startedMs >= t.sinceMs))) {
    const offlineMs = nowMs - (t.sinceMs ?? nowMs);
    t.creditedMs += offlineMs;
    t.state = 'online';
    t.sinceMs = nowMs;
    t.window = 1;
    t.probeFailures = 0;
    t.nextProbeMs = null;
    t.dirty = true;
    transition = { to: 'online', offlineMs };
  } else if (t.state === 'unknown') {
    t.state = 'online';
    t.sinceMs = nowMs;
    t.dirty = true;
  }
  if (result.kind === 'answer') {
    if (result.status >= 200 && result.status < 300) {
      if (t.window < options.perTargetConcurrency) t.window += 1;
    } else if (result.status === 429 || result.status === 503) {
      const wait = parseRetryAfter(result.retryAfter, nowMs);
      if (wait !== null) t.notBeforeMs = Math.max(t.notBeforeMs, nowMs + wait);
    }
  }
  return transition;
}
