// How fast notifications are stored: events through the ingest service (dedupe, lifecycle, history,
// one transaction per batch, synchronous=FULL), against bare better-sqlite3 inserts of the same rows
// on the same pragmas, measured in the same run. Both yield a turn of the event loop between batches, and
// report how late the loop was meanwhile (issue 13: p99 ≤ 20 ms, max ≤ 50 ms).
import Database from 'better-sqlite3';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { createCore } from '../main/core/create-core.js';
import type { RemoteEvent } from '../main/core/domain/action.js';
import { manualClock } from '../main/core/ports/clock.js';
import { silentLogger } from '../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../main/core/secrets/key-file-secret-box.js';
import { scriptedConnector } from '../test/helpers/scripted-connector.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { describeLoopDelay, withLoopDelay } from './support/loop-delay.js';
import { profiled } from './support/profile.js';
import { machineActor } from '../main/core/kernel/actor.js';

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 2000);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);

function events(rid: string, i: number): RemoteEvent[] {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 5, 8, 0, 0) + i * 10_000 + s * 1000).toISOString();
  const base = { remoteActionId: rid, vin: 'VR3UHZKXZMT000001', remoteType: 'Horn' };
  return [
    { ...base, eventDate: at(1), eventStatus: { type: 'Pending', status: 'Accepted' } },
    { ...base, eventDate: at(2), eventStatus: { type: 'Pending', status: 'SentToVehicle' } },
    { ...base, eventDate: at(3), eventStatus: { type: 'Done', status: 'Success' } },
  ];
}

async function main() {
  console.log(`load average (1 min) at start: ${loadavg()[0]!.toFixed(2)}`);
  const dir = tempDir('depot-remote-bench-');
  const clock = manualClock();
  const connector = scriptedConnector();
  const core = await createCore({
    dataDir: dir.path,
    connector,
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dir.path),
    logger: silentLogger,
    clock,
  });
  await core.start();
  const cb = await core.services.callbacks.create(
    { callback: { webhook: { target: 'https://x.example/h', name: 'x' } }, remoteTypes: ['Horn'] },
    machineActor(),
  );
  const all: RemoteEvent[] = [];
  for (let i = 0; i < ACTIONS; i++) {
    const a = await core.services.remotes.send({
      vehicleRef: 'veh-e208-01',
      callbackId: cb.id,
      body: { horn: { state: 'Activated' } },
      actor: machineActor(),
    });
    all.push(...events(a.remoteActionId, i));
    // Complete it at once so the next send of the same feature is allowed.
    core.services.ingest.ingest(events(a.remoteActionId, i).slice(2), 'receiver');
  }
  // Re-ingest the whole history: the Done events dedupe, the Pendings land after Done (not applied).
  const startIngest = performance.now();
  const { loop: ingestLoop } = await withLoopDelay(() =>
    profiled('ingest-service', async () => {
      for (let i = 0; i < all.length; i += BATCH) {
        core.services.ingest.ingest(all.slice(i, i + BATCH), 'receiver');
        await turn();
      }
    }),
  );
  const ingestMs = performance.now() - startIngest;
  await core.close();

  // Baseline: the same number of rows into a bare table on the same pragmas, same batch size.
  const db = new Database(join(dir.path, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table e (rid text, t text, s text, d text, unique(rid, t, s, d))');
  const insert = db.prepare('insert into e values (?, ?, ?, ?) on conflict do nothing');
  const batch = db.transaction((rows: RemoteEvent[]) => {
    for (const r of rows) insert.run(r.remoteActionId, r.eventStatus.type, r.eventStatus.status, r.eventDate);
  });
  const startBare = performance.now();
  const { loop: bareLoop } = await withLoopDelay(async () => {
    for (let i = 0; i < all.length; i += BATCH) {
      batch(all.slice(i, i + BATCH));
      await turn();
    }
  });
  const bareMs = performance.now() - startBare;
  db.close();
  dir.remove();

  const perSec = (ms: number) => Math.round((all.length / ms) * 1000);
  console.log(`events: ${all.length} in batches of ${BATCH}`);
  console.log(`| path | ms | events/s | event loop |\n|---|---|---|---|`);
  console.log(
    `| baseline: bare better-sqlite3 insert (WAL, synchronous=FULL) | ${bareMs.toFixed(0)} | ${perSec(bareMs)} | ` +
      `${describeLoopDelay(bareLoop)} |`,
  );
  console.log(
    `| ingest service (dedupe, lifecycle, history, action update) | ${ingestMs.toFixed(0)} | ${perSec(ingestMs)} | ` +
      `${describeLoopDelay(ingestLoop)} |`,
  );
  console.log(`load average (1 min) at end: ${loadavg()[0]!.toFixed(2)}`);
}

void main();
