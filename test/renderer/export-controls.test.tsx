// @vitest-environment jsdom
// The Export forms of the Audit and History pages: a period of days and a format, saved as the file the agent
// answers; shown only to those the agent lets export; a refusal worded in the page's language.
import './helpers/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditView } from '../../renderer/src/features/audit/AuditView.js';
import { defaultPeriod, periodQuery } from '../../renderer/src/features/exports/export-period.js';
import { HistoryView } from '../../renderer/src/features/history/HistoryView.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { failure, fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { captureDownloads, readBlob } from './helpers/downloads.js';
import { renderWithStores } from './helpers/render.js';

const supervisor = session({ actor: operatorActor('Sam', 'supervisor') });
const technician = session({ actor: operatorActor('Tess', 'technician') });

let blobs: Blob[];
let clicked: string[];

beforeEach(() => {
  ({ blobs, clicked } = captureDownloads('blob:export'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await chooseLanguage('en');
});

function setPeriod(panel: HTMLElement, from: string, to: string) {
  fireEvent.change(within(panel).getByLabelText('From'), { target: { value: from } });
  fireEvent.change(within(panel).getByLabelText('To (included)'), { target: { value: to } });
}

describe('the period', () => {
  it('runs from the first day’s start to the end of the last day, in local time', () => {
    const { from, to } = periodQuery('2026-01-01', '2026-01-31');
    expect(new Date(from).getTime()).toBe(new Date(2026, 0, 1).getTime());
    expect(new Date(to).getTime()).toBe(new Date(2026, 1, 1).getTime());
    expect(defaultPeriod(new Date(2026, 2, 10))).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });
});

describe('the audit export', () => {
  it('saves the agent’s file for an admin, in the chosen format and period', async () => {
    const client = fakeClient();
    client.exportAudit.mockResolvedValue('{"seq":1}\n');
    renderWithStores(<AuditView />, client);
    const panel = await screen.findByTestId('audit-export');
    setPeriod(panel, '2026-01-01', '2026-01-31');
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('combobox', { name: 'Format' }));
    await user.click(await screen.findByRole('option', { name: 'JSON Lines', hidden: true }));
    await user.click(within(panel).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(clicked).toEqual(['audit-2026-01-01-2026-01-31.jsonl']));
    expect(client.exportAudit).toHaveBeenCalledWith({
      ...periodQuery('2026-01-01', '2026-01-31'),
      format: 'jsonl',
    });
    expect(await readBlob(blobs[0]!)).toBe('{"seq":1}\n');
    expect(blobs[0]!.type).toContain('application/x-ndjson');
    expect(within(panel).getByRole('status').textContent).toBe('Saved as audit-2026-01-01-2026-01-31.jsonl.');
  });

  it('is not offered to a supervisor', async () => {
    renderWithStores(<AuditView />, fakeClient({ session: supervisor }), undefined, { session: supervisor });
    await screen.findByRole('heading', { name: 'Audit log' });
    expect(screen.queryByTestId('audit-export')).toBeNull();
  });

  it('shows the agent’s refusal in French', async () => {
    await chooseLanguage('fr');
    const client = fakeClient();
    client.exportAudit.mockRejectedValue(
      failure(400, 'VALIDATION_FAILED', 'The export period or format is not valid.', [
        {
          field: 'to',
          message: 'The end of the period (b) must come after its start (a).',
          rule: 'export.periodOrder',
          params: { from: 'a', to: 'b' },
        },
      ]),
    );
    renderWithStores(<AuditView />, client);
    const panel = await screen.findByTestId('audit-export');
    fireEvent.click(within(panel).getByRole('button', { name: 'Télécharger' }));
    expect(
      await within(panel).findByText('La fin de la période (b) doit venir après son début (a).'),
    ).toBeTruthy();
    expect(clicked).toEqual([]);
  });
});

describe('the history export', () => {
  it('saves the commands of the period for a supervisor', async () => {
    const client = fakeClient({ session: supervisor });
    renderWithStores(<HistoryView />, client, undefined, { session: supervisor });
    const panel = await screen.findByTestId('history-export');
    setPeriod(panel, '2026-02-01', '2026-02-01');
    fireEvent.click(within(panel).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(clicked).toEqual(['history-2026-02-01-2026-02-01.csv']));
    expect(client.exportRemotes).toHaveBeenCalledWith({
      ...periodQuery('2026-02-01', '2026-02-01'),
      format: 'csv',
    });
    expect(blobs[0]!.type).toContain('text/csv');
  });

  it('is not offered to a technician', async () => {
    renderWithStores(<HistoryView />, fakeClient({ session: technician }), undefined, {
      session: technician,
    });
    await screen.findByRole('heading', { name: 'History' });
    expect(screen.queryByTestId('history-export')).toBeNull();
  });
});
