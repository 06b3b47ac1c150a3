// Sending is paced by `routines.bulkRatePerMinute`, on the clock: one vehicle every 60 000 / rate ms, never sooner,
// and a new rate applies at once (from the last send, not from the next timer). The manual clock fires each timer
// at its instant and the tests move it 1 ms at a time, so the times the commands were stored at are the pacing
// itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsWith, startRoutinesWorld, type RoutinesWorld } from './routines-world.js';

const VANS = ['Van 01', 'Pool 04', 'Van 15', 'Site 18', 'Exec 20', 'Van 21', 'Pool 25'];

let w: RoutinesWorld;
beforeAll(async () => {
  w = await startRoutinesWorld();
});
afterAll(async () => w?.close());

/** When each vehicle's command was stored (read from the service: the clock moves a millisecond at a time). */
const sentTimes = (bulkId: string): number[] =>
  w.core.services.bulk.get(bulkId).items.flatMap((i) => (i.sentAt === null ? [] : [Date.parse(i.sentAt)]));
const until = (ms: number) => () => w.clock.now().getTime() >= ms;

describe('the pace of a bulk command', () => {
  it('sends one vehicle every 60 000 / bulkRatePerMinute ms, and a new rate applies at once', async () => {
    expect((await w.api('PUT', '/settings', settingsWith(120))).status).toBe(200);
    const t0 = w.clock.now().getTime();
    const started = await w.api('POST', '/bulk-remotes', {
      vehicleIds: VANS.map(w.id),
      remote: { lights: { on: true } },
    });
    expect(started.status, started.text).toBe(202);
    const { bulkId } = started.body;

    // 120 a minute: every 500 ms, the first at once.
    await w.run(() => sentTimes(bulkId).length === 1, 0);
    await w.run(until(t0 + 499), 1000, 1);
    expect(sentTimes(bulkId)).toEqual([t0]);
    await w.run(() => sentTimes(bulkId).length === 3, 2000, 1);
    expect(sentTimes(bulkId)).toEqual([t0, t0 + 500, t0 + 1000]);

    // Slower: 30 a minute, from the last send (1000) — the next one at 3000, not at the timer set for 1500.
    await w.run(until(t0 + 1100), 1000, 1);
    expect((await w.api('PUT', '/settings', settingsWith(30))).status).toBe(200);
    await w.run(until(t0 + 2999), 3000, 1);
    expect(sentTimes(bulkId)).toHaveLength(3);
    await w.run(() => sentTimes(bulkId).length === 4, 1000, 1);
    expect(sentTimes(bulkId)[3]).toBe(t0 + 3000);

    // Faster again: 600 a minute (100 ms) from the last send, the rest right behind.
    expect((await w.api('PUT', '/settings', settingsWith(600))).status).toBe(200);
    await w.run(() => sentTimes(bulkId).length === VANS.length, 1000, 1);
    expect(sentTimes(bulkId)).toEqual([t0, t0 + 500, t0 + 1000, t0 + 3000, t0 + 3100, t0 + 3200, t0 + 3300]);
  });

  it('estimates the sending time of a plan from the pace', async () => {
    expect((await w.api('PUT', '/settings', settingsWith(60))).status).toBe(200);
    const plan = await w.api('POST', '/bulk-remotes?dryRun=true', {
      vehicleIds: VANS.map(w.id),
      remote: { lights: { on: true } },
    });
    expect(plan.status, plan.text).toBe(200);
    expect(plan.body.counts.queued).toBe(VANS.length);
    expect(plan.body.estimatedSeconds).toBe(VANS.length - 1);
  });
});
