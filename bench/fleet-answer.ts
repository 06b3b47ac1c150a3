// The agent's answer to the fleet page's read, `GET /api/v1/vehicles?limit=5000`, in-process (issue 15): CPU time per
// request, not wall-clock page loads, because the machine's two cores are shared and a page load measures the
// neighbours too. A real core (SQLite file) with 5,000 simulated vehicles (seed 42), their statuses read at start,
// on a manual clock so the answer's bytes are the same from run to run and from build to build (its SHA-256 is
// printed: equal hashes before and after a change mean byte-identical answers).
// - the route through Fastify's inject (auth, query parsing, handler, response check and encoding);
// - the handler alone (the service's reads and conditions, the summaries), without HTTP;
// - the same route sorted on state (every vehicle described, then ordered);
// - baseline, same run: a bare Fastify route answering the same bytes, prepared beforehand (the transport's floor).
// Medians of BENCH_RUNS (20) after 3 warm-ups; CPU is the process's user + system time over the call.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { createApi } from '../main/core/api/create-api.js';
import { createSimulatorConnector } from '../main/core/connector/simulator/simulator-connector.js';
import { createCore } from '../main/core/create-core.js';
import { createOperationHandlers } from '../main/core/operations/handlers.js';
import { manualClock } from '../main/core/ports/clock.js';
import { silentLogger } from '../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../main/core/secrets/key-file-secret-box.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { machineLine } from './support/machine.js';
import { profiled } from './support/profile.js';

const VEHICLES = Number(process.env.BENCH_VEHICLES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TOKEN = 'bench-token-0123456789abcdefghijkl';
const URL = `/api/v1/vehicles?limit=${VEHICLES}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(
  label: string,
  call: () => unknown,
): Promise<{ label: string; cpu: number; wall: number }> {
  for (let i = 0; i < 3; i++) await call();
  const cpu: number[] = [];
  const wall: number[] = [];
  await profiled(label, async () => {
    for (let i = 0; i < RUNS; i++) {
      await sleep(1); // a turn of the loop between calls: nothing of one call's aftermath lands in the next
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await call();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  });
  return { label, cpu: median(cpu), wall: median(wall) };
}

async function main() {
  console.log(machineLine('start'));
  const dir = tempDir('depot-remote-bench-');
  const clock = manualClock();
  const core = await createCore({
    dataDir: dir.path,
    connector: createSimulatorConnector({ clock, seed: 42, vehicles: VEHICLES }),
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dir.path),
    logger: silentLogger,
    clock,
  });
  await core.start();
  const { vehicles } = core.services;
  while (vehicles.list({ limit: VEHICLES, offset: 0 }).items.some((v) => v.statusAt === null))
    await sleep(50);
  const api = await createApi({ core, token: TOKEN, logger: silentLogger, version: 'bench' });
  await api.ready();
  const handlers = createOperationHandlers({ core, version: 'bench', startedAt: Date.now() });
  const headers = { authorization: `Bearer ${TOKEN}` };
  const get = async (url: string) => {
    const res = await api.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res.body;
  };

  const body = await get(URL);
  const sha = createHash('sha256').update(body).digest('hex');
  const sortedSha = createHash('sha256')
    .update(await get(`${URL}&sort=state`))
    .digest('hex');
  console.log(
    `answer: ${VEHICLES} vehicles, ${(body.length / 1e6).toFixed(2)} MB, sha256 ${sha.slice(0, 16)}` +
      ` (sorted on state: ${sortedSha.slice(0, 16)})`,
  );

  const bare = Fastify();
  bare.get('/vehicles', (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  await bare.ready();

  const results = [
    await measure('baseline: bare Fastify, the same bytes prepared', () =>
      bare.inject({ method: 'GET', url: '/vehicles' }),
    ),
    await measure(`GET ${URL}`, () => get(URL)),
    await measure('listVehicles handler alone', () =>
      handlers.listVehicles({ limit: VEHICLES, offset: 0, sort: 'vin', order: 'asc' }, undefined as never),
    ),
    await measure(`GET ${URL}&sort=state`, () => get(`${URL}&sort=state`)),
  ];
  console.log(`\n| ${VEHICLES} vehicles, median of ${RUNS} | CPU ms | wall ms |\n|---|---|---|`);
  for (const r of results) console.log(`| ${r.label} | ${r.cpu.toFixed(1)} | ${r.wall.toFixed(1)} |`);
  console.log(machineLine('end'));
  await bare.close();
  await api.close();
  await core.close();
  dir.remove();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
