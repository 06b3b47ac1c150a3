// @vitest-environment jsdom
// The shell and its page's first rows in one render (first-data.ts): signed in on the fleet, the shell waits for the
// vehicles (never showing the fleet's own "loading"), but never longer than FIRST_DATA_WAIT_MS; once shown it stays
// while the data reloads. A dialog of the shell, mounted when first opened (use-opened-once.ts), opens and closes
// as before. The fleet's first render draws the rows in view, those beyond it follow once painted; its single-
// choice filters are the browser's selects.
import './helpers/dom.js';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { VehicleSummaryDto } from '../../preload/contract/dto.js';
import { App } from '../../renderer/src/app/App.js';
import { FleetView } from '../../renderer/src/features/fleet/FleetView.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { FIRST_DATA_WAIT_MS } from '../../renderer/src/app/first-data.js';
import { fakeClient, operatorActor, session, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';
import { virtualScroller } from './helpers/virtual-scroller.js';

const tess = session({ actor: operatorActor('Tess', 'technician', 'op-tess') });
const VANS = [vehicle({ id: 'v-1', label: 'Van 01' }), vehicle({ id: 'v-2', label: 'Van 02' })];

type Page = { items: VehicleSummaryDto[]; total: number; limit: number; offset: number };

/** The vehicles' answer, held until `answer()` is called. */
function heldVehicles() {
  let answer!: () => void;
  const client = fakeClient({ session: tess, vehicles: VANS });
  const real = client.listVehicles.getMockImplementation()!;
  const held = new Promise<void>((resolve) => (answer = resolve));
  client.listVehicles.mockImplementation(async (...args: Parameters<typeof real>) => {
    await held;
    return (await real(...args)) as Page;
  });
  return { client, answer };
}

/** Notes whether an element with this accessible label was ever added to the page. */
function watchFor(label: string) {
  let seen = false;
  const observer = new MutationObserver(() => {
    if (document.querySelector(`[aria-label="${label}"]`)) seen = true;
  });
  observer.observe(document.body, { subtree: true, childList: true });
  return { seen: () => seen, stop: () => observer.disconnect() };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe('the first paint of a page', () => {
  it('draws the shell with the fleet rows in one render, once the vehicles are there', async () => {
    restore = virtualScroller('fleet-scroller', 400);
    const { client, answer } = heldVehicles();
    const fleetLoading = watchFor('Loading the fleet');
    renderWithStores(<App />, client, undefined, { session: null });
    await waitFor(() => expect(client.listVehicles).toHaveBeenCalled());
    // Signed in, the vehicles asked for: the page still says it is connecting, no shell yet.
    expect(screen.getByLabelText('Connecting to the agent')).toBeTruthy();
    expect(screen.queryByTestId('session-menu')).toBeNull();
    answer();
    await screen.findByTestId('session-menu');
    expect(screen.getAllByTestId('vehicle-row').map((r) => r.getAttribute('data-vehicle-id'))).toEqual([
      'v-1',
      'v-2',
    ]);
    expect(fleetLoading.seen()).toBe(false);
    fleetLoading.stop();
  });

  it('shows the shell without the data when the answer is slow, and the rows when it comes', async () => {
    restore = virtualScroller('fleet-scroller', 400);
    const { client, answer } = heldVehicles();
    renderWithStores(<App />, client, undefined, { session: null });
    await waitFor(() => expect(client.listVehicles).toHaveBeenCalled());
    const asked = performance.now();
    await screen.findByTestId('session-menu', {}, { timeout: FIRST_DATA_WAIT_MS * 5 });
    expect(performance.now() - asked).toBeGreaterThanOrEqual(FIRST_DATA_WAIT_MS - 50);
    expect(screen.getByLabelText('Loading the fleet')).toBeTruthy();
    answer();
    expect((await screen.findAllByTestId('vehicle-row')).length).toBe(2);
  });

  it('keeps the shell while another page is opened and the fleet read again', async () => {
    restore = virtualScroller('fleet-scroller', 400);
    const client = fakeClient({ session: tess, vehicles: VANS });
    const { stores } = renderWithStores(<App />, client, undefined, { session: null });
    await screen.findByTestId('session-menu');
    act(() => {
      stores.router.getState().navigate({ name: 'history' });
      stores.vehicles.setState({ loaded: false });
    });
    act(() => stores.router.getState().navigate({ name: 'fleet' }));
    expect(screen.getByTestId('session-menu')).toBeTruthy();
    expect(screen.getByLabelText('Loading the fleet')).toBeTruthy();
  });

  it('opens, closes and opens again a dialog mounted only when first opened', async () => {
    const client = fakeClient({ session: tess, vehicles: VANS });
    renderWithStores(<App />, client, undefined, { session: null });
    await screen.findByTestId('session-menu');
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    // The menu takes its button's place once the first frame is painted (SessionMenu.tsx).
    await waitFor(() =>
      expect(screen.getByTestId('session-menu').getAttribute('aria-haspopup')).toBe('menu'),
    );
    const user = userEvent.setup();
    await user.click(screen.getByTestId('session-menu'));
    await user.click(await screen.findByRole('menuitem', { name: 'Change my PIN', hidden: true }));
    expect(await screen.findByRole('dialog', { name: 'Change my PIN' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Change my PIN' })).toBeNull());
    await user.click(screen.getByTestId('session-menu'));
    await user.click(await screen.findByRole('menuitem', { name: 'Change my PIN', hidden: true }));
    expect(await screen.findByRole('dialog', { name: 'Change my PIN' })).toBeTruthy();
  });

  it('draws the fleet rows in view first, and those beyond the view once painted', async () => {
    // Until measured after the first frame's layout (virtualizer-layout.ts), the list is as tall as the window less
    // what stands above it: 468 px in jsdom's 768 px window, the list's height here too.
    restore = virtualScroller('fleet-scroller', window.innerHeight - 300);
    const many = Array.from({ length: 200 }, (_, i) =>
      vehicle({ id: `v${i}`, vin: `VR3UHZKX0RT${String(i).padStart(6, '0')}`, label: `Van ${i + 1}` }),
    );
    const client = fakeClient({ session: tess, vehicles: many });
    const stores = createStores(client);
    await stores.vehicles.getState().load();
    renderWithStores(<FleetView />, client, stores, { session: tess });
    // 468 px of 40 px rows: the 12 in view and one more.
    const rows = () => screen.getAllByTestId('vehicle-row').length;
    expect(rows()).toBeLessThanOrEqual(14);
    expect(rows()).toBeGreaterThanOrEqual(12);
    await waitFor(() => expect(rows()).toBeGreaterThanOrEqual(20));
  });

  it("filters the fleet by brand, energy and what it can do with the browser's selects", async () => {
    restore = virtualScroller('fleet-scroller', 400);
    const vans = [
      vehicle({ id: 'v-p', vin: 'VR3UHZKX0RT000001', label: 'Van 01', brand: 'Peugeot', energy: 'Electric' }),
      vehicle({ id: 'v-c', vin: 'VF7UHZKX0RT000002', label: 'Van 02', brand: 'Citroën', energy: 'Diesel' }),
    ];
    const client = fakeClient({ session: tess, vehicles: vans });
    const stores = createStores(client);
    await stores.vehicles.getState().load();
    renderWithStores(<FleetView />, client, stores, { session: tess });
    const shown = () => screen.getAllByTestId('vehicle-row').map((r) => r.getAttribute('data-vehicle-id'));
    const user = userEvent.setup();
    const brand = screen.getByRole('combobox', { name: 'Brand' });
    expect([...(brand as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'All',
      'Citroën',
      'Peugeot',
    ]);
    await user.selectOptions(brand, 'Citroën');
    await waitFor(() => expect(shown()).toEqual(['v-c']));
    await user.selectOptions(brand, 'All');
    await waitFor(() => expect(shown()).toEqual(['v-p', 'v-c']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Energy' }), 'Electric');
    await waitFor(() => expect(shown()).toEqual(['v-p']));
    expect(stores.vehicles.getState().view.filter.energy).toBe('Electric');
  });
});
