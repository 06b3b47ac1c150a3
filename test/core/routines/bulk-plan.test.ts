// Before anything is sent, a bulk command checks the caller (the role the policy gives the remote, the reason for
// the dangerous ones) and each vehicle, which is skipped with a reason rather than failing the lot: not capable,
// in stolen mode, busy with a command that is queued only when asked, asleep with no wake-ups left, gone. A dry run
// answers that plan and stores nothing. Over the API on 127.0.0.1, against the simulator's fleet; the per-vehicle
// rule alone for the states the simulator's fleet does not show at start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  needsFreeLane,
  sendingSeconds,
  skipReasonOf,
  type PlanVehicle,
} from '../../../main/core/services/bulk-plan.js';
import { startRoutinesWorld, type RoutinesWorld } from './routines-world.js';

const IMMOBILIZE = { immobilization: { activate: true } };
const REASON = { 'x-depot-reason': 'Fleet audit: keep the vans in the yard' };

let w: RoutinesWorld;
/** Scoped tokens with each role (a site system's: no approval possible). */
const tokens: Record<string, string> = {};
beforeAll(async () => {
  w = await startRoutinesWorld();
  await w.run(async () => {
    const page = await w.api('GET', '/vehicles?limit=100');
    return page.body.items.every((v: { statusAt: string | null }) => v.statusAt !== null);
  });
  for (const role of ['viewer', 'technician', 'supervisor']) {
    const res = await w.api('POST', '/tokens', { label: `${role} system`, role });
    expect(res.status, res.text).toBe(201);
    tokens[role] = res.body.token;
  }
});
afterAll(async () => w?.close());

const as = (role: string) => ({ authorization: `Bearer ${tokens[role]}` });
const planOf = (body: unknown, headers: Record<string, string> = {}, query = '') =>
  w.api('POST', `/bulk-remotes?dryRun=true${query}`, body, headers);

describe('the plan of a bulk command', () => {
  it('skips each vehicle that cannot take it, with the reason, and sends the others', async () => {
    // Van 01 is busy with an immobilization already (sent alone, by a person).
    const busy = await w.api(
      'POST',
      `/vehicles/${w.id('Van 01')}/callbacks/workstation/remotes`,
      IMMOBILIZE,
      REASON,
    );
    expect(busy.status, busy.text).toBe(202);

    const vehicles = ['Van 01', 'Van 21', 'Site 16', 'Van 15', 'Pool 04'].map(w.id);
    const plan = await planOf({ vehicleIds: vehicles, remote: IMMOBILIZE }, REASON);
    expect(plan.status, plan.text).toBe(200);
    const reasons = Object.fromEntries(
      plan.body.items.map((i: { label: string; state: string; reason: string | null }) => [
        i.label,
        [i.state, i.reason],
      ]),
    );
    expect(reasons).toEqual({
      'Van 01': ['skipped', 'BUSY'],
      'Van 21': ['queued', null],
      'Site 16': ['skipped', 'STOLEN_MODE'],
      'Van 15': ['skipped', 'NOT_CAPABLE'],
      'Pool 04': ['queued', null],
    });
    expect(plan.body.counts).toMatchObject({ total: 5, queued: 2, skipped: 3 });

    // Asked to queue behind what is in flight, the busy vehicle is planned too.
    const queued = await planOf({ vehicleIds: vehicles, remote: IMMOBILIZE }, REASON, '&whenBusy=queue');
    expect(queued.body.items[0]).toMatchObject({ label: 'Van 01', state: 'queued', reason: null });
  });

  it('stores and sends nothing on a dry run', async () => {
    const sends = w.engine.remotes().length;
    const audit = (await w.api('GET', '/audit?limit=500')).body.items.length;
    expect(
      (await planOf({ vehicleIds: [w.id('Van 21')], remote: { horn: { state: 'Activated' } } })).status,
    ).toBe(200);
    expect((await w.api('GET', '/bulk-remotes')).body).toEqual({ items: [], total: 0 });
    expect(w.engine.remotes().length).toBe(sends);
    expect((await w.api('GET', '/audit?limit=500')).body.items.length).toBe(audit);
  });

  it('takes VINs as well as ids, each vehicle once', async () => {
    const van = w.engine.vehicle(w.id('Van 21'))!;
    const plan = await planOf({
      vehicleIds: [van.vin, van.id, van.vin],
      remote: { horn: { state: 'Activated' } },
    });
    expect(plan.body.items.map((i: { vehicleId: string }) => i.vehicleId)).toEqual([van.id]);
  });

  it('answers 404 naming a vehicle that is not in the fleet, and a group that does not exist', async () => {
    const unknown = await planOf({
      vehicleIds: [w.id('Van 21'), 'VF3NOTAVEHICLE0000'],
      remote: { horn: { state: 'Activated' } },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'VEHICLE_NOT_FOUND' });
    expect(unknown.body.message).toContain('VF3NOTAVEHICLE0000');
    expect(unknown.body.errors).toEqual([
      {
        field: 'vehicleIds.1',
        message: 'No vehicle with id or VIN VF3NOTAVEHICLE0000 in this fleet.',
        rule: 'vehicle.notInFleet',
        params: { ref: 'VF3NOTAVEHICLE0000' },
      },
    ]);

    const group = await planOf({ groupId: 'no-such-group', remote: { horn: { state: 'Activated' } } });
    expect(group.status).toBe(404);
    expect(group.body.code).toBe('GROUP_NOT_FOUND');
  });

  it('names the remote’s fields under remote. when the remote is not valid', async () => {
    const res = await planOf({ vehicleIds: [w.id('Van 21')], remote: { horn: { state: 'Loud' } } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['remote.horn.state']);
  });
});

describe('who may send a bulk command', () => {
  const horn = () => ({ vehicleIds: [w.id('Van 21')], remote: { horn: { state: 'Activated' } } });

  it('refuses a viewer with 403, the plan as well as the start, and stores nothing', async () => {
    for (const query of ['?dryRun=true', '']) {
      const res = await w.api('POST', `/bulk-remotes${query}`, horn(), as('viewer'));
      expect(res.status, query).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await w.api('GET', '/bulk-remotes', undefined, as('viewer'))).body.total).toBe(0);
    const denied = (await w.api('GET', '/audit?limit=20&action=access.denied')).body.items;
    expect(denied[0].detail).toMatchObject({ what: 'bulk.start', needed: 'technician', role: 'viewer' });
  });

  it('asks the role the policy gives the remote: a technician may honk, not immobilize', async () => {
    expect((await planOf(horn(), as('technician'))).status).toBe(200);
    const res = await planOf({ ...horn(), remote: IMMOBILIZE }, { ...as('technician'), ...REASON });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('supervisor');
    expect((await planOf({ ...horn(), remote: IMMOBILIZE }, { ...as('supervisor'), ...REASON })).status).toBe(
      200,
    );
  });

  it('needs X-Depot-Reason for a dangerous remote', async () => {
    const res = await w.api('POST', '/bulk-remotes', { ...horn(), remote: IMMOBILIZE });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['X-Depot-Reason']);
    expect((await w.api('GET', '/bulk-remotes')).body.total).toBe(0);
  });
});

describe('the rule for one vehicle', () => {
  const vehicle = (states: PlanVehicle['states'], capable = true): PlanVehicle => ({
    id: 'v1',
    vin: 'VR3UHZKXZMT000001',
    label: 'Van',
    capabilities: { Doors: { supported: capable }, WakeUp: { supported: true }, Stolen: { supported: true } },
    states,
  });
  const lock = { type: 'Doors' as const, remote: { door: { state: 'Locked' } }, whenBusy: undefined };
  const unlock = { type: 'Doors' as const, remote: { door: { state: 'Unlocked' } }, whenBusy: undefined };
  const free = () => false;
  const busy = () => true;

  it('gives the first reason that applies, in order', () => {
    expect(skipReasonOf(null, lock, free)).toBe('VEHICLE_GONE');
    expect(skipReasonOf(vehicle(['Stolen'], false), lock, free)).toBe('NOT_CAPABLE');
    expect(skipReasonOf(vehicle(['Stolen', 'Asleep', 'NoWakeUpsLeft']), lock, free)).toBe('STOLEN_MODE');
    expect(skipReasonOf(vehicle(['Asleep', 'NoWakeUpsLeft']), lock, free)).toBe('NO_WAKE_UPS_LEFT');
    expect(skipReasonOf(vehicle([]), lock, free)).toBeNull();
  });

  it('lets only Stolen itself go to a vehicle in stolen mode', () => {
    const stolen = { type: 'Stolen' as const, remote: { stolen: false }, whenBusy: 'queue' as const };
    expect(skipReasonOf(vehicle(['Stolen']), stolen, free)).toBeNull();
  });

  it('counts a wake-up for an asleep vehicle, and for a state refresh', () => {
    const wake = { type: 'WakeUp' as const, remote: { wakeUp: { action: 'WakeUp' } }, whenBusy: undefined };
    expect(skipReasonOf(vehicle(['NoWakeUpsLeft']), lock, free)).toBeNull();
    expect(skipReasonOf(vehicle(['NoWakeUpsLeft']), wake, free)).toBe('NO_WAKE_UPS_LEFT');
    expect(skipReasonOf(vehicle(['Asleep']), wake, free)).toBeNull();
  });

  it('skips a busy vehicle only for the remotes queued only when asked, unless asked', () => {
    expect(skipReasonOf(vehicle([]), lock, busy)).toBeNull();
    expect(skipReasonOf(vehicle([]), unlock, busy)).toBe('BUSY');
    expect(skipReasonOf(vehicle([]), { ...unlock, whenBusy: 'queue' }, busy)).toBeNull();
    expect(needsFreeLane(lock)).toBe(false);
    expect(needsFreeLane(unlock)).toBe(true);
  });

  it('estimates the sending time: the first at once, then one interval each', () => {
    expect(sendingSeconds(0, 600)).toBe(0);
    expect(sendingSeconds(1, 600)).toBe(0);
    expect(sendingSeconds(1000, 600)).toBe(99.9);
    expect(sendingSeconds(7, 1)).toBe(360);
  });
});
