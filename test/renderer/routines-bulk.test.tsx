// @vitest-environment jsdom
// Bulk commands in the UI (issue 16) with the fake client: the preview is the agent's dry run (who would be sent,
// who is skipped and why; nothing sent); a command changed after it asks for a new one; Confirm starts the bulk and
// its page shows the counts, the bar and each vehicle's line, moving with bulk.changed, and a browser notification
// says once that it finished; Immobilization asks for the reason and a second confirmation as a single send does;
// Cancel asks first (Keep sending has the focus) and stops the vehicles not yet sent; the report downloads as
// bulk-<id>.csv; the list page shows the recent bulks with their figures.
import './helpers/dom.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionDto } from '../../preload/contract/access.js';
import type { BulkSummaryDto } from '../../preload/contract/routines.js';
import { Routes } from '../../renderer/src/app/Routes.js';
import { createStores, startLive } from '../../renderer/src/stores/app-stores.js';
import { parseRoute } from '../../renderer/src/stores/router-store.js';
import { ALL_TYPES, fakeClient, operatorActor, session, vehicle } from './helpers/fake-client.js';
import { bulk, bulkItem, group } from './helpers/fake-routines.js';
import { renderWithStores } from './helpers/render.js';
import { captureDownloads, readBlob } from './helpers/downloads.js';
import { virtualScroller } from './helpers/virtual-scroller.js';

const capable = Object.fromEntries(ALL_TYPES.map((t) => [t, { supported: true }]));
const FLEET = [
  vehicle({ id: 'v-1', vin: 'VR3UHZKX0RT000101', label: 'Van 01' }),
  vehicle({
    id: 'v-2',
    vin: 'VR3UHZKX0RT000102',
    label: 'Loaner 09',
    capabilities: { ...capable, Doors: { supported: false, reason: 'e-remote-only' } },
  }),
  vehicle({ id: 'v-3', vin: 'VR3UHZKX0RT000103', label: 'Exec 11', states: ['Stolen'] }),
];
const GROUP = group({ id: 'grp-1', name: 'Evening vans', vehicleIds: ['v-1', 'v-2', 'v-3'] });
const TESS = session({ actor: operatorActor('Tess', 'technician') });

let restoreScroller: () => void;
beforeEach(() => {
  restoreScroller = virtualScroller('bulk-items-scroller', 600);
});
afterEach(() => {
  restoreScroller();
  vi.restoreAllMocks();
});

async function open(
  route: string,
  options: { who?: SessionDto; fixtures?: Parameters<typeof fakeClient>[0]; live?: boolean } = {},
) {
  const client = fakeClient({ vehicles: FLEET, groups: [GROUP], ...options.fixtures });
  const finished: BulkSummaryDto[] = [];
  const stores = createStores(client, { onBulkFinished: (b) => finished.push(b) });
  stores.router.getState().navigate(parseRoute(route));
  const r = renderWithStores(<Routes />, client, stores, { session: options.who ?? TESS });
  if (options.live) startLive(stores);
  await act(async () => {
    await stores.vehicles.getState().load();
    await stores.callbacks.getState().load();
  });
  return { ...r, finished, user: userEvent.setup() };
}

const dryRuns = (client: ReturnType<typeof fakeClient>) =>
  client.startBulkRemote.mock.calls.filter(([input]) => input.dryRun === true);
const starts = (client: ReturnType<typeof fakeClient>) =>
  client.startBulkRemote.mock.calls.filter(([input]) => input.dryRun !== true);

async function preview(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { level: 1, name: 'Send a command to “Evening vans”' });
  await user.click(screen.getByRole('button', { name: 'Preview' }));
  return screen.findByTestId('bulk-preview');
}

describe('preparing a bulk command', () => {
  it('previews who would be sent and who is skipped and why, sending nothing', async () => {
    const { user, client } = await open('#/groups/grp-1/send');
    const shown = await preview(user);
    expect(dryRuns(client)).toHaveLength(1);
    expect(dryRuns(client)[0]![0]).toEqual({
      dryRun: true,
      body: { remote: { door: { state: 'Locked' } }, callbackId: 'cb-1', groupId: 'grp-1' },
    });
    expect(starts(client)).toHaveLength(0);
    expect(within(shown).getByTestId('preview-summary').textContent).toContain(
      '1 of 3 vehicles would be sent the command; 2 skipped.',
    );
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Cannot do this command: 1', 'In stolen mode: 1']);
    const lines = within(shown).getAllByTestId('bulk-item');
    expect(lines.map((l) => [l.getAttribute('data-vehicle-id'), l.getAttribute('data-state')])).toEqual([
      ['v-1', 'queued'],
      ['v-2', 'skipped'],
      ['v-3', 'skipped'],
    ]);
    expect(within(lines[1]!).getByTestId('item-why').textContent).toBe('Cannot do this command');
    expect(within(lines[2]!).getByTestId('item-why').textContent).toBe('In stolen mode');
  });

  it('asks for a new preview when the command changes after it', async () => {
    const { user } = await open('#/groups/grp-1/send');
    await preview(user);
    expect(screen.getByTestId('bulk-confirm')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Unlock' }));
    await waitFor(() => expect(screen.queryByTestId('bulk-preview')).toBeNull());
    expect(screen.queryByTestId('bulk-confirm')).toBeNull();
    expect(screen.getByText(/The command changed since the preview/)).toBeTruthy();
  });

  it('says what to do when no vehicle is ticked', async () => {
    await open('#/bulks/new');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Send a command to selected vehicles' }),
    ).toBeTruthy();
    expect(screen.getByText(/No vehicle is selected/)).toBeTruthy();
  });
});

describe('confirming and following a bulk command', () => {
  it('starts it on Confirm; its page shows the counts and moves with bulk.changed; one notification at the end', async () => {
    const { user, client, stores, finished } = await open('#/groups/grp-1/send', { live: true });
    await preview(user);
    await user.click(screen.getByRole('button', { name: 'Confirm: send to 1 vehicle' }));
    await waitFor(() => expect(stores.router.getState().route.name).toBe('bulk'));
    expect(starts(client)[0]![0]).toEqual({
      body: { remote: { door: { state: 'Locked' } }, callbackId: 'cb-1', groupId: 'grp-1' },
    });
    const route = stores.router.getState().route as { name: 'bulk'; bulkId: string };
    expect(await screen.findByRole('heading', { level: 1, name: 'Doors: Lock to 3 vehicles' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('count-queued').textContent).toBe('1'));
    expect(screen.getByTestId('count-skipped').textContent).toBe('2');
    expect(screen.getByText('2 of 3 vehicles settled (67%)')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '2 of 3 vehicles settled' })).toBeTruthy();
    expect(screen.getByTestId('bulk-status').textContent).toBe('Running');

    // The agent sends Van 01, then it is done: each step comes as bulk.changed with the counts.
    act(() => {
      const sent = client.routines.settle(route.bulkId, (i) =>
        i.state === 'queued' ? { state: 'sent', remoteActionId: 'ra-9' } : {},
      );
      client.emit({ name: 'bulk.changed', data: { bulk: sent } });
    });
    await waitFor(() => expect(screen.getByTestId('count-sent').textContent).toBe('1'));
    const van = await screen.findByRole('link', { name: 'Open the command of Van 01' });
    expect(van.getAttribute('href')).toBe('#/actions/ra-9');
    expect(finished).toHaveLength(0);
    act(() => {
      const done = client.routines.settle(route.bulkId, (i) =>
        i.state === 'sent' ? { state: 'done', outcome: 'Success' } : {},
      );
      client.emit({ name: 'bulk.changed', data: { bulk: done } });
      client.emit({ name: 'bulk.changed', data: { bulk: done } });
    });
    await waitFor(() => expect(screen.getByTestId('bulk-status').textContent).toBe('Finished'));
    expect(screen.getByTestId('count-done').textContent).toBe('1');
    expect(screen.getByText('3 of 3 vehicles settled (100%)')).toBeTruthy();
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('bulk-item')
          .find((l) => l.getAttribute('data-vehicle-id') === 'v-1')!
          .getAttribute('data-state'),
      ).toBe('done'),
    );
    // Announced once, with its figures.
    expect(finished).toHaveLength(1);
    expect(finished[0]!.counts).toMatchObject({ total: 3, done: 1, skipped: 2 });
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('asks for the reason, the operator and a second confirmation before immobilizing a group', async () => {
    const { user, client } = await open('#/groups/grp-1/send', {
      who: session({ actor: operatorActor('Sam', 'supervisor') }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Send a command to “Evening vans”' });
    await user.click(screen.getByRole('combobox', { name: 'Command' }));
    await user.click(await screen.findByRole('option', { name: /^Immobilization/, hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByTestId('bulk-preview');
    // Van 01 and Loaner 09; Exec 11 is in stolen mode.
    const confirm = screen.getByRole('button', { name: 'Confirm: send to 2 vehicles' });
    await user.click(confirm);
    expect(screen.getAllByText(/Give the reason \(at least 5 characters\)/).length).toBeGreaterThan(0);
    expect(starts(client)).toHaveLength(0);
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Depot closed for the holidays');
    await user.type(screen.getByRole('textbox', { name: 'Operator' }), 'Sam');
    await user.click(confirm);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Immobilize 2 vehicles?')).toBeTruthy();
    await user.click(within(dialog).getByTestId('confirm-danger'));
    await waitFor(() => expect(starts(client)).toHaveLength(1));
    expect(starts(client)[0]![0]).toMatchObject({
      body: { remote: { immobilization: { activate: true } }, groupId: 'grp-1' },
      reason: 'Depot closed for the holidays',
      operator: 'Sam',
    });
  });
});

const RUNNING = bulk({
  bulkId: 'bulk-7',
  items: [
    bulkItem({ vehicleId: 'v-1', label: 'Van 01', state: 'sent', remoteActionId: 'ra-1' }),
    bulkItem({ vehicleId: 'v-2', label: 'Loaner 09', state: 'queued' }),
    bulkItem({ vehicleId: 'v-3', label: 'Exec 11', state: 'queued' }),
  ],
});

describe('a running bulk command', () => {
  it('is cancelled only once confirmed: Keep sending has the focus and Escape keeps it going', async () => {
    const { user, client } = await open('#/bulks/bulk-7', { fixtures: { bulks: [RUNNING] } });
    await screen.findByRole('heading', { level: 1, name: 'Doors: Lock to 3 vehicles' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/The 2 vehicles not yet sent will not be sent/)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep sending' })),
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.cancelBulkRemote).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the bulk command' }));
    await waitFor(() => expect(screen.getByTestId('bulk-status').textContent).toBe('Cancelled'));
    expect(client.cancelBulkRemote).toHaveBeenCalledWith({ bulkId: 'bulk-7' });
    expect(screen.getByTestId('count-cancelled').textContent).toBe('2');
    expect(screen.getByTestId('count-sent').textContent).toBe('1');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('cannot be cancelled by a viewer, who is told who may', async () => {
    await open('#/bulks/bulk-7', {
      fixtures: { bulks: [RUNNING] },
      who: session({ actor: operatorActor('Vic', 'viewer') }),
    });
    const cancel = (await screen.findByRole('button', { name: 'Cancel' })) as HTMLButtonElement;
    expect(cancel.disabled).toBe(true);
    expect(cancel.getAttribute('title')).toContain('needs a technician');
  });

  it('downloads its report as bulk-<id>.csv, the agent CSV as it came', async () => {
    const { blobs, links: clicked } = captureDownloads('blob:report');
    const { user, client } = await open('#/bulks/bulk-7', { fixtures: { bulks: [RUNNING] } });
    await user.click(await screen.findByRole('button', { name: 'Download report' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(client.getBulkRemoteReport).toHaveBeenCalledWith({ bulkId: 'bulk-7' });
    expect(clicked[0]).toEqual({ download: 'bulk-bulk-7.csv', href: 'blob:report' });
    const text = await readBlob(blobs[0]!);
    expect(text.split('\r\n')[0]).toBe('VIN,label,state,outcome,failure cause,reason,sent at,ended at');
    expect(text.split('\r\n')).toHaveLength(4);
    expect(blobs[0]!.type).toContain('text/csv');
    expect(screen.getByText('Report downloaded (bulk-bulk-7.csv).')).toBeTruthy();
  });
});

describe('the bulk commands list', () => {
  it('shows the recent bulks with their status and figures, each opening its page', async () => {
    await open('#/bulks', {
      fixtures: {
        bulks: [
          RUNNING,
          bulk({
            bulkId: 'bulk-3',
            status: 'finished',
            items: [bulkItem({ state: 'done' }), bulkItem({ vehicleId: 'v-2', state: 'skipped' })],
          }),
        ],
      },
    });
    const rows = await screen.findAllByTestId('bulk-row');
    expect(rows.map((r) => within(r).getByTestId('bulk-row-counts').textContent)).toEqual([
      '2 waiting its turn · 1 sent',
      '1 skipped · 1 done',
    ]);
    expect(within(rows[1]!).getByText('Finished')).toBeTruthy();
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('#/bulks/bulk-7');
  });
});
