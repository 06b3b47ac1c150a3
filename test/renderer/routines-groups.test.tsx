// @vitest-environment jsdom
// Vehicle groups in the UI (issue 16) with the fake client: rows of the fleet list are ticked with Space or a click
// (the row stays the one tab stop), "select all shown" ticks the filtered list; the ticked vehicles go into an
// existing group (its members plus these) or a new one; the Groups page lists the groups with their counts, creates
// one from the fleet's current filters, renames and deletes (asked first); a viewer sees the groups read-only.
import './helpers/dom.js';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../preload/contract/access.js';
import { Routes } from '../../renderer/src/app/Routes.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { parseRoute } from '../../renderer/src/stores/router-store.js';
import { fakeClient, operatorActor, session, vehicle } from './helpers/fake-client.js';
import { group } from './helpers/fake-routines.js';
import { renderWithStores } from './helpers/render.js';
import { virtualScroller } from './helpers/virtual-scroller.js';

const FLEET = [
  vehicle({ id: 'v-1', vin: 'VR3UHZKX0RT000101', label: 'Van 01' }),
  vehicle({ id: 'v-2', vin: 'VR3UHZKX0RT000102', label: 'Van 02' }),
  vehicle({ id: 'v-3', vin: 'VR3UHZKX0RT000103', label: 'Pool 03', states: ['Asleep'] }),
];
const TESS = session({ actor: operatorActor('Tess', 'technician') });
const VIC = session({ actor: operatorActor('Vic', 'viewer') });

let restoreScroller: () => void;
beforeEach(() => {
  restoreScroller = virtualScroller('fleet-scroller', 600);
});
afterEach(() => restoreScroller());

async function open(route: string, who: SessionDto = TESS, fixtures: Parameters<typeof fakeClient>[0] = {}) {
  const client = fakeClient({ vehicles: FLEET, ...fixtures });
  const stores = createStores(client);
  stores.router.getState().navigate(parseRoute(route));
  const r = renderWithStores(<Routes />, client, stores, { session: who });
  await act(async () => {
    await stores.vehicles.getState().load();
    await stores.callbacks.getState().load();
  });
  return { ...r, user: userEvent.setup() };
}

const row = (label: string) =>
  screen.getByText(label, { selector: 'a' }).closest<HTMLElement>('[role="row"]')!;
const tick = (label: string) =>
  within(row(label)).getByRole('checkbox', { name: `Select ${label}` }) as HTMLInputElement;

describe('selecting rows in the fleet', () => {
  it('ticks the focused row with Space and a row with a click, keeping one tab stop per list', async () => {
    const { stores } = await open('#/vehicles');
    await screen.findAllByTestId('vehicle-row');
    const van = row('Van 01');
    van.focus();
    fireEvent.keyDown(van, { key: ' ' });
    expect(tick('Van 01').checked).toBe(true);
    // Space again unticks; the focus stays on the row.
    fireEvent.keyDown(van, { key: ' ' });
    expect(tick('Van 01').checked).toBe(false);
    expect(document.activeElement).toBe(van);
    fireEvent.keyDown(van, { key: ' ' });
    fireEvent.click(tick('Van 02'));
    expect(tick('Van 02').checked).toBe(true);
    // A click on the box ticks; it does not open the vehicle.
    expect(stores.router.getState().route.name).toBe('fleet');
    expect(screen.getByTestId('selection-count').textContent).toBe('2 selected');
    expect([...stores.selection.getState().selected]).toEqual(['v-1', 'v-2']);
    // The boxes are no tab stops: Tab still meets one row of the list.
    const tabbable = screen
      .getByRole('grid', { name: 'Vehicles' })
      .querySelectorAll('[tabindex="0"], input:not([tabindex="-1"])');
    expect(tabbable).toHaveLength(1);
  });

  it('selects all the vehicles shown (the filtered list) and clears', async () => {
    const { user, stores } = await open('#/vehicles');
    await screen.findAllByTestId('vehicle-row');
    await user.type(screen.getByLabelText('Search'), 'Van');
    await waitFor(() => expect(screen.getAllByTestId('vehicle-row')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Select all shown (2)' }));
    expect([...stores.selection.getState().selected].sort()).toEqual(['v-1', 'v-2']);
    expect(screen.getByRole('button', { name: 'Unselect all shown' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(stores.selection.getState().selected.size).toBe(0);
    expect((screen.getByRole('button', { name: 'Add to group' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds the ticked vehicles to an existing group: its members and these, each once', async () => {
    const existing = group({ id: 'grp-1', name: 'Evening vans', vehicleIds: ['v-2'] });
    const { user, client, stores } = await open('#/vehicles', TESS, { groups: [existing] });
    await screen.findAllByTestId('vehicle-row');
    fireEvent.click(tick('Van 01'));
    fireEvent.click(tick('Van 02'));
    await user.click(screen.getByRole('button', { name: 'Add to group' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: 'Group' }));
    await user.click(await screen.findByRole('option', { name: 'Evening vans (1)', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Add to group' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.replaceGroup).toHaveBeenCalledWith({
      id: 'grp-1',
      body: { name: 'Evening vans', vehicleIds: ['v-2', 'v-1'] },
    });
    expect(screen.getByTestId('selection-notice').textContent).toBe(
      '2 vehicles in “Evening vans” (2 in all).',
    );
    expect(stores.groups.getState().items[0]!.vehicleIds).toEqual(['v-2', 'v-1']);
  });

  it('makes a new group of the ticked vehicles, and says a taken name by its field', async () => {
    const { user, client } = await open('#/vehicles', TESS, { groups: [group({ name: 'Pool' })] });
    await screen.findAllByTestId('vehicle-row');
    fireEvent.click(tick('Pool 03'));
    await user.click(screen.getByRole('button', { name: 'Add to group' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'A new group' }));
    const name = within(dialog).getByRole('textbox', { name: 'Name of the new group' });
    await user.type(name, 'pool');
    await user.click(within(dialog).getByRole('button', { name: 'Add to group' }));
    // In the summary and by the field itself.
    await waitFor(() =>
      expect(within(dialog).getAllByText('This name is taken: choose another.')).toHaveLength(2),
    );
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await user.clear(name);
    await user.type(name, 'Morning pool');
    await user.click(within(dialog).getByRole('button', { name: 'Add to group' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.createGroup).toHaveBeenLastCalledWith({
      body: { name: 'Morning pool', vehicleIds: ['v-3'] },
    });
  });

  it('sends the ticked vehicles to the bulk command page', async () => {
    const { user, stores } = await open('#/vehicles');
    await screen.findAllByTestId('vehicle-row');
    fireEvent.click(tick('Van 01'));
    await user.click(screen.getByRole('button', { name: 'Send to selected' }));
    expect(stores.router.getState().route).toEqual({ name: 'bulk-new' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Send a command to 1 selected vehicle' }),
    ).toBeTruthy();
  });
});

describe('the Groups page', () => {
  it('lists the groups with how many vehicles each holds and what they are made of', async () => {
    await open('#/groups', TESS, {
      groups: [
        group({ id: 'g-b', name: 'Vans', vehicleIds: ['v-1', 'v-2'] }),
        group({
          id: 'g-a',
          name: 'Asleep now',
          kind: 'filter',
          filter: { state: ['Asleep'] },
          vehicleIds: ['v-3'],
        }),
      ],
    });
    const rows = await screen.findAllByTestId('group-row');
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Asleep now', 'Vans']);
    expect(rows.map((r) => within(r).getByTestId('group-count').textContent)).toEqual(['1', '2']);
    expect(within(rows[0]!).getByText('Saved filter: Asleep')).toBeTruthy();
    expect(within(rows[1]!).getByRole('link', { name: 'Send a command to Vans' }).getAttribute('href')).toBe(
      '#/groups/g-b/send',
    );
  });

  it('creates a filter group from the fleet current filters, saying what a group cannot keep', async () => {
    const { user, client, stores } = await open('#/groups');
    stores.vehicles.getState().setView({
      filter: {
        search: 'van',
        brand: 'Peugeot',
        energy: '',
        capability: '',
        conditions: ['state:Asleep', 'readiness:stolen'],
        activity: '',
      },
    });
    await screen.findByText(/No group yet/);
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dialog = await screen.findByRole('dialog');
    // Nothing ticked: the filters are the only source.
    expect(
      (
        within(dialog).getByRole('radio', {
          name: /The vehicles selected in the fleet \(0\)/,
        }) as HTMLInputElement
      ).disabled,
    ).toBe(true);
    expect(within(dialog).getByText(/Not kept: brand/)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Asleep vans');
    await user.click(within(dialog).getByRole('button', { name: 'Create group' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.createGroup).toHaveBeenCalledWith({
      body: { name: 'Asleep vans', filter: { search: 'van', state: ['Asleep'], readiness: ['stolen'] } },
    });
    expect(await screen.findByText('Group “Asleep vans” created.')).toBeTruthy();
    expect(screen.getAllByTestId('group-row')).toHaveLength(1);
  });

  it('renames and deletes a group, deleting only once confirmed (Keep it has the focus)', async () => {
    const { user, client } = await open('#/groups', TESS, { groups: [group({ id: 'g-1', name: 'Vans' })] });
    await screen.findAllByTestId('group-row');
    await user.click(screen.getByRole('button', { name: 'Rename Vans' }));
    let dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Vans (depot A)');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.replaceGroup).toHaveBeenCalledWith({
      id: 'g-1',
      body: { name: 'Vans (depot A)', vehicleIds: ['veh-1'] },
    });
    await user.click(screen.getByRole('button', { name: 'Delete Vans (depot A)' }));
    dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it' })),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.deleteGroup).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete Vans (depot A)' }));
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(screen.queryAllByTestId('group-row')).toHaveLength(0));
    expect(client.deleteGroup).toHaveBeenCalledWith({ id: 'g-1' });
  });

  it('shows a viewer the groups read-only: nothing to create, rename or delete', async () => {
    await open('#/groups', VIC, { groups: [group({ id: 'g-1', name: 'Vans' })] });
    const [only] = await screen.findAllByTestId('group-row');
    expect(screen.getByTestId('read-only-note').textContent).toContain('needs a technician');
    expect((screen.getByRole('button', { name: 'New group' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(only!).queryByRole('button', { name: /Rename|Delete/ })).toBeNull();
  });

  it('does not let a viewer add ticked vehicles to a group from the fleet', async () => {
    await open('#/vehicles', VIC);
    await screen.findAllByTestId('vehicle-row');
    fireEvent.click(tick('Van 01'));
    const add = screen.getByRole('button', { name: 'Add to group' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.getAttribute('title')).toContain('needs a technician');
  });
});
