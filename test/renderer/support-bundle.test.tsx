// @vitest-environment jsdom
// Settings' "Support bundle": an admin saves the agent's bundle as depot-remote-support-<UTC time>.json and is told
// where it went (and when the database check found problems); a refusal is said; others see the button disabled
// and that it is for admins; the words follow the language.
import './helpers/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SupportBundlePanel } from '../../renderer/src/features/settings/SupportBundlePanel.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { failure, fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { captureDownloads, readBlob } from './helpers/downloads.js';
import { renderWithStores } from './helpers/render.js';

const FILE = 'depot-remote-support-2026-03-01T100000.000Z.json';

let blobs: Blob[];
let clicked: string[];

beforeEach(() => {
  ({ blobs, clicked } = captureDownloads('blob:support'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await chooseLanguage('en');
});

describe('the support bundle', () => {
  it('saves the agent’s bundle for an admin and says under which name', async () => {
    const client = fakeClient();
    renderWithStores(<SupportBundlePanel />, client);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download support bundle' }));
    await waitFor(() => expect(clicked).toEqual([FILE]));
    expect(client.getDiagnostics).toHaveBeenCalledTimes(1);
    const saved = JSON.parse(await readBlob(blobs[0]!)) as { versions: { app: string } };
    expect(saved).toEqual(await client.getDiagnostics.mock.results[0]!.value);
    expect(blobs[0]!.type).toContain('application/json');
    expect(screen.getByRole('status').textContent).toBe(
      `Saved as ${FILE}. Secrets are removed; read it before you send it.`,
    );
    expect(screen.queryByTestId('support-bundle-admins-only')).toBeNull();
  });

  it('says when the database check found problems', async () => {
    const client = fakeClient();
    const bundle = await client.getDiagnostics();
    client.getDiagnostics.mockResolvedValue({
      ...bundle,
      database: { present: true, integrity: { ok: false, result: ['row 3 missing from index'] } },
    });
    renderWithStores(<SupportBundlePanel />, client);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download support bundle' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('found problems'));
    expect(clicked).toEqual([FILE]);
  });

  it('says why nothing was saved when the agent refuses', async () => {
    const client = fakeClient();
    client.getDiagnostics.mockRejectedValue(failure(403, 'FORBIDDEN', 'Only an admin may do this.'));
    renderWithStores(<SupportBundlePanel />, client);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download support bundle' }));
    expect(await screen.findByText('The support bundle could not be made')).toBeTruthy();
    expect(clicked).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('is shown to a technician disabled, saying it is for admins', async () => {
    const technician = session({ actor: operatorActor('Tess', 'technician') });
    const client = fakeClient({ session: technician });
    renderWithStores(<SupportBundlePanel />, client, undefined, { session: technician });
    const button = screen.getByRole('button', { name: 'Download support bundle' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('support-bundle-admins-only').textContent).toContain('Admins only');
    expect(button.getAttribute('aria-describedby')).toBe('support-bundle-admins');
    expect(client.getDiagnostics).not.toHaveBeenCalled();
  });

  it('speaks French', async () => {
    await chooseLanguage('fr');
    const client = fakeClient();
    renderWithStores(<SupportBundlePanel />, client);
    expect(screen.getByRole('heading', { name: 'Dossier de support' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Télécharger le dossier de support' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        `Enregistré sous ${FILE}. Les secrets sont retirés ; relisez-le avant de l’envoyer.`,
      ),
    );
  });
});
