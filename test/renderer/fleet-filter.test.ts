// Finding a vehicle in a depot fleet: by its label, a VIN fragment, brand or model; the depot's own order.
import { describe, expect, it } from 'vitest';
import {
  byLabel,
  EMPTY_FLEET_FILTER,
  filterVehicles,
  searchVehicles,
} from '../../renderer/src/features/fleet/fleet-filter.js';
import { vehicle } from './helpers/fake-client.js';

const fleet = [
  vehicle({ id: 'a01c', vin: 'VR3UHZKX0RT000101', label: 'Van 01', brand: 'Peugeot', model: 'e-208' }),
  vehicle({ id: 'b3', vin: 'VF3VZZKX6NJ000103', label: 'Van 03', brand: 'Peugeot', model: 'e-Expert' }),
  vehicle({ id: 'c10', vin: 'W0VVJZKX3NK000111', label: 'Van 11', brand: 'Opel', model: 'Vivaro Electric' }),
  vehicle({ id: 'd9', vin: 'W0VPFZKX3P4000109', label: 'Loaner 09', brand: 'Opel', model: 'Corsa Electric' }),
  vehicle({ id: 'e2', vin: 'ZFAFAEBA5PJ000114', label: null, brand: 'Fiat', model: '500e' }),
];
const labels = (vs: typeof fleet) => vs.map((v) => v.label ?? v.vin);

describe('fleet search', () => {
  it('finds a numbered label as typed, not every vehicle whose VIN or id contains the number', () => {
    expect(labels(searchVehicles(fleet, 'Van 01'))).toEqual(['Van 01']);
    expect(labels(searchVehicles(fleet, '  van   11 '))).toEqual(['Van 11']);
  });

  it('finds a VIN fragment, a model, or a pasted id', () => {
    expect(labels(searchVehicles(fleet, '000109'))).toEqual(['Loaner 09']);
    expect(labels(searchVehicles(fleet, 'corsa'))).toEqual(['Loaner 09']);
    expect(labels(searchVehicles(fleet, 'c10'))).toEqual(['Van 11']);
  });

  it('falls back to every word somewhere in the VIN, label, brand or model', () => {
    expect(labels(searchVehicles(fleet, 'peugeot van'))).toEqual(['Van 01', 'Van 03']);
    expect(labels(searchVehicles(fleet, 'opel electric loaner'))).toEqual(['Loaner 09']);
    expect(searchVehicles(fleet, 'tractor')).toEqual([]);
  });

  it('combines the search with the other filters', () => {
    const shown = filterVehicles(
      fleet,
      { ...EMPTY_FLEET_FILTER, search: 'electric', brand: 'Opel' },
      { latest: {}, inFlight: {} },
    );
    expect(labels(shown)).toEqual(['Van 11', 'Loaner 09']);
  });

  it('orders by label with numbers in their natural order, unlabelled vehicles by VIN', () => {
    const mixed = [
      ...fleet,
      vehicle({ id: 'f', vin: 'VR3UKZKX1RT000125', label: 'Van 2' }),
      vehicle({ id: 'g', vin: 'AAAAAAAAAAAAAAAAA', label: null }),
    ];
    expect(labels([...mixed].sort(byLabel))).toEqual([
      'AAAAAAAAAAAAAAAAA',
      'Loaner 09',
      'Van 01',
      'Van 2',
      'Van 03',
      'Van 11',
      'ZFAFAEBA5PJ000114',
    ]);
  });
});
