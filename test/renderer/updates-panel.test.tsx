// @vitest-environment jsdom
// Settings' "Updates": the version and feed, "Check now", the download's progress and the release notes (plain
// text) as the agent's update.changed events arrive, "Restart now to install" with the reason when it is refused;
// admins edit the feed, others read it; the headless agent's browser says how the agent is updated; in French too.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientError } from '../../preload/contract/client.js';
import type { UpdateStateDto, UpdateStatusDto } from '../../preload/contract/updates.js';
import { UpdatesPanel } from '../../renderer/src/features/settings/UpdatesPanel.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { fakeClient, operatorActor, session, type FakeClient } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const FEED = 'http://updates.depot.lan/depot-remote/';

afterEach(async () => {
  await chooseLanguage('en');
});

function status(state: UpdateStateDto, overrides: Partial<UpdateStatusDto> = {}): UpdateStatusDto {
  return {
    currentVersion: '1.2.0',
    feedUrl: FEED,
    runtime: 'install',
    state,
    lastCheckAt: null,
    ...overrides,
  };
}

const push = (client: FakeClient, update: UpdateStatusDto) =>
  client.emit({ name: 'update.changed', data: { update } });

describe('the Updates panel', () => {
  it('lets an admin set the feed, check, follow the download and restart to install', async () => {
    const client = fakeClient();
    renderWithStores(<UpdatesPanel />, client);
    const user = userEvent.setup();
    expect(await screen.findByText('Running version: 1.2.0')).toBeTruthy();
    expect(screen.getByTestId('updates-state').textContent).toBe('Not checked yet.');
    const check = screen.getByRole('button', { name: 'Check now' }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);

    await user.type(screen.getByRole('textbox', { name: /Update feed/ }), FEED);
    await user.click(screen.getByRole('button', { name: 'Save feed' }));
    expect(client.putUpdateSettings).toHaveBeenCalledWith({ body: { feedUrl: FEED } });
    expect(await screen.findByText('Update feed saved.')).toBeTruthy();

    client.checkForUpdates.mockResolvedValueOnce(
      status({
        kind: 'available',
        version: '1.3.0',
        releaseDate: '2026-11-30T09:00:00.000Z',
        notes: 'Backups.',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    await waitFor(() =>
      expect(screen.getByTestId('updates-state').textContent).toMatch(/^Version 1.3.0 is available/),
    );

    push(client, status({ kind: 'downloading', version: '1.3.0', percent: 42, bytesPerSecond: 1e6 }));
    const bar = await screen.findByRole('progressbar', { name: 'Download of the update' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(screen.getByTestId('updates-state').textContent).toBe('Downloading version 1.3.0: 42%.');

    push(client, status({ kind: 'ready', version: '1.3.0', notes: 'Backups.' }));
    expect(
      await screen.findByText('Version 1.3.0 is downloaded. It installs the next time the app restarts.'),
    ).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Restart now to install' }));
    expect(client.installUpdate).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Restarting to install version 1.3.0…')).toBeTruthy();
  });

  it('says why the restart was refused while commands are in flight', async () => {
    const client = fakeClient();
    client.getUpdates.mockResolvedValue(status({ kind: 'ready', version: '1.3.0', notes: null }));
    const reason =
      'Commands are in flight (1 command, 0 bulk commands): the update installs once they have ended, or at the next restart.';
    client.installUpdate.mockRejectedValue(
      new ClientError({
        status: 409,
        code: 'UPDATE_BUSY',
        message: reason,
        errors: [],
        params: { actions: 1, bulks: 0 },
      }),
    );
    renderWithStores(<UpdatesPanel />, client);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Restart now to install' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The app was not restarted')).toBeTruthy();
    expect(alert.textContent).toContain(reason);
  });

  it('shows release notes as plain text, never as HTML', async () => {
    const client = fakeClient();
    client.getUpdates.mockResolvedValue(
      status({
        kind: 'available',
        version: '1.3.0',
        releaseDate: null,
        notes: '<b>Bold</b><img src=x onerror="alert(1)">\nLine two',
      }),
    );
    const { container } = renderWithStores(<UpdatesPanel />, client);
    const notes = await screen.findByTestId('updates-notes');
    expect(notes.textContent).toBe('<b>Bold</b><img src=x onerror="alert(1)">\nLine two');
    expect(container.querySelector('b, img')).toBeNull();
    expect(screen.getByRole('heading', { name: 'What is new' })).toBeTruthy();
  });

  it('words a failed check and a refused feed from their codes', async () => {
    const client = fakeClient();
    client.getUpdates.mockResolvedValue(
      status({ kind: 'error', code: 'UPDATE_FEED_UNREACHABLE', params: { feed: FEED } }),
    );
    client.putUpdateSettings.mockRejectedValue(
      new ClientError({
        status: 400,
        code: 'UPDATE_FEED_INVALID',
        message: 'The update feed must not hold a user name or password.',
        errors: [],
        params: { reason: 'credentials' },
      }),
    );
    renderWithStores(<UpdatesPanel />, client);
    expect((await screen.findByTestId('updates-error')).textContent).toContain(
      `The update feed ${FEED} cannot be reached`,
    );
    const user = userEvent.setup();
    const input = screen.getByRole('textbox', { name: /Update feed/ });
    await user.clear(input);
    await user.type(input, 'http://admin:pw@updates.depot.lan/{enter}');
    expect(await screen.findByText('The update feed must not hold a user name or password.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a technician the feed without letting them change it or check', async () => {
    const technician = session({ actor: operatorActor('Tess', 'technician') });
    const client = fakeClient({ session: technician });
    client.getUpdates.mockResolvedValue(status({ kind: 'idle' }));
    renderWithStores(<UpdatesPanel />, client, undefined, { session: technician });
    expect((await screen.findByTestId('updates-feed')).textContent).toBe(`Update feed: ${FEED}`);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save feed' })).toBeNull();
  });

  it('tells how the headless agent is updated, and offers no restart', async () => {
    const client = fakeClient();
    client.getUpdates.mockResolvedValue(
      status({ kind: 'available', version: '2.0.0', releaseDate: null, notes: null }, { runtime: 'tell' }),
    );
    renderWithStores(<UpdatesPanel />, client);
    expect(
      await screen.findByText(/This agent does not install updates itself\. To update it: stop it/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restart now to install' })).toBeNull();
  });

  it('speaks French', async () => {
    await chooseLanguage('fr');
    const client = fakeClient();
    client.getUpdates.mockResolvedValue(status({ kind: 'up-to-date', latest: '1.2.0' }));
    renderWithStores(<UpdatesPanel />, client);
    expect(await screen.findByRole('heading', { name: 'Mises à jour' })).toBeTruthy();
    expect(screen.getByTestId('updates-state').textContent).toBe(
      'À jour : la source propose la version 1.2.0.',
    );
    expect(screen.getByRole('button', { name: 'Vérifier maintenant' })).toBeTruthy();
  });
});
