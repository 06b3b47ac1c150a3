// The history view with 100,000 actions, in headless Chromium against the real API serving the built renderer:
// time to the first rows on screen, to filtered rows after choosing a filter, to the last row after a jump to the
// end, and frame times while scrolling fast. Needs the build (npm run build) and /usr/bin/chromium.
//
// Method: the actions are inserted straight into the agent's SQLite file (one transaction), then the agent's own
// core and API serve the page and /api/v1/remotes. First paint is measured in the page from navigation start
// (performance.now()) to the first history row in the DOM; filter and jump times are wall clock around the user
// action and the wait for matching rows (CDP round trips included, so slightly pessimistic).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createApi } from '../main/core/api/create-api.js';
import { createInProcessFleet } from '../test/helpers/in-process-fleet.js';
import { createCore } from '../main/core/create-core.js';
import { createRepositories, openDatabase } from '../main/core/db/index.js';
import type { RemoteAction } from '../main/core/domain/action.js';
import { REMOTE_BODY_KEYS, REMOTE_TYPES } from '../main/core/domain/remote-type.js';
import { systemClock } from '../main/core/ports/clock.js';
import { silentLogger } from '../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../main/core/secrets/key-file-secret-box.js';
import { tempDir } from '../test/helpers/temp-dir.js';

const COUNT = Number(process.env.BENCH_ACTIONS ?? 100_000);
const TOKEN = 'bench-token-0123456789abcdefghijkl';
const RENDERER = 'out/renderer';
const CHROMIUM = '/usr/bin/chromium';

async function startAgent(dataDir: string) {
  const clock = systemClock();
  const core = await createCore({
    dataDir,
    connector: createInProcessFleet({ clock }),
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dataDir),
    logger: silentLogger,
    clock,
  });
  await core.start();
  const api = await createApi({
    core,
    token: TOKEN,
    logger: silentLogger,
    version: 'bench',
    rendererDir: RENDERER,
  });
  const url = await api.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    core,
    async stop() {
      await api.close();
      await core.close();
    },
  };
}

function seed(dataDir: string, callbackId: string) {
  const db = openDatabase(join(dataDir, 'depot-remote.sqlite'));
  const repos = createRepositories(db);
  const vehicles = repos.vehicles.list({ limit: 100, offset: 0 });
  const start = Date.parse('2026-01-01T00:00:00Z');
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < COUNT; i += 1) {
      const vehicle = vehicles[i % vehicles.length]!;
      const type = REMOTE_TYPES[i % REMOTE_TYPES.length]!;
      const at = new Date(start + i * 7000).toISOString();
      const failed = i % 11 === 0;
      const action: RemoteAction = {
        id: `bench-${String(i).padStart(6, '0')}`,
        vehicleId: vehicle.id,
        vin: vehicle.vin,
        callbackId,
        type,
        remote: { [REMOTE_BODY_KEYS[type]]: {} } as unknown as RemoteAction['remote'],
        phase: 'Done',
        status: failed ? 'Failed' : 'Success',
        outcome: failed ? 'Failed' : 'Success',
        failureCause: failed ? 'VehicleConnectionTimeout' : null,
        feedbackDetail: null,
        error: null,
        operator: 'bench',
        reason: null,
        createdAt: at,
        updatedAt: at,
        doneAt: at,
        lastEventDate: at,
      };
      repos.actions.insert(action);
    }
  });
  db.close();
  return performance.now() - started;
}

async function timeUntil(
  page: Page,
  run: () => Promise<void>,
  predicate: string,
  arg?: unknown,
): Promise<number> {
  const started = performance.now();
  await run();
  await page.waitForFunction(predicate, arg, { polling: 'raf', timeout: 30_000 });
  return performance.now() - started;
}

async function chooseFeature(page: Page, label: string | null) {
  const select = page.getByTestId('history-type');
  if (label === null) {
    await select.locator('xpath=..').locator('button, [data-combobox-clear]').first().click();
    return;
  }
  await select.click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

const ROWS_OF = `(type) => {
  const rows = [...document.querySelectorAll('[data-testid="history-row"]')];
  return rows.length > 5 && rows.every((r) => !type || r.dataset.type === type);
}`;

async function main() {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error('No renderer build: run npm run build first.');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium).`);
  const dir = tempDir('depot-remote-bench-history-');
  let agent = await startAgent(dir.path);
  const cb = await fetch(`${agent.url}/api/v1/callbacks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      callback: { webhook: { target: 'https://x.example/h', name: 'bench' } },
      remoteTypes: [...REMOTE_TYPES],
    }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  await agent.stop();
  const seedMs = seed(dir.path, cb.id);
  agent = await startAgent(dir.path);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${agent.url}/`);
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('vehicle-row').first().waitFor();

  const results: { what: string; ms: number }[] = [];
  const firstPaints: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    await page.goto('about:blank');
    await page.goto(`${agent.url}/#/history`);
    await page.waitForFunction(ROWS_OF, null, { polling: 'raf', timeout: 30_000 });
    firstPaints.push(await page.evaluate(() => performance.now()));
  }
  firstPaints.sort((a, b) => a - b);
  results.push({
    what: `first paint of the history (page load → rows on screen, median of 3)`,
    ms: firstPaints[1]!,
  });

  const total = await page.evaluate(
    () => document.querySelector('h1')?.nextElementSibling?.textContent ?? '',
  );
  for (const [label, type] of [
    ['Doors', 'Doors'],
    ['Horn', 'Horn'],
    ['Navigation', 'Navigation'],
  ] as const) {
    results.push({
      what: `filter by feature: ${label}`,
      ms: await timeUntil(page, () => chooseFeature(page, label), ROWS_OF, type),
    });
  }
  await page.goto(`${agent.url}/#/history`);
  await page.reload();
  await page.waitForFunction(ROWS_OF, null, { polling: 'raf' });

  results.push({
    what: `jump to the end (row ${COUNT.toLocaleString('en')})`,
    ms: await timeUntil(
      page,
      () => page.getByTestId('history-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight })),
      `() => {
        const rows = [...document.querySelectorAll('[data-testid="history-row"]')];
        return rows.some((r) => r.getAttribute('aria-rowindex') === String(${COUNT + 1}));
      }`,
    ),
  });

  const frames = await page.getByTestId('history-scroller').evaluate(async (el) => {
    el.scrollTo({ top: 0 });
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 120; i += 1) {
      el.scrollTop += 640;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    return { p50: times[60]!, p95: times[114]!, max: times[119]! };
  });
  await browser.close();
  await agent.stop();
  dir.remove();

  console.log(
    `\nHistory view, ${COUNT.toLocaleString('en')} actions (${total}); seeded in ${Math.round(seedMs)} ms.\n`,
  );
  console.log('| measure | time |');
  console.log('|---|---|');
  for (const r of results) console.log(`| ${r.what} | ${Math.round(r.ms)} ms |`);
  console.log(
    `| scrolling 640 px per frame, 120 frames: frame time p50 / p95 / max | ${frames.p50.toFixed(1)} / ${frames.p95.toFixed(1)} / ${frames.max.toFixed(1)} ms |`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
