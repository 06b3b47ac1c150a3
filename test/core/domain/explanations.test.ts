// Explanations are codes (docs/decisions.md, 25): the core picks the code, its severity and whether sending again
// helps; the catalogs word it. The words are checked here in English through the main process's translator, as
// the desktop's notifications render them.
import { describe, expect, it } from 'vitest';
import {
  EXPLANATION_CODES,
  explain,
  explainAction,
  type Explanation,
} from '../../../main/core/domain/explanations.js';
import { DONE_STATUSES, FAILURE_CAUSES, PENDING_STATUSES } from '../../../main/core/domain/status.js';
import { createTranslator } from '../../../main/core/i18n/translator.js';
import { LANGUAGES } from '../../../preload/contract/locales.js';
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
const translator = createTranslator();
/** `t` for keys built here from the codes (the translator's own type knows the default namespace only). */
const tIn = (language: (typeof LANGUAGES)[number]) =>
  translator.for(language) as unknown as (key: string, values?: object) => string;

/** The English words of an explanation, as an edge renders them. */
function words(e: Explanation, language: (typeof LANGUAGES)[number] = 'en') {
  const t = tIn(language);
  return {
    title: t(`explain:${e.code}.title`, { ...e.params }),
    text: t(`explain:${e.code}.text`, { ...e.params }),
    next: t(`explain:${e.code}.next`, { ...e.params }),
  };
}

describe('explain', () => {
  it.each([...PENDING_STATUSES, ...DONE_STATUSES, ...FAILURE_CAUSES, ...LOCAL])(
    '%s has its own explanation and a next step',
    (name) => {
      const e = explain(name);
      expect(e.code).not.toBe('unknown');
      expect(e.params).toBeUndefined();
      const { text, next } = words(e);
      expect(text.length).toBeGreaterThan(20);
      expect(next.length).toBeGreaterThan(10);
      expect(text).not.toContain('does not know');
    },
  );

  it('names each code by what it explains', () => {
    expect(explain('WakingUpVehicle').code).toBe('pending.WakingUpVehicle');
    expect(explain('AlreadyDone').code).toBe('done.AlreadyDone');
    expect(explain('DoorsOpen').code).toBe('cause.DoorsOpen');
    expect(explain('Queued').code).toBe('phase.Queued');
    expect(explain('CALLBACK_PAUSED').code).toBe('queue.CALLBACK_PAUSED');
    expect(explain('SEND_UNCERTAIN').code).toBe('local.SEND_UNCERTAIN');
    // A Pending warning that announces exactly that failure: one explanation serves both.
    expect(explain('TooManyWakeUpsOverMonth').code).toBe('cause.TooManyWakeUpsOverMonth');
  });

  it('carries no sentence: every code is worded by the catalogs, in every language', () => {
    expect(EXPLANATION_CODES).toContain('unknown');
    for (const language of LANGUAGES) {
      const t = tIn(language);
      for (const code of EXPLANATION_CODES) {
        for (const part of ['title', 'text', 'next']) {
          const key = `explain:${code}.${part}`;
          expect(translator.has(key), key).toBe(true);
          expect(t(key, { code: 'X' }), `${language} ${key}`).not.toBe(`${code}.${part}`);
        }
      }
    }
  });

  it('gives all 20 failure causes distinct titles', () => {
    expect(FAILURE_CAUSES).toHaveLength(20);
    expect(new Set(FAILURE_CAUSES.map((c) => words(explain(c)).title)).size).toBe(20);
  });

  it('marks failure causes as errors or warnings, never info or success', () => {
    for (const cause of FAILURE_CAUSES) expect(['error', 'warning']).toContain(explain(cause).severity);
  });

  it('says what the product docs promise for the well-known cases', () => {
    expect(explain('CidInside')).toMatchObject({ code: 'cause.CidInside', retryable: true });
    expect(words(explain('CidInside'))).toMatchObject({
      title: 'Key detected inside the vehicle',
      next: 'Remove the key from the vehicle and lock again.',
    });
    const timeout = words(explain('VehicleConnectionTimeout'));
    expect(timeout.text).toMatch(/coverage/);
    expect(timeout.text).toMatch(/deep sleep/);
    expect(timeout.text).toMatch(/15 minutes in the last 7 days/);
    expect(timeout.next).toMatch(/drive it/);
    expect(words(explain('TooManyWakeUpsOverMonth')).text).toMatch(/until the month ends/);
    expect(explain('TooManyWakeUpsOverMonth').retryable).toBe(false);
    expect(explain('AlreadyDone')).toMatchObject({ severity: 'success', retryable: false });
    expect(words(explain('AlreadyDone')).text).toMatch(/already in the requested state.*counts as a success/);
    expect(explain('DeepSleep')).toMatchObject({ retryable: false });
    expect(words(explain('DeepSleep')).next).toMatch(/Drive the vehicle for at least 15 minutes/);
    expect(explain('MissingRights').retryable).toBe(false);
    expect(explain('Success').severity).toBe('success');
    expect(explain('WakingUpVehicle').severity).toBe('info');
  });

  it('gives a generic explanation naming an unknown code', () => {
    const e = explain('FluxCapacitorError');
    expect(e).toEqual({
      code: 'unknown',
      params: { code: 'FluxCapacitorError' },
      severity: 'warning',
      retryable: false,
    });
    const { title, text, next } = words(e);
    expect(title).toBe('Unknown status FluxCapacitorError');
    expect(text).toBe('The network reported "FluxCapacitorError", which Depot Remote does not know yet.');
    expect(next.length).toBeGreaterThan(10);
    expect(words(e, 'fr').title).toBe('Statut inconnu FluxCapacitorError');
  });

  it('does not resolve inherited object keys', () => {
    expect(explain('toString')).toMatchObject({ code: 'unknown', params: { code: 'toString' } });
    expect(explain('__proto__')).toMatchObject({ code: 'unknown', params: { code: '__proto__' } });
  });

  it('returns copies that callers may change freely', () => {
    explain('CidInside').severity = 'info';
    expect(explain('CidInside').severity).toBe('error');
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
    expect(explainAction(unknown)).toMatchObject({ code: 'unknown', params: { code: 'NewCause' } });
    expect(words(explainAction(unknown)).title).toContain('NewCause');
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
    expect(refused('40001').code).toBe('phase.Refused');
  });
});
