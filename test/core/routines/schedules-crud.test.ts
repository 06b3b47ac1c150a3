// Making, reading, changing and deleting schedules: who may (supervisors and admins write, anyone reads), what may
// be scheduled (never Immobilization or Stolen), and the checks a body meets (the send's own remote parser, the
// group, the vehicles by id or VIN, the callback) — each refusal storing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRemote } from '../../../main/core/domain/remote/index.js';
import type { Actor } from '../../../main/core/kernel/actor.js';
import { ServiceError } from '../../../main/core/kernel/service-error.js';
import type { ScheduleBodyDto } from '../../../preload/contract/routines.js';
import { adminActor, roleActor } from '../../helpers/actors.js';
import { auditActions, scheduleWorld, type ScheduleWorld } from './schedules-world.js';

let w: ScheduleWorld;
let supervisor: Actor;
beforeEach(async () => {
  w = await scheduleWorld();
  supervisor = w.operator('supervisor', 'Sue');
});
afterEach(async () => w.close());

const LOCK_AT_SIX: ScheduleBodyDto = {
  name: 'Closing lock',
  remote: { door: { state: 'Locked' } },
  vehicleIds: ['veh-e208-01', 'VR7ACYHZRML000002'],
  rule: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], time: '18:00' },
};

function refusal(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('creating a schedule', () => {
  it('stores it Running with its next run in the site’s zone, its creator, an audit entry and an event', () => {
    const created = w.schedules.create(LOCK_AT_SIX, supervisor);
    expect(created).toMatchObject({
      name: 'Closing lock',
      type: 'Doors',
      remote: { door: { state: 'Locked' } },
      callbackId: 'workstation',
      groupId: null,
      // Given by id and by VIN: kept as the fleet's ids.
      vehicleIds: ['veh-e208-01', 'veh-c5ax-02'],
      rule: LOCK_AT_SIX.rule,
      timeZone: 'Europe/Paris',
      status: 'Running',
      // Monday 17:59 in Paris: today at 18:00 local, 17:00Z.
      nextRunAt: '2026-01-05T17:00:00.000Z',
      lastRun: null,
      createdBy: { kind: 'operator', id: supervisor.id, name: 'Sue', role: 'supervisor' },
    });
    expect(w.schedules.get(created.id)).toEqual(created);
    expect(w.schedules.list()).toEqual({ items: [created], total: 1 });
    expect(auditActions(w, 'schedule.create')).toEqual([
      expect.objectContaining({
        operator: 'Sue',
        detail: expect.objectContaining({ scheduleId: created.id, type: 'Doors', timeZone: 'Europe/Paris' }),
      }),
    ]);
    expect(w.events).toContainEqual({ type: 'schedule.changed', scheduleId: created.id });
  });

  it('lets admins create too, and anyone signed in read', () => {
    const created = w.schedules.create(LOCK_AT_SIX, adminActor('Ada'));
    expect(created.createdBy).toMatchObject({ name: 'Ada', role: 'admin' });
    // Reads need no role beyond being signed in (the transports see to that).
    expect(w.schedules.list().total).toBe(1);
    expect(w.schedules.runs(created.id, { limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
  });

  it('refuses technicians and viewers with 403, audited, storing nothing', () => {
    for (const role of ['technician', 'viewer'] as const) {
      const error = refusal(() => w.schedules.create(LOCK_AT_SIX, roleActor(role, 'Tom')));
      expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      // The core says which role it needs as a value; the edges word it.
      expect(error.params).toMatchObject({ needed: 'supervisor', role });
    }
    expect(w.schedules.list().total).toBe(0);
    expect(auditActions(w, 'access.denied')).toHaveLength(2);
    expect(auditActions(w, 'schedule.create')).toEqual([]);
  });

  it('refuses Immobilization and Stolen with 422 NOT_SCHEDULABLE, even for an admin', () => {
    for (const remote of [
      { immobilization: { activate: true } },
      { immobilization: { activate: false } },
      { stolen: { stolen: true } },
    ]) {
      const error = refusal(() => w.schedules.create({ ...LOCK_AT_SIX, remote }, adminActor()));
      expect(error).toMatchObject({ status: 422, code: 'NOT_SCHEDULABLE' });
    }
    expect(w.schedules.list().total).toBe(0);
  });

  it('checks the remote with the send’s own parser: the same field errors, at their place in this body', () => {
    const bad = { door: { state: 'Ajar' }, horn: { state: 'Activated' } };
    const parsed = parseRemote(bad);
    if (parsed.ok) throw new Error('expected the body to be refused');
    const error = refusal(() => w.schedules.create({ ...LOCK_AT_SIX, remote: bad }, supervisor));
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(error.errors).toEqual(
      parsed.errors.map((e) => ({ ...e, field: e.field ? `remote.${e.field}` : 'remote' })),
    );
    expect(error.errors.length).toBeGreaterThan(0);
  });

  it('asks for the policy’s role for the remote: a supervisor cannot schedule what is kept for admins', () => {
    w.access.putPolicy(adminActor(), { rules: { 'Doors.Unlocked': 'admin' } });
    const unlock = { ...LOCK_AT_SIX, remote: { door: { state: 'Unlocked' } } };
    expect(refusal(() => w.schedules.create(unlock, supervisor))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(w.schedules.create(unlock, adminActor()).type).toBe('Doors');
  });

  it('needs a group that exists (404 GROUP_NOT_FOUND) and vehicles of the fleet (404, each one named)', () => {
    const { vehicleIds: _v, ...withoutVehicles } = LOCK_AT_SIX;
    expect(
      refusal(() => w.schedules.create({ ...withoutVehicles, groupId: 'no-such-group' }, supervisor)),
    ).toMatchObject({ status: 404, code: 'GROUP_NOT_FOUND' });
    const at = w.clock.nowIso();
    w.repos.groups.insert({
      id: 'grp-pool',
      name: 'Morning pool',
      vehicleIds: ['veh-e208-01'],
      filter: null,
      createdAt: at,
      updatedAt: at,
      createdBy: null,
    });
    expect(w.schedules.create({ ...withoutVehicles, groupId: 'grp-pool' }, supervisor)).toMatchObject({
      groupId: 'grp-pool',
      vehicleIds: null,
    });

    const error = refusal(() =>
      w.schedules.create(
        { ...LOCK_AT_SIX, vehicleIds: ['veh-e208-01', 'VF0000000000GHOST', 'gone'] },
        supervisor,
      ),
    );
    expect(error).toMatchObject({ status: 404, code: 'VEHICLE_NOT_FOUND' });
    expect(error.errors.map((e) => e.field)).toEqual(['vehicleIds.1', 'vehicleIds.2']);
    expect(w.schedules.list().total).toBe(1);
  });

  it('needs a callback that exists and subscribes to the remote', () => {
    expect(
      refusal(() => w.schedules.create({ ...LOCK_AT_SIX, callbackId: 'nope' }, supervisor)),
    ).toMatchObject({ status: 404, code: 'CALLBACK_NOT_FOUND' });
  });
});

describe('changing and deleting', () => {
  it('replaces name, remote, vehicles and rule, keeping the creator and the status; audited', () => {
    const created = w.schedules.create(LOCK_AT_SIX, supervisor);
    w.clock.advance(30_000);
    const admin = adminActor('Ada');
    const replaced = w.schedules.replace(
      created.id,
      {
        name: 'Morning horn',
        remote: { horn: { state: 'Activated' } },
        vehicleIds: ['veh-corsa-03'],
        rule: { days: ['Sat'], time: '07:15' },
      },
      admin,
    );
    expect(replaced).toMatchObject({
      id: created.id,
      name: 'Morning horn',
      type: 'Horn',
      vehicleIds: ['veh-corsa-03'],
      status: 'Running',
      createdAt: created.createdAt,
      updatedAt: w.clock.nowIso(),
      createdBy: created.createdBy,
      // Saturday 10 January, 07:15 in Paris.
      nextRunAt: '2026-01-10T06:15:00.000Z',
    });
    expect(auditActions(w, 'schedule.change')).toEqual([
      expect.objectContaining({ operator: 'Ada', detail: expect.objectContaining({ type: 'Horn' }) }),
    ]);
    expect(
      refusal(() => w.schedules.replace(created.id, LOCK_AT_SIX, roleActor('technician'))),
    ).toMatchObject({ status: 403 });
    expect(refusal(() => w.schedules.replace('missing', LOCK_AT_SIX, admin))).toMatchObject({
      status: 404,
      code: 'SCHEDULE_NOT_FOUND',
    });
  });

  it('deletes: gone from reads (404), audited, with an event saying so', () => {
    const created = w.schedules.create(LOCK_AT_SIX, supervisor);
    expect(refusal(() => w.schedules.remove(created.id, roleActor('technician')))).toMatchObject({
      status: 403,
    });
    w.schedules.remove(created.id, supervisor);
    expect(w.schedules.list().total).toBe(0);
    expect(refusal(() => w.schedules.get(created.id))).toMatchObject({
      status: 404,
      code: 'SCHEDULE_NOT_FOUND',
    });
    expect(w.schedules.view(created.id)).toBeNull();
    expect(refusal(() => w.schedules.remove(created.id, supervisor))).toMatchObject({ status: 404 });
    expect(auditActions(w, 'schedule.delete')).toHaveLength(1);
    expect(w.events.filter((e) => e.type === 'schedule.changed')).toHaveLength(2);
  });

  it('pauses (no next run) and resumes (audited each), and the same status again changes nothing', () => {
    const created = w.schedules.create(LOCK_AT_SIX, supervisor);
    expect(
      refusal(() => w.schedules.setStatus(created.id, { status: 'Paused' }, roleActor('technician'))),
    ).toMatchObject({
      status: 403,
    });
    const paused = w.schedules.setStatus(created.id, { status: 'Paused' }, supervisor);
    expect(paused).toMatchObject({ status: 'Paused', nextRunAt: null });
    expect(w.schedules.setStatus(created.id, { status: 'Paused' }, supervisor)).toEqual(paused);
    const resumed = w.schedules.setStatus(created.id, { status: 'Running' }, supervisor);
    expect(resumed).toMatchObject({ status: 'Running', nextRunAt: '2026-01-05T17:00:00.000Z' });
    expect(auditActions(w).map((e) => e.action)).toEqual([
      'schedule.create',
      'access.denied',
      'schedule.pause',
      'schedule.resume',
    ]);
  });
});
