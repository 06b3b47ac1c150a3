// The fleet page with 2,000 simulated vehicles (issue 15: renders in < 300 ms, filters in < 50 ms), in headless
// Chromium at 1440×900 against the BUILT agent (`--sim-vehicles 2000`, its own temp data dir and a free port),
// signed in as a technician with a PIN (the first admin and the technician created with the agent's token).
// Needs the build (`npx electron-vite build`; BENCH_BUILD names another one) and /usr/bin/chromium.
//
// Measures, median of BENCH_RUNS (5) after one warm-up, timed inside the page (bench/support/chromium.ts): the page
// load (navigation start → the rows in view on screen), opening the fleet from another page, typing a search, a
// state filter, clearing each, sorting. The baseline, in the same run and the same browser: the same 2,000
// vehicles fetched from the same API route by a bare page and rendered as a plain HTML table by one `innerHTML`
// loop, filtered and sorted by bare loops — what the browser itself costs, so the UI's figure reads against it.
// BENCH_DETAIL=1 also prints each page load's requests and the document's times (loadDetail).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { VehicleDto } from '../preload/contract/dto.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import {
  BUILD,
  buildLine,
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

const VEHICLES = Number(process.env.BENCH_VEHICLES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = { renderMs: 300, filterMs: 50 } as const;
const SEARCH = 'peugeot';
/** A state whose label is its own in the State filter (Asleep and Immobilized are also readiness labels). */
const STATE = { code: 'Unlocked', label: 'Unlocked' } as const;
const VEHICLES_PATH = '/api/v1/vehicles?limit=5000&offset=0';

/** The agent makes its own token in the data dir (one from the environment would replace it). */
function agentEnv(): NodeJS.ProcessEnv {
  const { DEPOT_REMOTE_API_TOKEN: _token, DEPOT_REMOTE_SIM_VEHICLES: _vehicles, ...env } = process.env;
  return env;
}

async function startAgent(dataDir: string) {
  const child = spawn(
    process.execPath,
    [
      join(BUILD, 'main', 'agent.js'),
      '--data-dir',
      dataDir,
      '--api-port',
      '0',
      '--receiver-port',
      '0',
      '--sim-vehicles',
      String(VEHICLES),
      '--sim-seed',
      '42',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: agentEnv() },
  );
  // Killed by its own pid, even when the bench dies before its end.
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', kill);
  let output = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`The agent exited: ${output}`)));
  });
  // Statuses are read once after the start: wait for them so the fleet is complete and quiet while timed.
  const deadline = Date.now() + 60_000;
  while (!/vehicle statuses read/.test(output)) {
    if (Date.now() > deadline) throw new Error(`The agent did not read the statuses in 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    token: readFileSync(join(dataDir, 'api-token'), 'utf8').trim(),
    async stop() {
      kill();
      await exited;
      process.off('exit', kill);
    },
  };
}

/** The same vehicles as a plain table: one fetch, one `innerHTML`, bare loops to filter and sort. */
const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>baseline</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  #bar { height: 40px; display: flex; gap: 8px; align-items: center; padding: 0 8px; }
  #scroller { height: calc(100vh - 40px); overflow: auto; }
  table { border-collapse: collapse; width: 100%; }
  tr { height: 40px; border-bottom: 1px solid #ddd; }
  td { padding: 0 6px; white-space: nowrap; }
  small { color: #666; }
</style></head>
<body>
<div id="bar">
  <input id="search" aria-label="Search">
  <select id="state" aria-label="State"><option value="">Any</option>
    <option value="${STATE.code}">${STATE.label}</option></select>
  <button id="sort-vin">VIN</button><button id="sort-label">Vehicle</button>
</div>
<div id="scroller" data-testid="fleet-scroller"><table><tbody id="rows"></tbody></table></div>
<script type="module">
  const times = { start: performance.now() };
  const res = await fetch(${JSON.stringify(VEHICLES_PATH)}, { headers: { accept: 'application/json' } });
  times.firstByte = performance.now();
  const text = await res.text();
  times.body = performance.now();
  const { items } = JSON.parse(text);
  times.parsed = performance.now();
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
  let html = '';
  for (const v of items) {
    const can = Object.keys(v.capabilities).filter((k) => v.capabilities[k].supported).join(' ');
    html +=
      '<tr data-testid="vehicle-row" data-vehicle-id="' + esc(v.id) + '"><td>' + esc(v.label ?? v.vin) +
      ' <small>' + esc(v.brand) + ' ' + esc(v.model) + '</small></td><td>' + esc(v.vin) + '</td><td>' +
      esc(v.readiness.code) + ' ' + esc(v.states.join(', ')) + '</td><td>' + esc(v.statusAt) + '</td><td>' +
      esc(can) + '</td></tr>';
  }
  const body = document.getElementById('rows');
  body.innerHTML = html;
  times.html = performance.now();
  void document.body.offsetHeight;
  times.layout = performance.now();
  window.__baseline = times;
  const rows = [...body.rows];
  const text_ = rows.map((r, i) => [items[i].vin, items[i].label ?? '', items[i].brand + ' ' + items[i].model, items[i].id].join(' ').toLowerCase());
  const states = items.map((v) => v.states);
  const vins = items.map((v) => v.vin);
  const labels = items.map((v) => v.label ?? v.vin);
  const search = document.getElementById('search');
  const state = document.getElementById('state');
  const filter = () => {
    const q = search.value.trim().toLowerCase();
    const s = state.value;
    for (let i = 0; i < rows.length; i += 1)
      rows[i].hidden = !((!q || text_[i].includes(q)) && (!s || states[i].includes(s)));
  };
  search.addEventListener('input', filter);
  state.addEventListener('input', filter);
  // The API lists by VIN: the bench sorts by label first. Labels compare as the app does ("Van 2" before "Van 10").
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sortBy = (compare) => {
    const order = rows.map((_, i) => i).sort(compare);
    body.append(...order.map((i) => rows[i]));
  };
  document.getElementById('sort-vin').addEventListener('click', () =>
    sortBy((a, b) => (vins[a] < vins[b] ? -1 : vins[a] > vins[b] ? 1 : 0)));
  document.getElementById('sort-label').addEventListener('click', () =>
    sortBy((a, b) => collator.compare(labels[a], labels[b])));
</script>
</body></html>`;

interface Row {
  what: string;
  app: number[];
  baseline: number[];
  target?: number;
}

async function repeat(runs: number, measure: (run: number) => Promise<Timed>): Promise<number[]> {
  const values: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const t = await measure(run);
    if (run > 0) values.push(t.ms);
  }
  return values;
}

/**
 * BENCH_DETAIL=1 prints this for each page load: the marks the page made (performance.mark, none in the app
 * itself: for a build instrumented by hand), the document's own times, then each request, start → first byte → end.
 * All in ms since navigation start.
 */
function loadDetail(page: Page): Promise<string> {
  return page.evaluate(() => {
    const at = Math.round;
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return [
      ...performance.getEntriesByType('mark').map((m) => `${m.name} ${at(m.startTime)}`),
      `html ${at(n.requestStart)}→${at(n.responseStart)}→${at(n.responseEnd)}`,
      `parsed ${at(n.domInteractive)}`,
      `DOMContentLoaded ${at(n.domContentLoadedEventStart)}`,
      ...performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        const name = r.name.replace(/^https?:\/\/[^/]+/, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1');
        return `${name} ${at(r.startTime)}→${at(r.responseStart)}→${at(r.responseEnd)}`;
      }),
    ].join(', ');
  });
}

async function openStateFilter(page: Page) {
  // Forced: once a value is chosen, its pill's box lies over the field and takes the click (it opens the list too).
  await page.getByRole('combobox', { name: 'State' }).click({ force: true });
  await page.getByRole('option', { name: STATE.label, exact: true }).waitFor();
}

async function main() {
  requireBuildAndBrowser();
  console.log(machineLine('start'));
  console.log(buildLine());
  const dir = tempDir('depot-remote-bench-fleet-');
  // Removed also when the bench fails before its end.
  process.once('exit', () => dir.remove());
  const agent = await startAgent(dir.path);
  const browser = await launchChromium();
  try {
    const all = await fetch(`${agent.url}${VEHICLES_PATH}`, {
      headers: { authorization: `Bearer ${agent.token}` },
    }).then((r) => r.json() as Promise<{ items: VehicleDto[]; total: number }>);
    if (all.items.length !== VEHICLES)
      throw new Error(`Expected ${VEHICLES} vehicles, the API lists ${all.items.length}.`);
    const ids = (f: (v: VehicleDto) => boolean) => all.items.filter(f).map((v) => v.id);
    const searched = ids((v) =>
      [v.vin, v.label ?? '', `${v.brand} ${v.model}`, v.id].some((t) => t.toLowerCase().includes(SEARCH)),
    );
    const inState = ids((v) => (v.states as string[]).includes(STATE.code));

    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({
      content: watcherScript({
        scroller: '[data-testid="fleet-scroller"]',
        row: '[data-testid="vehicle-row"]',
        key: 'data-vehicle-id',
      }),
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInAsTechnician(page, agent.url, agent.token);
    await page.getByTestId('vehicle-row').first().waitFor();

    const rows: Row[] = [];
    const breakdown: {
      bundleEnd: number;
      sessionAsked: number;
      sessionAnswered: number;
      asked: number;
      answered: number;
      shown: number;
      longTasks: number;
      bytes: number;
    }[] = [];
    let inView = 0;
    const appLoad = await repeat(RUNS, async () => {
      const t = await timeLoad(page, `${agent.url}/#/vehicles`, 'fleet page load');
      inView = t.rows;
      if (process.env.BENCH_DETAIL) console.log(`load ${ms(t.ms)}: ${await loadDetail(page)}`);
      const vehicles = await resourceTiming(page, '/api/v1/vehicles');
      const session = await resourceTiming(page, '/api/v1/session', { exact: true });
      const bundleEnd = await scriptsLoaded(page);
      if (vehicles && session && bundleEnd !== null)
        breakdown.push({
          bundleEnd,
          sessionAsked: session.start,
          sessionAnswered: session.firstByte,
          asked: vehicles.start,
          answered: vehicles.end,
          shown: t.ms,
          longTasks: await longTasksSince(page, vehicles.end),
          bytes: vehicles.bytes,
        });
      return t;
    });
    breakdown.shift();

    const fromOtherPage = await repeat(RUNS, async () => {
      await page.evaluate(() => (location.hash = '#/callbacks'));
      await page.getByTestId('fleet-scroller').waitFor({ state: 'detached' });
      return timeAction(page, 'open the fleet from another page', 'click', {}, () =>
        page.getByRole('link', { name: 'Fleet' }).click(),
      );
    });

    const search = page.getByRole('textbox', { name: 'Search' });
    const app = {
      search: [] as number[],
      clearSearch: [] as number[],
      state: [] as number[],
      clearState: [] as number[],
      sortVin: [] as number[],
      sortLabel: [] as number[],
    };
    for (let run = 0; run <= RUNS; run += 1) {
      const keep = (list: number[], t: Timed) => run > 0 && list.push(t.ms);
      keep(
        app.search,
        await timeAction(page, 'search', 'input', { keys: searched, all: searched.length }, () =>
          search.fill(SEARCH),
        ),
      );
      keep(
        app.clearSearch,
        await timeAction(page, 'clear the search', 'input', { change: true }, () => search.fill('')),
      );
      await openStateFilter(page);
      keep(
        app.state,
        await timeAction(page, 'state filter', 'click', { keys: inState, all: inState.length }, () =>
          page.getByRole('option', { name: STATE.label, exact: true }).click(),
        ),
      );
      await page.keyboard.press('Escape');
      await openStateFilter(page);
      keep(
        app.clearState,
        await timeAction(page, 'clear the state filter', 'click', { change: true }, () =>
          page.getByRole('option', { name: STATE.label, exact: true }).click(),
        ),
      );
      await page.keyboard.press('Escape');
      keep(
        app.sortVin,
        await timeAction(page, 'sort by VIN', 'click', { change: true }, () =>
          page.getByTestId('sort-vin').click(),
        ),
      );
      keep(
        app.sortLabel,
        await timeAction(page, 'sort by vehicle', 'click', { change: true }, () =>
          page.getByTestId('sort-label').click(),
        ),
      );
    }

    // One more of each under BENCH_TRACE (never a timed one): a page load and a search.
    await traced(page, 'fleet-search', () =>
      timeAction(page, 'search', 'input', { keys: searched, all: searched.length }, () =>
        search.fill(SEARCH),
      ),
    );
    if (process.env.BENCH_TRACE)
      await timeAction(page, 'clear the search', 'input', { change: true }, () => search.fill(''));
    await traced(page, 'fleet-page-load', () => timeLoad(page, `${agent.url}/#/vehicles`, 'fleet page load'));

    // The baseline: the same browser, origin and session, a bare page.
    const baselineUrl = `${agent.url}/__bench/fleet-baseline.html`;
    await serveHtml(page, baselineUrl, BASELINE_HTML);
    const baselineParts: Record<string, number>[] = [];
    const baselineLoad = await repeat(RUNS, async () => {
      const t = await timeLoad(page, baselineUrl, 'baseline load');
      baselineParts.push(
        await page.evaluate(() => (window as unknown as { __baseline: Record<string, number> }).__baseline),
      );
      return t;
    });
    baselineParts.shift();
    const bare = {
      search: [] as number[],
      clearSearch: [] as number[],
      state: [] as number[],
      clearState: [] as number[],
      sortVin: [] as number[],
      sortLabel: [] as number[],
    };
    const bareSearch = page.locator('#search');
    const bareState = page.locator('#state');
    for (let run = 0; run <= RUNS; run += 1) {
      const keep = (list: number[], t: Timed) => run > 0 && list.push(t.ms);
      keep(
        bare.search,
        await timeAction(page, 'baseline search', 'input', { keys: searched, all: searched.length }, () =>
          bareSearch.fill(SEARCH),
        ),
      );
      keep(
        bare.clearSearch,
        await timeAction(page, 'baseline clear', 'input', { change: true }, () => bareSearch.fill('')),
      );
      keep(
        bare.state,
        await timeAction(
          page,
          'baseline state',
          'input',
          { keys: inState, all: inState.length },
          async () => {
            await bareState.selectOption(STATE.code);
          },
        ),
      );
      keep(
        bare.clearState,
        await timeAction(page, 'baseline clear state', 'input', { change: true }, async () => {
          await bareState.selectOption('');
        }),
      );
      // Label first: the bare page starts in the API's order, which is by VIN.
      keep(
        bare.sortLabel,
        await timeAction(page, 'baseline sort by label', 'click', { change: true }, () =>
          page.locator('#sort-label').click(),
        ),
      );
      keep(
        bare.sortVin,
        await timeAction(page, 'baseline sort by VIN', 'click', { change: true }, () =>
          page.locator('#sort-vin').click(),
        ),
      );
    }

    rows.push(
      {
        what: 'page load → the rows in view on screen',
        app: appLoad,
        baseline: baselineLoad,
        target: TARGET.renderMs,
      },
      {
        what: 'opening the fleet from another page (data already loaded)',
        app: fromOtherPage,
        baseline: [],
        target: TARGET.renderMs,
      },
      {
        what: `search "${SEARCH}" (${searched.length.toLocaleString('en')} match)`,
        app: app.search,
        baseline: bare.search,
        target: TARGET.filterMs,
      },
      {
        what: `clear the search (all ${VEHICLES.toLocaleString('en')})`,
        app: app.clearSearch,
        baseline: bare.clearSearch,
        target: TARGET.filterMs,
      },
      {
        what: `state filter "${STATE.label}" (${inState.length} match)`,
        app: app.state,
        baseline: bare.state,
        target: TARGET.filterMs,
      },
      {
        what: 'clear the state filter',
        app: app.clearState,
        baseline: bare.clearState,
        target: TARGET.filterMs,
      },
      { what: 'sort by VIN', app: app.sortVin, baseline: bare.sortVin },
      { what: 'sort by vehicle (label)', app: app.sortLabel, baseline: bare.sortLabel },
    );

    const version = browser.version();
    console.log(
      `\nFleet page, ${VEHICLES.toLocaleString('en')} simulated vehicles, Chromium ${version} headless at ${VIEWPORT.width}×${VIEWPORT.height}` +
        ` (${inView} rows in view); median of ${RUNS} after one warm-up, [min–max]; timed in the page from the event` +
        ` (or navigation start) to the end of the frame that shows the rows.\n`,
    );
    console.log('| measure | Depot Remote | baseline: plain table, bare loops | target | verdict |');
    console.log('|---|---|---|---|---|');
    const cell = (v: number[]) =>
      v.length ? `${ms(median(v))} [${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))}]` : '—';
    for (const r of rows) {
      console.log(
        `| ${r.what} | ${cell(r.app)} | ${cell(r.baseline)} | ${r.target ? `< ${r.target} ms` : '—'} | ${r.target ? verdict(median(r.app), r.target) : '—'} |`,
      );
    }
    const mid = (f: (b: (typeof breakdown)[number]) => number) => ms(median(breakdown.map(f)));
    console.log(
      `\nApp page load, medians: scripts loaded at ${mid((b) => b.bundleEnd)}; session asked at ${mid((b) => b.sessionAsked)},` +
        ` first byte ${mid((b) => b.sessionAnswered)}; vehicles asked at ${mid((b) => b.asked)},` +
        ` answered at ${mid((b) => b.answered)} (${(median(breakdown.map((b) => b.bytes)) / 1e6).toFixed(2)} MB);` +
        ` rows shown at ${mid((b) => b.shown)}: ${mid((b) => b.shown - b.answered)} after the answer,` +
        ` of which long tasks ${mid((b) => b.longTasks)}.`,
    );
    const part = (a: string, b: string) => ms(median(baselineParts.map((p) => p[b]! - p[a]!)));
    console.log(
      `Baseline page load, medians: fetch to first byte ${part('start', 'firstByte')}, body ${part('firstByte', 'body')},` +
        ` JSON.parse ${part('body', 'parsed')}, HTML string + innerHTML ${part('parsed', 'html')}, layout ${part('html', 'layout')}.`,
    );
    const render = median(appLoad);
    const filters = [app.search, app.clearSearch, app.state, app.clearState].map(median);
    console.log(
      `\nTarget: the fleet renders in < ${TARGET.renderMs} ms — ${verdict(render, TARGET.renderMs)} (page load ${ms(render)},` +
        ` from another page ${ms(median(fromOtherPage))}; the bare table ${ms(median(baselineLoad))}).`,
    );
    console.log(
      `Target: filters in < ${TARGET.filterMs} ms — ${verdict(Math.max(...filters), TARGET.filterMs)} (slowest ${ms(Math.max(...filters))};` +
        ` the bare loops ${ms(Math.max(...[bare.search, bare.clearSearch, bare.state, bare.clearState].map(median)))}).`,
    );
    await context.close();
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
