import { describe, expect, it } from 'vitest';
import type { RemoteAction, RemoteEvent } from '../../../main/core/domain/action.js';
import {
  applyEvent,
  eventStatusFromMergedStatus,
  isSuccessOutcome,
  isTerminal,
  markAccepted,
  markCancelled,
  markDispatched,
  markExpired,
  markRefused,
  markRequeued,
  markTimedOut,
  normaliseEventStatus,
} from '../../../main/core/domain/lifecycle.js';
import type { ActionPhase, EventStatus } from '../../../main/core/domain/status.js';
import { ACTION_PHASES } from '../../../main/core/domain/status.js';
import { remoteAction } from '../../helpers/remote-action.js';

const NOW = '2024-05-01T09:00:00.000Z';

const action = remoteAction;

/** A place in line, for the queue's transitions. */
const QUEUE = {
  seq: 7,
  expiresAt: '2024-05-01T09:10:00.000Z',
  reason: null,
  tries: 0,
  nextTryAt: null,
  uncertain: false,
  after: null,
};

const at = (second: number) => `2024-05-01T08:00:${String(second).padStart(2, '0')}Z`;

function event(second: number, eventStatus: EventStatus, remoteActionId = 'ra-1'): RemoteEvent {
  return {
    remoteActionId,
    vin: 'VF3ABCDE0FG123456',
    eventDate: at(second),
    remoteType: 'Doors',
    eventStatus,
  };
}
const pending = (second: number, status: string) => event(second, { type: 'Pending', status });
const done = (second: number, status: 'Success' | 'AlreadyDone' | 'Failed', failureCause?: string) =>
  event(second, { type: 'Done', status, ...(failureCause !== undefined && { failureCause }) });

/** Applies events in order, returning the final action and which ones applied. */
function run(start: RemoteAction, events: RemoteEvent[]) {
  let current = start;
  const applied: boolean[] = [];
  for (const e of events) {
    const result = applyEvent(current, e, NOW);
    applied.push(result.applied);
    current = result.action;
  }
  return { action: current, applied };
}

describe('normaliseEventStatus', () => {
  it('keeps Pending statuses, known or not', () => {
    expect(normaliseEventStatus({ type: 'Pending', status: 'WakingUpVehicle' })).toEqual({
      type: 'Pending',
      status: 'WakingUpVehicle',
    });
    expect(normaliseEventStatus({ type: 'Pending', status: 'SomethingNew', failureCause: 'X' })).toEqual({
      type: 'Pending',
      status: 'SomethingNew',
    });
  });

  it('keeps Done statuses with their cause and feedback detail', () => {
    expect(normaliseEventStatus({ type: 'Done', status: 'Failed', failureCause: 'CidInside' })).toEqual({
      type: 'Done',
      status: 'Failed',
      failureCause: 'CidInside',
    });
    expect(
      normaliseEventStatus({ type: 'Done', status: 'Success', feedbackDetail: 'CIDBlacklisted' }),
    ).toEqual({
      type: 'Done',
      status: 'Success',
      feedbackDetail: 'CIDBlacklisted',
    });
  });

  it('drops a failure cause on a success, and empty or null extras', () => {
    expect(
      normaliseEventStatus({ type: 'Done', status: 'AlreadyDone', failureCause: 'GeneralError' }),
    ).toEqual({
      type: 'Done',
      status: 'AlreadyDone',
    });
    expect(
      normaliseEventStatus({ type: 'Done', status: 'Failed', failureCause: '', feedbackDetail: null }),
    ).toEqual({
      type: 'Done',
      status: 'Failed',
    });
  });

  it('reads the docs prose type Failed as Done/Failed (T15)', () => {
    expect(normaliseEventStatus({ type: 'Failed', status: 'Failed', failureCause: 'DoorsOpen' })).toEqual({
      type: 'Done',
      status: 'Failed',
      failureCause: 'DoorsOpen',
    });
    expect(normaliseEventStatus({ type: 'Failed', status: 'VehicleConnectionTimeout' })).toEqual({
      type: 'Done',
      status: 'Failed',
      failureCause: 'VehicleConnectionTimeout',
    });
    expect(normaliseEventStatus({ type: 'Failed', status: 'Failed' })).toEqual({
      type: 'Done',
      status: 'Failed',
    });
  });

  it('returns null for what it cannot read', () => {
    expect(normaliseEventStatus({ type: 'Cancelled', status: 'Success' })).toBeNull();
    expect(normaliseEventStatus({ type: 'Done', status: 'Accepted' })).toBeNull();
    expect(normaliseEventStatus({ type: 'Pending', status: '' })).toBeNull();
  });
});

describe('eventStatusFromMergedStatus (GET remote, polling)', () => {
  it('splits the merged enum into Pending and Done', () => {
    expect(eventStatusFromMergedStatus('SentToVehicle')).toEqual({
      type: 'Pending',
      status: 'SentToVehicle',
    });
    expect(eventStatusFromMergedStatus('Failed', 'VehicleInUse')).toEqual({
      type: 'Done',
      status: 'Failed',
      failureCause: 'VehicleInUse',
    });
    expect(eventStatusFromMergedStatus('Success', null, 'NoCIDBlacklisted')).toEqual({
      type: 'Done',
      status: 'Success',
      feedbackDetail: 'NoCIDBlacklisted',
    });
  });
});

describe('applyEvent', () => {
  it('follows an asleep-vehicle sequence to Success', () => {
    const { action: final, applied } = run(action(), [
      pending(1, 'Accepted'),
      pending(2, 'WakingUpVehicle'),
      pending(27, 'SentToVehicle'),
      done(28, 'Success'),
    ]);
    expect(applied).toEqual([true, true, true, true]);
    expect(final).toMatchObject({
      phase: 'Done',
      status: 'Success',
      outcome: 'Success',
      failureCause: null,
      doneAt: NOW,
      updatedAt: NOW,
      lastEventDate: at(27),
    });
  });

  it('follows a Navigation-style sequence without Accepted or WakingUpVehicle', () => {
    const { action: final, applied } = run(action({ type: 'Navigation' }), [
      pending(3, 'SentToVehicle'),
      done(4, 'Success'),
    ]);
    expect(applied).toEqual([true, true]);
    expect(final.outcome).toBe('Success');
  });

  it('takes status, cause and feedback detail from a Done/Failed', () => {
    const result = applyEvent(
      action({ status: 'SentToVehicle' }),
      event(5, {
        type: 'Done',
        status: 'Failed',
        failureCause: 'CidInside',
        feedbackDetail: 'NoCIDBlacklisted',
      }),
      NOW,
    );
    expect(result.applied).toBe(true);
    expect(result.action).toMatchObject({
      phase: 'Done',
      status: 'Failed',
      outcome: 'Failed',
      failureCause: 'CidInside',
      feedbackDetail: 'NoCIDBlacklisted',
    });
  });

  it('ignores an exact duplicate Pending', () => {
    const { action: final, applied } = run(action(), [pending(1, 'Accepted'), pending(1, 'Accepted')]);
    expect(applied).toEqual([true, false]);
    expect(final.status).toBe('Accepted');
  });

  it('records but does not apply an older Pending that arrives late', () => {
    const first = run(action(), [pending(1, 'Accepted'), pending(30, 'SentToVehicle')]).action;
    const late = applyEvent(first, pending(2, 'WakingUpVehicle'), NOW);
    expect(late.applied).toBe(false);
    expect(late.action).toBe(first);
    expect(late.action.status).toBe('SentToVehicle');
  });

  it('applies a Pending with the same eventDate but a new status', () => {
    const { action: final, applied } = run(action(), [pending(1, 'Accepted'), pending(1, 'WakingUpVehicle')]);
    expect(applied).toEqual([true, true]);
    expect(final.status).toBe('WakingUpVehicle');
  });

  it('compares eventDates as instants, not as text', () => {
    const first = applyEvent(
      action(),
      { ...pending(0, 'Accepted'), eventDate: '2024-05-01T10:00:00+02:00' },
      NOW,
    );
    // 08:00:30Z is after 10:00:00+02:00 (08:00:00Z), although it sorts before it as text.
    const next = applyEvent(first.action, pending(30, 'SentToVehicle'), NOW);
    expect(next.applied).toBe(true);
    expect(next.action.status).toBe('SentToVehicle');
  });

  it('never reopens a Done action with a late Pending', () => {
    const finished = run(action(), [pending(1, 'Accepted'), done(10, 'Success')]).action;
    const late = applyEvent(finished, pending(20, 'SentToVehicle'), '2024-05-01T10:00:00Z');
    expect(late).toEqual({ action: finished, applied: false });
    expect(late.action).toBe(finished);
  });

  it('keeps the first Done: a second Done never changes the outcome', () => {
    const finished = run(action(), [done(10, 'Failed', 'DoorsOpen')]).action;
    for (const second of [
      done(11, 'Success'),
      done(10, 'Failed', 'CidInside'),
      done(10, 'Failed', 'DoorsOpen'),
    ]) {
      const result = applyEvent(finished, second, '2024-05-01T10:00:00Z');
      expect(result.applied).toBe(false);
      expect(result.action).toBe(finished);
    }
    expect(finished).toMatchObject({ outcome: 'Failed', failureCause: 'DoorsOpen', doneAt: NOW });
  });

  it('takes a Done even when it is older than the newest Pending (first Done wins)', () => {
    const { action: final } = run(action(), [pending(30, 'SentToVehicle'), done(29, 'AlreadyDone')]);
    expect(final).toMatchObject({ phase: 'Done', outcome: 'AlreadyDone', lastEventDate: at(30) });
  });

  it('drops a failure cause carried by a success', () => {
    const result = applyEvent(
      action(),
      event(2, { type: 'Done', status: 'Success', failureCause: 'X' }),
      NOW,
    );
    expect(result.action.failureCause).toBeNull();
  });

  it('completes a TimedOut action with a late Done', () => {
    const timedOut = markTimedOut(action({ status: 'WakingUpVehicle', lastEventDate: at(2) }), NOW).action;
    expect(timedOut.phase).toBe('TimedOut');
    const result = applyEvent(
      timedOut,
      done(50, 'Failed', 'VehicleConnectionTimeout'),
      '2024-05-01T09:05:00Z',
    );
    expect(result.applied).toBe(true);
    expect(result.action).toMatchObject({
      phase: 'Done',
      outcome: 'Failed',
      failureCause: 'VehicleConnectionTimeout',
      doneAt: '2024-05-01T09:05:00Z',
    });
  });

  it('moves a TimedOut action back to Pending on a newer Pending, not on an older one', () => {
    const timedOut = action({ phase: 'TimedOut', status: 'WakingUpVehicle', lastEventDate: at(2) });
    expect(applyEvent(timedOut, pending(1, 'Accepted'), NOW).applied).toBe(false);
    const newer = applyEvent(timedOut, pending(40, 'SentToVehicle'), NOW);
    expect(newer.applied).toBe(true);
    expect(newer.action).toMatchObject({ phase: 'Pending', status: 'SentToVehicle', lastEventDate: at(40) });
  });

  it('lets events that overtake the 202 move a Sending action', () => {
    expect(applyEvent(action({ phase: 'Sending' }), pending(1, 'Accepted'), NOW).action.phase).toBe(
      'Pending',
    );
    expect(applyEvent(action({ phase: 'Sending' }), done(1, 'Success'), NOW).action.phase).toBe('Done');
  });

  it.each<ActionPhase>(['Refused', 'Expired'])('ignores every event for a %s action', (phase) => {
    const closed = action({ phase, doneAt: NOW });
    for (const e of [pending(1, 'Accepted'), done(2, 'Success')]) {
      const result = applyEvent(closed, e, NOW);
      expect(result.applied).toBe(false);
      expect(result.action).toBe(closed);
    }
  });

  it('ignores an event for another action', () => {
    const mine = action();
    expect(applyEvent(mine, event(1, { type: 'Done', status: 'Success' }, 'ra-2'), NOW)).toEqual({
      action: mine,
      applied: false,
    });
  });

  it('never mutates the action it is given', () => {
    const start = action();
    const copy = structuredClone(start);
    run(start, [pending(1, 'Accepted'), done(2, 'Success')]);
    expect(start).toEqual(copy);
  });
});

describe('local transitions', () => {
  it('markAccepted: Sending → Pending, status still null until an event', () => {
    const result = markAccepted(action({ phase: 'Sending' }), NOW);
    expect(result.applied).toBe(true);
    expect(result.action).toMatchObject({ phase: 'Pending', status: null, updatedAt: NOW });
    expect(markAccepted(action({ phase: 'Done' }), NOW).applied).toBe(false);
  });

  it('markRefused: Sending → Refused with the error, terminal', () => {
    const error = { code: '40001', message: 'Invalid body', reference: 'uuid-1' };
    const result = markRefused(action({ phase: 'Sending' }), error, NOW);
    expect(result.applied).toBe(true);
    expect(result.action).toMatchObject({
      phase: 'Refused',
      error,
      status: null,
      doneAt: NOW,
      updatedAt: NOW,
    });
    expect(isTerminal(result.action.phase)).toBe(true);
  });

  it('markExpired: Queued → Expired, terminal, with the reason when "never sent" is not certain', () => {
    const result = markExpired(action({ phase: 'Queued' }), NOW);
    expect(result.action).toMatchObject({ phase: 'Expired', doneAt: NOW, error: null });
    expect(result.applied).toBe(true);
    const uncertain = { code: 'SEND_UNCERTAIN', message: 'may have reached it' };
    expect(markExpired(action({ phase: 'Queued' }), NOW, uncertain).action.error).toEqual(uncertain);
  });

  it('markCancelled: Queued → Cancelled, terminal', () => {
    const result = markCancelled(action({ phase: 'Queued' }), NOW);
    expect(result.action).toMatchObject({ phase: 'Cancelled', doneAt: NOW, status: null });
    expect(isTerminal(result.action.phase)).toBe(true);
  });

  it('markDispatched and markRequeued: out of the queue and back to its head, flagged uncertain', () => {
    const queued = action({ phase: 'Queued', queue: { ...QUEUE, reason: 'WAKE_UP_FIRST' } });
    const sending = markDispatched(queued, NOW).action;
    expect(sending).toMatchObject({ phase: 'Sending', sentAt: NOW, queue: { reason: null, seq: 7 } });
    const back = markRequeued(sending, NOW, '2024-05-01T09:00:05.000Z').action;
    expect(back).toMatchObject({
      phase: 'Queued',
      sentAt: null,
      queue: {
        seq: 7,
        reason: 'NETWORK_UNREACHABLE',
        tries: 1,
        nextTryAt: '2024-05-01T09:00:05.000Z',
        uncertain: true,
      },
    });
  });

  it('markTimedOut: only from Pending, not terminal, keeps the last status', () => {
    const result = markTimedOut(action({ status: 'WakingUpVehicle' }), NOW);
    expect(result.action).toMatchObject({ phase: 'TimedOut', status: 'WakingUpVehicle', doneAt: null });
    expect(isTerminal(result.action.phase)).toBe(false);
  });

  it('refuses every illegal transition, returning the same object', () => {
    const transitions = {
      markAccepted: { from: ['Sending'], fn: (a: RemoteAction) => markAccepted(a, NOW) },
      markRefused: {
        from: ['Sending'],
        fn: (a: RemoteAction) => markRefused(a, { code: 'x', message: 'y' }, NOW),
      },
      markExpired: { from: ['Queued'], fn: (a: RemoteAction) => markExpired(a, NOW) },
      markCancelled: { from: ['Queued'], fn: (a: RemoteAction) => markCancelled(a, NOW) },
      markDispatched: { from: ['Queued'], fn: (a: RemoteAction) => markDispatched(a, NOW) },
      markRequeued: { from: ['Sending'], fn: (a: RemoteAction) => markRequeued(a, NOW, NOW) },
      markTimedOut: { from: ['Pending'], fn: (a: RemoteAction) => markTimedOut(a, NOW) },
    };
    for (const [name, { from, fn }] of Object.entries(transitions)) {
      for (const phase of ACTION_PHASES) {
        const start = action({ phase, queue: QUEUE });
        const result = fn(start);
        expect(result.applied, `${name} from ${phase}`).toBe(from.includes(phase));
        if (!result.applied) expect(result.action).toBe(start);
      }
    }
  });
});

describe('isTerminal / isSuccessOutcome', () => {
  it('treats Done, Refused, Expired and Cancelled as terminal', () => {
    expect(ACTION_PHASES.filter(isTerminal)).toEqual(['Done', 'Refused', 'Expired', 'Cancelled']);
  });

  it('counts AlreadyDone as success', () => {
    expect(isSuccessOutcome('Success')).toBe(true);
    expect(isSuccessOutcome('AlreadyDone')).toBe(true);
    expect(isSuccessOutcome('Failed')).toBe(false);
    expect(isSuccessOutcome(null)).toBe(false);
  });
});
