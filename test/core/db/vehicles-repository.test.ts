import { describe, expect, it } from 'vitest';
import { at, useStore, vehicle } from './db-fixtures.js';

describe('vehicles repository', () => {
  const store = useStore();

  it('round-trips a vehicle and finds it by id and by VIN', () => {
    const { repos } = store();
    const v = vehicle();
    repos.vehicles.upsertMany([v]);
    const expected = { ...v, status: null, statusAt: null };
    expect(repos.vehicles.get(v.id)).toEqual(expected);
    expect(repos.vehicles.get(v.vin)).toEqual(expected);
    expect(repos.vehicles.get('nope')).toBeNull();
  });

  it('keeps nulls as nulls', () => {
    const { repos } = store();
    const v = vehicle({ label: null, brand: null, model: null, energy: 'Unknown', capabilities: {} });
    repos.vehicles.upsertMany([v]);
    expect(repos.vehicles.get(v.id)).toEqual({ ...v, status: null, statusAt: null });
  });

  it('upserts: a second sync refreshes the fields and keeps the last status', () => {
    const { repos } = store();
    repos.vehicles.upsertMany([vehicle()]);
    const status = { energies: [{ type: 'Electric', level: 81.5 }], doorsState: { lockedState: ['Locked'] } };
    expect(repos.vehicles.updateStatus('veh-hash-001', status, at(5))).toBe(true);

    const resynced = vehicle({
      label: 'Van 12 (blue)',
      capabilities: { Doors: { supported: false } },
      syncedAt: at(60),
    });
    repos.vehicles.upsertMany([resynced]);
    expect(repos.vehicles.get('veh-hash-001')).toEqual({ ...resynced, status, statusAt: at(5) });
    expect(repos.vehicles.count()).toBe(1);
  });

  it('updateStatus reports an unknown vehicle', () => {
    const { repos } = store();
    expect(repos.vehicles.updateStatus('ghost', {}, at(0))).toBe(false);
  });

  it('lists by VIN with search, limit and offset, and counts the same set', () => {
    const { repos } = store();
    repos.vehicles.upsertMany([
      vehicle({ id: 'a', vin: 'VIN0000000000000C', label: 'Citroën ë-Berlingo', brand: 'Citroën' }),
      vehicle({ id: 'b', vin: 'VIN0000000000000A', label: 'Opel Vivaro-e', brand: 'Opel' }),
      vehicle({ id: 'c', vin: 'VIN0000000000000B', label: '100%_electric', brand: 'Peugeot' }),
    ]);
    expect(repos.vehicles.list({ limit: 10, offset: 0 }).map((v) => v.id)).toEqual(['b', 'c', 'a']);
    expect(repos.vehicles.list({ limit: 1, offset: 1 }).map((v) => v.id)).toEqual(['c']);
    expect(repos.vehicles.list({ search: 'opel', limit: 10, offset: 0 }).map((v) => v.id)).toEqual(['b']);
    expect(repos.vehicles.list({ search: '000A', limit: 10, offset: 0 }).map((v) => v.id)).toEqual(['b']);
    // % and _ are literal characters, not wildcards.
    expect(repos.vehicles.list({ search: '%_', limit: 10, offset: 0 }).map((v) => v.id)).toEqual(['c']);
    expect(repos.vehicles.list({ search: '   ', limit: 10, offset: 0 })).toHaveLength(3);
    expect(repos.vehicles.count({ search: 'VIN' })).toBe(3);
    expect(repos.vehicles.count({ search: 'peugeot' })).toBe(1);
  });

  it('refuses a value outside the energy list', () => {
    const { repos } = store();
    // @ts-expect-error: deliberately invalid
    expect(() => repos.vehicles.upsertMany([vehicle({ energy: 'Steam' })])).toThrow(/CHECK/);
  });

  it('upsertMany is all or nothing', () => {
    const { repos } = store();
    expect(() =>
      repos.vehicles.upsertMany([vehicle({ id: 'ok' }), vehicle({ id: 'bad', syncedAt: 'yesterday' })]),
    ).toThrow(/synced_at_iso_utc/);
    expect(repos.vehicles.count()).toBe(0);
  });
});
