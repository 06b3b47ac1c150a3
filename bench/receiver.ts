// Webhook receiver ingest on loopback, beside a bare Fastify route that parses the same body and stores
// nothing, measured in the same run. The receiver stores durably (SQLite, synchronous = FULL, WAL): every
// request is a distinct notification (autocannon's [<id>] makes each status unique), so nothing is deduped
// away. Its flood limit is raised so that it is measured, not refused. Target (issue 3): at least 40% of the
// bare route's requests per second, and p99 under 25 ms at a fixed 1,000 requests per second.
//
//   node --import tsx bench/receiver.ts          (BENCH_SECONDS=5 per run by default)
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startReceiverHarness } from '../test/core/receiver/receiver-harness.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const BATCH = 100;
const WIDE = 100;

interface Line {
  title: string;
  reqPerSec: number;
  eventsPerSec: number;
  p50ms: number;
  p99ms: number;
  non2xx: number;
  errors: number;
}

async function load(title: string, eventsPerRequest: number, opts: autocannon.Options): Promise<Line> {
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, idReplacement: true, ...opts });
  const line = {
    title,
    reqPerSec: Math.round(r.requests.average),
    eventsPerSec: Math.round(r.requests.average * eventsPerRequest),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  console.log(JSON.stringify(line));
  return line;
}

function events(rids: string[], n: number) {
  return Array.from({ length: n }, (_, i) => ({
    remoteActionId: rids[i % rids.length],
    vin: 'VR3UHZKXZMT000001',
    eventDate: new Date(Date.UTC(2026, 0, 5, 8, 0, 0) + i * 1000).toISOString(),
    remoteType: 'Doors',
    eventStatus: { type: 'Pending', status: `Bench-[<id>]` },
  }));
}

async function main() {
  const bare = Fastify({ bodyLimit: 1024 * 1024 });
  bare.post('/webhooks/stellantis/:cbid', async () => ({ received: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const h = await startReceiverHarness({
    clock: 'system',
    record: false,
    receiver: { rateLimit: { max: 1_000_000_000, timeWindowMs: 1000 } },
  });
  // Four actions in flight (one per vehicle), so events update real actions.
  const rids: string[] = [];
  for (const [vehicle, body] of [
    ['veh-e208-01', { door: { state: 'Locked' } }],
    ['veh-c5ax-02', { door: { state: 'Locked' } }],
    ['veh-corsa-03', { wakeUp: { action: 'WakeUp' } }],
    ['veh-500-04', { wakeUp: { action: 'WakeUp' } }],
  ] as const) {
    rids.push((await h.sendRemote(vehicle, body)).remoteActionId);
  }
  const headers = { 'content-type': 'application/json', 'x-depot-secret': h.secret };
  const path = `/webhooks/stellantis/${h.cbid}`;
  const single = JSON.stringify({ callbackId: 'up', attributes: [], events: events(rids.slice(0, 1), 1) });
  const batch = JSON.stringify({ callbackId: 'up', attributes: [], events: events(rids, BATCH) });
  const post = (base: string, body: string) => ({
    url: `${base}${path}`,
    method: 'POST' as const,
    headers,
    body,
  });

  const before = h.inbox.stats();
  const results = [
    await load('bare Fastify POST, 1 event, stores nothing (baseline)', 1, post(bareUrl, single)),
    await load('receiver, 1 event per request, stored', 1, post(h.url, single)),
    await load(`bare Fastify POST, ${BATCH} events, stores nothing (baseline)`, BATCH, post(bareUrl, batch)),
    await load(`receiver, ${BATCH} events per request, stored`, BATCH, post(h.url, batch)),
  ];
  const mid = h.inbox.stats();
  // More senders at once: bigger groups, so the commit's fsync is shared by more requests.
  const wide = [
    await load(`bare Fastify POST, 1 event, ${WIDE} connections (baseline)`, 1, {
      ...post(bareUrl, single),
      connections: WIDE,
    }),
    await load(`receiver, 1 event, ${WIDE} connections, stored`, 1, {
      ...post(h.url, single),
      connections: WIDE,
    }),
  ];
  const wideStats = h.inbox.stats();
  const fixedBare = await load('bare Fastify POST, 1 event, fixed 1,000 req/s', 1, {
    ...post(bareUrl, single),
    overallRate: 1000,
  });
  const fixed = await load('receiver, 1 event, fixed 1,000 req/s', 1, {
    ...post(h.url, single),
    overallRate: 1000,
  });
  const after = h.inbox.stats();
  const [bareWide, recvWide] = wide as [Line, Line];

  const stored = h.db.raw.prepare<[], number>('SELECT count(*) FROM action_events').pluck().get()!;
  const [bareSingle, recvSingle, bareBatch, recvBatch] = results as [Line, Line, Line, Line];
  const ratio = (a: Line, b: Line) => `${((a.reqPerSec / b.reqPerSec) * 100).toFixed(0)} %`;
  console.log(
    '\n| run | req/s | events/s | vs bare | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|---|',
  );
  const row = (r: Line, base?: Line) =>
    console.log(
      `| ${r.title} | ${r.reqPerSec} | ${r.eventsPerSec} | ${base ? ratio(r, base) : '—'} | ${r.p50ms} | ${r.p99ms} | ${r.non2xx} |`,
    );
  row(bareSingle);
  row(recvSingle, bareSingle);
  row(bareBatch);
  row(recvBatch, bareBatch);
  row(bareWide);
  row(recvWide, bareWide);
  row(fixedBare);
  row(fixed);
  const groups = mid.commits - before.commits;
  console.log(
    `\nthroughput runs: ${mid.requests - before.requests} requests stored in ${groups} commits ` +
      `(${((mid.requests - before.requests) / groups).toFixed(1)} requests per commit, largest group ${mid.largestGroup}); ` +
      `${WIDE}-connection run: ${wideStats.requests - mid.requests} requests in ${wideStats.commits - mid.commits} commits; ` +
      `fixed-rate run: ${after.requests - wideStats.requests} requests in ${after.commits - wideStats.commits} commits; ` +
      `${stored} events in action_events; storage failures ${after.failedRequests}`,
  );
  console.log(
    `targets: single ${ratio(recvSingle, bareSingle)} of bare (≥ 40 %; ${ratio(recvWide, bareWide)} with ${WIDE} connections), ` +
      `batch ${ratio(recvBatch, bareBatch)} of bare; ` +
      `p99 at 1,000 req/s ${fixed.p99ms} ms (< 25 ms)`,
  );
  await h.close();
  await bare.close();
}

void main();
