import { describe, expect, it } from 'vitest';
import { explain, explainAction } from '../../../main/core/domain/explanations.js';
import { DONE_STATUSES, FAILURE_CAUSES, PENDING_STATUSES } from '../../../main/core/domain/status.js';
import { QUEUE_REASONS } from '../../../preload/contract/vocabulary.js';
import { remoteAction } from '../../helpers/remote-action.js';

const LOCAL = [
  'Queued',
  ...QUEUE_REASONS,
  'Sending',
  'Refused',
  'Expired',
  'SEND_UNCERTAIN',
  'Cancelled',
  'WAKE_UP_FAILED',
  'NOT_SENT_AFTER_STOP',
  'TimedOut',
  'DeepSleep',
];

const action = remoteAction;

describe('explain', () => {
  it.each([...PENDING_STATUSES, ...DONE_STATUSES, ...FAILURE_CAUSES, ...LOCAL])(
    '%s has its own explanation and a next step',
    (code) => {
      const e = explain(code);
      expect(e.title).not.toMatch(/^Unknown status/);
      expect(e.explanation.length).toBeGreaterThan(20);
      expect(e.nextStep.length).toBeGreaterThan(10);
      expect(e.explanation).not.toContain('does not know');
    },
  );

  it('gives all 20 failure causes distinct titles', () => {
    expect(FAILURE_CAUSES).toHaveLength(20);
    expect(new Set(FAILURE_CAUSES.map((c) => explain(c).title)).size).toBe(20);
  });

  it('marks failure causes as errors or warnings, never info or success', () => {
    for (const cause of FAILURE_CAUSES) expect(['error', 'warning']).toContain(explain(cause).severity);
  });

  it('says what the product docs promise for the well-known cases', () => {
    expect(explain('CidInside')).toMatchObject({
      title: 'Key detected inside the vehicle',
      nextStep: 'Remove the key from the vehicle and lock again.',
      retryable: true,
    });
    const timeout = explain('VehicleConnectionTimeout');
    expect(timeout.explanation).toMatch(/coverage/);
    expect(timeout.explanation).toMatch(/deep sleep/);
    expect(timeout.explanation).toMatch(/15 minutes in the last 7 days/);
    expect(timeout.nextStep).toMatch(/drive it/);
    expect(explain('TooManyWakeUpsOverMonth').explanation).toMatch(/until the month ends/);
    expect(explain('TooManyWakeUpsOverMonth').retryable).toBe(false);
    expect(explain('AlreadyDone')).toMatchObject({ severity: 'success', retryable: false });
    expect(explain('AlreadyDone').explanation).toMatch(/already in the requested state.*counts as a success/);
    expect(explain('DeepSleep')).toMatchObject({ retryable: false });
    expect(explain('DeepSleep').nextStep).toMatch(/Drive the vehicle for at least 15 minutes/);
    expect(explain('MissingRights').retryable).toBe(false);
    expect(explain('Success').severity).toBe('success');
    expect(explain('WakingUpVehicle').severity).toBe('info');
  });

  it('gives a generic explanation naming an unknown code', () => {
    const e = explain('FluxCapacitorError');
    expect(e.title).toContain('FluxCapacitorError');
    expect(e.explanation).toContain('FluxCapacitorError');
    expect(e.nextStep.length).toBeGreaterThan(10);
    expect(e.severity).toBe('warning');
  });

  it('does not resolve inherited object keys', () => {
    expect(explain('toString').title).toContain('toString');
    expect(explain('__proto__').title).toContain('__proto__');
  });

  it('returns copies that callers may change freely', () => {
    explain('CidInside').title = 'changed';
    expect(explain('CidInside').title).toBe('Key detected inside the vehicle');
  });
});

describe('explainAction', () => {
  it('uses the failure cause of a failed action', () => {
    const failed = action({ phase: 'Done', status: 'Failed', outcome: 'Failed', failureCause: 'DoorsOpen' });
    expect(explainAction(failed)).toEqual(explain('DoorsOpen'));
  });

  it('falls back to Failed without a cause, and to the generic one for an unknown cause', () => {
    expect(explainAction(action({ phase: 'Done', status: 'Failed', outcome: 'Failed' }))).toEqual(
      explain('Failed'),
    );
    const unknown = action({ phase: 'Done', status: 'Failed', outcome: 'Failed', failureCause: 'NewCause' });
    expect(explainAction(unknown).title).toContain('NewCause');
  });

  it('explains the outcome of a successful action', () => {
    expect(explainAction(action({ phase: 'Done', status: 'AlreadyDone', outcome: 'AlreadyDone' }))).toEqual(
      explain('AlreadyDone'),
    );
  });

  it('switches a connection timeout to deep sleep when the caller suspects it', () => {
    const timedOut = action({
      phase: 'Done',
      status: 'Failed',
      outcome: 'Failed',
      failureCause: 'VehicleConnectionTimeout',
    });
    expect(explainAction(timedOut)).toEqual(explain('VehicleConnectionTimeout'));
    expect(explainAction(timedOut, { deepSleepSuspected: true })).toEqual(explain('DeepSleep'));
  });

  it('explains a pending action by its latest status, or as Accepted before the first event', () => {
    expect(explainAction(action({ status: 'WakingUpVehicle' }))).toEqual(explain('WakingUpVehicle'));
    expect(explainAction(action({ status: null }))).toEqual(explain('Accepted'));
  });

  it('explains local phases', () => {
    expect(explainAction(action({ phase: 'Sending' }))).toEqual(explain('Sending'));
    expect(explainAction(action({ phase: 'Expired' }))).toEqual(explain('Expired'));
    expect(explainAction(action({ phase: 'TimedOut', status: 'SentToVehicle' }))).toEqual(
      explain('TimedOut'),
    );
  });

  it('lets a refusal be retried only for rate limits and server errors', () => {
    const refused = (code: string) =>
      explainAction(action({ phase: 'Refused', error: { code, message: 'm' } }));
    expect(refused('42900').retryable).toBe(true);
    expect(refused('50300').retryable).toBe(true);
    expect(refused('40001').retryable).toBe(false);
    expect(refused('SEND_INTERRUPTED').retryable).toBe(false);
    expect(refused('40001').title).toBe(explain('Refused').title);
  });
});
