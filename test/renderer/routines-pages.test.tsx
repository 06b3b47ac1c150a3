// @vitest-environment jsdom
// The routines' pages in the frame (issue 16): their addresses read and written back the same, the navigation
// offers Groups, Bulk commands and Schedules to every role, each page opens with the focus on its heading (a bulk's
// too, whose heading changes once it is read), and a bulk that ends raises one browser notification with its
// figures that opens its page.
import './helpers/dom.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bulkFinishedMessage, createBulkNotifier } from '../../renderer/src/app/bulk-notifier.js';
import { AppLayout } from '../../renderer/src/app/AppLayout.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { parseRoute, pathOf, type Route } from '../../renderer/src/stores/router-store.js';
import { fakeClient, operatorActor, session } from './helpers/fake-client.js';
import { bulk, bulkItem, countsOf } from './helpers/fake-routines.js';
import { renderWithStores } from './helpers/render.js';

afterEach(() => vi.unstubAllGlobals());

describe('the routines addresses', () => {
  it('read and write back the same', () => {
    const routes: [string, Route][] = [
      ['#/groups', { name: 'groups' }],
      ['#/groups/grp%201/send', { name: 'bulk-new', groupId: 'grp 1' }],
      ['#/bulks/new', { name: 'bulk-new' }],
      ['#/bulks', { name: 'bulks' }],
      ['#/bulks/b-1', { name: 'bulk', bulkId: 'b-1' }],
      ['#/schedules', { name: 'schedules' }],
      ['#/schedules/new', { name: 'schedule-new' }],
      ['#/schedules/s-1', { name: 'schedule', scheduleId: 's-1' }],
    ];
    for (const [path, route] of routes) {
      expect(parseRoute(path)).toEqual(route);
      expect(pathOf(route)).toBe(path);
    }
  });
});

describe('the routines pages in the frame', () => {
  it('are in the navigation for a viewer too, and each opens with its heading focused', async () => {
    const running = bulk({ bulkId: 'b-1' });
    const client = fakeClient({ bulks: [running] });
    const stores = createStores(client);
    renderWithStores(<AppLayout />, client, stores, {
      session: session({ actor: operatorActor('Vic', 'viewer') }),
    });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Fleet' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const [link, heading, path] of [
      ['Groups', 'Vehicle groups', '#/groups'],
      ['Bulk commands', 'Bulk commands', '#/bulks'],
      ['Schedules', 'Schedules', '#/schedules'],
    ] as const) {
      const entry = within(nav).getByRole('link', { name: link });
      expect(entry.getAttribute('href')).toBe(path);
      // The link is clicked (the focus on it, as in a browser); these stores follow no window: the route is set.
      await user.click(entry);
      act(() => stores.router.getState().navigate(parseRoute(path)));
      await waitFor(() =>
        expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: heading })),
      );
      expect(within(nav).getByRole('link', { name: link }).getAttribute('aria-current')).toBe('page');
    }
    act(() => stores.router.getState().navigate({ name: 'bulk', bulkId: 'b-1' }));
    // One vehicle said in the singular (the catalog's plural; the title once read "1 vehicles").
    const title = await screen.findByRole('heading', { level: 1, name: 'Doors: Lock to 1 vehicle' });
    await waitFor(() => expect(document.activeElement).toBe(title));
  });
});

describe('the bulk notification', () => {
  it('says the feature, how many vehicles and how they ended, once, and opens the bulk', async () => {
    const shown: { title: string; body: string; tag: string; onclick: (() => void) | null }[] = [];
    class RecordedNotification {
      static permission = 'granted';
      onclick: (() => void) | null = null;
      constructor(
        readonly title: string,
        options: { body: string; tag: string },
      ) {
        shown.push(Object.assign(this, options));
      }
      close() {}
    }
    vi.stubGlobal('Notification', RecordedNotification);
    const opened: string[] = [];
    const notify = createBulkNotifier({ open: (id) => opened.push(id), enabled: () => true });
    const items = [
      bulkItem({ state: 'done' }),
      bulkItem({ vehicleId: 'v-2', state: 'failed' }),
      bulkItem({ vehicleId: 'v-3', state: 'skipped' }),
    ];
    const { items: _items, ...finished } = bulk({ bulkId: 'b-9', status: 'finished', items });
    expect(bulkFinishedMessage(finished)).toEqual({
      title: 'Doors to 3 vehicles: finished',
      body: '1 skipped · 1 done · 1 failed',
    });
    const client = fakeClient();
    const stores = createStores(client, { onBulkFinished: notify });
    // Running, then over: announced when it ends, and only once however many events follow.
    stores.bulks.getState().apply({ ...finished, status: 'running', counts: countsOf([]) });
    stores.bulks.getState().apply(finished);
    stores.bulks.getState().apply(finished);
    expect(shown.map((n) => [n.title, n.tag])).toEqual([['Doors to 3 vehicles: finished', 'bulk-b-9']]);
    shown[0]!.onclick?.();
    expect(opened).toEqual(['b-9']);
  });

  it('knows the commands of the bulks it follows, even one that ended before the bulk was read again', async () => {
    const client = fakeClient({
      bulks: [bulk({ bulkId: 'b-1', items: [bulkItem({ state: 'queued' })] })],
    });
    const stores = createStores(client);
    await stores.bulks.getState().open('b-1');
    // Sent and already over on the agent, before this screen read the bulk again: the next read decides.
    client.routines.settle('b-1', () => ({ state: 'done', remoteActionId: 'ra-fast' }));
    await expect(stores.bulks.getState().sentByBulk('ra-fast')).resolves.toBe(true);
    // Now over, so nothing is waited for: a command of no bulk is told at once.
    await expect(stores.bulks.getState().sentByBulk('ra-single')).resolves.toBe(false);
    expect(client.getBulkRemote).toHaveBeenCalledTimes(2);
  });
});
