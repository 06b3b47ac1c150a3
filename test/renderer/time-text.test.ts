// @vitest-environment jsdom
// Times as a technician reads them, past and to come; clock times as the browser's locale writes them.
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { ageText, shortClockText, timeText } from '../../renderer/src/components/time-text.js';

describe('ageText', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

  it('reads a time just past, or a few seconds either way, as now', () => {
    expect(ageText(at(-3), now)).toBe('just now');
    expect(ageText(at(4), now)).toBe('just now');
  });

  it('says how long ago', () => {
    expect(ageText(at(-42), now)).toBe('42 s ago');
    expect(ageText(at(-5 * 60), now)).toBe('5 min ago');
    expect(ageText(at(-3 * 3600), now)).toBe('3 h ago');
    expect(ageText(at(-72 * 3600), now)).toBe('3 days ago');
  });

  it('says how long until a time to come (a next try, a next check), never "just now"', () => {
    expect(ageText(at(30), now)).toBe('in 30 s');
    expect(ageText(at(10 * 60), now)).toBe('in 10 min');
    expect(ageText(at(5 * 3600), now)).toBe('in 5 h');
  });

  it('says so when there is no time', () => {
    expect(ageText(null, now)).toBe('never');
    expect(ageText('not a date', now)).toBe('unknown');
  });
});

describe('clock times', () => {
  afterEach(() => chooseLanguage('en'));

  it('read in the chosen language, in the locale the browser writes it, the same for every row', async () => {
    const iso = '2026-11-22T16:54:07.000Z';
    const date = new Date(iso);
    const short = {
      day: '2-digit',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    } as const;
    const time = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
    expect(shortClockText(iso)).toBe(date.toLocaleString(undefined, short));
    expect(shortClockText('2026-11-23T01:02:03.000Z')).toBe(
      new Date('2026-11-23T01:02:03.000Z').toLocaleString(undefined, short),
    );
    expect(timeText(iso)).toBe(date.toLocaleTimeString(undefined, time));
    expect(shortClockText('not a date')).toBe('not a date');
    expect(timeText(null)).toBe('');
    await chooseLanguage('fr');
    expect(timeText(iso)).toBe(date.toLocaleTimeString('fr', time));
    expect(shortClockText(iso)).toBe(date.toLocaleString('fr', short));
  });

  it('say how long ago in the chosen language', async () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    await chooseLanguage('fr');
    expect(ageText(new Date(now - 5 * 60_000).toISOString(), now)).toBe('il y a 5 min');
    expect(ageText(new Date(now + 3 * 86_400_000).toISOString(), now)).toBe('dans 3 jours');
    await chooseLanguage('de');
    expect(ageText(new Date(now - 2 * 3_600_000).toISOString(), now)).toBe('vor 2 Std.');
  });
});
