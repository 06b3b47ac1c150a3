// @vitest-environment jsdom
// What only admins may do is shown to the others disabled, saying "Admins only" — never hidden without a word:
// retrying deliveries, replaying or resolving a kept notification, saving the settings.
import './helpers/dom.js';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeliveriesView } from '../../renderer/src/features/deliveries/DeliveriesView.js';
import { QuarantineEntryView } from '../../renderer/src/features/quarantine/QuarantineEntryView.js';
import { DEFAULT_SETTINGS } from '../../renderer/src/features/settings/settings-model.js';
import { SettingsView } from '../../renderer/src/features/settings/SettingsView.js';
import { delivery, fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const sam = session({ actor: operatorActor('Sam', 'supervisor', 'op-sam') });

function deliveriesClient() {
  const client = fakeClient({ session: sam });
  client.listDeliveries.mockResolvedValue({
    items: [delivery({ id: 'd-dead', state: 'Failed', attempts: 3 })],
    total: 1,
    limit: 200,
    offset: 0,
  });
  return client;
}

const disabled = (button: HTMLElement) => (button as HTMLButtonElement).disabled;

describe('admins only', () => {
  it('deliveries: a supervisor sees the retries disabled, with who may', async () => {
    renderWithStores(<DeliveriesView />, deliveriesClient(), undefined, { session: sam });
    const row = await screen.findByTestId('delivery-row');
    expect(disabled(within(row).getByRole('button', { name: 'Retry' }))).toBe(true);
    expect(within(row).getByText('Admins only')).toBeTruthy();
    const all = screen.getByRole('button', { name: 'Retry all failed' });
    expect(disabled(all)).toBe(true);
    expect(document.getElementById(all.getAttribute('aria-describedby')!)!.textContent).toContain(
      'Admins only',
    );
  });

  it('deliveries: an admin may retry', async () => {
    renderWithStores(<DeliveriesView />, deliveriesClient());
    const row = await screen.findByTestId('delivery-row');
    expect(disabled(within(row).getByRole('button', { name: 'Retry' }))).toBe(false);
    expect(screen.queryByTestId('admins-only')).toBeNull();
  });

  it('quarantine: replay and resolve are disabled for a supervisor, with who may', async () => {
    renderWithStores(<QuarantineEntryView entryId={7} />, fakeClient({ session: sam }), undefined, {
      session: sam,
    });
    await screen.findByText(/Kept notification 7/);
    for (const name of ['Replay', 'Resolve'])
      expect(disabled(screen.getByRole('button', { name }))).toBe(true);
    expect(screen.getByTestId('admins-only').textContent).toContain('Admins only');
  });

  it('settings: shown to a supervisor, but not changeable, and it says so', async () => {
    const client = fakeClient({ session: sam });
    client.getSettings.mockResolvedValue(DEFAULT_SETTINGS);
    renderWithStores(<SettingsView />, client, undefined, { session: sam });
    expect((await screen.findByTestId('admins-only')).textContent).toContain('Admins only');
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(
      disabled(screen.getByRole('switch', { name: 'Notify when a command finishes' }) as HTMLElement),
    ).toBe(true);
  });
});
