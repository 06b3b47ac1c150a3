// The history view with 100,000 actions (issue 15: first paint < 300 ms, filter < 50 ms), in headless Chromium at
// 1440×900 against the real core and API serving the built renderer, signed in as a technician: first paint,
// opening the history from another page, filtering by feature and clearing it, a jump to the end and frame times
// while scrolling fast. Needs the build (`npx electron-vite build`; BENCH_BUILD names another one) and
// /usr/bin/chromium.
//
// Method: the actions are inserted straight into the agent's SQLite file (one transaction), then the agent's own
// core and API serve the page and /api/v1/remotes. First paint and filters are timed inside the page
// (bench/support/chromium.ts: from navigation start, or the click's event, to the end of the frame that shows the
// rows), median of BENCH_RUNS (5) after one warm-up. The baseline, in the same run and browser: a bare page that
// fetches the same first page of 200 from the same route and renders it as a plain table by one `innerHTML`, then
// filters it two ways — a bare loop over those 200 rows (what the browser costs), and the app's way: the API asked
// for the feature's first page, the table rebuilt (what the server's query adds). The jump and the scrolling are
// wall clock around the automation (pessimistic by a round trip) and have no baseline.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createApi } from '../main/core/api/create-api.js';
import { createCore } from '../main/core/create-core.js';
import { createRepositories, openDatabase } from '../main/core/db/index.js';
import type { RemoteAction } from '../main/core/domain/action.js';
import { REMOTE_BODY_KEYS, REMOTE_TYPES } from '../main/core/domain/remote-type.js';
import { systemClock } from '../main/core/ports/clock.js';
import { silentLogger } from '../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../main/core/secrets/key-file-secret-box.js';
import type { RemoteActionDto } from '../preload/contract/dto.js';
import { createInProcessFleet } from '../test/helpers/in-process-fleet.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import {
  BUILD,
  buildLine,
  type Expect,
  launchChromium,
  longTasksSince,
  median,
  ms,
  requireBuildAndBrowser,
  resourceTiming,
  scriptsLoaded,
  serveHtml,
  signInAsTechnician,
  timeAction,
  type Timed,
  timeLoad,
  traced,
  verdict,
  VIEWPORT,
  watcherScript,
} from './support/chromium.js';
import { machineLine } from './support/machine.js';

const COUNT = Number(process.env.BENCH_ACTIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = { paintMs: 300, filterMs: 50 } as const;
const TOKEN = 'bench-token-0123456789abcdefghijkl';
const FIRST_PAGE = '/api/v1/remotes?limit=200&offset=0';
/** The features filtered on, one after the other, each from the one before (their labels in the UI). */
const FEATURES = [
  ['Doors', 'Doors'],
  ['Horn', 'Horn'],
  ['Navigation', 'Navigation'],
] as const;

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
    rendererDir: join(BUILD, 'renderer'),
  });
  const url = await api.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    core,
    async stop() {
      // Once the API is closed nothing else holds the event loop, and core.close() waits on unref'd handles (seen
      // after a callback was created): without this the process ends mid-close and the bench with it, silently.
      const keepAlive = setInterval(() => {}, 1000);
      try {
        await api.close();
        await core.close();
      } finally {
        clearInterval(keepAlive);
      }
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

/** The first page as a plain table; a bare loop over it, or the API asked again, to filter. */
const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>baseline</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  #bar { height: 40px; display: flex; gap: 8px; align-items: center; padding: 0 8px; }
  #scroller { height: calc(100vh - 40px); overflow: auto; }
  table { border-collapse: collapse; width: 100%; }
  tr { height: 64px; border-bottom: 1px solid #ddd; }
  td { padding: 0 6px; white-space: nowrap; }
</style></head>
<body>
<div id="bar">
  <label>Loop <select id="type-loop"><option value="">All</option>
    ${REMOTE_TYPES.map((t) => `<option>${t}</option>`).join('')}</select></label>
  <label>API <select id="type-api"><option value="">All</option>
    ${REMOTE_TYPES.map((t) => `<option>${t}</option>`).join('')}</select></label>
</div>
<div id="scroller" data-testid="history-scroller"><table><tbody id="rows"></tbody></table></div>
<script type="module">
  const times = { start: performance.now() };
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const body = document.getElementById('rows');
  async function show(query) {
    const res = await fetch('/api/v1/remotes?' + query, { headers: { accept: 'application/json' } });
    times.firstByte = performance.now();
    const text = await res.text();
    times.body = performance.now();
    const { items } = JSON.parse(text);
    times.parsed = performance.now();
    let html = '';
    for (const a of items) {
      html +=
        '<tr data-testid="history-row" data-type="' + esc(a.type) + '"><td>' + esc(a.createdAt) + '</td><td>' +
        esc(a.vin) + '</td><td>' + esc(a.type) + '</td><td>' + esc(a.outcome ?? a.phase) + '</td><td>' +
        esc(JSON.stringify(a.remote)) + '</td><td>' + esc(a.operator) + '</td></tr>';
    }
    body.innerHTML = html;
    times.html = performance.now();
    void document.body.offsetHeight;
    times.layout = performance.now();
  }
  await show(${JSON.stringify(FIRST_PAGE.split('?')[1])});
  window.__baseline = times;
  document.getElementById('type-loop').addEventListener('input', (e) => {
    const type = e.target.value;
    for (const row of body.rows) row.hidden = Boolean(type) && row.dataset.type !== type;
  });
  document.getElementById('type-api').addEventListener('input', (e) => {
    const type = e.target.value;
    void show((type ? 'type=' + encodeURIComponent(type) + '&' : '') + 'limit=200&offset=0');
  });
</script>
</body></html>`;

/** Opens the Feature list (not timed), then times the click on `label` in it. */
async function pickFeature(page: Page, what: string, label: string, expect: Expect): Promise<Timed> {
  await page.getByTestId('history-type').click();
  const option = page.getByRole('option', { name: label, exact: true });
  await option.waitFor();
  return timeAction(page, what, 'click', expect, () => option.click());
}

async function main() {
  requireBuildAndBrowser();
  console.log(machineLine('start'));
  console.log(buildLine());
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
  const browser = await launchChromium();
  try {
    const firstPage = await fetch(`${agent.url}${FIRST_PAGE}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then((r) => r.json() as Promise<{ items: RemoteActionDto[]; total: number }>);
    if (firstPage.total !== COUNT)
      throw new Error(`Expected ${COUNT} actions, the API counts ${firstPage.total}.`);

    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({
      content: watcherScript({
        scroller: '[data-testid="history-scroller"]',
        row: '[data-testid="history-row"]',
        placeholder: '[data-testid="history-placeholder"]',
        key: 'data-type',
      }),
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInAsTechnician(page, agent.url, TOKEN);

    const breakdown: {
      scripts: number;
      sessionAsked: number;
      asked: number;
      firstByte: number;
      answered: number;
      shown: number;
      longTasks: number;
    }[] = [];
    const paint: number[] = [];
    let inView = 0;
    for (let run = 0; run <= RUNS; run += 1) {
      const t = await timeLoad(page, `${agent.url}/#/history`, 'history first paint');
      inView = t.rows;
      const remotes = await resourceTiming(page, '/api/v1/remotes?limit=200&offset=0');
      const session = await resourceTiming(page, '/api/v1/session', { exact: true });
      const scripts = await scriptsLoaded(page);
      if (run === 0) continue;
      paint.push(t.ms);
      if (remotes && session && scripts !== null)
        breakdown.push({
          scripts,
          sessionAsked: session.start,
          asked: remotes.start,
          firstByte: remotes.firstByte,
          answered: remotes.end,
          shown: t.ms,
          longTasks: await longTasksSince(page, remotes.end),
        });
    }

    const fromOtherPage: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      await page.evaluate(() => (location.hash = '#/callbacks'));
      await page.getByTestId('history-scroller').waitFor({ state: 'detached' });
      const t = await timeAction(page, 'open the history from another page', 'click', {}, () =>
        page.getByRole('link', { name: 'History' }).click(),
      );
      if (run > 0) fromOtherPage.push(t.ms);
    }

    const filters = new Map<string, number[]>();
    const keep = (what: string, run: number, t: Timed) => {
      if (run === 0) return;
      filters.set(what, [...(filters.get(what) ?? []), t.ms]);
    };
    /** Per feature filter: the request for its first page, sent and answered, from the click (ms). */
    const filterSteps: { sent: number; answered: number; shown: number }[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      for (const [label, type] of FEATURES) {
        const t = await pickFeature(page, `filter ${label}`, label, { keys: [type] });
        keep(`filter by feature: ${label}`, run, t);
        const request = await resourceTiming(page, `type=${type}`);
        if (run > 0 && request)
          filterSteps.push({ sent: request.start - t.at, answered: request.end - t.at, shown: t.ms });
      }
      // Mantine's Select clears when its chosen option is clicked again (the clear button has no name to find).
      keep(
        'clear the filter',
        run,
        await pickFeature(page, 'clear the filter', FEATURES.at(-1)![0], { change: true }),
      );
    }

    // One more of each under BENCH_TRACE (never a timed one): a filter and a page load.
    await traced(page, 'history-filter', () =>
      pickFeature(page, 'filter Doors', 'Doors', { keys: ['Doors'] }),
    );
    if (process.env.BENCH_TRACE) await pickFeature(page, 'clear the filter', 'Doors', { change: true });
    await traced(page, 'history-first-paint', () =>
      timeLoad(page, `${agent.url}/#/history`, 'history first paint'),
    );

    const jumpStarted = performance.now();
    await page.getByTestId('history-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForFunction(
      (last) =>
        [...document.querySelectorAll('[data-testid="history-row"]')].some(
          (r) => r.getAttribute('aria-rowindex') === String(last),
        ),
      COUNT + 1,
      { polling: 'raf', timeout: 30_000 },
    );
    const jumpMs = performance.now() - jumpStarted;
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

    // The baseline: the same browser, origin and session, a bare page.
    const baselineUrl = `${agent.url}/__bench/history-baseline.html`;
    await serveHtml(page, baselineUrl, BASELINE_HTML);
    const baselinePaint: number[] = [];
    const baselineParts: Record<string, number>[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const t = await timeLoad(page, baselineUrl, 'baseline first paint');
      if (run === 0) continue;
      baselinePaint.push(t.ms);
      baselineParts.push(
        await page.evaluate(() => (window as unknown as { __baseline: Record<string, number> }).__baseline),
      );
    }
    const inFirstPage = (type: string) => firstPage.items.filter((a) => a.type === type).length;
    const loop = new Map<string, number[]>();
    const api = new Map<string, number[]>();
    const add = (into: Map<string, number[]>, what: string, run: number, t: Timed) => {
      if (run > 0) into.set(what, [...(into.get(what) ?? []), t.ms]);
    };
    for (let run = 0; run <= RUNS; run += 1) {
      for (const [label, type] of FEATURES) {
        const expect = { keys: [type], all: inFirstPage(type) };
        add(
          loop,
          `filter by feature: ${label}`,
          run,
          await timeAction(page, `baseline loop ${label}`, 'input', expect, () =>
            page
              .locator('#type-loop')
              .selectOption(type)
              .then(() => undefined),
          ),
        );
      }
      add(
        loop,
        'clear the filter',
        run,
        await timeAction(page, 'baseline loop clear', 'input', { change: true }, () =>
          page
            .locator('#type-loop')
            .selectOption('')
            .then(() => undefined),
        ),
      );
      for (const [label, type] of FEATURES) {
        add(
          api,
          `filter by feature: ${label}`,
          run,
          await timeAction(page, `baseline API ${label}`, 'input', { keys: [type] }, () =>
            page
              .locator('#type-api')
              .selectOption(type)
              .then(() => undefined),
          ),
        );
      }
      add(
        api,
        'clear the filter',
        run,
        await timeAction(page, 'baseline API clear', 'input', { change: true }, () =>
          page
            .locator('#type-api')
            .selectOption('')
            .then(() => undefined),
        ),
      );
    }
    await context.close();

    const cell = (v: number[] | undefined) =>
      v?.length ? `${ms(median(v))} [${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))}]` : '—';
    console.log(
      `\nHistory view, ${COUNT.toLocaleString('en')} actions (seeded in ${Math.round(seedMs)} ms), Chromium ${browser.version()}` +
        ` headless at ${VIEWPORT.width}×${VIEWPORT.height} (${inView} rows in view); median of ${RUNS} after one warm-up,` +
        ` [min–max]; timed in the page from the event (or navigation start) to the end of the frame that shows the rows.\n`,
    );
    console.log(
      '| measure | Depot Remote | baseline: bare loop over the first 200 | baseline: API + innerHTML | target | verdict |',
    );
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| first paint (page load → the rows in view) | ${cell(paint)} | — | ${cell(baselinePaint)} | < ${TARGET.paintMs} ms | ${verdict(median(paint), TARGET.paintMs)} |`,
    );
    console.log(
      `| opening the history from another page | ${cell(fromOtherPage)} | — | — | < ${TARGET.paintMs} ms | ${verdict(median(fromOtherPage), TARGET.paintMs)} |`,
    );
    for (const [what, values] of filters) {
      console.log(
        `| ${what} | ${cell(values)} | ${cell(loop.get(what))} | ${cell(api.get(what))} | < ${TARGET.filterMs} ms | ${verdict(median(values), TARGET.filterMs)} |`,
      );
    }
    console.log(
      `| jump to the end (row ${COUNT.toLocaleString('en')}), wall clock | ${ms(jumpMs)} | — | — | — | — |`,
    );
    console.log(
      `| scrolling 640 px per frame, 120 frames: frame time p50 / p95 / max | ${frames.p50.toFixed(1)} / ${frames.p95.toFixed(1)} / ${frames.max.toFixed(1)} ms | — | — | — | — |`,
    );
    const mid = (f: (b: (typeof breakdown)[number]) => number) => ms(median(breakdown.map(f)));
    console.log(
      `\nApp first paint, medians: scripts loaded at ${mid((b) => b.scripts)}, session asked at ${mid((b) => b.sessionAsked)};` +
        ` first page asked at ${mid((b) => b.asked)}, first byte ${mid((b) => b.firstByte)},` +
        ` answered ${mid((b) => b.answered)}; rows shown at ${mid((b) => b.shown)}: ${mid((b) => b.shown - b.answered)}` +
        ` after the answer, of which long tasks ${mid((b) => b.longTasks)}.`,
    );
    const step = (f: (b: (typeof filterSteps)[number]) => number) => ms(median(filterSteps.map(f)));
    console.log(
      `App filter by feature, medians over the three: its first page asked ${step((b) => b.sent)} after the click,` +
        ` answered at ${step((b) => b.answered)}, rows shown at ${step((b) => b.shown)}.`,
    );
    const part = (a: string, b: string) => ms(median(baselineParts.map((p) => p[b]! - p[a]!)));
    console.log(
      `Baseline first paint, medians: fetch to first byte ${part('start', 'firstByte')}, body ${part('firstByte', 'body')},` +
        ` JSON.parse ${part('body', 'parsed')}, innerHTML ${part('parsed', 'html')}, layout ${part('html', 'layout')}.`,
    );
    const slowest = Math.max(...[...filters.values()].map(median));
    console.log(
      `\nTarget: first paint < ${TARGET.paintMs} ms — ${verdict(median(paint), TARGET.paintMs)} (${ms(median(paint))};` +
        ` the bare page ${ms(median(baselinePaint))}).`,
    );
    console.log(
      `Target: filter < ${TARGET.filterMs} ms — ${verdict(slowest, TARGET.filterMs)} (slowest ${ms(slowest)};` +
        ` the API + innerHTML ${ms(Math.max(...[...api.values()].map(median)))},` +
        ` the bare loop ${ms(Math.max(...[...loop.values()].map(median)))}).`,
    );
  } finally {
    await browser.close();
    await agent.stop();
    dir.remove();
  }
  console.log(machineLine('end'));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
