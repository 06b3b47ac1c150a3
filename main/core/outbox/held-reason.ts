// Why deliveries wait instead of being attempted, as a code with its values (the client words it, in its language):
// one rule for a delivery (its DTO and events) and for a callback's row in the targets list, which carries less
// because the target row beside it names the error and probe.
import { DELIVERY_HELD_REASONS, type HeldReasonDto } from '../../../preload/contract/deliveries.js';
import type { DeliveryRecord } from '../db/index.js';
import type { Clock } from '../ports/clock.js';
import type { CallbackCache } from './callback-cache.js';
import type { DeliveryStatus } from './callback-view.js';
import type { Holds } from './holds.js';
import type { ReachabilityTracker } from './reachability-tracker.js';
import { isoAt as iso } from './iso-time.js';

/** Why the deliveries of a callback that is not Running are held. */
export function holdReasonOf(status: Exclude<DeliveryStatus, 'Running'>): HeldReasonDto {
  if (status === 'Paused') return { code: 'CALLBACK_PAUSED', params: {} };
  if (status === 'NeedsSecrets') return { code: 'CALLBACK_SECRETS_LOST', params: {} };
  return { code: 'CALLBACK_FAILED', params: {} };
}

/** A hold's reason as delivery_holds keeps it: the code and its values, as JSON. */
export function storedHoldReason(reason: HeldReasonDto): string {
  return JSON.stringify(reason);
}

const CODES: ReadonlySet<string> = new Set(DELIVERY_HELD_REASONS);
/** How a 410's hold was worded before the reasons were codes: its target is all that is kept of it. */
const GONE_SENTENCE = /^The webhook (.+) answered 410 Gone/;

function isHeldReason(value: unknown): value is HeldReasonDto {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return (
    typeof code === 'string' &&
    CODES.has(code) &&
    typeof params === 'object' &&
    params !== null &&
    Object.values(params).every((v) => typeof v === 'string')
  );
}

/**
 * A stored hold's reason. A hold written by an earlier version holds an English sentence instead: a 410's still
 * names its target; any other reads as the callback's status says.
 */
function readStored(text: string, status: Exclude<DeliveryStatus, 'Running'>): HeldReasonDto {
  try {
    const value: unknown = JSON.parse(text);
    if (isHeldReason(value)) return value;
  } catch {
    // A sentence: see below.
  }
  const gone = GONE_SENTENCE.exec(text);
  return gone ? { code: 'TARGET_GONE', params: { target: gone[1]! } } : holdReasonOf(status);
}

export type HeldReasons = ReturnType<typeof createHeldReasons>;

export function createHeldReasons(deps: {
  callbacks: CallbackCache;
  holds: Holds;
  targets: ReachabilityTracker;
  clock: Clock;
}) {
  const { callbacks, holds, targets, clock } = deps;

  /** `brief`: for the targets list, where the target row already says what failed and when it is probed. */
  function reason(callbackId: string, brief: boolean): HeldReasonDto | null {
    const cb = callbacks.view(callbackId);
    if (!cb || cb.deleted) return { code: 'CALLBACK_DELETED', params: {} };
    if (cb.status !== 'Running') {
      const stored = holds.get(cb.id)?.reason;
      return stored === undefined ? holdReasonOf(cb.status) : readStored(stored, cb.status);
    }
    if (!cb.origin) return { code: 'TARGET_URL_INVALID', params: { target: cb.target } };
    const t = targets.get(cb.origin);
    const nowMs = clock.now().getTime();
    if (t?.state === 'offline') {
      const since = iso(t.sinceMs ?? nowMs);
      if (brief) return { code: 'TARGET_UNREACHABLE', params: { since } };
      return {
        code: 'TARGET_UNREACHABLE',
        params: {
          since,
          origin: t.origin,
          ...(t.lastError !== null ? { lastError: t.lastError } : {}),
          ...(t.nextProbeMs !== null ? { nextProbeAt: iso(t.nextProbeMs) } : {}),
        },
      };
    }
    if (t && t.notBeforeMs > nowMs)
      return { code: 'TARGET_RETRY_AFTER', params: { until: iso(t.notBeforeMs) } };
    return null;
  }

  return {
    /** Why a queued delivery is not being attempted now, or null. */
    ofDelivery: (record: DeliveryRecord): HeldReasonDto | null =>
      record.state === 'Queued' ? reason(record.callbackId, false) : null,
    /** Why a callback's deliveries wait, for its row in the targets list, or null. */
    ofCallback: (callbackId: string): HeldReasonDto | null => reason(callbackId, true),
  };
}
