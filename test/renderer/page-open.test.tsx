// @vitest-environment jsdom
// Every page opens at its top with the focus on its heading (the frame does it on each navigation, and for a
// heading that comes after a loader, when it appears — unless the person put the focus elsewhere meanwhile); a
// change inside a page (the vehicle's feature) is not an opening, nor is the first page shown (as a page load, it is
// left to the browser). After sending, the command's live timeline is brought into view.
import './helpers/dom.js';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppLayout } from '../../renderer/src/app/AppLayout.js';
import { pageKeyOf, usePageOpen } from '../../renderer/src/components/use-page-open.js';
import { SendRemotePanel } from '../../renderer/src/features/remotes/SendRemotePanel.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { action, fakeClient, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

/** jsdom scrolls nothing: an element's scroll position is made a plain value the page may set. */
function scrolledTo(el: Element, top: number) {
  Object.defineProperty(el, 'scrollTop', { value: top, writable: true, configurable: true });
}

describe('opening a page', () => {
  it('starts at the top with the heading focused, on every navigation but a choice inside the page', async () => {
    const client = fakeClient({ vehicles: [vehicle({ id: 'veh-1', label: 'Van 01' })] });
    const stores = createStores(client);
    renderWithStores(<AppLayout />, client, stores);
    await act(async () => {
      await stores.vehicles.getState().load();
    });
    await screen.findByRole('heading', { level: 1, name: 'Fleet' });
    expect(document.activeElement).toBe(document.body);
    // Scrolled down, then a vehicle opens (from low in the list): at the top, with its name focused.
    const main = document.getElementById('main')!;
    scrolledTo(main, 400);
    scrolledTo(document.documentElement, 900);
    act(() => stores.router.getState().navigate({ name: 'vehicle', vehicleId: 'veh-1' }));
    const name = await screen.findByRole('heading', { level: 1, name: 'Van 01' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(main.scrollTop).toBe(0);
    expect(document.documentElement.scrollTop).toBe(0);
    // Choosing a feature changes the address, not the page: the focus stays on the choice.
    const horn = screen.getByTestId('feature-horn');
    horn.focus();
    act(() => stores.router.getState().navigate({ name: 'vehicle', vehicleId: 'veh-1', feature: 'horn' }));
    await screen.findByRole('button', { name: 'Honk' });
    expect(document.activeElement).toBe(horn);
    act(() => stores.router.getState().navigate({ name: 'history' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'History' })),
    );
  });

  function Page({ pageKey, ready }: { pageKey: string; ready: boolean }) {
    usePageOpen(pageKey, 'page');
    return (
      <div id="page">
        <input aria-label="Elsewhere" />
        {ready ? <h1>Loaded</h1> : <p>Loading…</p>}
      </div>
    );
  }

  it('focuses a heading that comes after a loader, unless the focus was put elsewhere meanwhile', async () => {
    const { rerender } = render(<Page pageKey="start" ready />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Page pageKey="a" ready={false} />);
    rerender(<Page pageKey="a" ready />);
    const heading = await screen.findByRole('heading', { name: 'Loaded' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    // The heading gets tabIndex −1: focusable, not a tab stop.
    expect(heading.getAttribute('tabindex')).toBe('-1');
    rerender(<Page pageKey="b" ready={false} />);
    screen.getByRole('textbox', { name: 'Elsewhere' }).focus();
    rerender(<Page pageKey="b" ready />);
    await screen.findByRole('heading', { name: 'Loaded' });
    await new Promise((r) => setTimeout(r, 20));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Elsewhere' }));
  });

  it('one key per page: a vehicle and its features are one page', () => {
    expect(pageKeyOf({ name: 'vehicle', vehicleId: 'v1', feature: 'horn' })).toBe(
      pageKeyOf({ name: 'vehicle', vehicleId: 'v1' }),
    );
    expect(pageKeyOf({ name: 'vehicle', vehicleId: 'v1' })).not.toBe(
      pageKeyOf({ name: 'vehicle', vehicleId: 'v2' }),
    );
    expect(pageKeyOf({ name: 'action', remoteActionId: 'a' })).not.toBe(pageKeyOf({ name: 'history' }));
  });
});

describe('after sending', () => {
  let scrolled: Element[] = [];
  beforeEach(() => {
    scrolled = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('brings the live timeline into view', async () => {
    const client = fakeClient({ actions: [] });
    client.getRemote.mockImplementation(async ({ rid }) =>
      action({ remoteActionId: rid, type: 'Horn', remote: { horn: { state: 'Activated' } }, events: [] }),
    );
    const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type="Horn" />, client);
    await act(async () => {
      await r.stores.callbacks.getState().load();
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Honk' }));
    const sent = await screen.findByTestId('sent-action');
    await waitFor(() => expect(scrolled).toContain(sent));
  });
});
