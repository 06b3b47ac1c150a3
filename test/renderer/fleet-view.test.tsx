// @vitest-environment jsdom
// The fleet at a glance (issue 15) with the fake client: one compact row per vehicle with its readiness and states,
// the age of its status on a controlled clock; `/` focuses the search (not while typing); the list is one tab stop
// whose rows the arrows, Home and End move between and Enter opens; the row's links and quick actions are reached
// with the right arrow, not Tab; columns sort (click or keyboard, aria-sort); the state filter keeps the vehicles
// showing any of the chosen states (its combobox mounted once the first frame is painted); quick actions send what
// the role allows and say why not otherwise; 2,000 vehicles render only the rows in view.
import './helpers/dom.js';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import { FleetView } from '../../renderer/src/features/fleet/FleetView.js';
import { StateFilter } from '../../renderer/src/features/fleet/StateFilter.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import {
  DEFAULT_RULES,
  fakeClient,
  operatorActor,
  session,
  vehicle,
  type FakeClient,
} from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';
import { virtualScroller } from './helpers/virtual-scroller.js';

const NOW = Date.parse('2026-01-15T10:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

const IMMOBILIZED = vehicle({
  id: 'v-imm',
  vin: 'VR3UHZKX0RT000102',
  label: 'Van 02',
  statusAt: minutesAgo(12),
  states: ['Immobilized', 'Plugged'],
  stateSources: {
    Immobilized: { source: 'action', at: minutesAgo(20), remoteActionId: 'ra-imm' },
    Plugged: { source: 'status', at: minutesAgo(12) },
  },
  readiness: {
    code: 'immobilized',
    nextStep: 'lift-immobilization-before-use',
    severity: 'warning',
    params: {},
  },
});
const ASLEEP = vehicle({
  id: 'v-sleep',
  vin: 'VF3VZZKX6NJ000103',
  label: 'Pool 03',
  statusAt: minutesAgo(90),
  states: ['Asleep', 'DoorsOpen', 'Unlocked', 'Charging'],
  readiness: {
    code: 'will-wake',
    nextStep: 'expect-wake-up-delay',
    severity: 'info',
    params: { wakeUpsLeft: 7 },
  },
});
const STOLEN = vehicle({
  id: 'v-stolen',
  vin: 'W0VVJZKX3NK000111',
  label: 'Exec 11',
  statusAt: minutesAgo(3),
  states: ['Stolen'],
  readiness: { code: 'stolen', nextStep: 'follow-stolen-procedure', severity: 'error', params: {} },
});
const READY = vehicle({
  id: 'v-ready',
  vin: 'VR3UHZKX0RT000101',
  label: 'Van 01',
  statusAt: minutesAgo(1),
});
const NEVER = vehicle({
  id: 'v-never',
  vin: 'ZFAFAEBA5PJ000114',
  label: 'City 14',
  statusAt: null,
  readiness: { code: 'unknown', nextStep: 'refresh-status', severity: 'info', params: {} },
});
const FLEET = [IMMOBILIZED, ASLEEP, STOLEN, READY, NEVER];

let restoreScroller: () => void;
beforeEach(() => {
  restoreScroller = virtualScroller('fleet-scroller', 600);
});
afterEach(() => {
  restoreScroller();
  vi.useRealTimers();
});

/** The fleet page with its vehicles (and callbacks) loaded, as after start-up. */
async function renderFleet(vehicles: VehicleDto[] = FLEET, client: FakeClient = fakeClient({ vehicles })) {
  const stores = createStores(client);
  const r = renderWithStores(<FleetView />, client, stores, {
    session: session({ actor: operatorActor('Tess', 'technician') }),
  });
  await act(async () => {
    await stores.vehicles.getState().load();
    await stores.callbacks.getState().load();
  });
  await screen.findAllByTestId('vehicle-row');
  return r;
}

const labels = () => screen.getAllByTestId('vehicle-label').map((a) => a.textContent);
const row = (label: string) =>
  screen.getByText(label, { selector: 'a' }).closest<HTMLElement>('[role="row"]')!;

describe('the rows', () => {
  it('say each vehicle readiness, its other states as chips, and what to do on hover', async () => {
    await renderFleet();
    const van = row('Van 02');
    const readiness = within(van).getByTestId('vehicle-readiness');
    expect(readiness.textContent).toBe('Immobilized');
    expect(readiness.getAttribute('title')).toBe(
      'It will not start: a supervisor lifts the immobilization before it is used.',
    );
    // The readiness already says Immobilized: the chips say the rest.
    expect(
      within(van)
        .getAllByTestId('vehicle-state')
        .map((c) => c.textContent),
    ).toEqual(['Plugged in']);
    // Asleep is said by the readiness; two more chips fit, the third is counted and named for screen readers.
    const pool = row('Pool 03');
    expect(within(pool).getByTestId('vehicle-readiness').textContent).toBe('Asleep');
    expect(
      within(pool)
        .getAllByTestId('vehicle-state')
        .map((c) => c.textContent),
    ).toEqual(['Door open', 'Unlocked']);
    expect(pool.textContent).toContain('+1Charging');
    expect(pool.textContent).toContain('uses one wake-up (7 left this month, estimated)');
    expect(within(row('Van 01')).getByTestId('vehicle-readiness').textContent).toBe('Ready');
    // The features a vehicle cannot do are named, not only shown by shade.
    expect(row('Van 01').textContent).toContain('All nine features');
  });

  it('show the age of each status on a controlled clock', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    await renderFleet();
    expect(within(row('Van 02')).getByTestId('status-age').textContent).toBe('12 min ago');
    expect(within(row('Pool 03')).getByTestId('status-age').textContent).toBe('2 h ago');
    expect(within(row('City 14')).getByTestId('status-age').textContent).toBe('No status');
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(within(row('Van 02')).getByTestId('status-age').textContent).toBe('17 min ago');
  });
});

describe('the keyboard', () => {
  it('"/" focuses the search, except while typing in a field', async () => {
    await renderFleet();
    const search = screen.getByRole('textbox', { name: 'Search' });
    screen.getByRole('heading', { level: 1 }).focus();
    fireEvent.keyDown(document.activeElement!, { key: '/' });
    expect(document.activeElement).toBe(search);
    // In a field, "/" is only a character: the key's default (typing it) is left alone.
    const typed = fireEvent.keyDown(search, { key: '/' });
    expect(typed).toBe(true);
    row('Van 01').focus();
    const fromRow = fireEvent.keyDown(row('Van 01'), { key: '/' });
    expect(fromRow).toBe(false);
    expect(document.activeElement).toBe(search);
  });

  it('makes the list one tab stop; arrows, Home and End move between rows, Enter opens', async () => {
    const { stores } = await renderFleet();
    const grid = screen.getByRole('grid', { name: 'Vehicles' });
    const stops = () => grid.querySelectorAll('[tabindex="0"]');
    expect(stops()).toHaveLength(1);
    // The capability icons and the row's links and buttons are not tab stops.
    expect(grid.querySelectorAll('a[href]:not([tabindex="-1"]), button:not([tabindex="-1"])')).toHaveLength(
      4,
    );
    expect(
      [...grid.querySelectorAll('[role="row"][data-index] :is(a[href], button)')]
        .filter((e) => e.getAttribute('tabindex') !== '-1')
        .map((e) => e.outerHTML),
    ).toEqual([]);
    expect(labels()).toEqual(['City 14', 'Exec 11', 'Pool 03', 'Van 01', 'Van 02']);
    const first = stops()[0] as HTMLElement;
    expect(first.textContent).toContain('City 14');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Exec 11'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Van 02'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('Van 02');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Van 01'));
    // Still one tab stop, on the row the keyboard is on.
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).toBe(document.activeElement);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('City 14'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(stores.router.getState().route).toEqual({ name: 'vehicle', vehicleId: 'v-never' });
  });

  it('reaches the row links and quick actions with the right arrow; Escape goes back to the row', async () => {
    await renderFleet();
    const van = row('Van 01');
    van.focus();
    fireEvent.keyDown(van, { key: 'ArrowRight' });
    expect(document.activeElement?.textContent).toBe('Van 01');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Horn Van 01');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Lock Van 01');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Horn Van 01');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(van);
  });
});

describe('sorting', () => {
  it('sorts by a column on click or Enter/Space on its header, and says so with aria-sort', async () => {
    await renderFleet();
    const user = userEvent.setup();
    const header = (name: RegExp) => screen.getByRole('columnheader', { name });
    expect(header(/^Vehicle/).getAttribute('aria-sort')).toBe('ascending');
    expect(header(/^State/).getAttribute('aria-sort')).toBe('none');
    await user.click(within(header(/^State/)).getByRole('button'));
    expect(header(/^State/).getAttribute('aria-sort')).toBe('ascending');
    expect(header(/^Vehicle/).getAttribute('aria-sort')).toBe('none');
    // The most pressing first: stolen, immobilized, then asleep (will wake), unknown, ready.
    expect(labels()).toEqual(['Exec 11', 'Van 02', 'Pool 03', 'City 14', 'Van 01']);
    within(header(/^State/))
      .getByRole('button')
      .focus();
    await user.keyboard('{Enter}');
    expect(header(/^State/).getAttribute('aria-sort')).toBe('descending');
    expect(labels()).toEqual(['Van 01', 'City 14', 'Pool 03', 'Van 02', 'Exec 11']);
    // The status age: never read first (the ones to refresh), then the oldest.
    within(header(/^Status/))
      .getByRole('button')
      .focus();
    await user.keyboard(' ');
    expect(header(/^Status/).getAttribute('aria-sort')).toBe('ascending');
    expect(labels()).toEqual(['City 14', 'Pool 03', 'Van 02', 'Exec 11', 'Van 01']);
    await user.click(within(header(/^VIN/)).getByRole('button'));
    expect(labels()).toEqual(['Pool 03', 'Van 01', 'Van 02', 'Exec 11', 'City 14']);
  });
});

describe('coming back', () => {
  it('finds the same filters, order and row after a visit to a vehicle', async () => {
    const { stores, client, unmount } = await renderFleet();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'van');
    await user.click(within(screen.getByRole('columnheader', { name: /^State/ })).getByRole('button'));
    expect(labels()).toEqual(['Van 02', 'Van 01']);
    row('Van 02').focus();
    fireEvent.keyDown(row('Van 02'), { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row('Van 01')));
    fireEvent.keyDown(row('Van 01'), { key: 'Enter' });
    expect(stores.router.getState().route).toEqual({ name: 'vehicle', vehicleId: 'v-ready' });
    unmount();
    renderWithStores(<FleetView />, client, stores);
    await screen.findAllByTestId('vehicle-row');
    expect((screen.getByRole('textbox', { name: 'Search' }) as HTMLInputElement).value).toBe('van');
    expect(screen.getByRole('columnheader', { name: /^State/ }).getAttribute('aria-sort')).toBe('ascending');
    // The list's one tab stop is the row the technician left from.
    const stop = screen.getByRole('grid').querySelector('[role="row"][tabindex="0"]');
    expect(stop).toBe(row('Van 01'));
  });
});

describe('filters', () => {
  it('keeps the vehicles showing any of the chosen states or readiness, and says how many', async () => {
    await renderFleet();
    const user = userEvent.setup();
    // Mounted once the first frame is painted (StateFilter.tsx).
    await user.click(await screen.findByRole('combobox', { name: 'State' }));
    const options = await screen.findAllByRole('option', { name: 'Immobilized', hidden: true });
    // Offered as a readiness ("Can it go now") and as a state.
    expect(options).toHaveLength(2);
    await user.click(options[1]!);
    await waitFor(() => expect(labels()).toEqual(['Van 02']));
    expect(screen.getByText(/5 vehicles · 1 shown/)).toBeTruthy();
    await user.click(screen.getAllByRole('option', { name: 'Stolen', hidden: true })[1]!);
    await waitFor(() => expect(labels()).toEqual(['Exec 11', 'Van 02']));
  });
});

describe('the State filter', () => {
  it('is a stand-in on the first frame, hidden from assistive technology, then the combobox', async () => {
    const onChange = vi.fn();
    renderWithStores(<StateFilter conditions={[]} onChange={onChange} />, fakeClient());
    const standIn = screen.getByTestId('state-filter-stand-in');
    expect(standIn.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByRole('combobox', { name: 'State' })).toBeNull();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('combobox', { name: 'State' }));
    expect(screen.queryByTestId('state-filter-stand-in')).toBeNull();
    await user.click((await screen.findAllByRole('option', { name: 'Stolen', hidden: true }))[1]!);
    expect(onChange).toHaveBeenCalledWith(['state:Stolen']);
  });

  it('is the combobox at once when a condition is chosen (back on the page: its pills show)', () => {
    renderWithStores(<StateFilter conditions={['state:Stolen']} onChange={() => undefined} />, fakeClient());
    expect(screen.getByRole('combobox', { name: 'State' })).toBeTruthy();
    expect(screen.queryByTestId('state-filter-stand-in')).toBeNull();
  });
});

describe('quick actions', () => {
  it('sends a horn through the callback the form would pick, and says it went', async () => {
    const client = fakeClient({ vehicles: FLEET });
    await renderFleet(FLEET, client);
    const user = userEvent.setup();
    await user.click(within(row('Van 01')).getByRole('button', { name: 'Horn Van 01' }));
    await waitFor(() => expect(client.sendRemote).toHaveBeenCalledTimes(1));
    expect(client.sent[0]).toMatchObject({
      vid: 'v-ready',
      cbid: 'cb-1',
      body: { horn: { state: 'Activated' } },
    });
    expect((await screen.findByTestId('quick-notice')).textContent).toBe('Horn sent to Van 01.');
    await user.click(within(row('Van 01')).getByRole('button', { name: 'Lock Van 01' }));
    await waitFor(() => expect(client.sent[1]?.body).toEqual({ door: { state: 'Locked' } }));
  });

  it('stays visible when it cannot go, and says why: the role, the vehicle', async () => {
    const client = fakeClient({
      vehicles: [
        READY,
        vehicle({
          id: 'v-e',
          label: 'Loaner 09',
          capabilities: { Horn: { supported: false, reason: 'e-remote-only' }, Doors: { supported: true } },
        }),
      ],
    });
    const stores = createStores(client);
    renderWithStores(<FleetView />, client, stores, {
      session: session({
        actor: operatorActor('Tess', 'technician'),
        rules: { ...DEFAULT_RULES, Horn: 'supervisor' },
      }),
    });
    await act(async () => {
      await stores.vehicles.getState().load();
      await stores.callbacks.getState().load();
    });
    const horn = await screen.findByRole('button', { name: 'Horn Van 01 (Needs a supervisor)' });
    expect(horn.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(horn);
    expect(client.sendRemote).not.toHaveBeenCalled();
    // The agent's reason code, worded by the catalog.
    const eRemote =
      'Needs the "Remote control" or "Connect Plus" service; this vehicle has the e-remote service only.';
    expect(
      screen
        .getByRole('button', { name: `Horn Loaner 09 (not available: ${eRemote})` })
        .getAttribute('title'),
    ).toBe(`Horn: not available: ${eRemote}`);
    expect(screen.getByRole('button', { name: 'Lock Van 01' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('a viewer sees them disabled, with the reason', async () => {
    const client = fakeClient({ vehicles: [READY] });
    const stores = createStores(client);
    renderWithStores(<FleetView />, client, stores, {
      session: session({ actor: operatorActor('Vic', 'viewer') }),
    });
    await act(async () => {
      await stores.vehicles.getState().load();
      await stores.callbacks.getState().load();
    });
    expect(
      (
        await screen.findByRole('button', { name: 'Lock Van 01 (viewers cannot send commands)' })
      ).getAttribute('aria-disabled'),
    ).toBe('true');
  });
});

describe('2,000 vehicles', () => {
  const many = Array.from({ length: 2000 }, (_, i) =>
    vehicle({
      id: `v${i}`,
      vin: `VR3UHZKX0RT${String(i).padStart(6, '0')}`,
      label: `Van ${i + 1}`,
    }),
  );

  it('renders only the rows in view, and End reaches the last one', async () => {
    await renderFleet(many);
    const grid = screen.getByRole('grid', { name: 'Vehicles' });
    expect(grid.getAttribute('aria-rowcount')).toBe('2001');
    // 600 px of 40 px rows, and a few around them.
    expect(screen.getAllByTestId('vehicle-row').length).toBeLessThan(40);
    const first = grid.querySelector<HTMLElement>('[role="row"][tabindex="0"]')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Van 2000'));
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2001');
    expect(screen.getAllByTestId('vehicle-row').length).toBeLessThan(40);
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-rowindex')).toBe(String(2001 - 14)),
    );
  });
});
