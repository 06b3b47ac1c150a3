// @vitest-environment jsdom
// The retention settings on the Settings page (issue 18): an admin changes them and they are saved with the other
// settings; out-of-range days are refused under their fields before anything is sent; a supervisor sees them,
// disabled; the words are translated.
import './helpers/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../renderer/src/features/settings/settings-model.js';
import { SettingsView } from '../../renderer/src/features/settings/SettingsView.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const ACTIONS = 'Finished commands and their events (days)';
const DELIVERED = 'Delivered webhook notifications (days)';
const AUDIT = 'Audit entries (days)';

function page(who = session()) {
  const client = fakeClient({ session: who });
  client.getSettings.mockResolvedValue({
    ...DEFAULT_SETTINGS,
    retention: { actionsDays: 400, deliveredNotificationsDays: 30, auditDays: null },
  });
  client.putSettings.mockImplementation(async ({ body }) => ({
    ...DEFAULT_SETTINGS,
    retention: { ...body.retention!, auditDays: body.retention!.auditDays ?? null },
  }));
  renderWithStores(<SettingsView />, client, undefined, { session: who });
  return { client, user: userEvent.setup() };
}

afterEach(async () => {
  await chooseLanguage('en');
});

describe('the retention settings', () => {
  it('shows the saved days and saves changed ones', async () => {
    const { user, client } = page();
    const actions = await screen.findByRole('textbox', { name: ACTIONS });
    expect((actions as HTMLInputElement).value).toBe('400');
    await user.clear(actions);
    await user.type(actions, '90');
    const delivered = screen.getByRole('textbox', { name: DELIVERED });
    await user.clear(delivered);
    await user.type(delivered, '7');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(client.putSettings).toHaveBeenCalledTimes(1));
    expect(client.putSettings.mock.calls[0]![0].body.retention).toEqual({
      actionsDays: 90,
      deliveredNotificationsDays: 7,
      auditDays: null,
    });
  });

  it('refuses zero and empty days by their fields, sending nothing', async () => {
    const { user, client } = page();
    const actions = await screen.findByRole('textbox', { name: ACTIONS });
    await user.clear(actions);
    await user.type(actions, '0');
    await user.clear(screen.getByRole('textbox', { name: DELIVERED }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      (await screen.findAllByText('Give a whole number of days, from 1 to 3650.')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(client.putSettings).not.toHaveBeenCalled();
  });

  it('keeps audit entries forever until unticked, then saves the days given', async () => {
    const { user, client } = page();
    const forever = await screen.findByRole('checkbox', { name: 'Keep audit entries forever' });
    expect((forever as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('textbox', { name: AUDIT })).toBeNull();
    await user.click(forever);
    const days = screen.getByRole('textbox', { name: AUDIT });
    expect((days as HTMLInputElement).value).toBe('800');
    await user.clear(days);
    await user.type(days, '0');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      (await screen.findAllByText('Give a whole number of days, from 1 to 3650.')).length,
    ).toBeGreaterThanOrEqual(1);
    expect(client.putSettings).not.toHaveBeenCalled();
    await user.clear(days);
    await user.type(days, '730');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(client.putSettings).toHaveBeenCalledTimes(1));
    expect(client.putSettings.mock.calls[0]![0].body.retention?.auditDays).toBe(730);
  });

  it('is shown to a supervisor, disabled', async () => {
    page(session({ actor: operatorActor('Sam', 'supervisor', 'op-sam') }));
    const actions = await screen.findByRole('textbox', { name: ACTIONS });
    expect((actions as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: DELIVERED }) as HTMLInputElement).disabled).toBe(true);
  });

  it('speaks French', async () => {
    await chooseLanguage('fr');
    page();
    expect(await screen.findByRole('heading', { name: 'Historique conservé' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Notifications webhook livrées (jours)' })).toBeTruthy();
  });
});
