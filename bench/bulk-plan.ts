// A bulk command to 1,000 simulated vehicles (issue 16: planned in < 1 s, its sending rate limited only by the
// pacing setting, the event loop responsive meanwhile). On a real core (SQLite file, synchronous=FULL) with the
// simulator (1,000 vehicles drawn from seed 42, 100× speed) posting its notifications over HTTP to the agent's
// receiver on 127.0.0.1, on the system clock:
// - plan (the dry run: every check, each vehicle described and judged) and start (the same, then the bulk and its
//   1,000 items stored in one transaction), median of BENCH_RUNS; baseline: bare better-sqlite3 inserts of the same
//   1,000 item rows on the same pragmas, in one transaction, in the same run.
// - the sending rate at several `routines.bulkRatePerMinute` settings, from the times the vehicles' commands were
//   stored; baseline: the remotes service's own send, unpaced, 32 at a time, to the same vehicles (how fast the
//   agent could send if the setting did not hold it back).
import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSimulatorConnector } from '../main/core/connector/simulator/simulator-connector.js';
import { createCore, type Core } from '../main/core/create-core.js';
import { machineActor } from '../main/core/kernel/actor.js';
import { systemClock } from '../main/core/ports/clock.js';
import { silentLogger } from '../main/core/ports/logger.js';
import { createReceiver } from '../main/core/receiver/index.js';
import { createKeyFileSecretBox } from '../main/core/secrets/key-file-secret-box.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { describeLoopDelay, withLoopDelay } from './support/loop-delay.js';
import { machineLine } from './support/machine.js';
import { profiled } from './support/profile.js';

const VEHICLES = Number(process.env.BENCH_VEHICLES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Settings (commands a minute) and how many vehicles each sends to: about ten seconds each. */
const RATES: [number, number][] = [
  [600, 100],
  [3000, 500],
  [6000, 1000],
];
const ACTOR = machineActor('bench');
const HORN = { horn: { state: 'Activated' } };
const LIGHTS = { lights: { on: true } };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => x.toFixed(1);

function setRate(core: Core, bulkRatePerMinute: number) {
  return core.services.settings.save(
    {
      connector: 'simulator',
      stellantis: { baseUrl: '', fleetId: '', clientId: '', user: '', certFile: '', keyFile: '', caFile: '' },
      publicReceiverUrl: null,
      receiver: { port: 5781, bind: '127.0.0.1', tls: null },
      notifications: { desktop: false },
      routines: { bulkRatePerMinute, timeZone: 'UTC', scheduleGraceMinutes: 30 },
    },
    ACTOR,
  );
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

async function main() {
  console.log(machineLine('start'));
  const dir = tempDir('depot-remote-bench-');
  const clock = systemClock();
  const connector = createSimulatorConnector({ clock, seed: 42, speed: 100, vehicles: VEHICLES });
  let receiverUrl: string | null = null;
  const core = await createCore({
    dataDir: dir.path,
    connector,
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dir.path),
    logger: silentLogger,
    clock,
    receiverBaseUrl: () => receiverUrl,
  });
  const receiver = await createReceiver(
    { inbox: core.inbox, callbacks: core.services.callbacks, bus: core.bus, logger: silentLogger },
    { rateLimit: { max: 1_000_000, timeWindowMs: 1000 } },
  );
  await receiver.listen({ port: 0, host: '127.0.0.1' });
  receiverUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
  await core.start();
  const { bulk, remotes, vehicles } = core.services;
  // The fleet view's states need each vehicle's status: read at start, in the background.
  while (vehicles.list({ limit: VEHICLES, offset: 0 }).items.some((v) => v.statusAt === null))
    await sleep(50);
  const ids = vehicles.list({ limit: VEHICLES, offset: 0 }).items.map((v) => v.id);
  console.log(`fleet: ${ids.length} simulated vehicles`);

  // ── planning ─────────────────────────────────────────────────────────────────────────────────────────────────
  // One a minute while planning: a start's first vehicle goes, the rest wait (and are cancelled).
  await setRate(core, 1);
  const command = { actor: ACTOR, remote: HORN, vehicleIds: ids };
  const plans: number[] = [];
  const starts: number[] = [];
  let queued = 0;
  const { loop: planLoop } = await withLoopDelay(() =>
    profiled('bulk-plan', async () => {
      await bulk.plan(command);
      for (let i = 0; i < RUNS; i++) {
        // A turn of the event loop between steps: its delay meanwhile is what one step held it for.
        const plan = await timed(() => bulk.plan(command));
        plans.push(plan.ms);
        queued = plan.result.counts.queued;
        await sleep(1);
        const start = await timed(() => bulk.start(command));
        starts.push(start.ms);
        await sleep(1);
        bulk.cancel(start.result.bulkId, ACTOR);
        await sleep(1);
      }
    }),
  );
  const items = bulk.get(bulk.list({ limit: 1, offset: 0 }).items[0]!.bulkId).items;

  // Baseline: the same 1,000 item rows, bare, on the same pragmas, one transaction.
  const db = new Database(join(dir.path, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE bulk_items (bulk_id TEXT NOT NULL, seq INTEGER NOT NULL, vehicle_id TEXT NOT NULL,
    vin TEXT NOT NULL, label TEXT, state TEXT NOT NULL, reason TEXT, detail TEXT, remote_action_id TEXT,
    outcome TEXT, failure_cause TEXT, sent_at TEXT, ended_at TEXT, PRIMARY KEY (bulk_id, seq),
    UNIQUE (bulk_id, vehicle_id))`);
  const insert = db.prepare(`INSERT INTO bulk_items VALUES (@bulkId, @seq, @vehicleId, @vin, @label, @state,
    @reason, @detail, NULL, NULL, NULL, NULL, NULL)`);
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    db.transaction(() =>
      items.forEach((item, seq) => insert.run({ ...item, bulkId: `bulk-${i}`, seq: seq + 1 })),
    )();
    bare.push(performance.now() - start);
  }
  db.close();

  // ── sending ──────────────────────────────────────────────────────────────────────────────────────────────────
  const rates: { setting: number; vehicles: number; sent: number; perMinute: number; loop: string }[] = [];
  for (const [setting, n] of RATES) {
    await setRate(core, setting);
    await sleep(200);
    const { bulkId } = await bulk.start({ actor: ACTOR, remote: HORN, vehicleIds: ids.slice(0, n) });
    const { loop } = await withLoopDelay(async () => {
      while (bulk.summary(bulkId)!.counts.queued > 0) await sleep(20);
    });
    const times = bulk
      .get(bulkId)
      .items.flatMap((i) => (i.sentAt ? [Date.parse(i.sentAt)] : []))
      .sort((a, b) => a - b);
    const spanMin = (times.at(-1)! - times[0]!) / 60_000;
    rates.push({
      setting,
      vehicles: n,
      sent: times.length,
      perMinute: Math.round((times.length - 1) / spanMin),
      loop: describeLoopDelay(loop),
    });
    await sleep(1500);
  }

  // Baseline: the send path itself, unpaced, 32 at a time (lights: the horns may still be under way).
  const targets = ids.filter((id) => {
    const v = vehicles.view(id)!;
    return v.capabilities.Lights?.supported !== false && !v.states.includes('Stolen');
  });
  let next = 0;
  let sentUnpaced = 0;
  const unpaced = await timed(() =>
    Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let i = next++; i < targets.length; i = next++) {
          await remotes
            .send({ vehicleRef: targets[i]!, callbackId: 'workstation', body: LIGHTS, actor: ACTOR })
            .then(() => (sentUnpaced += 1))
            .catch(() => undefined);
        }
      }),
    ),
  );

  await receiver.close();
  await core.close();
  dir.remove();

  console.log(
    `\nplanning a bulk to ${VEHICLES} vehicles (${queued} to send, the rest skipped), median of ${RUNS}`,
  );
  console.log('| step | ms | event loop |\n|---|---|---|');
  console.log(
    `| baseline: bare better-sqlite3 insert of the ${items.length} item rows (WAL, FULL) | ${ms(median(bare))} | |`,
  );
  console.log(
    `| plan (dry run: checks, fleet described, each vehicle judged) | ${ms(median(plans))} | ${describeLoopDelay(planLoop)} |`,
  );
  console.log(`| start (plan, then the bulk and its items stored, audited) | ${ms(median(starts))} | |`);
  console.log('\nsending rate against the pacing setting');
  console.log(
    '| bulkRatePerMinute | vehicles | sent | measured per minute | event loop while sending |\n|---|---|---|---|---|',
  );
  for (const r of rates) {
    console.log(`| ${r.setting} | ${r.vehicles} | ${r.sent} | ${r.perMinute} | ${r.loop} |`);
  }
  console.log(
    `| baseline: remotes.send unpaced, 32 at a time | ${targets.length} | ${sentUnpaced} | ` +
      `${Math.round((sentUnpaced / unpaced.ms) * 60_000)} | |`,
  );
  console.log(machineLine('end'));
}

void main();
