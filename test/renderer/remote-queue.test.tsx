// @vitest-environment jsdom
// The queue per vehicle and feature, and "send again", in the UI: a dangerous command to a busy feature is refused
// unless the technician ticks "Queue it behind the one in progress" (then sent with whenBusy=queue); a queued
// command shows its place in line (moving live), why it waits and when it expires, and can be cancelled (with a
// confirmation only for dangerous ones); a failed, expired or cancelled command can be sent again (and, where sleep
// stopped it, woken and retried), the new one opens and both timelines link to each other; the access policy
// applies as to sending (a supervisor approves a technician's).
import './helpers/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RemoteActionDto } from '../../preload/contract/dto.js';
import type { SessionDto } from '../../preload/contract/access.js';
import { SendRemotePanel } from '../../renderer/src/features/remotes/SendRemotePanel.js';
import { ActionTimeline } from '../../renderer/src/features/timeline/ActionTimeline.js';
import { ActionView } from '../../renderer/src/features/timeline/ActionView.js';
import { HistoryView } from '../../renderer/src/features/history/HistoryView.js';
import {
  action,
  fakeClient,
  GOOD_PIN,
  operatorActor,
  session,
  vehicle,
  type FakeClient,
} from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const text = (element: Element) => element.textContent ?? '';
const tess = session({ actor: operatorActor('Tess', 'technician', 'op-tess') });
const vic = session({ actor: operatorActor('Vic', 'viewer', 'op-vic') });

afterEach(() => vi.useRealTimers());

function queued(overrides: Partial<RemoteActionDto> = {}) {
  return action({
    remoteActionId: 'ra-q',
    type: 'Horn',
    remote: { horn: { state: 'Activated' } },
    phase: 'Queued',
    status: null,
    queue: { position: 2, expiresAt: '2026-01-01T10:10:00.000Z', reason: 'NETWORK_UNREACHABLE' },
    events: [],
    ...overrides,
  });
}

function failedLock(overrides: Partial<RemoteActionDto> = {}) {
  return action({
    remoteActionId: 'ra-f',
    type: 'Doors',
    remote: { door: { state: 'Locked' } },
    phase: 'Done',
    outcome: 'Failed',
    status: 'Failed',
    failureCause: 'CidInside',
    resend: { wakeFirst: false },
    events: [],
    ...overrides,
  });
}

async function openAction(actions: RemoteActionDto[], id: string, who?: SessionDto) {
  const client = fakeClient({ actions, ...(who ? { session: who } : {}) });
  const r = renderWithStores(
    <ActionView remoteActionId={id} />,
    client,
    undefined,
    who ? { session: who } : {},
  );
  await r.stores.vehicles.getState().load();
  return { ...r, user: userEvent.setup() };
}

describe('the send form: a dangerous command to a busy feature', () => {
  async function panel(type: 'Immobilization' | 'Doors') {
    const client = fakeClient({ actions: [] });
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type={type} />, client);
    await r.stores.callbacks.getState().load();
    return { ...r, user: userEvent.setup() };
  }

  it('says the agent will refuse it unless asked; ticked, it is sent with whenBusy=queue', async () => {
    const { client, stores, user } = await panel('Immobilization');
    stores.actions.getState().apply(
      action({
        remoteActionId: 'ra-1',
        type: 'Immobilization',
        remote: { immobilization: { activate: true } },
        phase: 'Pending',
      }),
    );
    const note = await screen.findByTestId('in-flight');
    expect(note.getAttribute('data-queue')).toBe('when-asked');
    expect(text(note)).toContain('An immobilization command is already in progress on Van 01');
    expect(text(note)).toContain(
      'the agent refuses it while the other is under way, unless you tick the box',
    );
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Lease unpaid, file 118');
    await user.type(screen.getByRole('textbox', { name: /Operator/ }), 'Ana');

    // Not ticked: sent as it is (the agent answers 409 and the form shows it).
    await user.click(screen.getByRole('button', { name: 'Immobilize…' }));
    await user.click(await screen.findByRole('button', { name: 'Immobilize Van 01' }));
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(1));
    expect(client.sent[0]).not.toHaveProperty('whenBusy');

    await user.click(screen.getByRole('checkbox', { name: 'Queue it behind the one in progress' }));
    expect(text(screen.getByTestId('in-flight'))).toContain('It will wait in the queue (position 1)');
    await user.click(screen.getByRole('button', { name: 'Immobilize…' }));
    await user.click(await screen.findByRole('button', { name: 'Immobilize Van 01' }));
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(2));
    expect(client.sent[1]).toMatchObject({ whenBusy: 'queue', reason: 'Lease unpaid, file 118' });
    // Asked for that one only: the box is clear again.
    await waitFor(() =>
      expect(
        (screen.getByRole('checkbox', { name: 'Queue it behind the one in progress' }) as HTMLInputElement)
          .checked,
      ).toBe(false),
    );
  });

  it('doors: unlocking is asked for, locking queues by itself', async () => {
    const { stores, user } = await panel('Doors');
    stores.actions.getState().apply(action({ remoteActionId: 'ra-1', type: 'Doors', phase: 'Pending' }));
    expect((await screen.findByTestId('in-flight')).getAttribute('data-queue')).toBe('auto');
    expect(screen.queryByRole('checkbox', { name: 'Queue it behind the one in progress' })).toBeNull();
    await user.click(screen.getByLabelText('Unlock'));
    expect(screen.getByTestId('in-flight').getAttribute('data-queue')).toBe('when-asked');
    expect(screen.getByRole('checkbox', { name: 'Queue it behind the one in progress' })).toBeTruthy();
  });

  it('keeps the live timeline in view once sent', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const client = fakeClient({ actions: [] });
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Horn" />, client);
    await r.stores.callbacks.getState().load();
    fireEvent.click(screen.getByRole('button', { name: 'Honk' }));
    const sent = await screen.findByTestId('sent-action');
    await waitFor(() => expect(scrolled.mock.contexts).toContain(sent));
    scrolled.mockRestore();
  });
});

describe('a queued command on its timeline', () => {
  it('shows its place in line, why it waits and when it expires, counting down', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:02:00.000Z'));
    renderWithStores(<ActionTimeline action={queued()} />);
    expect(screen.getByTestId('outcome-badge').textContent).toBe('Queued');
    expect(screen.getByTestId('queue-position').textContent).toBe('2nd in line');
    expect(screen.getByTestId('queue-reason').textContent).toContain(
      'Waiting for the vehicle network to answer',
    );
    expect(screen.getByTestId('queue-expiry').textContent).toBe('expires in 8 min');
    expect(screen.getByText('Waiting its turn…')).toBeTruthy();
    expect(screen.getAllByRole('listitem')[0]!.textContent).toContain('Queued');
  });

  it.each([
    ['SEND_INTERRUPTED', 'never sent twice'],
    ['WAKE_UP_FIRST', 'Waiting for the vehicle to wake up'],
    ['CALLBACK_PAUSED', 'its callback is paused'],
    [undefined, 'Waiting for the horn commands ahead of it to finish'],
  ] as const)('words the reason %s', (reason, words) => {
    renderWithStores(
      <ActionTimeline
        action={queued({ queue: { position: 1, expiresAt: null, ...(reason ? { reason } : {}) } })}
      />,
    );
    expect(screen.getByTestId('queue-reason').textContent).toContain(words);
    expect(screen.getByTestId('queue-position').textContent).toBe('Next in line');
    expect(screen.queryByTestId('queue-expiry')).toBeNull();
  });

  it('moves up the line live, as the ones before it leave (action.changed)', async () => {
    const { stores } = await openAction([queued()], 'ra-q');
    expect((await screen.findByTestId('queue-position')).textContent).toBe('2nd in line');
    stores.actions
      .getState()
      .apply(queued({ queue: { position: 1, expiresAt: '2026-01-01T10:10:00.000Z' } }));
    await waitFor(() => expect(screen.getByTestId('queue-position').textContent).toBe('Next in line'));
    expect(screen.getByTestId('queue-reason').textContent).toContain('ahead of it to finish');
    stores.actions.getState().apply(
      queued({
        phase: 'Pending',
        status: 'Accepted',
        queue: undefined,
        updatedAt: '2026-01-01T10:03:00.000Z',
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('queue-status')).toBeNull());
    expect(screen.getByTestId('outcome-badge').textContent).toBe('In progress');
  });

  it('is cancelled with one click (keyboard too), then offers to send it again', async () => {
    const { client, user } = await openAction([queued()], 'ra-q');
    const cancel = await screen.findByRole('button', { name: 'Cancel this command' });
    cancel.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.cancelRemote).toHaveBeenCalledTimes(1));
    expect(client.cancelRemote.mock.calls[0]![0]).toEqual({ rid: 'ra-q' });
    await waitFor(() => expect(screen.getByTestId('outcome-badge').textContent).toBe('Cancelled'));
    expect(screen.getByTestId('outcome-badge').getAttribute('data-phase')).toBe('Cancelled');
    expect(screen.queryByRole('button', { name: 'Cancel this command' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send again' })).toBeTruthy();
  });

  it('says so when it left the queue before the cancel arrived', async () => {
    const { client, user } = await openAction([queued()], 'ra-q');
    client.cancelRemote.mockRejectedValueOnce(
      Object.assign(new Error('gone'), {
        status: 409,
        code: 'ACTION_NOT_QUEUED',
        message: 'Action ra-q is Pending: only a command still waiting in the queue can be cancelled.',
        errors: [],
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Cancel this command' }));
    expect(text(await screen.findByTestId('error-summary'))).toContain('only a command still waiting');
  });

  it('a dangerous one is cancelled only once confirmed; "Keep it queued" has the focus', async () => {
    const immobilize = queued({
      type: 'Immobilization',
      remote: { immobilization: { activate: true } },
      reason: 'Lease unpaid',
    });
    const { client, user } = await openAction([immobilize], 'ra-q');
    await user.click(await screen.findByRole('button', { name: 'Cancel this command…' }));
    const dialog = await screen.findByRole('dialog');
    expect(text(dialog)).toContain('Cancel the queued immobilization of Van 01?');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it queued' })),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.cancelRemote).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel this command…' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel the command' }));
    await waitFor(() => expect(client.cancelRemote).toHaveBeenCalledTimes(1));
  });

  it('a viewer sees Cancel disabled, with the reason', async () => {
    await openAction([queued()], 'ra-q', vic);
    expect(
      (await screen.findByRole('button', { name: 'Cancel this command' })).hasAttribute('disabled'),
    ).toBe(true);
    expect(screen.getByTestId('action-commands-access').textContent).toContain(
      'Viewers cannot send commands',
    );
  });
});

describe('send again', () => {
  it('sends a failed command again from its timeline; the new one opens and both link to each other', async () => {
    const { client, stores, user } = await openAction([failedLock()], 'ra-f');
    await user.click(await screen.findByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(client.resendRemote).toHaveBeenCalledTimes(1));
    expect(client.resendRemote.mock.calls[0]![0]).toEqual({ rid: 'ra-f' });
    await waitFor(() =>
      expect(stores.router.getState().route).toEqual({ name: 'action', remoteActionId: 'ra-again-1' }),
    );
    expect(stores.actions.getState().byId['ra-again-1']?.resentFrom).toBe('ra-f');
    await waitFor(() => expect(stores.actions.getState().byId['ra-f']?.resentAs).toBe('ra-again-1'));
  });

  it('each timeline shows the link to the other', () => {
    renderWithStores(<ActionTimeline action={failedLock({ resend: undefined, resentAs: 'ra-again-1' })} />);
    const as = screen.getByTestId('resent-as');
    expect(as.textContent).toContain('Sent again as command');
    expect(within(as).getByRole('link').getAttribute('href')).toBe('#/actions/ra-again-1');
    // Once sent again, it is not offered again (send the new one again instead).
    expect(screen.queryByRole('button', { name: 'Send again' })).toBeNull();

    renderWithStores(
      <ActionTimeline action={action({ remoteActionId: 'ra-again-1', resentFrom: 'ra-f' })} />,
    );
    const from = screen.getByTestId('resent-from');
    expect(from.textContent).toContain('Sent again from command');
    expect(within(from).getByRole('link').getAttribute('href')).toBe('#/actions/ra-f');
  });

  it('offers "Wake and retry" where sleep stopped it, sending a wake-up first', async () => {
    const asleep = failedLock({ failureCause: 'VehicleConnectionTimeout', resend: { wakeFirst: true } });
    const { client, user } = await openAction([asleep], 'ra-f');
    expect((await screen.findByTestId('wake-and-retry-why')).textContent).toContain('sends a wake-up first');
    await user.click(screen.getByRole('button', { name: 'Wake and retry' }));
    await waitFor(() => expect(client.resendRemote).toHaveBeenCalledTimes(1));
    expect(client.resendRemote.mock.calls[0]![0]).toEqual({ rid: 'ra-f', wakeFirst: true });
  });

  it('does not offer wake and retry where sleep was not the cause, nor anything on a success', async () => {
    await openAction([failedLock()], 'ra-f');
    await screen.findByRole('button', { name: 'Send again' });
    expect(screen.queryByRole('button', { name: 'Wake and retry' })).toBeNull();
  });

  it('a technician sends a dangerous one again with a reason and a supervisor’s approval', async () => {
    const immobilization = failedLock({
      type: 'Immobilization',
      remote: { immobilization: { activate: true } },
      reason: 'Lease unpaid',
      failureCause: 'VehicleInUse',
    });
    const { client, user } = await openAction([immobilization], 'ra-f', tess);
    expect((await screen.findByTestId('action-commands-access')).textContent).toContain(
      'Needs a supervisor (ask one to approve, or sign in as one)',
    );
    await user.click(screen.getByRole('button', { name: 'Send again…' }));
    const confirm = await screen.findByTestId('resend-confirm');
    expect(text(confirm)).toContain('"Immobilize" goes to Van 01 again');
    const reason = within(confirm).getByRole('textbox', { name: /Reason/ }) as HTMLTextAreaElement;
    expect(reason.value).toBe('Lease unpaid');
    await user.clear(reason);
    await user.click(within(confirm).getByRole('button', { name: 'Send again' }));
    expect(await within(confirm).findByText(/Give the reason/)).toBeTruthy();
    expect(client.resendRemote).not.toHaveBeenCalled();
    await user.type(reason, 'Lease still unpaid');
    await user.type(within(confirm).getByRole('textbox', { name: /Operator/ }), 'Tess');
    await user.click(within(confirm).getByRole('button', { name: 'Send again' }));
    const approval = await screen.findByTestId('approval-dialog');
    expect(text(approval)).toContain('Sending "Immobilize" to Van 01 again needs a supervisor');
    const select = within(approval).getByRole('combobox', { name: 'Approved by' }) as HTMLInputElement;
    await waitFor(() => expect(select.value).not.toBe(''));
    await user.type(within(approval).getByLabelText('Their PIN'), `${GOOD_PIN}{Enter}`);
    await waitFor(() => expect(client.resendRemote).toHaveBeenCalledTimes(1));
    expect(client.resendRemote.mock.calls[0]![0]).toMatchObject({
      rid: 'ra-f',
      reason: 'Lease still unpaid',
      operator: 'Tess',
      approver: expect.any(String),
      approverPin: GOOD_PIN,
    });
  });

  it('a viewer sees send again disabled, with the reason', async () => {
    await openAction([failedLock()], 'ra-f', vic);
    expect((await screen.findByRole('button', { name: 'Send again' })).hasAttribute('disabled')).toBe(true);
  });

  it('the send form follows the new one when a command is sent again from it', async () => {
    const client: FakeClient = fakeClient({ actions: [] });
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Doors" />, client);
    await r.stores.callbacks.getState().load();
    client.getRemote.mockResolvedValueOnce(failedLock({ remoteActionId: 'ra-sent-1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock the doors' }));
    const sent = await screen.findByTestId('sent-action');
    fireEvent.click(await within(sent).findByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(within(sent).getByTestId('resent-from').textContent).toContain('ra-sent'));
  });
});

describe('the new phases in lists', () => {
  it('history filters on Queued and Cancelled', async () => {
    const client = fakeClient({ actions: [queued()] });
    renderWithStores(<HistoryView />, client);
    const user = userEvent.setup();
    await waitFor(() => expect(client.listRemotes).toHaveBeenCalled());
    await user.click(screen.getByRole('combobox', { name: 'State' }));
    for (const name of ['Cancelled (never sent)', 'Expired (never sent)'])
      expect(await screen.findByRole('option', { name, hidden: true })).toBeTruthy();
    await user.click(await screen.findByRole('option', { name: 'Queued (waiting its turn)', hidden: true }));
    await waitFor(() =>
      expect(client.listRemotes).toHaveBeenLastCalledWith(expect.objectContaining({ phase: 'Queued' })),
    );
  });

  it.each([
    ['Queued', 'Queued', 'in-progress'],
    ['Cancelled', 'Cancelled', 'failure'],
    ['Expired', 'Expired', 'failure'],
  ] as const)('a %s action has its own badge', (phase, words, verdict) => {
    renderWithStores(<ActionTimeline action={action({ phase, events: [] })} />);
    const badge = screen.getByTestId('outcome-badge');
    expect(badge.textContent).toBe(words);
    expect(badge.getAttribute('data-verdict')).toBe(verdict);
  });
});

describe('the actions store', () => {
  it('does not notify whoever cancelled a command; a cancel from elsewhere is news', async () => {
    const { createActionsStore } = await import('../../renderer/src/stores/actions-store.js');
    const completed: string[] = [];
    const client = fakeClient({ actions: [queued(), queued({ remoteActionId: 'ra-other' })] });
    const store = createActionsStore(client, { onCompleted: (a) => completed.push(a.remoteActionId) });
    await store.getState().open('ra-q');
    await store.getState().open('ra-other');
    expect(await store.getState().cancel({ rid: 'ra-q' })).toEqual({ ok: true, remoteActionId: 'ra-q' });
    expect(store.getState().byId['ra-q']!.phase).toBe('Cancelled');
    // Its event follows: the same state, no news.
    store.getState().apply({ ...store.getState().byId['ra-q']!, events: undefined });
    expect(completed).toEqual([]);
    store.getState().apply(
      queued({
        remoteActionId: 'ra-other',
        phase: 'Cancelled',
        queue: undefined,
        updatedAt: '2026-01-01T10:05:00Z',
      }),
    );
    expect(completed).toEqual(['ra-other']);
  });
});
