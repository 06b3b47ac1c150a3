// @vitest-environment jsdom
// The built-in callback ("This workstation") in the UI: the send form picks it unless someone chose another (or it
// is paused), the list marks it "Built in" and says its notifications stay here, and its page edits its name only,
// with no test notification, delete button or delivery log.
import './helpers/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CallbackDto } from '../../preload/contract/dto.js';
import { CallbackPage } from '../../renderer/src/features/callbacks/CallbackPage.js';
import { CallbacksView } from '../../renderer/src/features/callbacks/CallbacksView.js';
import { SendRemotePanel } from '../../renderer/src/features/remotes/SendRemotePanel.js';
import { ALL_TYPES, callback, fakeClient, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

function builtIn(overrides: Partial<CallbackDto> = {}): CallbackDto {
  return callback({
    _links: { self: { href: '/api/v1/callbacks/workstation' }, remotes: { href: '/x', templated: true } },
    id: 'workstation',
    callbackId: 'workstation',
    subscribe: { label: 'This workstation', remoteTypes: ALL_TYPES },
    builtIn: true,
    ...overrides,
  });
}

/** A site callback created before the workstation's (listed first, as an older agent would). */
const site = () => callback({ subscribe: { ...callback().subscribe, label: 'Depot systems' } });

async function sendForm(callbacks: CallbackDto[]) {
  const client = fakeClient({ callbacks });
  const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Horn" />, client);
  await r.stores.callbacks.getState().load();
  return { ...r, user: userEvent.setup() };
}

const honk = () => fireEvent.submit(screen.getByRole('button', { name: 'Honk' }).closest('form')!);

describe('the send form', () => {
  it('picks "This workstation" by default and sends through it', async () => {
    const { client } = await sendForm([site(), builtIn()]);
    const picker = await screen.findByRole('combobox', { name: 'Callback' });
    await waitFor(() => expect((picker as HTMLInputElement).value).toBe('This workstation'));
    expect(screen.getByText(/Notifications stay on this workstation: the history/)).toBeTruthy();
    honk();
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(1));
    expect(client.sent[0]).toMatchObject({ cbid: 'workstation', body: { horn: { state: 'Activated' } } });
  });

  it('sends through the callback the technician chose instead', async () => {
    const { client, user } = await sendForm([site(), builtIn()]);
    await user.click(await screen.findByRole('combobox', { name: 'Callback' }));
    await user.click(await screen.findByRole('option', { name: 'Depot systems', hidden: true }));
    honk();
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(1));
    expect(client.sent[0]!.cbid).toBe('cb-1');
  });

  it('falls back to a running site callback while the built-in one is paused', async () => {
    const { client } = await sendForm([builtIn({ status: 'Paused' }), site()]);
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Callback' }) as HTMLInputElement).value).toBe(
        'Depot systems',
      ),
    );
    honk();
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(1));
    expect(client.sent[0]!.cbid).toBe('cb-1');
  });
});

describe('the callbacks list', () => {
  it('marks the built-in one and says where its notifications go instead of a webhook', async () => {
    const client = fakeClient({ callbacks: [builtIn(), site()] });
    const r = renderWithStores(<CallbacksView />, client);
    await r.stores.callbacks.getState().load();
    const rows = await screen.findAllByTestId('callback-row');
    expect(rows).toHaveLength(2);
    const [mine, theirs] = rows as [HTMLElement, HTMLElement];
    expect(within(mine).getByTestId('built-in-badge').textContent).toBe('Built in');
    expect(within(mine).getByText('Notifications stay on this workstation')).toBeTruthy();
    expect(within(mine).getByText('None needed')).toBeTruthy();
    expect(within(theirs).queryByTestId('built-in-badge')).toBeNull();
    expect(within(theirs).getByText('https://depot.example/hook')).toBeTruthy();
  });
});

describe('the built-in callback’s page', () => {
  async function page() {
    const client = fakeClient({ callbacks: [builtIn(), site()] });
    const r = renderWithStores(<CallbackPage callbackId="workstation" />, client);
    await r.stores.callbacks.getState().load();
    await screen.findByRole('form', { name: 'Edit callback' });
    return { ...r, user: userEvent.setup() };
  }

  it('edits its name only, saying why the rest is not there', async () => {
    const { client, user } = await page();
    const form = screen.getByRole('form', { name: 'Edit callback' });
    expect(within(form).getByTestId('built-in-explanation').textContent).toMatch(
      /no webhook, so there is nothing to retry, batch, sign or authenticate/,
    );
    for (const gone of [/^Target URL/, /^Label/, /Signing secret/]) {
      expect(within(form).queryByRole('textbox', { name: gone })).toBeNull();
    }
    expect(within(form).queryByRole('group', { name: /Remote types/ })).toBeNull();
    const name = within(form).getByRole('textbox', { name: /^Name/ });
    expect((name as HTMLInputElement).value).toBe('This workstation');
    await user.clear(name);
    await user.type(name, 'Front desk');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(client.replaceCallback).toHaveBeenCalledTimes(1));
    expect(client.replaceCallback).toHaveBeenCalledWith(
      expect.objectContaining({ cbid: 'workstation', body: { label: 'Front desk' } }),
    );
  });

  it('can be paused, and has no test notification, delete button or delivery log', async () => {
    const { client, user } = await page();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send test notification' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Delivery log' })).toBeNull();
    expect(screen.getByTestId('no-delivery-log').textContent).toMatch(/there is no delivery log/);
    expect(client.listDeliveries).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() =>
      expect(client.setCallbackStatus).toHaveBeenCalledWith(
        expect.objectContaining({ cbid: 'workstation', body: { status: 'Paused' } }),
      ),
    );
  });
});
