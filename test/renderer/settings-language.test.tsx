// @vitest-environment jsdom
// Issue 17 on the Settings page, which every signed-in role reaches: the page in French; the Language choice
// ("Automatic" or a language by its own name) kept per operator on this browser — another operator keeps their own,
// a token session keeps the browser's —, followed when an operator signs in; the site's time zone, once the
// settings are read, is the one every date is shown in.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../renderer/src/features/settings/settings-model.js';
import { SettingsView } from '../../renderer/src/features/settings/SettingsView.js';
import { SessionMenu } from '../../renderer/src/features/session/SessionMenu.js';
import { formatTime, setSiteTimeZone } from '../../renderer/src/i18n/format.js';
import { chooseLanguage, currentLanguage, languageChoice } from '../../renderer/src/i18n/index.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { fakeClient, MACHINE, operatorActor, session } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const tess = session({ actor: operatorActor('Tess', 'technician', 'op-tess') });
const sam = session({ actor: operatorActor('Sam', 'supervisor', 'op-sam') });

function settingsClient(who = tess) {
  const client = fakeClient({ session: who });
  client.getSettings.mockResolvedValue(DEFAULT_SETTINGS);
  return client;
}

beforeEach(() => localStorage.clear());
afterEach(async () => {
  localStorage.clear();
  await chooseLanguage('en');
  setSiteTimeZone(undefined);
});

describe('the Settings page in another language', () => {
  it('reads in French, form and language choice included', async () => {
    await chooseLanguage('fr');
    renderWithStores(<SettingsView />, settingsClient(), undefined, { session: tess });
    expect(await screen.findByRole('heading', { name: 'Paramètres' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Réseau des véhicules' })).toBeTruthy();
    // A technician sees the form, not changeable, and is told who may.
    expect((await screen.findByTestId('admins-only')).textContent).toContain('Réservé aux administrateurs');
    expect(screen.getByRole('switch', { name: 'Notifier à la fin d’une commande' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tester la connexion' })).toBeTruthy();
    const language = screen.getByRole('combobox', { name: 'Langue' }) as HTMLInputElement;
    // The stored choice is French for this browser now: the select shows the language by its own name.
    expect(language.value).toBe('Français');
    expect(screen.getByText('Routines')).toBeTruthy();
    expect(screen.getByText('Fuseau horaire du site')).toBeTruthy();
  });
});

describe('the language choice', () => {
  it('is offered to any role, as Automatic or each language by its own name', async () => {
    const user = userEvent.setup();
    renderWithStores(<SettingsView />, settingsClient(), undefined, { session: tess });
    const language = screen.getByRole('combobox', { name: 'Language' }) as HTMLInputElement;
    expect(language.value).toBe('Automatic (browser/OS)');
    await user.click(language);
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual([
      'Automatic (browser/OS)',
      'English',
      'Français',
      'Italiano',
      'Deutsch',
      'Español',
    ]);
  });

  it('is kept per operator: Tess chooses Italian, Sam keeps the browser’s language', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithStores(<SettingsView />, settingsClient(), undefined, { session: tess });
    await user.click(screen.getByRole('combobox', { name: 'Language' }));
    await user.click(await screen.findByRole('option', { name: 'Italiano', hidden: true }));
    await waitFor(() => expect(currentLanguage()).toBe('it'));
    expect(localStorage.getItem('depot-remote.language.op-tess')).toBe('it');
    expect(languageChoice('op-tess')).toBe('it');
    expect(languageChoice('op-sam')).toBe('auto');
    unmount();

    // Sam signs in on the same browser: his session follows his own choice (none: the browser's language)…
    const stores = createStores(settingsClient(sam));
    stores.session.setState({ status: 'signed-in', session: sam });
    renderWithStores(<SessionMenu />, settingsClient(sam), stores);
    await waitFor(() => expect(currentLanguage()).toBe('en'));
    // …and Tess's choice comes back with her.
    stores.session.setState({ session: tess });
    await waitFor(() => expect(currentLanguage()).toBe('it'));
    expect(within(screen.getByTestId('session-menu')).getByText('Tecnico')).toBeTruthy();
  });

  it('is kept for the browser in a token session', async () => {
    const user = userEvent.setup();
    const machine = session({ actor: MACHINE });
    renderWithStores(<SettingsView />, settingsClient(machine), undefined, { session: machine });
    await user.click(screen.getByRole('combobox', { name: 'Language' }));
    await user.click(await screen.findByRole('option', { name: 'Deutsch', hidden: true }));
    await waitFor(() => expect(currentLanguage()).toBe('de'));
    expect(localStorage.getItem('depot-remote.language')).toBe('de');
    // Back to Automatic: the browser's own language again, and nothing kept.
    await chooseLanguage('auto');
    expect(localStorage.getItem('depot-remote.language')).toBeNull();
    expect(currentLanguage()).toBe('en');
  });
});

describe('the site time zone', () => {
  it('is the zone of every date once the settings are read', async () => {
    const client = settingsClient();
    client.getSettings.mockResolvedValue({
      ...DEFAULT_SETTINGS,
      routines: { ...DEFAULT_SETTINGS.routines, timeZone: 'Asia/Tokyo' },
    });
    const stores = createStores(client);
    await stores.settings.getState().load();
    expect(formatTime('2026-01-01T00:00:00.000Z')).toMatch(/^09:00:00/);
  });
});
