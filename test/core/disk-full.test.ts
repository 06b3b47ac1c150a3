// A full disk while the agent runs, over real HTTP: API writes answer 507 DISK_FULL and change nothing, /health
// says degraded with the reason, and both recover by themselves once there is room again — at the next write or at
// the next probe, without a restart. A start on a full disk comes up degraded. "Full" is SQLite's max_page_count on
// the agent's own connection (everything runs as root here, so permissions cannot fill a disk).
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api.js';
import { type Core, createCore } from '../../main/core/create-core.js';
import { type Db, openDatabase, PROBE_INTERVAL_MS } from '../../main/core/db/index.js';
import { manualClock, type ManualClock } from '../../main/core/ports/clock.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../../main/core/secrets/key-file-secret-box.js';
import { callbackBody, TOKEN } from '../helpers/api-harness.js';
import { createInProcessFleet } from '../helpers/in-process-fleet.js';
import { tempDir } from '../helpers/temp-dir.js';

interface Agent {
  core: Core;
  db: Db;
  clock: ManualClock;
  url: string;
  app: FastifyInstance;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real core and API on 127.0.0.1; `full` makes the database full from the moment it is opened. */
async function startAgent(dir: string, { full = false } = {}): Promise<Agent> {
  const clock = manualClock();
  let db: Db | undefined;
  const core = await createCore({
    dataDir: dir,
    connector: createInProcessFleet({ clock, stepMs: 1000 }),
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dir),
    logger: silentLogger,
    clock,
    openDb: (file, options) => {
      db = openDatabase(file, options);
      if (full) fill(db);
      return db;
    },
  });
  await core.start();
  const app = await createApi({ core, token: TOKEN, logger: silentLogger, version: '0.0.0-test' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  cleanups.push(async () => {
    await app.close();
    await core.close();
  });
  return { core, db: db!, clock, url: `http://127.0.0.1:${port}/api/v1`, app };
}

/** No page can be added any more (SQLite keeps the limit at the current size when asked for less). */
function fill(db: Db) {
  db.raw.pragma('max_page_count = 1');
}
function makeRoom(db: Db) {
  db.raw.pragma('max_page_count = 1073741823');
}

async function call(agent: Agent, method: string, path: string, body?: unknown) {
  const res = await fetch(agent.url + path, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const health = async (agent: Agent) =>
  (await fetch(`${agent.url}/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();

/** Creates callbacks until the database refuses one (pages fill up one by one); returns the refusal. */
async function createUntilFull(agent: Agent) {
  for (let i = 0; i < 200; i++) {
    const res = await call(agent, 'POST', '/callbacks', callbackBody({ label: `depot-${i}` }));
    if (res.status !== 201) return res;
  }
  throw new Error('the database never filled up');
}

function newDir() {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  return dir.path;
}

describe('disk full while running', () => {
  it('answers 507 DISK_FULL without changing anything, reports degraded, and resumes at the next write', async () => {
    const agent = await startAgent(newDir());
    expect(await health(agent)).toMatchObject({ status: 'ok' });
    fill(agent.db);

    const refused = await createUntilFull(agent);
    expect(refused.status).toBe(507);
    expect(refused.body).toMatchObject({ code: 'DISK_FULL', errors: [] });
    expect(refused.body.message).toMatch(/disk .* is full.*nothing was changed/i);
    const before = (await call(agent, 'GET', '/callbacks')).body.total as number;
    expect((await call(agent, 'POST', '/callbacks', callbackBody({ label: 'again' }))).status).toBe(507);
    expect((await call(agent, 'GET', '/callbacks')).body.total).toBe(before);

    const degraded = await health(agent);
    expect(degraded).toMatchObject({
      status: 'degraded',
      reason: { code: 'DISK_FULL', since: agent.clock.nowIso() },
      connector: 'in-process',
    });
    // Reading still works.
    expect((await call(agent, 'GET', '/vehicles')).status).toBe(200);

    makeRoom(agent.db);
    const accepted = await call(agent, 'POST', '/callbacks', callbackBody({ label: 'room again' }));
    expect(accepted.status).toBe(201);
    expect(await health(agent)).toMatchObject({ status: 'ok' });
    expect((await health(agent)).reason).toBeUndefined();
  });

  it('notices by itself that space is back, with no write in between (periodic probe)', async () => {
    const agent = await startAgent(newDir());
    fill(agent.db);
    await createUntilFull(agent);
    expect((await health(agent)).status).toBe('degraded');

    // Still full: the probe keeps it degraded.
    agent.clock.advance(PROBE_INTERVAL_MS);
    expect((await health(agent)).status).toBe('degraded');

    makeRoom(agent.db);
    agent.clock.advance(PROBE_INTERVAL_MS - 1);
    expect((await health(agent)).status).toBe('degraded');
    agent.clock.advance(1);
    expect(await health(agent)).toMatchObject({ status: 'ok' });
    // The probe kept nothing.
    const tables = agent.db.raw
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE name LIKE '%probe%'")
      .pluck()
      .all();
    expect(tables).toEqual([]);
  });

  it('a start on a full disk comes up degraded, not "ok", and recovers once there is room', async () => {
    const dir = newDir();
    const first = await startAgent(dir);
    await first.app.close();
    await first.core.close();

    const agent = await startAgent(dir, { full: true });
    expect(await health(agent)).toMatchObject({ status: 'degraded', reason: { code: 'DISK_FULL' } });
    makeRoom(agent.db);
    agent.clock.advance(PROBE_INTERVAL_MS);
    expect((await health(agent)).status).toBe('ok');
  });
});
