// @vitest-environment jsdom
// The texts `t` has already made are kept (i18n/index.ts), for lists that draw the same words on every row — and
// never outlive what they were made from: another language, a catalog that arrived, other parameters. A catalog
// text without ICU syntax is given as it stands, without i18next: the same words i18next gives, every one of them.
import './helpers/dom.js';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES, PSEUDO_LANGUAGE } from '../../preload/contract/locales.js';
import { chooseLanguage, startI18n, t } from '../../renderer/src/i18n/index.js';

const FLEET = { ...(i18next.getResourceBundle('en', 'fleet') as Record<string, string>) };

afterEach(async () => {
  await chooseLanguage('en');
  localStorage.clear();
});

describe('texts already made', () => {
  it('are the same words as i18next makes, for each set of parameters', async () => {
    await startI18n('en');
    expect(t('fleet:page.count', { count: 1 })).toBe('1 vehicle');
    expect(t('fleet:page.count', { count: 2 })).toBe('2 vehicles');
    expect(t('fleet:page.count', { count: 1 })).toBe('1 vehicle');
    expect(t('fleet:capability.available', { feature: 'Horn' })).toBe('Horn: available');
    expect(t('fleet:capability.available', { feature: 'Lights' })).toBe('Lights: available');
    expect(t('fleet:page.title')).toBe(i18next.t('fleet:page.title'));
  });

  it('follow the language chosen, and back', async () => {
    expect(t('fleet:page.count', { count: 2 })).toBe('2 vehicles');
    await chooseLanguage('fr');
    expect(t('fleet:page.count', { count: 2 })).toBe('2 véhicules');
    expect(t('fleet:capability.available', { feature: 'Klaxon' })).toBe('Klaxon : disponible');
    await chooseLanguage('en');
    expect(t('fleet:page.count', { count: 2 })).toBe('2 vehicles');
  });

  it('follow a catalog that arrived after the text was asked for', () => {
    const key = 'fleet:test.arrivesLater' as 'fleet:page.title';
    expect(t(key)).toBe('test.arrivesLater');
    i18next.addResource('en', 'fleet', 'test.arrivesLater', 'Here now');
    try {
      expect(t(key)).toBe('Here now');
    } finally {
      i18next.removeResourceBundle('en', 'fleet');
      i18next.addResourceBundle('en', 'fleet', FLEET, true, true);
    }
  });
});

/** Values for a message's arguments: a number where ICU reads one (plural, number), else a word. */
function argumentsOf(text: string): Record<string, string | number> | null {
  const values: Record<string, string | number> = {};
  for (const [, name, kind] of text.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    if (kind === 'date' || kind === 'time') return null;
    values[name!] = kind === 'plural' || kind === 'selectordinal' || kind === 'number' ? 3 : 'Word';
  }
  return values;
}

/** `t` and i18next's own, for any key and parameters (the catalogs' texts are walked, not typed ones). */
const ours = t as unknown as (key: string, params?: object) => unknown;
const theirs = i18next.t.bind(i18next) as unknown as (key: string, params?: object) => unknown;

describe('texts `t` makes without i18next', () => {
  it('are the words i18next gives, for every text of every catalog, in each language and the pseudo-locale', async () => {
    await startI18n('en');
    const keys = NAMESPACES.flatMap((ns) =>
      Object.entries(i18next.getResourceBundle('en', ns) as Record<string, string>).map(
        ([key, english]) => [`${ns}:${key}`, argumentsOf(english)] as const,
      ),
    );
    for (const language of [...LANGUAGES, PSEUDO_LANGUAGE] as const) {
      await chooseLanguage(language);
      const differ = keys.filter(([key, values]) => {
        if (ours(key) !== theirs(key)) return true;
        return values !== null && ours(key, values) !== theirs(key, values);
      });
      expect({ language, differ }).toEqual({ language, differ: [] });
    }
    // With parameters a text without arguments ignores, too.
    expect(t('fleet:page.title', { feature: 'Horn' })).toBe(i18next.t('fleet:page.title'));
  });
});
