// The remote-action state machine: pure functions, time passed in, never mutating their input.
// Notifications are at-least-once and unordered (stellantis-api-notes.md N6), so every transition must
// tolerate duplicates, late and out-of-order events; the first Done is terminal (N12.7).
import { isTerminal } from '../../../preload/contract/vocabulary.js';
import type { RemoteAction, RemoteEvent } from './action.js';
import type { DoneStatus, EventStatus } from './status.js';
import { DONE_STATUSES } from './status.js';

// The two meanings of "over" (terminal: nothing changes it; settled: nobody waits on it) and why they differ.
export { isSettled, isTerminal } from '../../../preload/contract/vocabulary.js';

/** The result of every transition. `applied: false` means the action came back unchanged (same object). */
export interface Transition {
  action: RemoteAction;
  applied: boolean;
}

type ActionError = NonNullable<RemoteAction['error']>;

/** AlreadyDone means the vehicle was already in the requested state: the technician got what they asked for. */
export function isSuccessOutcome(outcome: DoneStatus | null | undefined): boolean {
  return outcome === 'Success' || outcome === 'AlreadyDone';
}

const isDoneStatus = (status: string): status is DoneStatus =>
  (DONE_STATUSES as readonly string[]).includes(status);

const present = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

function doneStatus(status: DoneStatus, failureCause?: string, feedbackDetail?: string): EventStatus {
  return {
    type: 'Done',
    status,
    // failureCause belongs to Done/Failed only; a stray one on a success would mislead the explanation.
    ...(status === 'Failed' && failureCause !== undefined && { failureCause }),
    ...(feedbackDetail !== undefined && { feedbackDetail }),
  };
}

export interface RawEventStatus {
  type: string;
  status: string;
  failureCause?: string | null;
  feedbackDetail?: string | null;
}

/**
 * A notification's `eventStatus` as received, in the spec form, or null when it cannot be read (unknown `type`,
 * missing status, or a Done status outside Success | AlreadyDone | Failed). Unknown Pending statuses and failure
 * causes are kept as they arrive (stellantis-api-notes.md T17).
 */
export function normaliseEventStatus(raw: RawEventStatus): EventStatus | null {
  const status = present(raw.status);
  if (status === undefined) return null;
  const failureCause = present(raw.failureCause);
  const feedbackDetail = present(raw.feedbackDetail);
  switch (raw.type) {
    case 'Pending':
      return { type: 'Pending', status };
    case 'Done':
      return isDoneStatus(status) ? doneStatus(status, failureCause, feedbackDetail) : null;
    case 'Failed':
      // The docs' prose form (stellantis-api-notes.md T15). Its status may carry the cause itself when no
      // failureCause is given.
      return doneStatus(
        'Failed',
        failureCause ?? (isDoneStatus(status) ? undefined : status),
        feedbackDetail,
      );
    default:
      return null;
  }
}

/**
 * The merged status of GET …/remotes/{rid} (stellantis-api-notes.md N4), which has no `type`, as an event
 * status for the polling path: Success, AlreadyDone and Failed are terminal, every other value is pending.
 */
export function eventStatusFromMergedStatus(
  status: string,
  failureCause?: string | null,
  feedbackDetail?: string | null,
): EventStatus {
  return isDoneStatus(status)
    ? doneStatus(status, present(failureCause), present(feedbackDetail))
    : { type: 'Pending', status };
}

/** Compares RFC 3339 dates as instants (offsets and fraction digits differ between sources), else as text. */
function compareDates(a: string, b: string): number {
  const [ta, tb] = [Date.parse(a), Date.parse(b)];
  if (Number.isFinite(ta) && Number.isFinite(tb)) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Applies one notification event.
 * - Pending: moves Sending | Pending | TimedOut to Pending and takes its status, unless it is older than the
 *   newest Pending already applied (out of order: recorded by the caller, not applied) or an exact repeat.
 * - Done: the first one is terminal, whatever its eventDate; it also completes a TimedOut action.
 * - Anything after Done, and anything for a Refused or Expired action, is not applied.
 */
export function applyEvent(action: RemoteAction, event: RemoteEvent, now: string): Transition {
  const unchanged: Transition = { action, applied: false };
  // Events change every action that is not terminal, a TimedOut one included: a late Done still completes it.
  if (event.remoteActionId !== action.id || isTerminal(action.phase)) return unchanged;
  const { eventStatus } = event;

  if (eventStatus.type === 'Done') {
    return {
      applied: true,
      action: {
        ...action,
        phase: 'Done',
        status: eventStatus.status,
        outcome: eventStatus.status,
        failureCause: eventStatus.status === 'Failed' ? (eventStatus.failureCause ?? null) : null,
        feedbackDetail: eventStatus.feedbackDetail ?? null,
        doneAt: now,
        updatedAt: now,
      },
    };
  }

  const last = action.lastEventDate;
  if (last !== null && compareDates(event.eventDate, last) < 0) return unchanged;
  if (last === event.eventDate && action.status === eventStatus.status) return unchanged;
  return {
    applied: true,
    action: {
      ...action,
      phase: 'Pending',
      status: eventStatus.status,
      lastEventDate: event.eventDate,
      updatedAt: now,
    },
  };
}

/** The network answered 202: the action exists upstream. Its status stays null until the first event. */
export function markAccepted(action: RemoteAction, now: string): Transition {
  if (action.phase !== 'Sending') return { action, applied: false };
  return { applied: true, action: { ...action, phase: 'Pending', updatedAt: now } };
}

/** The network refused the send: no action exists upstream, so no event will ever follow. Terminal. */
export function markRefused(action: RemoteAction, error: ActionError, now: string): Transition {
  if (action.phase !== 'Sending') return { action, applied: false };
  // doneAt marks the end of every terminal phase, not only Done, so "finished at" reads the same everywhere.
  return {
    applied: true,
    action: { ...action, phase: 'Refused', status: null, error, doneAt: now, updatedAt: now },
  };
}

/**
 * A queued command whose expiry passed before it could leave. Terminal. `error` says so when an earlier attempt may
 * have reached the network after all (it could not be asked): then "never sent" is not certain.
 */
export function markExpired(action: RemoteAction, now: string, error: ActionError | null = null): Transition {
  if (action.phase !== 'Queued') return { action, applied: false };
  return {
    applied: true,
    action: { ...action, phase: 'Expired', status: null, error, doneAt: now, updatedAt: now },
  };
}

/**
 * Taken out of the queue before it was sent: by a person, or by the agent (`error` then says why, e.g. the wake-up
 * it waited for failed). Terminal: it never reached the network.
 */
export function markCancelled(
  action: RemoteAction,
  now: string,
  error: ActionError | null = null,
): Transition {
  if (action.phase !== 'Queued') return { action, applied: false };
  return {
    applied: true,
    action: { ...action, phase: 'Cancelled', status: null, error, doneAt: now, updatedAt: now },
  };
}

/** Its turn came: it is handed to the connector (and flagged Sending first, so a crash meanwhile is known). */
export function markDispatched(action: RemoteAction, now: string): Transition {
  if (action.phase !== 'Queued' || !action.queue) return { action, applied: false };
  return {
    applied: true,
    action: {
      ...action,
      phase: 'Sending',
      queue: { ...action.queue, reason: null, nextTryAt: null },
      sentAt: now,
      updatedAt: now,
    },
  };
}

/**
 * The network could not be reached while sending it: back in line, first of its lane as before, tried again after
 * `retryAt`. The request may have reached the network before the connection failed, so it is `uncertain`: the
 * network is asked before it is sent again.
 */
export function markRequeued(action: RemoteAction, now: string, retryAt: string): Transition {
  if (action.phase !== 'Sending' || !action.queue) return { action, applied: false };
  return {
    applied: true,
    action: {
      ...action,
      phase: 'Queued',
      queue: {
        ...action.queue,
        reason: 'NETWORK_UNREACHABLE',
        tries: action.queue.tries + 1,
        nextTryAt: retryAt,
        uncertain: true,
      },
      sentAt: null,
      updatedAt: now,
    },
  };
}

/** Accepted, but no outcome arrived in time. Not terminal: a late Done still completes it. */
export function markTimedOut(action: RemoteAction, now: string): Transition {
  if (action.phase !== 'Pending') return { action, applied: false };
  return { applied: true, action: { ...action, phase: 'TimedOut', updatedAt: now } };
}
