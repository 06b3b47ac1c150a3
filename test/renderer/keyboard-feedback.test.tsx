// @vitest-environment jsdom
// What the keyboard and a screen reader are told after acting (issue 17): a refused form brings its error summary
// into view and gives it the focus — once per refusal, never while the person is typing the fix —; a created
// callback is said in a toast inside a status region that was there before it (so it is read out), which goes by
// itself or with Dismiss; an admin page opened by someone else keeps its title as the heading that gets the focus.
import './helpers/dom.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppLayout } from '../../renderer/src/app/AppLayout.js';
import { Routes } from '../../renderer/src/app/Routes.js';
import { StatusToasts } from '../../renderer/src/components/StatusToasts.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { parseRoute } from '../../renderer/src/stores/router-store.js';
import { createToastsStore } from '../../renderer/src/stores/toasts-store.js';
import { callback, failure, fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const REFUSED = () =>
  failure(400, 'VALIDATION_FAILED', 'The callback is not valid.', [
    { field: 'callback.webhook.target', message: 'Give the webhook URL.' },
  ]);

let scrolled: Element[] = [];
beforeEach(() => {
  scrolled = [];
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this);
  });
});
afterEach(() => vi.restoreAllMocks());

function open(route: string, client = fakeClient(), who = session()) {
  const stores = createStores(client);
  stores.router.getState().navigate(parseRoute(route));
  const r = renderWithStores(
    <>
      <Routes />
      <StatusToasts />
    </>,
    client,
    stores,
    { session: who },
  );
  return { ...r, user: userEvent.setup() };
}

describe('a refused form', () => {
  it('puts the focus on its error summary, in view, once per refusal and never while typing', async () => {
    const client = fakeClient();
    client.createCallback.mockRejectedValueOnce(REFUSED()).mockRejectedValueOnce(REFUSED());
    const { user } = open('#/callbacks/new', client);
    const create = await screen.findByRole('button', { name: 'Create callback' });
    await user.click(create);
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(scrolled).toContain(summary);
    // Focusable from script only: not a tab stop of its own.
    expect(summary.getAttribute('tabindex')).toBe('-1');
    // Typing the fix keeps the focus in the field.
    const name = screen.getByRole('textbox', { name: /^Name/ });
    await user.type(name, 'depot');
    expect(document.activeElement).toBe(name);
    // Refused again: the summary takes the focus again.
    await user.click(create);
    await waitFor(() => expect(client.createCallback).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('error-summary')));
  });

  it('says its own checks the same way (a schedule without a name), the focus left in the field being fixed', async () => {
    const { user } = open('#/schedules/new');
    await user.click(await screen.findByRole('button', { name: 'Create schedule' }));
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain('Check the highlighted fields.');
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, 'Lock at night');
    expect(document.activeElement).toBe(name);
  });
});

describe('success', () => {
  it('a created callback is said in the status region, which was there before it', async () => {
    const client = fakeClient();
    client.createCallback.mockResolvedValueOnce(
      callback({
        id: 'cb-new',
        callbackId: 'cb-new',
        subscribe: { ...callback().subscribe, label: 'Parts desk' },
      }),
    );
    const { user, stores } = open('#/callbacks/new', client);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'erp');
    await user.type(screen.getByRole('textbox', { name: /^Target URL/ }), 'https://parts.example/hook');
    await user.click(screen.getByRole('button', { name: 'Create callback' }));
    await waitFor(() => expect(region.textContent).toBe('Callback “Parts desk” created.'));
    // The page moved on to the new callback; the message stays, and never took the focus.
    expect(stores.router.getState().route).toEqual({ name: 'callback', callbackId: 'cb-new' });
    expect(region.contains(document.activeElement)).toBe(false);
    await user.click(within(region).getByRole('button', { name: 'Dismiss' }));
    expect(region.textContent).toBe('');
  });

  it('messages go by themselves, three at most at once', () => {
    vi.useFakeTimers();
    try {
      const toasts = createToastsStore({ ms: 1000 });
      for (const m of ['one', 'two', 'three', 'four']) toasts.getState().show(m);
      expect(toasts.getState().items.map((t) => t.message)).toEqual(['two', 'three', 'four']);
      vi.advanceTimersByTime(999);
      expect(toasts.getState().items).toHaveLength(3);
      vi.advanceTimersByTime(1);
      expect(toasts.getState().items).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an admin page opened by a technician', () => {
  it('keeps the page title as its heading, and opening it puts the focus there', async () => {
    const client = fakeClient();
    const stores = createStores(client);
    renderWithStores(<AppLayout />, client, stores, {
      session: session({ actor: operatorActor('Tess', 'technician') }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Fleet' });
    act(() => stores.router.getState().navigate({ name: 'tokens' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Tokens' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByTestId('admins-only-page').textContent).toContain('Admins only');
    expect(client.listTokens).not.toHaveBeenCalled();
  });
});
