// The rules of the queue per vehicle and feature, and of "send again" (docs/decisions.md, 21): pure, time passed in.
import type { RemoteAction } from './action.js';

// Which commands are queued only when asked: one rule with the UI, beside the words they share.
export { queuedOnlyWhenAsked } from '../../../preload/contract/vocabulary.js';

/** Delays between tries while the network is unreachable: quick at first, then every 5 minutes. */
export const NETWORK_RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000] as const;

/** When to try again after `tries` tries met an unreachable network. */
export function nextTryAt(now: Date, tries: number): string {
  const delays = NETWORK_RETRY_DELAYS_MS;
  const delay = delays[Math.min(Math.max(tries, 1), delays.length) - 1]!;
  return new Date(now.getTime() + delay).toISOString();
}

export function expiresAt(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

/** Whether the action may still leave at `now`: a command is never sent after its expiry. */
export function isStale(action: RemoteAction, now: Date): boolean {
  const at = action.queue?.expiresAt;
  return at !== null && at !== undefined && Date.parse(at) <= now.getTime();
}

/** What "send again" accepts: an action that is over and did not do what was asked. */
export function isResendable(action: RemoteAction): boolean {
  switch (action.phase) {
    case 'Refused':
    case 'Expired':
    case 'Cancelled':
    case 'TimedOut':
      return true;
    case 'Done':
      return action.outcome === 'Failed';
    default:
      return false;
  }
}

/**
 * Whether the vehicle's sleep is what stopped it, so that waking it first may help: the network could not reach
 * or wake it (VehicleConnectionTimeout), or nobody answered while it was being woken (TimedOut while
 * WakingUpVehicle). A WakeUp itself is not sent again behind another.
 */
export function failedAsleep(action: RemoteAction): boolean {
  if (action.type === 'WakeUp') return false;
  if (action.phase === 'Done') return action.failureCause === 'VehicleConnectionTimeout';
  return action.phase === 'TimedOut' && action.status === 'WakingUpVehicle';
}

/** The fleet API body of a wake-up. */
export const WAKE_UP_BODY = { wakeUp: { action: 'WakeUp' } } as const;

/** Two JSON values alike, whatever the order of their keys (a body read back from the network). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
