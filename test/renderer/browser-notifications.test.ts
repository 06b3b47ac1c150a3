// @vitest-environment jsdom
// The browser's notifications word the agent's codes in the language shown: a command's end (the explanation, with
// what to do on a failure) and a bulk command's counts, the same words as the desktop's.
import { afterEach, describe, expect, it } from 'vitest';
import { bulkFinishedMessage } from '../../renderer/src/app/bulk-notifier.js';
import { completionMessage } from '../../renderer/src/app/done-notifier.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import type { BulkSummaryDto } from '../../preload/contract/routines.js';
import { action } from './helpers/fake-client.js';

const keyInside = action({
  phase: 'Done',
  outcome: 'Failed',
  status: 'Failed',
  failureCause: 'CidInside',
  explanation: { code: 'cause.CidInside', severity: 'error', retryable: true },
});

const bulk = (counts: Partial<BulkSummaryDto['counts']>): BulkSummaryDto =>
  ({
    bulkId: 'b-1',
    type: 'Horn',
    status: 'cancelled',
    counts: {
      total: 1,
      queued: 0,
      skipped: 0,
      sent: 0,
      done: 0,
      failed: 0,
      cancelled: 0,
      expired: 0,
      ...counts,
    },
  }) as BulkSummaryDto;

afterEach(async () => {
  await chooseLanguage('en');
});

describe('a command’s end', () => {
  it('says a success in one sentence, and a failure with what to do', () => {
    const done = action({
      phase: 'Done',
      outcome: 'Success',
      status: 'Success',
      explanation: { code: 'done.Success', severity: 'success', retryable: false },
    });
    expect(completionMessage(done, 'Van 01').body).toBe('The vehicle carried out the command.');
    expect(completionMessage(keyInside, 'Van 01')).toEqual({
      title: 'Doors · Van 01: Failed',
      body:
        'Key detected inside the vehicle. The vehicle will not lock remotely while a key is inside it. ' +
        'What to do: Remove the key from the vehicle and lock again.',
    });
  });

  it('is worded in the language shown', async () => {
    await chooseLanguage('fr');
    expect(completionMessage(keyInside, 'Van 01').body).toBe(
      'Clé détectée dans le véhicule. Le véhicule ne se verrouille pas à distance tant qu’une clé est à ' +
        'l’intérieur. Que faire : Retirez la clé du véhicule et verrouillez de nouveau.',
    );
  });
});

describe('a bulk command’s end', () => {
  it('counts the vehicles by state, in the language shown', async () => {
    expect(bulkFinishedMessage(bulk({ total: 1, cancelled: 1 }))).toEqual({
      title: 'Horn to 1 vehicle: cancelled',
      body: '1 cancelled',
    });
    expect(bulkFinishedMessage(bulk({ total: 0 })).body).toBe('No vehicle.');
    await chooseLanguage('de');
    expect(bulkFinishedMessage(bulk({ total: 12, done: 10, failed: 2 })).body).toBe(
      '10 erledigt · 2 fehlgeschlagen',
    );
  });
});
