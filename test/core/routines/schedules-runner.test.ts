// Schedules running at their planned instants on the clock port: exactly once (across timers, restarts and two
// agents on one file), late within the grace window or recorded missed, never caught up after a pause, and always
// as the creator is at the time of the run.
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/core/kernel/service-error.js';
import type { Actor } from '../../../main/core/kernel/actor.js';
import type { ScheduleBodyDto } from '../../../preload/contract/routines.js';
import { adminActor } from '../../helpers/actors.js';
import { auditActions, scheduleWorld, settled, type ScheduleWorld } from './schedules-world.js';

const MINUTE = 60_000;
let w: ScheduleWorld;
afterEach(async () => w?.close());

/** Doors locked at 18:00 Paris time every day. */
const LOCK_AT_SIX: ScheduleBodyDto = {
  name: 'Closing lock',
  remote: { door: { state: 'Locked' } },
  vehicleIds: ['veh-e208-01', 'veh-c5ax-02'],
  rule: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], time: '18:00' },
};
/** Monday 5 January 2026, 18:00 in Paris. */
const MONDAY_SIX = '2026-01-05T17:00:00.000Z';

async function advance(ms: number) {
  w.clock.advance(ms);
  await settled();
}

const runsOf = (id: string) => w.schedules.runs(id, { limit: 100, offset: 0 }).items;

describe('a schedule due a minute ahead', () => {
  it('runs once, at its time, as its creator, and says so in its runs, its DTO and the audit log', async () => {
    w = await scheduleWorld();
    const sue = w.operator('supervisor', 'Sue');
    const { id } = w.schedules.create(LOCK_AT_SIX, sue);
    await advance(MINUTE - 1); // 17:59:59.999 local: not yet
    expect(w.bulks).toEqual([]);
    await advance(1); // 18:00 exactly
    expect(w.bulks).toHaveLength(1);
    expect(w.bulks[0]).toMatchObject({
      actor: { kind: 'operator', id: sue.id, role: 'supervisor' },
      remote: { door: { state: 'Locked' } },
      callbackId: 'workstation',
      vehicleIds: ['veh-e208-01', 'veh-c5ax-02'],
      scheduleId: id,
    });
    const [run] = runsOf(id);
    expect(run).toMatchObject({ plannedFor: MONDAY_SIX, status: 'ran', at: MONDAY_SIX, reason: null });
    expect(run!.bulkId).toEqual(expect.any(String));
    expect(w.schedules.get(id)).toMatchObject({ lastRun: run, nextRunAt: '2026-01-06T17:00:00.000Z' });
    expect(auditActions(w, 'schedule.run')).toEqual([
      expect.objectContaining({
        operator: 'Sue',
        actor: expect.objectContaining({ id: sue.id, role: 'supervisor' }),
        detail: expect.objectContaining({ scheduleId: id, plannedFor: MONDAY_SIX, status: 'ran' }),
      }),
    ]);
    // Minutes later, and the timer firing every minute meanwhile: still once.
    await advance(10 * MINUTE);
    expect(w.bulks).toHaveLength(1);
    expect(runsOf(id)).toHaveLength(1);
    // The next day, again once.
    await advance(24 * 60 * MINUTE);
    expect(w.bulks).toHaveLength(2);
    expect(runsOf(id).map((r) => r.plannedFor)).toEqual(['2026-01-06T17:00:00.000Z', MONDAY_SIX]);
  });

  it('does not run again after a restart at the same instant, nor with two agents on one file', async () => {
    w = await scheduleWorld();
    const { id } = w.schedules.create(LOCK_AT_SIX, adminActor());
    await advance(MINUTE);
    expect(w.bulks).toHaveLength(1);
    // The agent stops and starts again in the same second.
    w = await w.restart(MONDAY_SIX);
    await settled();
    expect(w.bulks).toEqual([]);
    expect(runsOf(id)).toHaveLength(1);

    // Two agents on one file, both starting after Tuesday's time came: one claims it, the other finds it taken.
    w = await w.restart('2026-01-06T17:00:30.000Z');
    const twin = await scheduleWorld({ dir: w.dir, start: '2026-01-06T17:00:30.000Z', run: false });
    await twin.schedules.start();
    await settled();
    expect(w.bulks.length + twin.bulks.length).toBe(1);
    expect(runsOf(id).map((r) => r.plannedFor)).toEqual(['2026-01-06T17:00:00.000Z', MONDAY_SIX]);
    // The claim itself, from the other connection: the key is taken whatever either agent believes.
    const claim = { id: 'late-claim', scheduleId: id, status: 'ran' as const, at: MONDAY_SIX, bulkId: null };
    expect(twin.repos.schedules.claimRun({ ...claim, plannedFor: MONDAY_SIX, reason: null })).toBe(false);
    await twin.close();
    twin.db.close();
  });
});

describe('a time that passed while the agent was stopped', () => {
  it('runs on start within the grace window (late, for the planned time)', async () => {
    w = await scheduleWorld({ graceMinutes: 30 });
    const { id } = w.schedules.create(LOCK_AT_SIX, adminActor());
    w = await w.restart('2026-01-05T17:25:00.000Z'); // off at 17:59, back at 18:25 local
    expect(w.bulks).toHaveLength(1);
    expect(runsOf(id)).toEqual([
      expect.objectContaining({ plannedFor: MONDAY_SIX, status: 'ran', at: '2026-01-05T17:25:00.000Z' }),
    ]);
  });

  it('is recorded missed outside it: no bulk, one run row, audited, never run later', async () => {
    w = await scheduleWorld({ graceMinutes: 30 });
    const { id } = w.schedules.create(LOCK_AT_SIX, adminActor());
    w = await w.restart('2026-01-05T17:31:00.000Z');
    expect(w.bulks).toEqual([]);
    expect(runsOf(id)).toEqual([
      expect.objectContaining({ plannedFor: MONDAY_SIX, status: 'missed', bulkId: null }),
    ]);
    expect(auditActions(w, 'schedule.missed')).toEqual([
      expect.objectContaining({
        operator: 'schedules',
        detail: expect.objectContaining({ scheduleId: id, count: 1, first: MONDAY_SIX, last: MONDAY_SIX }),
      }),
    ]);
    expect(w.schedules.get(id).lastRun).toMatchObject({ status: 'missed' });
    await advance(60 * MINUTE);
    expect(w.bulks).toEqual([]);
    // A later restart does not find it again.
    w = await w.restart('2026-01-05T19:00:00.000Z');
    expect(runsOf(id)).toHaveLength(1);
  });

  it('after days off, runs only the most recent time (if within grace); each earlier one is missed', async () => {
    w = await scheduleWorld({ graceMinutes: 30 });
    const { id } = w.schedules.create(LOCK_AT_SIX, adminActor());
    w = await w.restart('2026-01-08T17:10:00.000Z'); // Thursday 18:10: Mon, Tue, Wed missed, Thu runs
    expect(w.bulks).toHaveLength(1);
    expect(runsOf(id).map((r) => [r.plannedFor, r.status])).toEqual([
      ['2026-01-08T17:00:00.000Z', 'ran'],
      ['2026-01-07T17:00:00.000Z', 'missed'],
      ['2026-01-06T17:00:00.000Z', 'missed'],
      [MONDAY_SIX, 'missed'],
    ]);
    expect(auditActions(w, 'schedule.missed')[0]!.detail).toMatchObject({ count: 3 });
  });

  it('counts a machine that slept through the time like a stop (the timer fires late)', async () => {
    w = await scheduleWorld({ graceMinutes: 0 });
    const { id } = w.schedules.create(LOCK_AT_SIX, adminActor());
    // The timer was due at 18:00; the clock jumps to 18:05 before anything fires (a suspended machine).
    w.clock.set('2026-01-05T17:05:00.000Z');
    await advance(0);
    expect(w.bulks).toEqual([]);
    expect(runsOf(id)).toEqual([expect.objectContaining({ status: 'missed' })]);
  });
});

describe('daylight-saving changes', () => {
  it('runs a time inside the spring-forward gap at 03:00 local, once', async () => {
    w = await scheduleWorld({ start: '2026-03-28T12:00:00.000Z' });
    const { id, nextRunAt } = w.schedules.create(
      { ...LOCK_AT_SIX, rule: { days: ['Sun'], time: '02:30' } },
      adminActor(),
    );
    expect(nextRunAt).toBe('2026-03-29T01:00:00.000Z');
    await advance(13 * 60 * MINUTE); // to 29 March 01:00Z, 03:00 local
    expect(w.bulks).toHaveLength(1);
    await advance(3 * 60 * MINUTE);
    expect(runsOf(id).map((r) => r.plannedFor)).toEqual(['2026-03-29T01:00:00.000Z']);
  });

  it('runs a repeated hour once, the first time', async () => {
    w = await scheduleWorld({ start: '2026-10-24T12:00:00.000Z' });
    const { id } = w.schedules.create(
      { ...LOCK_AT_SIX, rule: { days: ['Sun'], time: '02:30' } },
      adminActor(),
    );
    await advance(12 * 60 * MINUTE + 30 * MINUTE); // 25 October 00:30Z: 02:30 local, first pass
    expect(w.bulks).toHaveLength(1);
    await advance(2 * 60 * MINUTE); // through the second 02:30 (01:30Z) and beyond
    expect(w.bulks).toHaveLength(1);
    expect(runsOf(id).map((r) => r.plannedFor)).toEqual(['2026-10-25T00:30:00.000Z']);
    expect(w.schedules.get(id).nextRunAt).toBe('2026-11-01T01:30:00.000Z');
  });
});

describe('pause and resume', () => {
  it('a paused schedule does not run; resumed, it counts from then (no catch-up of what passed)', async () => {
    w = await scheduleWorld();
    const sue = w.operator('supervisor', 'Sue');
    const { id } = w.schedules.create(LOCK_AT_SIX, sue);
    w.schedules.setStatus(id, { status: 'Paused' }, sue);
    await advance(2 * MINUTE); // Monday's 18:00 passes while paused
    expect(w.bulks).toEqual([]);
    expect(runsOf(id)).toEqual([]);
    await advance(24 * 60 * MINUTE); // and Tuesday's
    w.schedules.setStatus(id, { status: 'Running' }, sue); // Tuesday 18:01 local: nothing run, nothing missed
    await advance(MINUTE);
    expect(w.bulks).toEqual([]);
    expect(runsOf(id)).toEqual([]);
    expect(w.schedules.get(id).nextRunAt).toBe('2026-01-07T17:00:00.000Z');
    await advance(24 * 60 * MINUTE);
    expect(runsOf(id).map((r) => [r.plannedFor, r.status])).toEqual([['2026-01-07T17:00:00.000Z', 'ran']]);
  });

  it('a schedule paused across a restart is not caught up either; deleted, it never runs', async () => {
    w = await scheduleWorld({ graceMinutes: 30 });
    const admin = adminActor();
    const paused = w.schedules.create(LOCK_AT_SIX, admin);
    const deleted = w.schedules.create({ ...LOCK_AT_SIX, name: 'Other' }, admin);
    w.schedules.setStatus(paused.id, { status: 'Paused' }, admin);
    w.schedules.remove(deleted.id, admin);
    w = await w.restart('2026-01-05T17:10:00.000Z');
    expect(w.bulks).toEqual([]);
    expect(runsOf(paused.id)).toEqual([]);
  });
});

describe('the creator’s current role', () => {
  let sue: Actor;
  let id: string;
  async function nextDay() {
    await advance(24 * 60 * MINUTE);
    return runsOf(id)[0]!;
  }

  it('each run re-reads its creator: promoted acts as admin, demoted or disabled fails with a code', async () => {
    w = await scheduleWorld(); // Monday 17:59 local
    sue = w.operator('supervisor', 'Sue');
    ({ id } = w.schedules.create(LOCK_AT_SIX, sue));
    await advance(MINUTE);
    expect(w.bulks.at(-1)!.actor).toMatchObject({ id: sue.id, role: 'supervisor' });

    w.setOperator(sue.id!, { role: 'admin' });
    expect(await nextDay()).toMatchObject({ status: 'ran' });
    expect(w.bulks.at(-1)!.actor).toMatchObject({ id: sue.id, role: 'admin' });
    // Audited as such: the run's actor is Sue the admin.
    expect(auditActions(w, 'schedule.run').at(-1)!.actor).toMatchObject({ id: sue.id, role: 'admin' });

    w.setOperator(sue.id!, { role: 'technician' });
    expect(await nextDay()).toMatchObject({ status: 'failed', reason: 'CREATOR_ROLE_TOO_LOW', bulkId: null });

    w.setOperator(sue.id!, { role: 'supervisor', enabled: false });
    expect(await nextDay()).toMatchObject({ status: 'failed', reason: 'CREATOR_DISABLED' });

    w.setOperator(sue.id!, { enabled: true, deletedAt: w.clock.nowIso() });
    expect(await nextDay()).toMatchObject({ status: 'failed', reason: 'CREATOR_DELETED' });
    expect(w.bulks).toHaveLength(2);
    expect(auditActions(w, 'schedule.run').map((e) => (e.detail as { status: string }).status)).toEqual([
      'ran',
      'ran',
      'failed',
      'failed',
      'failed',
    ]);
  });

  it('a run the bulk service refuses is failed with the refusal’s code, and the next one still runs', async () => {
    w = await scheduleWorld();
    ({ id } = w.schedules.create(LOCK_AT_SIX, adminActor()));
    w.refuseNextBulk(
      new ServiceError(409, 'CALLBACK_PAUSED', { params: { callback: 'c1', status: 'Paused' } }),
    );
    await advance(MINUTE);
    expect(runsOf(id)[0]).toMatchObject({ status: 'failed', reason: 'CALLBACK_PAUSED' });
    expect(await nextDay()).toMatchObject({ status: 'ran' });
  });
});

describe('a run cut short by a stop', () => {
  it('is linked to the bulk it started, or failed RUN_INTERRUPTED when there was none — never run again', async () => {
    w = await scheduleWorld();
    const admin = adminActor();
    const a = w.schedules.create(LOCK_AT_SIX, admin);
    const b = w.schedules.create({ ...LOCK_AT_SIX, name: 'Other' }, admin);
    // The claims were stored, then the agent stopped before writing their outcome; only a's bulk was stored.
    const at = MONDAY_SIX;
    for (const s of [a, b]) {
      w.repos.schedules.claimRun({
        id: `run-${s.name}`,
        scheduleId: s.id,
        plannedFor: at,
        status: 'ran',
        at,
        bulkId: null,
        reason: null,
      });
    }
    w.repos.bulk.insert(
      {
        id: 'bulk-a',
        type: 'Doors',
        remote: { door: { state: 'Locked' } },
        callbackId: 'workstation',
        groupId: null,
        scheduleId: a.id,
        status: 'running',
        whenBusy: null,
        expiresInSeconds: null,
        actor: admin,
        approvedBy: null,
        createdAt: at,
        finishedAt: null,
      },
      [],
    );
    w = await w.restart('2026-01-05T17:00:10.000Z');
    expect(w.bulks).toEqual([]);
    expect(runsOf(a.id)).toEqual([expect.objectContaining({ status: 'ran', bulkId: 'bulk-a' })]);
    expect(runsOf(b.id)).toEqual([expect.objectContaining({ status: 'failed', reason: 'RUN_INTERRUPTED' })]);
  });
});
