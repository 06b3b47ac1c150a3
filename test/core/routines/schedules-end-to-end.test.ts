// Schedules in a real core: its own schedules service, started with it, each run a real bulk command through the
// bulk service, remotes, queue and the in-process fleet, on one SQLite file and one manual clock. A stop and a start
// are a new core on the same folder with its clock set where the test says, so "the agent was off at the planned
// time" and "a restart at the same instant" are what they say.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/create-core.js';
import type { Actor } from '../../../main/core/kernel/actor.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { adminActor } from '../../helpers/actors.js';
import { createInProcessFleet, IN_PROCESS_VEHICLES } from '../../helpers/in-process-fleet.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { settled } from './schedules-world.js';

const ADMIN = adminActor('tests');
/** Monday 5 January 2026, 08:00 UTC: a minute before the schedules below (the site is in UTC here). */
const MONDAY_0800 = '2026-01-05T08:00:00.000Z';
const AT_0801 = '2026-01-05T08:01:00.000Z';
const WEEKDAYS_0801 = {
  days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as ('Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri')[],
  time: '08:01',
};
const LOCK = { door: { state: 'Locked' } };
const SETTINGS = {
  connector: 'simulator' as const,
  stellantis: { baseUrl: '', fleetId: '', clientId: '', user: '', certFile: '', keyFile: '', caFile: '' },
  publicReceiverUrl: null,
  receiver: { port: 5781, bind: '127.0.0.1', tls: null },
  notifications: { desktop: false },
  routines: { bulkRatePerMinute: 600, timeZone: 'UTC', scheduleGraceMinutes: 30 },
};

let dir: ReturnType<typeof tempDir>;
let core: Core | null = null;
let clock: ManualClock;

/** Starts the agent's core on the test's folder at `at`; the schedules catch up as part of its start. */
async function start(at: string) {
  clock = manualClock(at);
  core = await createCore({
    dataDir: dir.path,
    connector: createInProcessFleet({ clock, stepMs: 1000 }),
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dir.path),
    logger: silentLogger,
    clock,
  });
  await core.start();
  await settled();
  return core;
}

async function restart(at: string) {
  await core!.close();
  return start(at);
}

async function advance(ms: number, step = 1000) {
  for (let t = 0; t < ms; t += step) {
    clock.advance(Math.min(step, ms - t));
    await settled();
  }
}

afterEach(async () => {
  await core?.close();
  core = null;
  dir.remove();
});

async function firstCore(): Promise<Core> {
  dir = tempDir('depot-schedules-e2e-');
  const c = await start(MONDAY_0800);
  await c.services.settings.save(SETTINGS, ADMIN);
  return c;
}

async function supervisor(c: Core, name: string): Promise<Actor> {
  const { id } = await c.services.operators.create(ADMIN, { name, role: 'supervisor', pin: '246810' });
  return { operator: name, kind: 'operator', id, role: 'supervisor' };
}

const runsOf = (c: Core, id: string) => c.services.schedules.runs(id, { limit: 10, offset: 0 }).items;
const bulkCount = (c: Core) => c.services.bulk.list({ limit: 10, offset: 0 }).total;

describe('a schedule to a group, due a minute ahead', () => {
  it('runs once as a real bulk command, each vehicle’s lock reaching its end; a restart then starts nothing', async () => {
    let c = await firstCore();
    const sue = await supervisor(c, 'Sue');
    const group = c.services.groups.create(ADMIN, {
      name: 'Depot A',
      vehicleIds: IN_PROCESS_VEHICLES.map((v) => v.id),
    });
    const { id } = c.services.schedules.create(
      { name: 'Lock the depot', remote: LOCK, groupId: group.id, rule: WEEKDAYS_0801 },
      sue,
    );
    await advance(59_000);
    expect(bulkCount(c)).toBe(0);
    await advance(1_000);
    const [run] = runsOf(c, id);
    expect(run).toMatchObject({ plannedFor: AT_0801, status: 'ran', at: AT_0801 });

    await advance(10_000);
    const bulk = c.services.bulk.get(run!.bulkId!);
    expect(bulk).toMatchObject({
      scheduleId: id,
      groupId: group.id,
      type: 'Doors',
      status: 'finished',
      createdBy: { kind: 'operator', id: sue.id, name: 'Sue', role: 'supervisor' },
    });
    // Loaner 03 has e-remote only: skipped with the reason; the three others locked, each sent once.
    expect(bulk.counts).toMatchObject({ total: 4, done: 3, skipped: 1 });
    expect(bulk.items.find((i) => i.state === 'skipped')).toMatchObject({
      vehicleId: 'veh-corsa-03',
      reason: 'NOT_CAPABLE',
    });
    const sent = c.services.remotes.list({ limit: 50, offset: 0 }).items.map((a) => a.vehicleId);
    expect(sent.sort()).toEqual(['veh-500-04', 'veh-c5ax-02', 'veh-e208-01']);
    expect(c.services.schedules.get(id)).toMatchObject({
      lastRun: { status: 'ran', bulkId: bulk.bulkId },
      nextRunAt: '2026-01-06T08:01:00.000Z',
    });

    c = await restart(AT_0801);
    await advance(5_000);
    expect(bulkCount(c)).toBe(1);
    expect(runsOf(c, id)).toHaveLength(1);
  });
});

describe('a time that passed while the agent was stopped', () => {
  it('runs on start within the grace window, through the bulk service; outside it, it is recorded missed', async () => {
    let c = await firstCore();
    const { id } = c.services.schedules.create(
      { name: 'Lock Van 01', remote: LOCK, vehicleIds: ['veh-e208-01'], rule: WEEKDAYS_0801 },
      ADMIN,
    );
    c = await restart('2026-01-05T08:20:00.000Z'); // stopped at 08:00, back at 08:20: 19 minutes late
    const [late] = runsOf(c, id);
    expect(late).toMatchObject({ plannedFor: AT_0801, status: 'ran', at: '2026-01-05T08:20:00.000Z' });
    expect(c.services.bulk.get(late!.bulkId!)).toMatchObject({ scheduleId: id, counts: { total: 1 } });

    c = await restart('2026-01-06T08:40:00.000Z'); // Tuesday's 08:01 is 39 minutes gone
    expect(runsOf(c, id)[0]).toMatchObject({
      plannedFor: '2026-01-06T08:01:00.000Z',
      status: 'missed',
      bulkId: null,
    });
    expect(bulkCount(c)).toBe(1);
  });
});

describe('the creator’s role of the day, as the bulk service sees it', () => {
  it('a policy raised above the creator’s role makes the run fail FORBIDDEN, nothing sent', async () => {
    const c = await firstCore();
    const sue = await supervisor(c, 'Sue');
    const { id } = c.services.schedules.create(
      { name: 'Lock Van 01', remote: LOCK, vehicleIds: ['veh-e208-01'], rule: WEEKDAYS_0801 },
      sue,
    );
    c.services.access.putPolicy(ADMIN, { rules: { 'Doors.Locked': 'admin' } });
    await advance(60_000);
    expect(runsOf(c, id)[0]).toMatchObject({ status: 'failed', reason: 'FORBIDDEN' });
    expect(bulkCount(c)).toBe(0);
    expect(c.services.remotes.list({ limit: 10, offset: 0 }).total).toBe(0);
  });
});
