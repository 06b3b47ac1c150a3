// Vehicle groups over the API on 127.0.0.1: explicit members (ids or VINs, kept as ids) or a saved fleet filter that
// means what the fleet list shows for it now; unique names; technicians edit, viewers read; a group a schedule uses
// cannot be deleted; every change audited and published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import { openDatabase } from '../../../main/core/db/index.js';
import { databaseFile } from '../../../main/core/create-core.js';
import { startRoutinesWorld, type RoutinesWorld } from './routines-world.js';

let w: RoutinesWorld;
const tokens: Record<string, string> = {};
const changes: ChangeEvent[] = [];
beforeAll(async () => {
  w = await startRoutinesWorld();
  await w.run(async () => {
    const page = await w.api('GET', '/vehicles?limit=100');
    return page.body.items.every((v: { statusAt: string | null }) => v.statusAt !== null);
  });
  for (const role of ['viewer', 'technician']) {
    tokens[role] = (await w.api('POST', '/tokens', { label: `${role} system`, role })).body.token;
  }
  w.core.changes.subscribe((e) => changes.push(e));
});
afterAll(async () => w?.close());

const as = (role: string) => ({ authorization: `Bearer ${tokens[role]}` });
const idsOf = (page: { items: { id: string }[] }) => page.items.map((v) => v.id);

describe('a group of members', () => {
  let groupId: string;

  it('is created by a technician from ids and VINs, kept as vehicle ids, each once', async () => {
    const van = w.engine.vehicle(w.id('Van 01'))!;
    const res = await w.api(
      'POST',
      '/groups',
      { name: '  Morning pool ', vehicleIds: [van.vin, w.id('Pool 02'), van.id] },
      as('technician'),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Morning pool',
      kind: 'members',
      vehicleIds: [van.id, w.id('Pool 02')],
      filter: null,
      createdBy: { kind: 'token', name: 'technician system', role: 'technician' },
    });
    groupId = res.body.id;
    expect((await w.api('GET', `/groups/${groupId}`, undefined, as('viewer'))).body).toEqual(res.body);
    expect(changes.at(-1)).toMatchObject({
      name: 'group.changed',
      data: { groupId, group: { name: 'Morning pool' } },
    });
  });

  it('is listed, read and refused to change for a viewer', async () => {
    const list = await w.api('GET', '/groups', undefined, as('viewer'));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: groupId }] });
    const body = { name: 'Renamed', vehicleIds: [w.id('Van 03')] };
    for (const [method, path, payload] of [
      ['POST', '/groups', body],
      ['PUT', `/groups/${groupId}`, body],
      ['DELETE', `/groups/${groupId}`, undefined],
    ] as const) {
      const res = await w.api(method, path, payload, as('viewer'));
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await w.api('GET', `/groups/${groupId}`)).body.name).toBe('Morning pool');
  });

  it('refuses a vehicle that is not in the fleet, naming it, and stores nothing', async () => {
    const res = await w.api('POST', '/groups', { name: 'Typo', vehicleIds: [w.id('Van 03'), 'VF3NOPE'] });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: 'VEHICLE_NOT_FOUND',
      errors: [{ field: 'vehicleIds.1', message: expect.stringContaining('VF3NOPE') }],
    });
    expect((await w.api('GET', '/groups')).body.total).toBe(1);
  });

  it('keeps names unique, case aside (409 GROUP_NAME_TAKEN)', async () => {
    const res = await w.api('POST', '/groups', { name: 'MORNING POOL', vehicleIds: [w.id('Van 03')] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('GROUP_NAME_TAKEN');
  });

  it('is replaced: a new name and new members, audited with what it was', async () => {
    const res = await w.api('PUT', `/groups/${groupId}`, { name: 'Yard', vehicleIds: [w.id('Van 21')] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: groupId, name: 'Yard', vehicleIds: [w.id('Van 21')] });
    const [entry] = (await w.api('GET', '/audit?limit=1&action=group.change')).body.items;
    expect(entry.detail).toMatchObject({
      name: 'Yard',
      vehicles: 1,
      before: { name: 'Morning pool', vehicles: 2 },
    });
  });

  it('cannot be deleted while a schedule uses it (409 GROUP_IN_USE); then can, and its name is free again', async () => {
    const db = openDatabase(databaseFile(w.dataDir));
    const at = w.clock.nowIso();
    try {
      db.raw
        .prepare(
          `INSERT INTO schedules (id, name, type, remote, callback_id, group_id, rule, status, created_at,
            updated_at, created_by) VALUES ('sch-1', 'Closing time', 'Doors', '{"door":{"state":"Locked"}}',
            'workstation', @groupId, '{"days":["Mon"],"time":"18:00"}', 'Running', @at, @at, '{}')`,
        )
        .run({ groupId, at });
      const refused = await w.api('DELETE', `/groups/${groupId}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('GROUP_IN_USE');
      // A deleted schedule does not hold it.
      db.raw.prepare(`UPDATE schedules SET deleted_at = @at WHERE id = 'sch-1'`).run({ at });
    } finally {
      db.close();
    }
    expect((await w.api('DELETE', `/groups/${groupId}`, undefined, as('technician'))).status).toBe(204);
    expect((await w.api('GET', `/groups/${groupId}`)).status).toBe(404);
    expect((await w.api('GET', '/groups')).body.total).toBe(0);
    expect(changes.at(-1)).toMatchObject({ name: 'group.changed', data: { groupId, group: null } });
    const again = await w.api('POST', '/groups', { name: 'Yard', vehicleIds: [w.id('Van 21')] });
    expect(again.status).toBe(201);
    const audit = (await w.api('GET', '/audit?limit=50')).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['group.create', 'group.change', 'group.delete']));
  });
});

describe('a filter group', () => {
  it('holds what the fleet list shows for the same filter, now', async () => {
    const asleep = await w.api('POST', '/groups', { name: 'Asleep', filter: { state: ['Asleep'] } });
    expect(asleep.status, asleep.text).toBe(201);
    expect(asleep.body).toMatchObject({ kind: 'filter', filter: { state: ['Asleep'] } });
    const fleet = (await w.api('GET', '/vehicles?state=Asleep&limit=500')).body;
    expect(fleet.total).toBeGreaterThan(0);
    expect(asleep.body.vehicleIds).toEqual(idsOf(fleet));

    const vans = await w.api('POST', '/groups', {
      name: 'Ready vans',
      filter: { search: 'Van', readiness: ['ready'] },
    });
    const listed = (await w.api('GET', '/vehicles?search=Van&readiness=ready&limit=500')).body;
    expect(vans.body.vehicleIds).toEqual(idsOf(listed));
    expect(vans.body.vehicleIds.length).toBeGreaterThan(0);
  });

  it('follows the fleet: a vehicle woken up leaves the Asleep group', async () => {
    const group = (await w.api('GET', '/groups')).body.items.find(
      (g: { name: string }) => g.name === 'Asleep',
    );
    const pool = w.id('Pool 02');
    expect(group.vehicleIds).toContain(pool);
    const wake = await w.api('POST', `/vehicles/${pool}/callbacks/workstation/remotes`, {
      wakeUp: { action: 'WakeUp' },
    });
    expect(wake.status, wake.text).toBe(202);
    await w.run(async () => {
      const now = (await w.api('GET', `/groups/${group.id}`)).body;
      return !now.vehicleIds.includes(pool);
    });
  });

  it('answers 400 for a body with both members and a filter, or neither', async () => {
    const both = await w.api('POST', '/groups', {
      name: 'Both',
      vehicleIds: [w.id('Van 21')],
      filter: { search: 'Van' },
    });
    expect(both.status).toBe(400);
    expect((await w.api('POST', '/groups', { name: 'Neither' })).status).toBe(400);
  });
});
