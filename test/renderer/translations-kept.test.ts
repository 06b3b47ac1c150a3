// @vitest-environment jsdom
// The texts `t` has already made are kept (i18n/index.ts), for lists that draw the same words on every row — and
// never outlive what they were made from: another language, a catalog that arrived, other parameters.
import './helpers/dom.js';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
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
