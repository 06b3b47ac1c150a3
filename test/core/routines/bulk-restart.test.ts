// A bulk command survives a restart of the agent and resumes where it was, never sending a vehicle twice: the
// sends are counted at the simulated network, which outlives the agent as the real one does. What ended while the
// agent was stopped (an action whose end was stored just before the stop, its bulk item not yet) is read back at
// start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/core/db/index.js';
import { settingsWith, startRoutinesWorld, type RoutinesWorld } from './routines-world.js';

const LABELS = ['Van 01', 'Pool 02', 'Van 03', 'Pool 04', 'Van 15', 'Site 18', 'Exec 20', 'Van 21'];

let w: RoutinesWorld;
beforeAll(async () => {
  // Real-time vehicles (a horn takes ≈4 s, a wake-up ≈25 s): the restart comes while the first ones are under way.
  w = await startRoutinesWorld({ speed: 1 });
});
afterAll(async () => w?.close());

interface Item {
  vehicleId: string;
  label: string;
  state: string;
  remoteActionId: string | null;
  outcome: string | null;
}
const itemsOf = async (bulkId: string): Promise<Item[]> =>
  (await w.api('GET', `/bulk-remotes/${bulkId}`)).body.items;

describe('a bulk interrupted by a restart', () => {
  it('finishes after the restart without sending any vehicle twice', async () => {
    // One vehicle a second: the restart comes with three sent and five still queued.
    expect((await w.api('PUT', '/settings', settingsWith(60))).status).toBe(200);
    const started = await w.api('POST', '/bulk-remotes', {
      vehicleIds: LABELS.map(w.id),
      remote: { horn: { state: 'Activated' } },
    });
    expect(started.status, started.text).toBe(202);
    const { bulkId } = started.body;
    await w.run(async () => (await itemsOf(bulkId)).filter((i) => i.remoteActionId).length === 3, 5000, 50);
    const before = await itemsOf(bulkId);
    expect(before.map((i) => i.state)).toEqual(['sent', 'sent', 'sent', ...Array(5).fill('queued')]);
    expect(LABELS.map((l) => w.sendsTo(w.id(l)))).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);

    // Stopped right after the network's answer for the first vehicle was stored, before its item followed it.
    const first = before[0]!.remoteActionId!;
    await w.restart((file) => {
      const db = openDatabase(file);
      try {
        db.raw
          .prepare(
            `UPDATE remote_actions SET phase = 'Done', status = 'Success', outcome = 'Success',
              done_at = @at, updated_at = @at WHERE id = @id`,
          )
          .run({ id: first, at: w.clock.nowIso() });
      } finally {
        db.close();
      }
    });
    // Read back at start: the first vehicle is done, the two others still sent.
    expect((await itemsOf(bulkId)).slice(0, 3).map((i) => i.state)).toEqual(['done', 'sent', 'sent']);

    await w.run(
      async () => (await w.api('GET', `/bulk-remotes/${bulkId}`)).body.finishedAt !== null,
      120_000,
      100,
    );
    const after = await itemsOf(bulkId);
    expect(after.map((i) => i.state)).toEqual(Array(8).fill('done'));
    // The vehicles sent before the stop kept their action; every vehicle reached the network exactly once.
    expect(after.slice(0, 3).map((i) => i.remoteActionId)).toEqual(
      before.slice(0, 3).map((i) => i.remoteActionId),
    );
    expect(new Set(after.map((i) => i.remoteActionId)).size).toBe(8);
    expect(LABELS.map((l) => w.sendsTo(w.id(l)))).toEqual(Array(8).fill(1));
    expect(w.finished.filter((f) => f.bulkId === bulkId)).toHaveLength(1);
  });

  it('does not send a vehicle again after a further restart once the bulk is over', async () => {
    const sends = LABELS.map((l) => w.sendsTo(w.id(l)));
    await w.restart();
    await w.run(() => false, 5000, 100).catch(() => undefined);
    expect(LABELS.map((l) => w.sendsTo(w.id(l)))).toEqual(sends);
  });
});
