// The stores on a fake client: live events land where they belong, completions notify once, history pages load
// on demand and drop answers to an older filter, and missing routes read as "not available".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsByVehicle, createActionsStore } from '../../renderer/src/stores/actions-store.js';
import { createStores, startLive } from '../../renderer/src/stores/app-stores.js';
import { createCallbacksStore } from '../../renderer/src/stores/callbacks-store.js';
import { createDeliveriesStore, offlineTargets } from '../../renderer/src/stores/deliveries-store.js';
import { createHistoryStore, HISTORY_PAGE, rowAt } from '../../renderer/src/stores/history-store.js';
import { parseRoute, pathOf } from '../../renderer/src/stores/router-store.js';
import { createSessionStore } from '../../renderer/src/stores/session-store.js';
import { createSettingsStore } from '../../renderer/src/stores/settings-store.js';
import {
  action,
  callback,
  delivery,
  event,
  failure,
  fakeClient,
  SIGNED_OUT,
  target,
  vehicle,
} from './helpers/fake-client.js';

afterEach(() => vi.useRealTimers());

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('actions store', () => {
  it('notifies once when an action reaches its end, and never steps back to an older state', () => {
    const completed: string[] = [];
    const store = createActionsStore(fakeClient(), { onCompleted: (a) => completed.push(a.remoteActionId) });
    store.getState().apply(action({ updatedAt: '2026-01-01T10:00:01Z' }));
    store.getState().apply(action({ phase: 'Done', outcome: 'Success', updatedAt: '2026-01-01T10:00:03Z' }));
    store.getState().apply(action({ phase: 'Done', outcome: 'Success', updatedAt: '2026-01-01T10:00:03Z' }));
    store.getState().apply(action({ phase: 'Pending', updatedAt: '2026-01-01T10:00:02Z' }));
    expect(completed).toEqual(['ra-1']);
    expect(store.getState().byId['ra-1']!.phase).toBe('Done');
  });

  it('notifies when an action times out, and again when its late Done completes it', () => {
    const completed: string[] = [];
    const store = createActionsStore(fakeClient(), {
      onCompleted: (a) => completed.push(`${a.phase}:${a.outcome ?? ''}`),
    });
    store.getState().apply(action({ updatedAt: '2026-01-01T10:00:01Z' }));
    store.getState().apply(action({ phase: 'TimedOut', updatedAt: '2026-01-01T10:15:01Z' }));
    store.getState().apply(action({ phase: 'TimedOut', updatedAt: '2026-01-01T10:15:02Z' }));
    store.getState().apply(action({ phase: 'Done', outcome: 'Success', updatedAt: '2026-01-01T10:40:00Z' }));
    store.getState().apply(action({ phase: 'Done', outcome: 'Success', updatedAt: '2026-01-01T10:40:01Z' }));
    expect(completed).toEqual(['TimedOut:', 'Done:Success']);
  });

  it('counts an action in flight until it settles: a TimedOut one no longer is', () => {
    const byId = {
      a: action({ remoteActionId: 'a', vehicleId: 'v1', phase: 'Sending' }),
      b: action({ remoteActionId: 'b', vehicleId: 'v1', phase: 'Pending' }),
      c: action({ remoteActionId: 'c', vehicleId: 'v1', phase: 'TimedOut' }),
      d: action({ remoteActionId: 'd', vehicleId: 'v1', phase: 'Done', outcome: 'Failed' }),
    };
    expect(actionsByVehicle(byId).inFlight['v1']!.map((a) => a.remoteActionId)).toEqual(['a', 'b']);
  });

  it('reloads the history of an opened action when it changes', async () => {
    vi.useFakeTimers();
    const client = fakeClient();
    const store = createActionsStore(client, { refreshDelayMs: 10 });
    await store.getState().open('ra-1');
    expect(client.getRemote).toHaveBeenCalledTimes(1);
    client.getRemote.mockResolvedValue(action({ updatedAt: '2026-01-01T11:00:01Z' }));
    store.getState().apply(action({ updatedAt: '2026-01-01T11:00:00Z' }));
    store.getState().apply(action({ updatedAt: '2026-01-01T11:00:01Z' }));
    await vi.advanceTimersByTimeAsync(20);
    expect(client.getRemote).toHaveBeenCalledTimes(2); // coalesced
  });

  it('reads the history again when the outcome overtook the read, so the Done step is not left out', async () => {
    vi.useFakeTimers();
    const client = fakeClient();
    const pending = action({ updatedAt: '2026-01-01T10:00:01Z', events: [event(1, 'Accepted')] });
    const done = action({
      phase: 'Done',
      outcome: 'Success',
      status: 'Success',
      updatedAt: '2026-01-01T10:00:02Z',
      events: [event(1, 'Accepted'), event(2, 'Success')],
    });
    let answer: (a: typeof pending) => void = () => {};
    client.getRemote.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    client.getRemote.mockResolvedValue(done);
    const store = createActionsStore(client, { refreshDelayMs: 10 });
    const opening = store.getState().open('ra-1');
    // The outcome arrives live while the first read (taken before it) is on its way.
    store.getState().apply({ ...done, events: undefined });
    answer(pending);
    await opening;
    expect(store.getState().byId['ra-1']!.phase).toBe('Done');
    await vi.advanceTimersByTimeAsync(20);
    expect(store.getState().byId['ra-1']!.events!.map((e) => e.status)).toEqual(['Accepted', 'Success']);
  });

  it('returns the API refusal of a send as a value', async () => {
    const client = fakeClient();
    client.sendRemote.mockRejectedValueOnce(
      failure(409, 'ACTION_IN_PROGRESS', 'A doors action is already in progress.'),
    );
    const result = await createActionsStore(client).getState().send({ vid: 'veh-1', cbid: 'cb-1', body: {} });
    expect(result).toEqual({
      ok: false,
      error: {
        status: 409,
        code: 'ACTION_IN_PROGRESS',
        message: 'A doors action is already in progress.',
        errors: [],
      },
    });
  });
});

describe('history store', () => {
  const many = Array.from({ length: 1000 }, (_, i) => action({ remoteActionId: `ra-${i}` }));

  it('loads only the pages the visible rows need', async () => {
    const client = fakeClient({ actions: many });
    const store = createHistoryStore(client);
    await store.getState().setFilter({});
    expect(store.getState().total).toBe(1000);
    expect(client.listRemotes).toHaveBeenCalledTimes(1);
    await store.getState().ensureRange(HISTORY_PAGE * 3 + 5, HISTORY_PAGE * 3 + 40);
    expect(client.listRemotes).toHaveBeenCalledTimes(2);
    expect(client.listRemotes.mock.calls[1]![0]).toMatchObject({
      offset: HISTORY_PAGE * 3,
      limit: HISTORY_PAGE,
    });
    expect(rowAt(store.getState(), HISTORY_PAGE * 3 + 5)!.remoteActionId).toBe(`ra-${HISTORY_PAGE * 3 + 5}`);
    await store.getState().ensureRange(HISTORY_PAGE * 3, HISTORY_PAGE * 3 + 10);
    expect(client.listRemotes).toHaveBeenCalledTimes(2);
  });

  it('sends the filter and drops an answer to the previous one', async () => {
    const client = fakeClient({ actions: many });
    let release: () => void = () => {};
    client.listRemotes.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) =>
            (release = () => resolve({ items: many.slice(0, 5), total: 999, limit: 200, offset: 0 })),
        ),
    );
    const store = createHistoryStore(client);
    const slow = store.getState().setFilter({ type: 'Horn' });
    await store.getState().setFilter({ type: 'Doors', phase: 'Done' });
    release();
    await slow;
    expect(store.getState().total).toBe(1000);
    expect(client.listRemotes.mock.calls[1]![0]).toMatchObject({ type: 'Doors', phase: 'Done' });
  });

  it('updates a loaded row in place and re-reads from the top for a new one', async () => {
    vi.useFakeTimers();
    const client = fakeClient({ actions: many.slice(0, 3) });
    const store = createHistoryStore(client, { refreshDelayMs: 10 });
    await store.getState().setFilter({});
    store.getState().apply(action({ remoteActionId: 'ra-1', phase: 'Done', outcome: 'Success' }));
    expect(rowAt(store.getState(), 1)!.phase).toBe('Done');
    expect(client.listRemotes).toHaveBeenCalledTimes(1);
    store.getState().apply(action({ remoteActionId: 'ra-new' }));
    await vi.advanceTimersByTimeAsync(20);
    expect(client.listRemotes).toHaveBeenCalledTimes(2);
  });
});

describe('session, callbacks, deliveries, settings', () => {
  it('remembers the operator name of a token session and shows sign-in errors', async () => {
    const storage = memoryStorage();
    const client = fakeClient({ session: SIGNED_OUT });
    const session = createSessionStore(client, storage);
    expect(await session.getState().signInWithToken('  ')).toBe(false);
    expect(session.getState().error!.code).toBe('TOKEN_MISSING');
    expect(await session.getState().signInWithToken('wrong')).toBe(false);
    expect(session.getState().error!.message).toContain('api-token');
    expect(await session.getState().signInWithToken('right')).toBe(true);
    expect(session.getState().status).toBe('signed-in');
    session.getState().setOperator('Ana');
    expect(createSessionStore(client, storage).getState().operator).toBe('Ana');
    session.getState().expired();
    expect(session.getState().status).toBe('signed-out');
  });

  it('keeps a signing secret shown in clear once, for the page to show', async () => {
    const client = fakeClient();
    client.createCallback.mockResolvedValueOnce(callback({ id: 'cb-9', signingSecret: 'whsec_abc' }));
    const store = createCallbacksStore(client);
    const result = await store.getState().create({ signingSecret: 'whsec_abc' });
    expect(result.ok).toBe(true);
    expect(store.getState().revealed).toEqual({ callbackId: 'cb-9', secret: 'whsec_abc' });
    store.getState().apply('cb-9', callback({ id: 'cb-9', signingSecret: 'whsec_****_abc' }));
    expect(store.getState().items.find((c) => c.id === 'cb-9')!.signingSecret).toBe('whsec_****_abc');
    store.getState().apply('cb-9', null);
    expect(store.getState().items.some((c) => c.id === 'cb-9')).toBe(false);
  });

  it('reads a missing outbox or settings route as "not available"', async () => {
    const client = fakeClient();
    client.listDeliveryTargets.mockRejectedValueOnce(failure(404, 'ROUTE_NOT_FOUND', 'No route'));
    const deliveries = createDeliveriesStore(client);
    await deliveries.getState().loadTargets();
    expect(deliveries.getState().available).toBe(false);
    const settings = createSettingsStore(client);
    await settings.getState().load();
    expect(settings.getState().status).toBe('unavailable');
  });

  it('follows deliveries and targets live', async () => {
    const client = fakeClient();
    const store = createDeliveriesStore(client, { refreshDelayMs: 1 });
    await store.getState().loadTargets();
    expect(store.getState().targets.map((t) => t.state)).toEqual(['online']);
    store.getState().applyTarget({ ...target(), state: 'offline', lastError: 'ECONNREFUSED' });
    expect(offlineTargets(store.getState().targets).map((t) => t.origin)).toEqual(['http://127.0.0.1:9']);
    expect(store.getState().targets[0]!.queued).toBe(2); // queue figures kept from the list
    await store.getState().load({ callback: 'cb-1', limit: 10 });
    store.getState().applyDelivery(delivery({ id: 'd1', state: 'Queued' }));
    store.getState().applyDelivery(delivery({ id: 'd2', callbackId: 'cb-other' }));
    expect(store.getState().items.map((d) => d.id)).toEqual(['d1']);
    store.getState().applyDelivery(delivery({ id: 'd1', state: 'Delivered' }));
    expect(store.getState().items[0]!.state).toBe('Delivered');
    const requeued = await store.getState().retryAll('cb-1');
    expect(requeued).toEqual({ ok: true, value: 1 });
  });

  it('keeps what arrived live while a list read was on its way, so a delivery never stays Queued', async () => {
    const client = fakeClient();
    const store = createDeliveriesStore(client, { refreshDelayMs: 1 });
    await store.getState().load({ callback: 'cb-1', limit: 10 });
    let answer: () => void = () => {};
    // The read is taken while the test notification is still queued (and before d3 exists) …
    client.listDeliveries.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answer = () =>
            resolve({
              items: [
                delivery({ id: 'd2', kind: 'test', state: 'Queued', createdAt: '2026-01-01T10:00:02Z' }),
                delivery({ id: 'd1', state: 'Delivered', createdAt: '2026-01-01T10:00:01Z' }),
              ],
              total: 2,
              limit: 10,
              offset: 0,
            });
        }),
    );
    const loading = store.getState().load({ callback: 'cb-1', limit: 10 });
    // … and its answer comes after the live news that it was delivered, and that d3 was queued.
    store
      .getState()
      .applyDelivery(
        delivery({ id: 'd2', kind: 'test', state: 'Delivered', createdAt: '2026-01-01T10:00:02Z' }),
      );
    store
      .getState()
      .applyDelivery(delivery({ id: 'd3', state: 'Queued', createdAt: '2026-01-01T10:00:03Z' }));
    answer();
    await loading;
    expect(store.getState().items.map((d) => `${d.id} ${d.state}`)).toEqual([
      'd3 Queued',
      'd2 Delivered',
      'd1 Delivered',
    ]);
    expect(store.getState().total).toBe(3);
  });
});

describe('live wiring', () => {
  it('routes change events to their stores and reloads after a reconnection', async () => {
    const client = fakeClient({ vehicles: [vehicle()] });
    const stores = createStores(client);
    const stop = startLive(stores);
    await vi.waitFor(() => expect(stores.vehicles.getState().loaded).toBe(true));
    client.emit({ name: 'vehicle.changed', data: { vehicle: vehicle({ label: 'Renamed' }) } });
    expect(stores.vehicles.getState().items[0]!.label).toBe('Renamed');
    client.emit({ name: 'action.changed', data: { action: action() } });
    expect(stores.actions.getState().byId['ra-1']).toBeTruthy();
    client.emit({ name: 'callback.changed', data: { callbackId: 'cb-1', callback: null } });
    expect(stores.callbacks.getState().items).toHaveLength(0);

    client.connect('live');
    expect(stores.connection.getState().state).toBe('live');
    const before = client.listVehicles.mock.calls.length;
    client.connect('reconnecting');
    expect(stores.connection.getState().state).toBe('reconnecting');
    client.connect('live');
    expect(client.listVehicles.mock.calls.length).toBe(before + 1);
    stop();
  });
});

describe('routes', () => {
  it('reads and writes the hash', () => {
    expect(parseRoute('#/vehicles/veh-1/doors')).toEqual({
      name: 'vehicle',
      vehicleId: 'veh-1',
      feature: 'doors',
    });
    expect(parseRoute('#/actions/a%2Fb')).toEqual({ name: 'action', remoteActionId: 'a/b' });
    expect(parseRoute('#/callbacks/new')).toEqual({ name: 'callback-new' });
    expect(parseRoute('')).toEqual({ name: 'fleet' });
    expect(pathOf({ name: 'action', remoteActionId: 'a/b' })).toBe('#/actions/a%2Fb');
    expect(pathOf({ name: 'audit' })).toBe('#/audit');
  });
});
