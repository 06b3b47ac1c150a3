// Local API throughput on loopback, against a bare Fastify route measured in the same run.
// Client and server share the machine's cores, so only the ratio to the baseline means much.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createApi } from '../main/core/api/create-api.js';
import { createInProcessFleet } from '../test/helpers/in-process-fleet.js';
import { createCore } from '../main/core/create-core.js';
import { systemClock } from '../main/core/ports/clock.js';
import { silentLogger } from '../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../main/core/secrets/key-file-secret-box.js';
import { tempDir } from '../test/helpers/temp-dir.js';

const TOKEN = 'bench-token-0123456789abcdefghijkl';
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

async function load(title: string, opts: autocannon.Options) {
  const r = await autocannon({ connections: 10, duration: DURATION, ...opts });
  const line = {
    title,
    reqPerSec: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  console.log(JSON.stringify(line));
  return line;
}

async function main() {
  const bare = Fastify();
  bare.get('/ping', async () => ({ ok: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const dir = tempDir('depot-remote-bench-');
  const clock = systemClock();
  const core = await createCore({
    dataDir: dir.path,
    connector: createInProcessFleet({ clock, stepMs: 5 }),
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dir.path),
    logger: silentLogger,
    clock,
  });
  await core.start();
  const api = await createApi({ core, token: TOKEN, logger: silentLogger, version: 'bench' });
  const url = await api.listen({ port: 0, host: '127.0.0.1' });
  const cb = await fetch(`${url}/api/v1/callbacks`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      callback: { webhook: { target: 'https://x.example/h', name: 'x' } },
      remoteTypes: ['Doors', 'Horn'],
    }),
  }).then((r) => r.json());
  const sent = await fetch(`${url}/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ door: { state: 'Locked' } }),
  }).then((r) => r.json());
  await new Promise((r) => setTimeout(r, 100)); // let its lifecycle complete: 3 events in history

  const results = [
    await load('baseline: bare Fastify GET /ping', { url: `${bareUrl}/ping` }),
    await load('GET /api/v1/health (no auth)', { url: `${url}/api/v1/health` }),
    await load('GET /api/v1/remotes/{rid} (auth, SQLite read, 3 events, response schema)', {
      url: `${url}/api/v1/remotes/${sent.remoteActionId}`,
      headers: auth,
    }),
    await load('GET /api/v1/vehicles (auth, 4 vehicles)', { url: `${url}/api/v1/vehicles`, headers: auth }),
    await load('POST remote with an invalid body (auth, full validation, 400)', {
      url: `${url}/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`,
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ charging: { schedule: { programs: [{ slot: 9, start: 'PT25H' }] } } }),
    }),
  ];
  const base = results[0]!.reqPerSec;
  console.log('\n| route | req/s | vs baseline | p50 ms | p99 ms |\n|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.title} | ${r.reqPerSec} | ${((r.reqPerSec / base) * 100).toFixed(0)} % | ${r.p50ms} | ${r.p99ms} |`,
    );
  }
  await api.close();
  await core.close();
  await bare.close();
  dir.remove();
}

void main();
