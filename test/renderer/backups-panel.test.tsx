// @vitest-environment jsdom
// The Backups panel (issue 18), from the keyboard: the settings saved with a write-only passphrase, "Back up now",
// and "Restore…" opening a dialog that says what a restore does, asks the passphrase of an encrypted backup, shows
// a refusal in words (nothing changed), and says "restarting" once the agent accepted. Others see who may use it.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientError } from '../../preload/contract/client.js';
import type { BackupsOverviewDto } from '../../preload/contract/backups.js';
import { BackupsPanel } from '../../renderer/src/features/settings/BackupsPanel.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const ENCRYPTED = 'depot-remote-2026-03-02T08-00-00-000Z.backup';
const PLAIN = 'depot-remote-manual-2026-03-01T10-00-00-000Z.backup';

const OVERVIEW: BackupsOverviewDto = {
  settings: { folder: '/var/lib/depot-remote/backups', keep: 7, enabled: true, passphraseSet: true },
  lastResult: null,
  running: false,
  backups: [
    {
      name: ENCRYPTED,
      createdAt: '2026-03-02T08:00:00.000Z',
      bytes: 2_500_000,
      encrypted: true,
      kind: 'scheduled',
    },
    {
      name: PLAIN,
      createdAt: '2026-03-01T10:00:00.000Z',
      bytes: 2_400_000,
      encrypted: false,
      kind: 'manual',
    },
  ],
};

function client() {
  const c = fakeClient();
  c.getBackups.mockResolvedValue(OVERVIEW);
  c.putBackupSettings.mockResolvedValue(OVERVIEW);
  return c;
}

afterEach(async () => {
  await chooseLanguage('en');
});

describe('the Backups panel', () => {
  it('restores an encrypted backup from the keyboard: says what happens, asks the passphrase, then restarting', async () => {
    const c = client();
    c.restoreFromBackup
      .mockRejectedValueOnce(
        new ClientError({
          status: 422,
          code: 'PASSPHRASE_WRONG',
          // What the agent answers (in English; the page words the code itself in its language).
          message: `The backup ${ENCRYPTED} does not open with this passphrase: give the one it was made with (if it is that one, the file was altered: use another copy).`,
          errors: [],
          params: { name: ENCRYPTED },
        }),
      )
      .mockResolvedValueOnce({
        name: ENCRYPTED,
        createdAt: '2026-03-02T08:00:00.000Z',
        schemaVersion: 11,
        appVersion: '1.0.0',
      });
    c.health.mockRejectedValue(new Error('down'));
    const user = userEvent.setup();
    renderWithStores(<BackupsPanel />, c);
    const table = await screen.findByRole('table', { name: 'Backups in the folder' });
    const rows = within(table).getAllByRole('row');
    // Newest first, with its kind and "Encrypted".
    expect(rows[1]!.textContent).toContain('Daily');
    expect(rows[1]!.textContent).toContain('Encrypted');
    expect(rows[2]!.textContent).toContain('By hand');

    const restore = within(rows[1]!).getByRole('button', { name: /Restore the backup taken/ });
    restore.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Restore a backup' });
    for (const said of [/stops its work/, /is replaced/, /kept aside/, /sign in again/])
      expect(dialog.textContent).toMatch(said);
    const passphrase = within(dialog).getByLabelText(/Passphrase of this backup/);
    await waitFor(() => expect(document.activeElement).toBe(passphrase));
    await user.keyboard('wrong one{Enter}');
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toContain('The backup was not restored; nothing was changed');
    expect(refusal.textContent).toContain(`The backup ${ENCRYPTED} does not open with this passphrase`);
    expect(c.restoreFromBackup).toHaveBeenLastCalledWith({
      name: ENCRYPTED,
      body: { passphrase: 'wrong one' },
    });

    await user.clear(passphrase);
    await user.type(passphrase, 'correct horse battery staple{Enter}');
    expect((await screen.findByTestId('backups-restarting')).textContent).toMatch(/restarting/);
    expect(c.restoreFromBackup).toHaveBeenLastCalledWith({
      name: ENCRYPTED,
      body: { passphrase: 'correct horse battery staple' },
    });
  });

  it('backs up now and saves the settings without ever showing the passphrase', async () => {
    const c = client();
    const user = userEvent.setup();
    renderWithStores(<BackupsPanel />, c);
    await screen.findByRole('table', { name: 'Backups in the folder' });
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText(/Backup written: depot-remote-manual-/)).toBeTruthy();

    const field = screen.getByLabelText(/New passphrase/) as HTMLInputElement;
    expect(field.value).toBe('');
    const keep = screen.getByLabelText(/Daily backups kept/);
    await user.clear(keep);
    await user.type(keep, '14');
    await user.type(field, 'a new long passphrase');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(c.putBackupSettings).toHaveBeenCalledWith({
        body: {
          folder: '/var/lib/depot-remote/backups',
          keep: 14,
          enabled: true,
          passphrase: 'a new long passphrase',
        },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Remove the passphrase' }));
    await waitFor(() =>
      expect(c.putBackupSettings).toHaveBeenLastCalledWith({ body: { clearPassphrase: true } }),
    );
  });

  it('shows others who may use it, and asks the agent nothing', async () => {
    const c = client();
    const sam = session({ actor: operatorActor('Sam', 'supervisor', 'op-sam') });
    renderWithStores(<BackupsPanel />, c, undefined, { session: sam });
    expect((await screen.findByTestId('backups-admins-only')).textContent).toContain('Admins only');
    expect(c.getBackups).not.toHaveBeenCalled();
  });

  it('speaks French', async () => {
    await chooseLanguage('fr');
    renderWithStores(<BackupsPanel />, client());
    expect(await screen.findByRole('heading', { name: 'Sauvegardes' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Sauvegarder maintenant' })).toBeTruthy();
  });
});
