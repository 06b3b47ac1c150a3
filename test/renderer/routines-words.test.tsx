// @vitest-environment jsdom
// The words of bulk commands and schedules in another language (issue 17): a bulk preview rendered in French (its
// summary, skip reasons, figures and lines), a line's failure cause said in words rather than the network's code,
// the counts and estimates, and the schedules' days, run reasons and site times.
import './helpers/dom.js';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkPlanDto } from '../../preload/contract/routines.js';
import { BulkItemsList } from '../../renderer/src/features/bulks/BulkItemsList.js';
import { BulkPreview } from '../../renderer/src/features/bulks/BulkPreview.js';
import { bulkCountsText, durationText } from '../../renderer/src/features/bulks/bulk-text.js';
import { daysText } from '../../renderer/src/features/schedules/schedule-model.js';
import { runReasonText } from '../../renderer/src/features/schedules/schedule-text.js';
import { siteTimeText, weekdayLong, weekdayShort } from '../../renderer/src/features/schedules/site-clock.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { bulkItem, countsOf } from './helpers/fake-routines.js';
import { renderWithStores } from './helpers/render.js';
import { virtualScroller } from './helpers/virtual-scroller.js';

let restoreScroller: () => void;
beforeEach(() => {
  restoreScroller = virtualScroller('bulk-items-scroller', 600);
});
afterEach(async () => {
  restoreScroller();
  await chooseLanguage('en');
});

const ITEMS = [
  bulkItem({ vehicleId: 'v-1', label: 'Van 01', state: 'queued' }),
  bulkItem({ vehicleId: 'v-2', label: 'Loaner 09', state: 'skipped', reason: 'NOT_CAPABLE' }),
  bulkItem({ vehicleId: 'v-3', label: 'Exec 11', state: 'skipped', reason: 'STOLEN_MODE' }),
];
const PLAN: BulkPlanDto = {
  dryRun: true,
  type: 'Doors',
  callbackId: 'cb-1',
  counts: countsOf(ITEMS),
  items: ITEMS,
  estimatedSeconds: 30,
};

const cellTexts = (line: HTMLElement) =>
  within(line)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('a bulk preview in French', () => {
  it('says who would be sent, who is skipped and why, and what each line is, in French', async () => {
    await chooseLanguage('fr');
    renderWithStores(<BulkPreview plan={PLAN} />);
    const shown = screen.getByTestId('bulk-preview');
    expect(within(shown).getByRole('heading', { name: 'Aperçu : rien n’a été envoyé' })).toBeTruthy();
    expect(within(shown).getByTestId('preview-summary').textContent).toBe(
      '1 véhicule sur 3 recevrait la commande ; 2 ignorés. ' +
        'L’envoi prend moins d’une minute au rythme défini dans les paramètres.',
    );
    expect(
      within(within(shown).getByTestId('skip-reasons'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ne prend pas en charge cette commande : 1', 'En mode vol : 1']);
    expect(within(shown).getByTestId('count-total').textContent).toBe('3');
    expect(
      within(shown)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Véhicule', 'État', 'Résultat', 'Raison', 'Commande']);
    const lines = within(shown).getAllByTestId('bulk-item');
    expect(cellTexts(lines[0]!).slice(1)).toEqual(['En file d’attente', '', '', 'Non envoyé']);
    expect(within(lines[1]!).getByTestId('item-why').textContent).toBe(
      'Ne prend pas en charge cette commande',
    );
    expect(within(shown).getByRole('table', { name: 'Véhicules de l’aperçu' })).toBeTruthy();
  });

  it('reads the same in English, the wording the other tests hold', () => {
    renderWithStores(<BulkPreview plan={PLAN} />);
    expect(screen.getByTestId('preview-summary').textContent).toBe(
      '1 of 3 vehicles would be sent the command; 2 skipped. ' +
        'Sending takes under a minute at the pace set in Settings.',
    );
  });
});

describe('a line that failed', () => {
  const failed = [
    bulkItem({
      vehicleId: 'v-5',
      label: 'Pool 05',
      state: 'failed',
      outcome: 'Failed',
      failureCause: 'DoorsOpen',
    }),
    bulkItem({
      vehicleId: 'v-6',
      label: 'Van 06',
      state: 'failed',
      outcome: 'Failed',
      failureCause: 'NewCause',
    }),
  ];

  it('says the network’s cause in words, and a cause it added later as it came', async () => {
    renderWithStores(<BulkItemsList items={failed} label="Lines" />);
    let why = screen.getAllByTestId('item-why').map((c) => c.textContent);
    expect(why).toEqual(['A door is open', 'NewCause']);
    await chooseLanguage('de');
    renderWithStores(<BulkItemsList items={failed} label="Zeilen" />);
    why = within(screen.getByRole('table', { name: 'Zeilen' }))
      .getAllByTestId('item-why')
      .map((c) => c.textContent);
    expect(why).toEqual(['Eine Tür ist offen', 'NewCause']);
  });
});

describe('figures and estimates', () => {
  const counts = countsOf([
    bulkItem({ state: 'done' }),
    bulkItem({ vehicleId: 'v-2', state: 'done' }),
    bulkItem({ vehicleId: 'v-3', state: 'failed' }),
  ]);

  it('counts each state with its own agreement, in English and Italian', async () => {
    expect(bulkCountsText(counts)).toBe('2 done · 1 failed');
    expect(bulkCountsText(countsOf([]))).toBe('No vehicle');
    await chooseLanguage('it');
    expect(bulkCountsText(counts)).toBe('2 completati · 1 non riuscito');
  });

  it('estimates in minutes, then hours and minutes', async () => {
    expect([30, 180, 3600, 6000].map(durationText)).toEqual([
      'under a minute',
      'about 3 min',
      'about 1 h',
      'about 1 h 40 min',
    ]);
    await chooseLanguage('es');
    expect(durationText(6000)).toBe('aprox. 1 h 40 min');
  });
});

describe('schedule words in another language', () => {
  it('names the days through the locale, and the usual sets in words', async () => {
    expect([weekdayShort('Mon'), weekdayLong('Mon')]).toEqual(['Mon', 'Monday']);
    expect(daysText(['Mon', 'Wed', 'Fri'])).toBe('Mon, Wed, Fri');
    await chooseLanguage('fr');
    expect([weekdayShort('Mon'), weekdayLong('Sun')]).toEqual(['lun.', 'dimanche']);
    expect(daysText(['Mon', 'Wed', 'Fri'])).toBe('lun., mer., ven.');
    expect(daysText(['Sat', 'Sun'])).toBe('Le week-end');
  });

  it('says why a run could not start, and shows an unknown code as recorded', async () => {
    await chooseLanguage('fr');
    expect(runReasonText('CREATOR_ROLE_TOO_LOW')).toBe(
      'Son créateur n’est plus superviseur ni administrateur',
    );
    expect(runReasonText('SOMETHING_NEW')).toBe('N’a pas pu démarrer (SOMETHING_NEW)');
  });

  it('gives a time on the schedule’s own clock, in the chosen language', async () => {
    await chooseLanguage('fr');
    // 17:00 UTC on Thursday 15 January 2026 is 18:00 in Paris.
    expect(siteTimeText('2026-01-15T17:00:00.000Z', 'Europe/Paris')).toMatch(/^jeu\. 15 janv\., 18:00/);
  });
});
