// @vitest-environment jsdom
// The fleet list carries no vehicle's status (two thirds of its bytes at 2,000 vehicles): the vehicle page reads its
// vehicle by itself for the last known status, once, by the reference in its address (id or VIN), shows it as soon
// as that read answers (the list may still be on its way), and follows it through change events; a failed read is
// said where the status would be.
import './helpers/dom.js';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VehicleView } from '../../renderer/src/features/fleet/VehicleView.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { failure, fakeClient, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const REPORTED = '2026-01-15T09:58:00.000Z';
const battery = (level: number) => ({
  energies: [{ type: 'Electric', level, autonomy: 200, createdAt: REPORTED }],
});
const VAN = vehicle({ id: 'veh-1', vin: 'VR3UHZKXZMT000001', statusAt: REPORTED, status: battery(80) });

/** The page's fact "Battery": its value, or null while not shown. */
const batteryFact = () => screen.queryByText('Battery')?.nextElementSibling?.textContent ?? null;

describe('the vehicles store', () => {
  it('lists the fleet without statuses and reads one vehicle with its status', async () => {
    const client = fakeClient({ vehicles: [VAN] });
    const { vehicles } = createStores(client);
    await vehicles.getState().load();
    expect(vehicles.getState().items[0]).not.toHaveProperty('status');
    await vehicles.getState().open(VAN.vin);
    expect(vehicles.getState().details['veh-1']!.status).toEqual(battery(80));
  });

  it('keeps the list and an opened vehicle current from change events, the list still without status', async () => {
    const client = fakeClient({ vehicles: [VAN] });
    const { vehicles } = createStores(client);
    await vehicles.getState().load();
    // Not opened: only the list's part is kept.
    vehicles.getState().apply({ ...VAN, label: 'Van 1' });
    expect(vehicles.getState().items[0]).toMatchObject({ label: 'Van 1' });
    expect(vehicles.getState().items[0]).not.toHaveProperty('status');
    expect(vehicles.getState().details).toEqual({});
    await vehicles.getState().open('veh-1');
    vehicles.getState().apply({ ...VAN, status: battery(55) });
    expect(vehicles.getState().details['veh-1']!.status).toEqual(battery(55));
  });

  it('keeps a change that arrives while the vehicle is being read over the read’s answer', async () => {
    const client = fakeClient({ vehicles: [VAN] });
    let answer: (v: typeof VAN) => void = () => {};
    client.getVehicle.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { vehicles } = createStores(client);
    const reading = vehicles.getState().open(VAN.vin);
    // Asked again meanwhile (the page mounting after the sign-in started it): one read.
    void vehicles.getState().open(VAN.vin);
    vehicles.getState().apply({ ...VAN, status: battery(40) });
    answer(VAN);
    await reading;
    expect(client.getVehicle).toHaveBeenCalledTimes(1);
    expect(vehicles.getState().details['veh-1']!.status).toEqual(battery(40));
  });
});

describe('the vehicle page', () => {
  it('shows the last known status read by itself, then as change events tell', async () => {
    const client = fakeClient({ vehicles: [VAN] });
    const stores = createStores(client);
    renderWithStores(<VehicleView vehicleId="veh-1" />, client, stores);
    await act(() => stores.vehicles.getState().load());
    await waitFor(() => expect(batteryFact()).toBe('80% · 200 km'));
    expect(client.getVehicle).toHaveBeenCalledTimes(1);
    expect(client.getVehicle).toHaveBeenCalledWith({ vid: 'veh-1' });
    act(() => stores.vehicles.getState().apply({ ...VAN, status: battery(35) }));
    expect(batteryFact()).toBe('35% · 200 km');
    expect(client.getVehicle).toHaveBeenCalledTimes(1);
  });

  it('opened by its VIN, shows the vehicle once its own read answers, before the list', async () => {
    const client = fakeClient({ vehicles: [VAN] });
    renderWithStores(<VehicleView vehicleId={VAN.vin} />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Van 01' })).toBeTruthy();
    expect(batteryFact()).toBe('80% · 200 km');
    expect(client.listVehicles).not.toHaveBeenCalled();
    expect(client.getVehicle).toHaveBeenCalledWith({ vid: VAN.vin });
  });

  it('says why the status could not be read, where it would be', async () => {
    const client = fakeClient({ vehicles: [VAN] });
    client.getVehicle.mockRejectedValueOnce(failure(0, 'AGENT_UNREACHABLE', 'The agent does not answer.'));
    const stores = createStores(client);
    renderWithStores(<VehicleView vehicleId="veh-1" />, client, stores);
    await act(() => stores.vehicles.getState().load());
    expect(await screen.findByText('The agent does not answer.')).toBeTruthy();
    expect(batteryFact()).toBeNull();
  });
});
