// How a page starts: the session is asked for at once (before any render), and the data as soon as it answers
// signed in — the page's own first, each read once, the history's first page doubling as the fleet's newest actions;
// nothing while signed out; another operator starts it all again; released, it stops following.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followSession } from '../../renderer/src/app/follow-session.js';
import { createStores, type Stores } from '../../renderer/src/stores/app-stores.js';
import type { Route } from '../../renderer/src/stores/router-store.js';
import { action, fakeClient, operatorActor, session, SIGNED_OUT, vehicle } from './helpers/fake-client.js';

const releases: (() => void)[] = [];
afterEach(() => {
  for (const release of releases.splice(0)) release();
});

function start(client: ReturnType<typeof fakeClient>, route?: Route): Stores {
  const stores = createStores(client);
  if (route) stores.router.getState().navigate(route);
  releases.push(followSession(stores));
  return stores;
}

describe('following the session', () => {
  it('asks for the session at once, then for everything the fleet needs, once each', async () => {
    const client = fakeClient({ vehicles: [vehicle()] });
    const stores = start(client);
    expect(client.getSession).toHaveBeenCalledTimes(1);
    expect(client.listVehicles).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(stores.vehicles.getState().loaded).toBe(true));
    // The app's own hold on the same stores shares the first one's work.
    releases.push(followSession(stores));
    await vi.waitFor(() => expect(stores.actions.getState().recentLoaded).toBe(true));
    expect(client.getSession).toHaveBeenCalledTimes(1);
    expect(client.listVehicles).toHaveBeenCalledTimes(1);
    expect(client.listCallbacks).toHaveBeenCalledTimes(1);
    expect(client.listRemotes).toHaveBeenCalledTimes(1);
    expect(client.subscribe).toHaveBeenCalledTimes(1);
  });

  it('loads nothing while signed out; starts once signed in, and again for another operator', async () => {
    const client = fakeClient({ session: SIGNED_OUT });
    const stores = start(client);
    await vi.waitFor(() => expect(stores.session.getState().status).toBe('signed-out'));
    expect(client.listVehicles).not.toHaveBeenCalled();
    expect(client.subscribe).not.toHaveBeenCalled();

    stores.session.setState({ status: 'signed-in', session: session() });
    expect(client.listVehicles).toHaveBeenCalledTimes(1);
    expect(client.subscribe).toHaveBeenCalledTimes(1);
    const tess = session({ actor: operatorActor('Tess', 'technician') });
    stores.session.setState({ session: tess });
    expect(client.listVehicles).toHaveBeenCalledTimes(2);
    expect(client.subscribe).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(stores.vehicles.getState().loading).toBe(false));
    client.emit({ name: 'vehicle.changed', data: { vehicle: vehicle({ label: 'Renamed' }) } });
    expect(stores.vehicles.getState().items[0]?.label).toBe('Renamed');

    stores.session.setState({ status: 'signed-out', session: SIGNED_OUT });
    client.emit({ name: 'vehicle.changed', data: { vehicle: vehicle({ label: 'After sign-out' }) } });
    expect(stores.vehicles.getState().items[0]?.label).toBe('Renamed');
  });

  it('stops following once the last hold is released', async () => {
    const client = fakeClient();
    const stores = createStores(client);
    const release = followSession(stores);
    await vi.waitFor(() => expect(stores.vehicles.getState().loaded).toBe(true));
    await vi.waitFor(() => expect(stores.actions.getState().recentLoaded).toBe(true));
    release();
    release();
    stores.session.setState({ session: session({ actor: operatorActor('Tess', 'technician') }) });
    expect(client.listVehicles).toHaveBeenCalledTimes(1);
    client.emit({ name: 'vehicle.changed', data: { vehicle: vehicle({ label: 'Unseen' }) } });
    expect(stores.vehicles.getState().items[0]?.label).toBe('Van 01');
  });
});

describe('the page shown is read first', () => {
  it('on the history, one read of the newest actions serves the history and the fleet’s activity', async () => {
    const actions = [
      action({ remoteActionId: 'ra-1' }),
      action({ remoteActionId: 'ra-2', vehicleId: 'veh-2' }),
    ];
    const client = fakeClient({ actions });
    const stores = start(client, { name: 'history' });
    await vi.waitFor(() => expect(stores.history.getState().total).toBe(2));
    expect(client.listRemotes).toHaveBeenCalledTimes(1);
    expect(client.listRemotes).toHaveBeenCalledWith({ limit: 200, offset: 0 });
    expect(Object.keys(stores.actions.getState().byId).sort()).toEqual(['ra-1', 'ra-2']);
    expect(stores.actions.getState().recentLoaded).toBe(true);
    // Asked before the fleet's list, which the history needs only for names.
    expect(client.listRemotes.mock.invocationCallOrder[0]).toBeLessThan(
      client.listVehicles.mock.invocationCallOrder[0]!,
    );
    // The history page, once shown, does not ask again.
    await stores.history.getState().open();
    expect(client.listRemotes).toHaveBeenCalledTimes(1);
  });

  it('on a filtered history, the fleet’s newest actions are read apart', async () => {
    const client = fakeClient({ actions: [action()] });
    const stores = createStores(client);
    stores.router.getState().navigate({ name: 'history' });
    await stores.history.getState().setFilter({ type: 'Horn' });
    releases.push(followSession(stores));
    await vi.waitFor(() => expect(stores.actions.getState().recentLoaded).toBe(true));
    expect(client.listRemotes).toHaveBeenCalledWith({ limit: 200 });
    expect(client.listRemotes).toHaveBeenCalledWith(expect.objectContaining({ type: 'Horn', offset: 0 }));
  });

  it('on a vehicle’s page, reads that vehicle by the address’s reference at sign-in', async () => {
    const van = vehicle({ status: { odometer: { mileage: 12 } } });
    const client = fakeClient({ vehicles: [van] });
    const stores = start(client, { name: 'vehicle', vehicleId: van.vin });
    await vi.waitFor(() => expect(stores.vehicles.getState().details[van.id]).toBeTruthy());
    expect(client.getVehicle).toHaveBeenCalledWith({ vid: van.vin });
    expect(client.getVehicle.mock.invocationCallOrder[0]).toBeLessThan(
      client.listVehicles.mock.invocationCallOrder[0]!,
    );
  });

  it('after a drop, reads again the history and the vehicles opened, not the fleet’s newest twice', async () => {
    const van = vehicle();
    const client = fakeClient({ vehicles: [van], actions: [action()] });
    const stores = start(client, { name: 'history' });
    await vi.waitFor(() => expect(stores.history.getState().total).toBe(1));
    await stores.vehicles.getState().open(van.id);
    client.connect('live');
    client.connect('reconnecting');
    client.connect('live');
    await vi.waitFor(() => expect(client.listRemotes).toHaveBeenCalledTimes(2));
    expect(client.getVehicle).toHaveBeenCalledTimes(2);
    expect(client.listVehicles).toHaveBeenCalledTimes(2);
  });
});
