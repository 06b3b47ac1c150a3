// What a call's result means for its delivery: delivered, try again later (and when), held, or given up.
// Pure, so the policy is tested without a network: the fleet API's rules (stellantis-api-notes.md N6, N12.8)
// plus Retry-After, 410 Gone and the offline rule.
import type { DeliveryRecord, DeliverySettlement, NewAttempt } from '../db/index.js';
import type { CallbackView } from './callback-view.js';
import type { SendResult } from './http-sender.js';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import { parseRetryAfter } from './retry-after.js';
import { isoAt as iso } from './iso-time.js';

export type Verdict = 'delivered' | 'retry' | 'failed' | 'dead' | 'gone' | 'unreachable';

export interface Decision {
  verdict: Verdict;
  settlement: DeliverySettlement;
  /** The attempt-log row, or null (a probe of a target already known offline is not logged per delivery). */
  attempt: NewAttempt | null;
}

export interface DecisionInput {
  delivery: DeliveryRecord;
  result: SendResult;
  /** The callback now (null when it no longer exists). */
  callback: CallbackView | null;
  startedAt: string;
  nowMs: number;
  /** The call was a probe of a target already known to be offline. */
  probe: boolean;
  /** The previous call of this delivery was already closed without an answer. */
  resetBefore?: boolean;
  options: Pick<ResolvedOutboxOptions, 'retryCapSeconds' | 'backoff' | 'random'>;
}

export function describeResult(result: SendResult): string {
  if (result.kind !== 'answer') return result.error;
  return `HTTP ${result.status}${result.detail ? `: ${result.detail}` : ''}`;
}

/** Delay before the attempt after `attempts` counted ones, before Retry-After. */
export function retryDelayMs(
  callback: CallbackView,
  attempts: number,
  options: DecisionInput['options'],
): number {
  const base = callback.retryDelayMs;
  if (!options.backoff.exponential) return base;
  const grown = Math.min(options.backoff.maxDelaySeconds * 1000, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(grown * (1 - options.backoff.jitter * options.random()));
}

export function decide(input: DecisionInput): Decision {
  const { delivery: d, result, callback, startedAt, nowMs, probe, options } = input;
  const now = iso(nowMs);
  const status = result.kind === 'answer' ? result.status : null;
  const base: DeliverySettlement = {
    id: d.id,
    state: 'Queued',
    attempts: d.attempts,
    unreachableTries: d.unreachableTries,
    nextAttemptAt: d.nextAttemptAt,
    retryDeadline: d.retryDeadline,
    deliveredAt: null,
    gaveUpAt: null,
    lastStatus: status ?? d.lastStatus,
    lastError: null,
  };
  const attempt = (counted: boolean, error: string | null): NewAttempt => ({
    deliveryId: d.id,
    startedAt,
    durationMs: Math.max(0, result.latencyMs),
    httpStatus: status,
    error,
    counted,
  });

  if (result.kind === 'answer' && status !== null && status >= 200 && status < 300) {
    return {
      verdict: 'delivered',
      settlement: {
        ...base,
        state: 'Delivered',
        attempts: d.attempts + 1,
        deliveredAt: now,
        lastError: null,
      },
      attempt: attempt(true, null),
    };
  }

  if (result.kind === 'unreachable') {
    const error = `The target could not be reached: ${result.error}`;
    return {
      verdict: 'unreachable',
      settlement: { ...base, unreachableTries: d.unreachableTries + 1, lastError: error },
      attempt: probe ? null : attempt(false, error),
    };
  }

  if (result.kind === 'reset' && !input.resetBefore) {
    // Most often a keep-alive socket the server dropped: tried again at once on a fresh connection, uncounted.
    // A second one in a row counts, so a call that always breaks the connection cannot loop.
    const error = `${result.error} (tried again at once)`;
    return {
      verdict: 'unreachable',
      settlement: { ...base, unreachableTries: d.unreachableTries + 1, lastError: error },
      attempt: attempt(false, error),
    };
  }

  if (status === 410) {
    const error =
      'HTTP 410 Gone: the webhook says it no longer exists. The callback was paused and its deliveries are ' +
      'held; correct the target, then resume the callback.';
    return { verdict: 'gone', settlement: { ...base, lastError: error }, attempt: attempt(false, error) };
  }

  // An answer other than 2xx, a timeout, or a call that failed after reaching the target: it counts.
  const what = describeResult(result);
  const attempts = d.attempts + 1;
  const counted = { ...base, attempts, lastError: what };
  if (!callback || callback.deleted) {
    const error = `${what}. Not retried: the callback was deleted.`;
    return {
      verdict: 'dead',
      settlement: { ...counted, state: 'Dead', gaveUpAt: now, lastError: error },
      attempt: attempt(true, what),
    };
  }
  if (attempts >= callback.maxAttempts) {
    const policy =
      callback.policy === 'None'
        ? 'retry policy None: a single attempt'
        : `retry policy Bounded: ${callback.maxAttempts} attempts`;
    const error = `Gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} (${policy}). Last: ${what}`;
    return {
      verdict: 'failed',
      settlement: { ...counted, state: 'Failed', gaveUpAt: now, lastError: error },
      attempt: attempt(true, what),
    };
  }
  let delay = retryDelayMs(callback, attempts, options);
  if (result.kind === 'answer' && (status === 429 || status === 503)) {
    const wait = parseRetryAfter(result.retryAfter, nowMs);
    if (wait !== null) delay = Math.max(delay, wait);
  }
  const deadlineMs = d.retryDeadline ? Date.parse(d.retryDeadline) : nowMs + options.retryCapSeconds * 1000;
  const nextMs = nowMs + delay;
  if (nextMs > deadlineMs) {
    const error =
      `Gave up: the next attempt would fall after the ${Math.round(options.retryCapSeconds / 3600)} h retry limit ` +
      `(${iso(deadlineMs)}), counted from the first refusal without the time the target was offline. Last: ${what}`;
    return {
      verdict: 'failed',
      settlement: {
        ...counted,
        state: 'Failed',
        retryDeadline: iso(deadlineMs),
        gaveUpAt: now,
        lastError: error,
      },
      attempt: attempt(true, what),
    };
  }
  return {
    verdict: 'retry',
    settlement: { ...counted, nextAttemptAt: iso(nextMs), retryDeadline: iso(deadlineMs) },
    attempt: attempt(true, what),
  };
}
