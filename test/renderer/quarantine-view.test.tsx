// @vitest-environment jsdom
// The quarantine under Deliveries: the attention list (filters, pages, keyboard), an entry read whole with its
// body as received (never run), replay with its outcome in words, resolve with a reason, and new entries live.
import './helpers/dom.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  QuarantineDetailDto,
  QuarantineEntryDto,
  QuarantinePageDto,
  QuarantineReplayDto,
} from '../../preload/contract/quarantine.js';
import { Routes } from '../../renderer/src/app/Routes.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { bodyView, indentJson } from '../../renderer/src/features/quarantine/quarantine-text.js';
import { QuarantineView } from '../../renderer/src/features/quarantine/QuarantineView.js';
import { createStores, startLive } from '../../renderer/src/stores/app-stores.js';
import { parseRoute, pathOf } from '../../renderer/src/stores/router-store.js';
import { action, failure, fakeClient, type FakeClient } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const MB = 1024 * 1024;

function entry(overrides: Partial<QuarantineEntryDto> = {}): QuarantineEntryDto {
  return {
    id: 7,
    callbackId: 'cb-1',
    receivedAt: '2026-01-01T10:00:00.000Z',
    reason: 'UNKNOWN_ACTION',
    message: 'The notification names remote actions this agent does not know.',
    errorCount: 1,
    contentType: 'application/json',
    size: 120,
    remoteActionIds: ['up-1'],
    remoteActionIdCount: 1,
    replays: 0,
    lastReplayAt: null,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    ...overrides,
  };
}

function detail(overrides: Partial<QuarantineDetailDto> = {}): QuarantineDetailDto {
  return {
    ...entry(),
    errors: [{ field: 'events.0.remoteActionId', message: 'No remote action up-1 is known here.' }],
    body: '{"events":[{"remoteActionId":"up-1","big":12345678901234567890,"empty":{}}]}',
    bodyEncoding: 'utf8',
    headers: { 'user-agent': 'Stellantis-Notifier/2', 'content-type': 'application/json' },
    remoteAddress: '10.0.0.5',
    ...overrides,
  };
}

function page(items: QuarantineEntryDto[], overrides: Partial<QuarantinePageDto> = {}): QuarantinePageDto {
  return {
    items,
    total: items.length,
    limit: 50,
    offset: 0,
    unresolved: items.filter((e) => e.resolvedAt === null).length,
    capacity: { bytes: MB, capBytes: 100 * MB, waitingBytes: 0, full: false },
    ...overrides,
  };
}

/** The shared fake client, with the quarantine and connection operations answered here. */
function quarantineClient(items: QuarantineEntryDto[] = [entry()]): FakeClient {
  const client = fakeClient();
  Object.assign(client, {
    listQuarantine: vi.fn(async () => page(items)),
    getQuarantine: vi.fn(async ({ id }: { id: number }) => detail({ id })),
    replayQuarantine: vi.fn(),
    resolveQuarantine: vi.fn(),
    checkConnection: vi.fn(async () => null),
    connectionRateLimit: vi.fn(async () => ({ budget: null })),
  });
  return client;
}

/** The app's pages on the quarantine route, as the router shows them. */
function renderApp(client: FakeClient, route = '#/deliveries/quarantine') {
  const stores = createStores(client);
  stores.router.getState().navigate(parseRoute(route));
  stores.session.getState().setOperator('alice');
  return renderWithStores(<Routes />, client, stores);
}

const rows = () => screen.queryAllByTestId('quarantine-row');
/** The list's reads (the capacity notice reads one entry on its own). */
const listReads = (client: FakeClient) =>
  client.listQuarantine.mock.calls.map(([query]) => query).filter((q) => q?.limit === 50);
const lastListRead = (client: FakeClient) => listReads(client).at(-1);

describe('the quarantine list', () => {
  it('shows what needs attention by default, with each column, and filters and pages through the API', async () => {
    const client = quarantineClient([
      entry({ id: 9, remoteActionIds: ['up-1', 'up-2', 'up-3', 'up-4'], remoteActionIdCount: 140 }),
      entry({
        id: 8,
        reason: 'SCHEMA_MISMATCH',
        errorCount: 250,
        remoteActionIds: [],
        remoteActionIdCount: 0,
      }),
    ]);
    const stores = createStores(client);
    await stores.callbacks.getState().load();
    renderWithStores(<QuarantineView />, client, stores);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(lastListRead(client)).toEqual({ unresolved: true, limit: 50, offset: 0 });
    const [first, second] = rows();
    expect(first!.textContent).toContain('depot'); // the callback by its name
    expect(first!.textContent).toContain('Unknown remote action');
    expect(first!.textContent).toContain('up-3');
    expect(first!.textContent).not.toContain('up-4');
    expect(first!.textContent).toContain('and 137 more');
    expect(first!.textContent).toContain('Needs attention');
    expect(second!.textContent).toContain('Not a notification');
    expect(second!.textContent).toContain('250');
    expect(screen.getByTestId('quarantine-total').textContent).toBe('2 kept notifications');

    const user = userEvent.setup();
    client.listQuarantine.mockResolvedValue(
      page([
        entry({ id: 3, resolvedAt: '2026-01-01T11:00:00.000Z', resolvedBy: 'bob', resolution: 'Dismissed' }),
      ]),
    );
    await user.click(screen.getByRole('radio', { name: 'Resolved' }));
    await waitFor(() => expect(lastListRead(client)).toEqual({ unresolved: false, limit: 50, offset: 0 }));
    await waitFor(() => expect(rows()[0]!.textContent).toContain('Resolved by bob, nothing applied'));

    client.listQuarantine.mockResolvedValue(page([entry()], { total: 120 }));
    await user.click(screen.getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(lastListRead(client)).toEqual({ limit: 50, offset: 0 }));
    await user.click(await screen.findByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(lastListRead(client)).toEqual({ limit: 50, offset: 100 }));
  });

  it('says when nothing needs attention, and when the agent has no quarantine', async () => {
    renderWithStores(<QuarantineView />, quarantineClient([]));
    expect(await screen.findByText(/Nothing needs attention/)).toBeTruthy();

    const older = quarantineClient();
    older.listQuarantine.mockRejectedValue(failure(404, 'ROUTE_NOT_FOUND', 'No route.'));
    renderWithStores(<QuarantineView />, older);
    expect((await screen.findByTestId('not-available')).textContent).toContain('not available');
  });

  it('is reached from the Deliveries page, with how many need attention', async () => {
    const client = quarantineClient([entry({ id: 1 }), entry({ id: 2 })]);
    renderApp(client, '#/deliveries');
    const tabs = screen.getByRole('navigation', { name: 'Deliveries' });
    const link = within(tabs).getByRole('link', { name: /Quarantine/ });
    expect(link.getAttribute('href')).toBe('#/deliveries/quarantine');
    await waitFor(() =>
      expect(within(link).getByTestId('quarantine-count').textContent).toBe('2 need attention'),
    );
    expect(within(tabs).getByRole('link', { name: 'Outbox' }).getAttribute('aria-current')).toBe('page');
  });

  it('has its own addresses: the list and each entry', () => {
    expect(parseRoute('#/deliveries/quarantine')).toEqual({ name: 'quarantine' });
    expect(parseRoute('#/deliveries/quarantine/42')).toEqual({ name: 'quarantine-entry', entryId: 42 });
    expect(parseRoute('#/deliveries/quarantine/abc')).toEqual({ name: 'quarantine' });
    expect(parseRoute('#/deliveries/quarantine/0')).toEqual({ name: 'quarantine' });
    expect(parseRoute('#/deliveries')).toEqual({ name: 'deliveries' });
    expect(pathOf({ name: 'quarantine-entry', entryId: 42 })).toBe('#/deliveries/quarantine/42');
    expect(pathOf({ name: 'quarantine' })).toBe('#/deliveries/quarantine');
  });
});

describe('a kept notification', () => {
  it('opens from its focused row with Enter and shows the body as received, its headers and problems', async () => {
    const client = quarantineClient();
    client.getQuarantine.mockResolvedValue(
      detail({
        errorCount: 250,
        errors: Array.from({ length: 100 }, (_, i) => ({
          field: `events.${i}.eventStatus`,
          message: 'Required.',
        })),
      }),
    );
    const { stores } = renderApp(client);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const user = userEvent.setup();
    expect(rows()[0]!.tabIndex).toBe(0);
    act(() => rows()[0]!.focus());
    await user.keyboard('{Enter}');
    expect(stores.router.getState().route).toEqual({ name: 'quarantine-entry', entryId: 7 });
    expect(client.getQuarantine).toHaveBeenCalledWith({ id: 7 });
    const heading = await screen.findByRole('heading', { name: 'Kept notification 7' });
    expect(document.activeElement).toBe(heading);

    const body = await screen.findByTestId('quarantine-body');
    expect(body.dataset.kind).toBe('json');
    // Indented, with every digit of the number kept (a parse would round it) and the empty object compact.
    expect(body.textContent).toBe(
      [
        '{',
        '  "events": [',
        '    {',
        '      "remoteActionId": "up-1",',
        '      "big": 12345678901234567890,',
        '      "empty": {}',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    );
    await user.click(screen.getByRole('radio', { name: 'Exactly as received' }));
    expect(screen.getByTestId('quarantine-body').textContent).toBe(detail().body);

    const headers = screen.getByTestId('quarantine-headers');
    expect(headers.textContent).toContain('user-agentStellantis-Notifier/2');
    expect(within(screen.getByTestId('quarantine-errors')).getAllByRole('listitem')).toHaveLength(100);
    expect(screen.getByTestId('quarantine-errors-more').textContent).toContain('and 150 more');
    expect(screen.getByText('10.0.0.5')).toBeTruthy();
    expect(screen.getByTestId('quarantine-action-ids').textContent).toContain('up-1');
  });

  it('shows a body that is not JSON as text, never as markup, and bytes that are not UTF-8 as base64', async () => {
    const hostile = '<img src=x onerror="window.__ran=1"><script>window.__ran=1</script>';
    const client = quarantineClient();
    client.getQuarantine.mockResolvedValue(detail({ reason: 'MALFORMED_JSON', body: hostile }));
    renderApp(client, '#/deliveries/quarantine/7');
    const body = await screen.findByTestId('quarantine-body');
    expect(body.dataset.kind).toBe('text');
    expect(body.textContent).toBe(hostile);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __ran?: number }).__ran).toBeUndefined();
    expect(screen.getByText(/not JSON: shown as text/)).toBeTruthy();

    expect(bodyView({ body: '/w==', bodyEncoding: 'base64' })).toEqual({ kind: 'base64', text: '/w==' });
  });

  it('re-indents JSON without changing a token', () => {
    expect(indentJson('{"a\\"}":"x,[y]","b":[1,-2.5e+3,true,null,[]],"c":{"d":"é"}}')).toBe(
      [
        '{',
        '  "a\\"}": "x,[y]",',
        '  "b": [',
        '    1,',
        '    -2.5e+3,',
        '    true,',
        '    null,',
        '    []',
        '  ],',
        '  "c": {',
        '    "d": "é"',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(indentJson(' [ ] ')).toBe('[]');
    expect(indentJson('"\\\\"')).toBe('"\\\\"');
  });

  it('replays and says what happened, in words, for each outcome', async () => {
    const client = quarantineClient();
    const outcome = (
      o: QuarantineReplayDto['outcome'],
      stored: number,
      duplicates = 0,
    ): QuarantineReplayDto => ({
      outcome: o,
      stored,
      duplicates,
      entry: entry(),
    });
    renderApp(client, '#/deliveries/quarantine/7');
    const user = userEvent.setup();
    const replay = await screen.findByRole('button', { name: 'Replay' });
    await waitFor(() => expect(replay.hasAttribute('disabled')).toBe(false));

    client.replayQuarantine.mockResolvedValueOnce(outcome('StillUnknownAction', 1));
    await user.click(replay);
    expect(client.replayQuarantine).toHaveBeenLastCalledWith({ id: 7, operator: 'alice' });
    let said = await screen.findByTestId('replay-outcome');
    expect(said.textContent).toContain('Still waiting for an unknown remote action');
    expect(said.textContent).toContain('1 event of known remote actions stored');

    client.replayQuarantine.mockResolvedValueOnce(outcome('StillInvalid', 0));
    await user.click(screen.getByRole('button', { name: 'Replay' }));
    await waitFor(() => expect(screen.getByTestId('replay-outcome').textContent).toContain('Still invalid'));
    expect(screen.getByTestId('replay-outcome').textContent).toContain('nothing was applied');

    client.replayQuarantine.mockResolvedValueOnce(outcome('Applied', 2, 1));
    client.getQuarantine.mockResolvedValue(
      detail({ resolvedAt: '2026-01-01T12:00:00.000Z', resolvedBy: 'alice', resolution: 'Replayed' }),
    );
    await user.click(screen.getByRole('button', { name: 'Replay' }));
    await waitFor(() => expect(screen.getByTestId('replay-outcome').textContent).toContain('Applied'));
    said = screen.getByTestId('replay-outcome');
    expect(said.textContent).toContain(
      '2 events stored (1 event was already stored). The notification is resolved.',
    );
    // Read again: it is handled, so there is nothing left to replay or resolve.
    await waitFor(() => expect(screen.getByTestId('quarantine-state').textContent).toBe('Replayed by alice'));
    expect(screen.getByRole('button', { name: 'Replay' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Resolve' }).hasAttribute('disabled')).toBe(true);
  });

  it('resolves with the reason given, and shows a refusal', async () => {
    const client = quarantineClient();
    renderApp(client, '#/deliveries/quarantine/7');
    const user = userEvent.setup();
    const resolve = await screen.findByRole('button', { name: 'Resolve' });
    await waitFor(() => expect(resolve.hasAttribute('disabled')).toBe(false));

    client.resolveQuarantine.mockRejectedValueOnce(
      failure(
        409,
        'QUARANTINE_RESOLVED',
        'Quarantined notification 7 was already handled (Dismissed by bob).',
      ),
    );
    await user.click(resolve);
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Reason/), '  sent by a test system ');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    expect(client.resolveQuarantine).toHaveBeenLastCalledWith({
      id: 7,
      operator: 'alice',
      reason: 'sent by a test system',
    });
    expect((await screen.findByTestId('error-summary')).textContent).toContain('already handled');

    client.resolveQuarantine.mockResolvedValueOnce(entry({ resolvedAt: '2026-01-01T12:00:00.000Z' }));
    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    const again = await screen.findByRole('dialog');
    // A new dialog: the reason typed before is not kept.
    expect((within(again).getByLabelText(/Reason/) as HTMLTextAreaElement).value).toBe('');
    await user.click(within(again).getByRole('button', { name: 'Resolve' }));
    expect(client.resolveQuarantine).toHaveBeenLastCalledWith({ id: 7, operator: 'alice' });
    expect(await screen.findByText('Resolved: it no longer needs attention.')).toBeTruthy();
    expect(screen.queryByTestId('error-summary')).toBeNull();
  });

  it('words each problem from its rule and values, and shows an older stored message as it is', async () => {
    const client = quarantineClient();
    client.getQuarantine.mockResolvedValue(
      detail({
        errorCount: 3,
        errors: [
          {
            field: 'events[0].remoteActionId',
            rule: 'notification.required',
            params: { what: 'remoteActionId' },
          },
          {
            field: 'events[1].eventStatus',
            rule: 'notification.unreadableStatus',
            params: { type: 'Done', status: 'Exploded' },
          },
          { field: 'events[2].vin', message: 'Expected vin as text (or null), got 42.' },
        ],
      }),
    );
    renderApp(client, '#/deliveries/quarantine/7');
    const problems = () =>
      within(screen.getByTestId('quarantine-errors'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    await waitFor(() => expect(problems()).toHaveLength(3));
    expect(problems()[0]).toContain('Required: the remote action id.');
    expect(problems()[1]).toContain(
      "type 'Done' with status 'Exploded' is not an event status the agent can read",
    );
    expect(problems()[2]).toContain('Expected vin as text (or null), got 42.');
  });

  it('says when the entry does not exist', async () => {
    const client = quarantineClient();
    client.getQuarantine.mockRejectedValue(
      failure(404, 'QUARANTINE_NOT_FOUND', 'No quarantined notification with id 99.'),
    );
    renderApp(client, '#/deliveries/quarantine/99');
    expect((await screen.findByTestId('error-summary')).textContent).toContain('No quarantined notification');
  });
});

describe('the quarantine, live', () => {
  it('shows a new entry as it is kept, and reads again when another operator handles one', async () => {
    const client = quarantineClient([entry({ id: 7 })]);
    const stores = createStores(client);
    const stop = startLive(stores);
    renderWithStores(<QuarantineView />, client, stores);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const reads = listReads(client).length;

    act(() =>
      client.emit({ name: 'quarantine.added', data: { entry: entry({ id: 8, reason: 'MALFORMED_JSON' }) } }),
    );
    await waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual(['8', '7']));
    expect(rows()[0]!.textContent).toContain('Not JSON');
    expect(screen.getByTestId('quarantine-total').textContent).toBe('2 kept notifications');
    expect(stores.quarantine.getState().unresolved).toBe(2);
    expect(listReads(client)).toHaveLength(reads);

    // Resolved elsewhere: no event of its own, only its audit entry.
    client.listQuarantine.mockResolvedValue(page([entry({ id: 8, reason: 'MALFORMED_JSON' })]));
    act(() =>
      client.emit({
        name: 'audit.appended',
        data: {
          entry: {
            seq: 9,
            at: '2026-01-01T10:00:00.000Z',
            operator: 'bob',
            action: 'quarantine.resolve',
            vin: null,
            remoteActionId: null,
            callbackId: 'cb-1',
            reason: null,
            detail: null,
            actor: null,
          },
        },
      }),
    );
    await waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual(['8']));
    stop();
  });

  it('reads again once the action an entry waits for appears (the receiver replays it by itself)', async () => {
    const client = quarantineClient([entry({ id: 7, remoteActionIds: ['up-1'] })]);
    const stores = createStores(client);
    const stop = startLive(stores);
    renderWithStores(<QuarantineView />, client, stores);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const reads = listReads(client).length;

    act(() =>
      client.emit({ name: 'action.changed', data: { action: action({ remoteActionId: 'ra-other' }) } }),
    );
    // An action no entry waits for changes nothing here (reads again are 300 ms after the last change).
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(listReads(client)).toHaveLength(reads);
    client.listQuarantine.mockResolvedValue(page([]));
    act(() =>
      client.emit({
        name: 'action.changed',
        data: { action: action({ remoteActionId: 'ra-1', upstreamRemoteActionId: 'up-1' }) },
      }),
    );
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(listReads(client)).toHaveLength(reads + 1);
    stop();
  });
});

describe('a kept notification in French', () => {
  afterEach(async () => {
    await chooseLanguage('en');
  });

  it('words its problems in French', async () => {
    await chooseLanguage('fr');
    const client = quarantineClient();
    client.getQuarantine.mockResolvedValue(
      detail({
        errors: [
          { field: 'remoteActionId', rule: 'notification.unknownAction', params: { id: 'up-1', count: 2 } },
          {
            field: 'events[0].eventDate',
            rule: 'notification.dateTime',
            params: { what: 'eventDate', got: 'yesterday' },
          },
        ],
        errorCount: 2,
      }),
    );
    renderApp(client, '#/deliveries/quarantine/7');
    const list = await screen.findByTestId('quarantine-errors');
    const [unknown, date] = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(unknown).toContain('Aucune commande up-1 n’est connue de cet agent (2 événements).');
    expect(date).toContain(
      'Attendu : la date de l’événement en date-heure RFC 3339 avec décalage, par ex. 2024-05-01T08:00:01Z ' +
        '(reçu : yesterday).',
    );
  });
});
