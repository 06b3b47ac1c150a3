// The queue's rules as pure functions: which commands are never queued silently, the delays while the network is
// down, what may be sent again, and when waking the vehicle first makes sense.
import { describe, expect, it } from 'vitest';
import {
  failedAsleep,
  isResendable,
  isStale,
  nextTryAt,
  queuedOnlyWhenAsked,
  sameJson,
} from '../../../main/core/domain/queue.js';
import { ACTION_PHASES } from '../../../preload/contract/vocabulary.js';
import { remoteAction } from '../../helpers/remote-action.js';

const NOW = new Date('2026-01-05T08:00:00.000Z');

describe('the queue rules', () => {
  it('queues immobilization (either way), stolen and unlocking only when asked; everything else silently', () => {
    expect(queuedOnlyWhenAsked('Immobilization', { immobilization: { activate: true } })).toBe(true);
    expect(queuedOnlyWhenAsked('Immobilization', { immobilization: { activate: false } })).toBe(true);
    expect(queuedOnlyWhenAsked('Stolen', { stolen: { stolen: false } })).toBe(true);
    expect(queuedOnlyWhenAsked('Doors', { door: { state: 'Unlocked' } })).toBe(true);
    expect(queuedOnlyWhenAsked('Doors', { door: { state: 'Locked' } })).toBe(false);
    expect(queuedOnlyWhenAsked('Horn', { horn: { state: 'Activated' } })).toBe(false);
    expect(queuedOnlyWhenAsked('WakeUp', { wakeUp: { action: 'WakeUp' } })).toBe(false);
  });

  it('tries again after 5 s, 15 s, 30 s, 1, 2, then every 5 minutes', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 50].map(
      (tries) => (Date.parse(nextTryAt(NOW, tries)) - +NOW) / 1000,
    );
    expect(delays).toEqual([5, 15, 30, 60, 120, 300, 300, 300]);
  });

  it('is stale at its expiry, never without one', () => {
    const queue = {
      seq: 1,
      expiresAt: NOW.toISOString(),
      reason: null,
      tries: 0,
      nextTryAt: null,
      uncertain: false,
      after: null,
    };
    expect(isStale(remoteAction({ queue }), new Date(+NOW - 1))).toBe(false);
    expect(isStale(remoteAction({ queue }), NOW)).toBe(true);
    expect(isStale(remoteAction({ queue: { ...queue, expiresAt: null } }), NOW)).toBe(false);
    expect(isStale(remoteAction(), NOW)).toBe(false);
  });

  it('sends again what is over without doing what was asked: Refused, Expired, Cancelled, TimedOut, Done/Failed', () => {
    const resendable = ACTION_PHASES.filter((phase) => isResendable(remoteAction({ phase })));
    expect(resendable).toEqual(['Refused', 'Expired', 'Cancelled', 'TimedOut']);
    expect(isResendable(remoteAction({ phase: 'Done', outcome: 'Failed' }))).toBe(true);
    expect(isResendable(remoteAction({ phase: 'Done', outcome: 'AlreadyDone' }))).toBe(false);
  });

  it('wakes first where the vehicle could not be reached or woken, never behind another wake-up', () => {
    const timeout = { phase: 'Done', outcome: 'Failed', failureCause: 'VehicleConnectionTimeout' } as const;
    expect(failedAsleep(remoteAction(timeout))).toBe(true);
    expect(failedAsleep(remoteAction({ ...timeout, type: 'WakeUp' }))).toBe(false);
    expect(failedAsleep(remoteAction({ ...timeout, failureCause: 'CidInside' }))).toBe(false);
    expect(failedAsleep(remoteAction({ phase: 'TimedOut', status: 'WakingUpVehicle' }))).toBe(true);
    expect(failedAsleep(remoteAction({ phase: 'TimedOut', status: 'SentToVehicle' }))).toBe(false);
  });

  it('compares bodies read back from the network whatever the order of their keys', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
