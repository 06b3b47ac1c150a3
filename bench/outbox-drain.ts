// Outbox drain: a backlog of queued notifications delivered by the real outbox (production defaults, system
// clock, SQLite synchronous = FULL, Standard Webhooks signing on) to a sink in a separate process
// (bench/support/sink.mjs: node:http, keep-alive, answers 200), first one event per call, then with
// batchNotify size 100. The backlog builds up with the outbox running and its deliveries held (batches form as
// their events arrive); the drain is timed from the resume until the store says every delivery is Delivered.
// Beside it, in the same run: the same unbatched bodies drained by BullMQ on Redis (bench/support/bullmq-baseline.ts;
// skipped with one line where redis-server is not installed), posted by undici alone from memory with nothing
// stored (bench/support/bare-client.ts: the ceiling of any queue in this process), and the sink's own capacity
// (autocannon replaying a request the outbox sent). The batched drain has its undici-alone ceiling too: the sink's
// 100-event sample posted as many times, signed per call. Each drain reports the event loop's delay (p99, max) and the
// process's CPU time per delivery (every thread: the outbox and its store writer).
// Targets (issue 13): unbatched at least twice BullMQ and half the sink's capacity; batched at least half the
// sink's capacity in events; event loop p99 ≤ 20 ms, max ≤ 50 ms.
//
//   npm run bench -- outbox-drain     (BENCH_N=100000 notifications, BENCH_SECONDS=5 per sink run); built as the app
//                                     ships (scripts/bench.mjs). `node --import tsx bench/outbox-drain.ts` runs it from
//                                     source, a little slower: use it with BENCH_PROFILE, whose profiles then name
//                                     the source's functions and files.
//   BENCH_BATCHED_N=500000     events of the batched drain (default 500,000: 5,000 calls; 100,000 made only
//                              1,000 calls in 0.2–0.3 s, short against the start of a drain)
//   BENCH_WRITER=inline        the outbox's writes on the main connection instead of the store-writer thread
//   BENCH_OUTBOX_OPTIONS='{"claimChunk":512}'   other outbox options (outbox-options.ts), as JSON
//   BENCH_PROFILE=<folder>     a CPU profile of each drain's window (bench/support/profile.ts)
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  createRepositories,
  createStoreWriter,
  createUnitOfWork,
  openDatabase,
  type StoreWriterMode,
} from '../main/core/db/index.js';
import type { RemoteAction, RemoteEvent } from '../main/core/domain/action.js';
import type { CallbackSecrets, CallbackSubscribe } from '../main/core/domain/callback/callback-model.js';
import { createEventBus } from '../main/core/events/event-bus.js';
import { createOutbox, type OutboxOptions } from '../main/core/outbox/index.js';
import { systemClock } from '../main/core/ports/clock.js';
import { silentLogger } from '../main/core/ports/logger.js';
import { createIngestService } from '../main/core/services/ingest-service.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { bullmqDrain, type BaselineRequest } from './support/bullmq-baseline.js';
import { bareClientDrain } from './support/bare-client.js';
import { describeLoopDelay, LOOP_DELAY_BOUNDS, withLoopDelay, type LoopDelay } from './support/loop-delay.js';
import { machineLine } from './support/machine.js';
import { type CpuShare, describeCpu, limitOf, measureCpu } from './support/machine-cpu.js';
import { profiled } from './support/profile.js';

const N = Number(process.env.BENCH_N ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const BATCHED_N = Number(process.env.BENCH_BATCHED_N ?? 500_000);
const BATCH = 100;
/** Events per ingest transaction while the backlog is queued (not timed). */
const QUEUE_CHUNK = 500;
/** Pending events per action in the backlog. */
const EVENTS_PER_ACTION = 100;
/** autocannon's connections against the sink: the outbox's default window per target. */
const SINK_CONNECTIONS = 16;
const DRAIN_TIMEOUT_MS = 10 * 60_000;
const VINS = ['VR3UHZKXZMT000001', 'VR3UHZKXZMT000002', 'VR3UHZKXZMT000003'] as const;

interface Sample {
  headers: Record<string, string>;
  body: string;
}
interface SinkStats {
  requests: number;
  bytes: number;
  signed: number;
  sample: Sample | null;
}
type SinkMessage =
  | { type: 'listening'; port: number }
  | { type: 'reached'; requests: number }
  | ({ type: 'stats' } & SinkStats);

interface Sink {
  url: string;
  /** The sink's process id (its CPU time is read from /proc). */
  pid: number | undefined;
  stats(): Promise<SinkStats>;
  /** Resolves once the sink has answered `count` requests since it started. */
  reached(count: number): Promise<void>;
  stop(): void;
}

async function startSink(): Promise<Sink> {
  const child = fork(fileURLToPath(new URL('./support/sink.mjs', import.meta.url)), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  process.once('exit', stop);
  const next = <T extends SinkMessage['type']>(type: T, timeoutMs = 30_000) =>
    new Promise<Extract<SinkMessage, { type: T }>>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (m: unknown) => {
        const message = m as SinkMessage;
        if (message.type !== type) return;
        done();
        resolve(message as Extract<SinkMessage, { type: T }>);
      };
      const onExit = () => {
        done();
        reject(new Error('The sink process exited.'));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No '${type}' from the sink within ${timeoutMs} ms.`));
      }, timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await next('listening');
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stats() {
      const answer = next('stats');
      child.send({ type: 'stats' });
      const { type: _type, ...stats } = await answer;
      return stats;
    },
    async reached(count) {
      const answer = next('reached', DRAIN_TIMEOUT_MS);
      child.send({ type: 'notify', at: count });
      await answer;
    },
    stop,
  };
}

interface Drain {
  title: string;
  deliveries: number;
  events: number;
  bodyBytes: number;
  queueMs: number;
  /** Batches formed from the queued events (passes while deliveries are held), after the queueing. */
  formMs: number;
  drainMs: number;
  /** CPU time of this process (every thread: the outbox, its store writer) per delivery, in µs. */
  cpuUsPerDelivery: number;
  /** Share of the drain the event loop was busy (performance.eventLoopUtilization): near 1, it is the limit. */
  eventLoopBusy: number;
  /** Where the machine's CPU went during the drain. */
  cpu: CpuShare;
  loop: LoopDelay;
  sample: Sample;
  /** Every request body the outbox sent, rebuilt from the store (only when asked for). */
  requests: BaselineRequest[];
}

/**
 * The requests the outbox sent, for the BullMQ baseline: each stored delivery's events[] in the envelope of the
 * sample ($vin is the only attribute that varies here), with the sample's headers minus the per-call signing ones
 * (the baseline does not sign). Checked: one of them is the sample byte for byte.
 */
function sentRequests(db: ReturnType<typeof openDatabase>, sample: Sample): BaselineRequest[] {
  const envelope = JSON.parse(sample.body) as {
    callbackId: string;
    attributes: { key: string; value: string }[];
  };
  const headers = Object.fromEntries(
    Object.entries(sample.headers).filter(([name]) => !name.startsWith('webhook-')),
  );
  const rows = db.raw
    .prepare(
      'SELECT p.payload, d.vins FROM deliveries d JOIN delivery_payloads p ON p.delivery_id = d.id ORDER BY d.rowid',
    )
    .all() as {
    payload: string;
    vins: string;
  }[];
  const requests = rows.map((row) => {
    const attributes = envelope.attributes.map((a) =>
      a.key === 'vin' ? { key: a.key, value: row.vins } : a,
    );
    const body = `{"callbackId":${JSON.stringify(envelope.callbackId)},"attributes":${JSON.stringify(attributes)},"events":${row.payload}}`;
    return { headers, body };
  });
  if (!requests.some((r) => r.body === sample.body)) {
    throw new Error('The rebuilt bodies do not match the request the sink kept.');
  }
  return requests;
}

/** A callback as a site would configure one: a Header attribute and Body attributes, about 600-byte calls. */
function subscribe(target: string, batch: boolean): CallbackSubscribe {
  return {
    label: 'depot-fms',
    callback: {
      webhook: {
        target: `${target}/hooks/depot-remote`,
        name: 'fms',
        attributes: [
          { type: 'Header', key: 'X-Depot-Site', value: 'depot-42' },
          { type: 'Body', key: 'site', value: 'Depot 42, Rue de la Gare, 69007 Lyon' },
          { type: 'Body', key: 'fleet', value: '$fleetID' },
          { type: 'Body', key: 'callback', value: '$callbackID' },
          { type: 'Body', key: 'vin', value: '$vin' },
          { type: 'Body', key: 'remoteType', value: '$remoteType' },
          { type: 'Body', key: 'route', value: 'fms/notifications/v2/stellantis/remote-actions/events' },
        ],
      },
    },
    retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
    remoteTypes: ['Doors'],
    ...(batch ? { batchNotify: { size: BATCH, timeWindow: 5 } } : {}),
  };
}

function newAction(id: string, callbackId: string, vin: string, now: string): RemoteAction {
  return {
    id,
    vehicleId: `veh-${VINS.indexOf(vin as (typeof VINS)[number]) + 1}`,
    vin,
    callbackId,
    type: 'Doors',
    remote: { door: { state: 'Locked' } },
    phase: 'Pending',
    status: 'Accepted',
    outcome: null,
    failureCause: null,
    feedbackDetail: null,
    error: null,
    operator: 'bench',
    reason: null,
    createdAt: now,
    updatedAt: now,
    doneAt: null,
    lastEventDate: null,
  };
}

/** Queues `n` notifications through the ingest service (as the receiver would), then times the drain. */
async function drain(
  sink: Sink,
  title: string,
  n: number,
  batch: boolean,
  keepRequests = false,
  writerMode: StoreWriterMode = (process.env.BENCH_WRITER as StoreWriterMode | undefined) ?? 'thread',
): Promise<Drain> {
  const dir = tempDir('depot-remote-bench-outbox-');
  const db = openDatabase(join(dir.path, 'depot.sqlite'));
  const repos = createRepositories(db);
  const clock = systemClock();
  const bus = createEventBus();
  const secrets: CallbackSecrets = {
    signingSecret: `whsec_${randomBytes(32).toString('base64')}`,
    previousSigningSecret: null,
    authentication: null,
  };
  const unitOfWork = createUnitOfWork(db, silentLogger);
  const writer = createStoreWriter(db, writerMode);
  const outbox = createOutbox({
    writer,
    unitOfWork,
    repos,
    clock,
    bus,
    logger: silentLogger,
    openSecrets: async () => secrets,
    // The sink always answers 200: no 410 ever asks for a pause.
    pauseCallback: async () => ({ paused: false, upstreamError: null }),
    fleetId: () => 'fleet-42',
    options: JSON.parse(process.env.BENCH_OUTBOX_OPTIONS ?? '{}') as OutboxOptions,
  });
  const ingest = createIngestService({
    unitOfWork,
    repos,
    clock,
    bus,
    notifier: { actionCompleted() {} },
    logger: silentLogger,
    outbox,
  });
  try {
    const now = clock.nowIso();
    repos.vehicles.upsertMany(
      VINS.map((vin, i) => ({
        id: `veh-${i + 1}`,
        vin,
        label: `Van ${i + 1}`,
        brand: 'Peugeot',
        model: 'e-Expert',
        energy: 'Electric' as const,
        capabilities: {},
        syncedAt: now,
      })),
    );
    const callbackId = 'c0ffee00-0000-4000-8000-00000000b3c4';
    repos.callbacks.insert({
      id: callbackId,
      label: 'depot-fms',
      subscribe: subscribe(sink.url, batch),
      status: 'Running',
      secrets: null,
      receiverSecret: null,
      upstreamId: null,
      createdAt: now,
      updatedAt: now,
    });
    const events: RemoteEvent[] = [];
    db.transaction(() => {
      for (let a = 0; a * EVENTS_PER_ACTION < n; a++) {
        const vin = VINS[a % VINS.length]!;
        const action = newAction(`rid-${String(a).padStart(6, '0')}-bench`, callbackId, vin, now);
        repos.actions.insert(action);
        for (let i = 0; i < EVENTS_PER_ACTION && events.length < n; i++) {
          events.push({
            remoteActionId: action.id,
            vin,
            eventDate: new Date(Date.UTC(2026, 0, 5, 8, 0, 0) + i * 1000).toISOString(),
            remoteType: 'Doors',
            eventStatus: { type: 'Pending', status: 'SentToVehicle' },
          });
        }
      }
    });
    // As a backlog builds up in a depot: the outbox runs, its deliveries held (the operator's "Pause deliveries",
    // or a webhook down), so batches form as their events arrive; the drain is timed from the resume.
    outbox.start();
    outbox.pause();
    const queueStart = performance.now();
    for (let i = 0; i < events.length; i += QUEUE_CHUNK) {
      ingest.ingest(events.slice(i, i + QUEUE_CHUNK), 'receiver');
    }
    const queueMs = performance.now() - queueStart;
    const formStart = performance.now();
    await outbox.idle();
    const formMs = performance.now() - formStart;

    const before = await sink.stats();
    const deliveries = batch ? Math.ceil(n / BATCH) : n;
    const drainStart = performance.now();
    const cpuStart = process.cpuUsage();
    const eluStart = performance.eventLoopUtilization();
    const machine = measureCpu({ 'the sink': sink.pid });
    const { loop } = await withLoopDelay(() =>
      profiled(title, async () => {
        outbox.resume();
        await sink.reached(before.requests + deliveries);
        // Every outcome recorded (committed): the backlog is drained only once the store says Delivered.
        await outbox.idle();
      }),
    );
    const drainMs = performance.now() - drainStart;
    const cpu = process.cpuUsage(cpuStart);
    const elu = performance.eventLoopUtilization(eluStart);
    const cpuShare = machine.stop();

    const counts = repos.deliveries.counts();
    const after = await sink.stats();
    const received = after.requests - before.requests;
    if (
      counts.Delivered !== deliveries ||
      received !== deliveries ||
      after.signed - before.signed !== received
    ) {
      throw new Error(
        `${title}: expected ${deliveries} signed deliveries; the store says ${JSON.stringify(counts)}, ` +
          `the sink received ${received} (${after.signed - before.signed} signed).`,
      );
    }
    if (!after.sample) throw new Error(`${title}: the sink kept no sample request.`);
    return {
      title,
      deliveries,
      events: n,
      bodyBytes: Math.round((after.bytes - before.bytes) / received),
      queueMs,
      formMs,
      drainMs,
      cpuUsPerDelivery: Math.round(((cpu.user + cpu.system) / deliveries) * 10) / 10,
      eventLoopBusy: Math.round(elu.utilization * 100) / 100,
      cpu: cpuShare,
      loop,
      sample: after.sample,
      requests: keepRequests ? sentRequests(db, after.sample) : [],
    };
  } finally {
    await outbox.stop(0);
    await writer.close();
    db.close();
    dir.remove();
  }
}

interface Capacity {
  title: string;
  reqPerSec: number;
  eventsPerSec: number;
  p50ms: number;
  p99ms: number;
  non2xx: number;
  cpu: CpuShare;
}

async function capacity(
  sink: Sink,
  title: string,
  sample: Sample,
  eventsPerRequest: number,
): Promise<Capacity> {
  const machine = measureCpu({ 'the sink': sink.pid });
  const r = await autocannon({
    url: `${sink.url}/hooks/depot-remote`,
    method: 'POST',
    headers: sample.headers,
    body: sample.body,
    connections: SINK_CONNECTIONS,
    duration: DURATION,
  });
  return {
    title,
    reqPerSec: Math.round(r.requests.average),
    eventsPerSec: Math.round(r.requests.average * eventsPerRequest),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    cpu: machine.stop(),
  };
}

/** What limited a run, with its evidence: the sink when its one process is a full core, else limitOf(). */
function limitLine(title: string, cpu: CpuShare, waitingFor: string): string {
  const sinkCores = cpu.helpers['the sink'];
  const limit =
    sinkCores !== null && sinkCores !== undefined && sinkCores >= 0.9
      ? `the sink's own CPU (its one process ${sinkCores.toFixed(2)} cores)`
      : limitOf(cpu, waitingFor);
  return `- ${title}: ${limit}. Evidence: ${describeCpu(cpu)}.`;
}

async function main() {
  console.log(machineLine('start'));
  const sink = await startSink();
  try {
    const batchedN = Math.ceil(BATCHED_N / BATCH) * BATCH;
    const single = await drain(sink, 'outbox, 1 event per call', N, false, true);
    console.log(JSON.stringify({ ...single, sample: undefined, requests: undefined }));
    const batched = await drain(sink, `outbox, batchNotify size ${BATCH}`, batchedN, true);
    console.log(JSON.stringify({ ...batched, sample: undefined, requests: undefined }));
    const beforeBullmq = await sink.stats();
    const bullmq = await bullmqDrain(`${sink.url}/hooks/depot-remote`, single.requests, {
      'the sink': sink.pid,
    });
    if (bullmq) {
      const after = await sink.stats();
      if (after.requests - beforeBullmq.requests !== bullmq.deliveries) {
        throw new Error(
          `${bullmq.title}: the sink received ${after.requests - beforeBullmq.requests} of ${bullmq.deliveries}.`,
        );
      }
      console.log(JSON.stringify(bullmq));
    }
    const beforeBare = await sink.stats();
    const bareCpu = measureCpu({ 'the sink': sink.pid });
    const bare = await profiled('undici alone', () =>
      bareClientDrain(`${sink.url}/hooks/depot-remote`, single.requests, SINK_CONNECTIONS),
    );
    if ((await sink.stats()).requests - beforeBare.requests !== bare.deliveries) {
      throw new Error(`${bare.title}: the sink did not receive every request.`);
    }
    const bareShare = bareCpu.stop();
    console.log(JSON.stringify({ ...bare, cpu: bareShare }));
    single.requests = [];
    // The batched drain's ceiling: its calls' count of the sink's 100-event sample, each signed with its own id.
    const beforeBareBatched = await sink.stats();
    const bareBatchedCpu = measureCpu({ 'the sink': sink.pid });
    const bareBatched = await profiled('undici alone, batched', () =>
      bareClientDrain(
        `${sink.url}/hooks/depot-remote`,
        Array.from({ length: batched.deliveries }, () => batched.sample),
        SINK_CONNECTIONS,
        `, ${BATCH}-event bodies`,
      ),
    );
    if ((await sink.stats()).requests - beforeBareBatched.requests !== bareBatched.deliveries) {
      throw new Error(`${bareBatched.title}: the sink did not receive every request.`);
    }
    const bareBatchedShare = bareBatchedCpu.stop();
    console.log(JSON.stringify({ ...bareBatched, cpu: bareBatchedShare }));
    const sinkSingle = await capacity(sink, 'sink alone, the same 1-event request', single.sample, 1);
    console.log(JSON.stringify(sinkSingle));
    const sinkBatch = await capacity(
      sink,
      `sink alone, the same ${BATCH}-event request`,
      batched.sample,
      BATCH,
    );
    console.log(JSON.stringify(sinkBatch));

    const perSec = (count: number, ms: number) => Math.round((count / ms) * 1000);
    console.log(
      '\n| run | calls | events | body bytes | drain s | deliveries/s | events/s | vs sink alone | event loop |\n' +
        '|---|---|---|---|---|---|---|---|---|',
    );
    for (const [d, cap] of [
      [single, sinkSingle],
      [batched, sinkBatch],
    ] as const) {
      console.log(
        `| ${d.title} | ${d.deliveries} | ${d.events} | ${d.bodyBytes} | ${(d.drainMs / 1000).toFixed(1)} | ` +
          `${perSec(d.deliveries, d.drainMs)} | ${perSec(d.events, d.drainMs)} | ` +
          `${Math.round((perSec(d.deliveries, d.drainMs) / cap.reqPerSec) * 100)} % | ${describeLoopDelay(d.loop)} |`,
      );
    }
    const singleRate = perSec(single.deliveries, single.drainMs);
    console.log(
      '\n| side by side, 1 event per call | deliveries/s | vs sink alone |\n|---|---|---|\n' +
        `| ${single.title} (every outcome committed, signed) | ${singleRate} | ` +
        `${Math.round((singleRate / sinkSingle.reqPerSec) * 100)} % |\n` +
        (bullmq
          ? `| ${bullmq.title} (appendfsync everysec, unsigned) | ${perSec(bullmq.deliveries, bullmq.drainMs)} | ` +
            `${Math.round((perSec(bullmq.deliveries, bullmq.drainMs) / sinkSingle.reqPerSec) * 100)} % |\n`
          : '') +
        `| ${bare.title} | ${perSec(bare.deliveries, bare.drainMs)} | ` +
        `${Math.round((perSec(bare.deliveries, bare.drainMs) / sinkSingle.reqPerSec) * 100)} % |\n` +
        `| sink alone (autocannon, ${SINK_CONNECTIONS} connections) | ${sinkSingle.reqPerSec} | 100 % |` +
        (bullmq
          ? `\noutbox / BullMQ: ${(singleRate / perSec(bullmq.deliveries, bullmq.drainMs)).toFixed(2)}; ` +
            `BullMQ enqueue (addBulk, not timed in its drain): ${perSec(bullmq.deliveries, bullmq.enqueueMs)} jobs/s`
          : ''),
    );
    const bareBatchedEvents = perSec(bareBatched.deliveries * BATCH, bareBatched.drainMs);
    const batchedEvents = perSec(batched.events, batched.drainMs);
    console.log(
      `\n| side by side, ${BATCH} events per call | calls/s | events/s | vs sink alone |\n|---|---|---|---|\n` +
        `| ${batched.title} (every outcome committed, signed) | ${perSec(batched.deliveries, batched.drainMs)} | ` +
        `${batchedEvents} | ${Math.round((batchedEvents / sinkBatch.eventsPerSec) * 100)} % |\n` +
        `| ${bareBatched.title} | ${perSec(bareBatched.deliveries, bareBatched.drainMs)} | ${bareBatchedEvents} | ` +
        `${Math.round((bareBatchedEvents / sinkBatch.eventsPerSec) * 100)} % |\n` +
        `| sink alone (autocannon, ${SINK_CONNECTIONS} connections) | ${sinkBatch.reqPerSec} | ${sinkBatch.eventsPerSec} | 100 % |`,
    );
    console.log(
      `\n| sink alone (autocannon, ${SINK_CONNECTIONS} connections, ${DURATION} s) | req/s | events/s | p50 ms | p99 ms | non-2xx |\n` +
        '|---|---|---|---|---|---|',
    );
    for (const c of [sinkSingle, sinkBatch]) {
      console.log(
        `| ${c.title} | ${c.reqPerSec} | ${c.eventsPerSec} | ${c.p50ms} | ${c.p99ms} | ${c.non2xx} |`,
      );
    }
    console.log(
      `\nqueueing (ingest service, ${QUEUE_CHUNK} events per transaction, not timed in the drain): ` +
        `${perSec(single.events, single.queueMs)} events/s unbatched, ${perSec(batched.events, batched.queueMs)} events/s batched; ` +
        `then batches formed (passes while held, not timed in the drain): ${perSec(batched.events, batched.formMs)} events/s`,
    );
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const bullmqRate = bullmq ? perSec(bullmq.deliveries, bullmq.drainMs) : null;
    const batchedRate = perSec(batched.events, batched.drainMs);
    const loopsWithin = [single, batched].every(
      (d) => d.loop.p99ms <= LOOP_DELAY_BOUNDS.p99ms && d.loop.maxMs <= LOOP_DELAY_BOUNDS.maxMs,
    );
    console.log(
      `\ntargets (issue 13):\n` +
        (bullmqRate
          ? `- unbatched ≥ 2× BullMQ: ${(singleRate / bullmqRate).toFixed(2)}× — ${verdict(singleRate >= 2 * bullmqRate)}\n`
          : '- unbatched ≥ 2× BullMQ: not measured (no redis-server)\n') +
        `- unbatched ≥ 50 % of the sink alone: ${Math.round((singleRate / sinkSingle.reqPerSec) * 100)} % — ` +
        `${verdict(singleRate >= sinkSingle.reqPerSec / 2)} (undici alone from memory: ` +
        `${Math.round((perSec(bare.deliveries, bare.drainMs) / sinkSingle.reqPerSec) * 100)} %)\n` +
        `- batched ≥ 50 % of the sink alone in events: ${Math.round((batchedRate / sinkBatch.eventsPerSec) * 100)} % — ` +
        `${verdict(batchedRate >= sinkBatch.eventsPerSec / 2)} (undici alone from memory: ` +
        `${Math.round((bareBatchedEvents / sinkBatch.eventsPerSec) * 100)} %)\n` +
        `- event loop p99 ≤ ${LOOP_DELAY_BOUNDS.p99ms} ms and max ≤ ${LOOP_DELAY_BOUNDS.maxMs} ms in both drains: ` +
        `${verdict(loopsWithin)}\n` +
        `- the outbox's own cost: ${single.cpuUsPerDelivery} µs of CPU a delivery (all threads) against ` +
        `${bare.cpuUsPerDelivery} µs for undici alone; event loop busy ${Math.round(single.eventLoopBusy * 100)} % of the drain; ` +
        `batched ${batched.cpuUsPerDelivery} µs a call against ${bareBatched.cpuUsPerDelivery} µs for undici alone`,
    );
    // Neither loop nor machine busy: the calls in flight (the window per target) wait for their answers.
    const inFlight = 'the round trips of its calls in flight (a window per target)';
    console.log(
      `\nwhat limited each run (issue 13, item 6; busy ≥ 80 % for the event loop or ≥ 90 % for the machine counts ` +
        `as the limit):\n` +
        [
          limitLine(single.title, single.cpu, inFlight),
          limitLine(batched.title, batched.cpu, inFlight),
          ...(bullmq ? [limitLine(bullmq.title, bullmq.cpu, 'Redis and the sink')] : []),
          limitLine(bare.title, bareShare, inFlight),
          limitLine(bareBatched.title, bareBatchedShare, inFlight),
          limitLine(sinkSingle.title, sinkSingle.cpu, 'the sink'),
          limitLine(sinkBatch.title, sinkBatch.cpu, 'the sink'),
        ].join('\n'),
    );
    console.log(machineLine('end'));
  } finally {
    sink.stop();
  }
}

void main();
