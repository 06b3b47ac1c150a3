// Headless Chromium for the UI benchmarks (bench/fleet-view.ts, bench/history-view.ts): Debian's /usr/bin/chromium
// through playwright-core, the build they serve (and whether it is older than the sources), and an in-page watcher
// that times what a person sees: from a user action's own event (its `timeStamp`), or from navigation start for a
// page load, to the frame that shows the rows it should. Timing inside the page keeps the automation's round trips
// out of the figures; the watcher checks once per frame, so a figure is rounded up to the frame that shows it.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, launch } from '../../test/e2e-web/helpers/browser.js';

export { CHROMIUM };
/** The build the benchmarks serve: `out` (npm run build), or another electron-vite `--outDir` named `…/out`. */
export const BUILD = resolve(process.env.BENCH_BUILD ?? 'out');
export const VIEWPORT = { width: 1440, height: 900 } as const;

export function requireBuildAndBrowser(): void {
  if (!existsSync(join(BUILD, 'renderer', 'index.html')) || !existsSync(join(BUILD, 'main', 'agent.js')))
    throw new Error(`No build in ${BUILD}: run "npx electron-vite build --logLevel warn" first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium.`);
}

function newestIn(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

/** One line on the build measured: when it was made, and the newest source file changed since, if any. */
export function buildLine(): string {
  const built = statSync(join(BUILD, 'renderer', 'index.html')).mtime;
  const newest = ['renderer/src', 'main', 'preload']
    .map(newestIn)
    .reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  const stale =
    newest.mtimeMs > built.getTime()
      ? ` — OLDER than ${newest.file} (${new Date(newest.mtimeMs).toISOString()}): the figures are of the build`
      : '';
  return `build: ${BUILD} of ${built.toISOString()}${stale}`;
}

/** The same Chromium, with the same flags, as the browser tests drive. */
export const launchChromium = launch;

/** Where the watcher finds the rows: the app's own test ids; each baseline page uses the same attributes. */
export interface RowsConfig {
  scroller: string;
  row: string;
  /** Rows still loading: none may be in view. */
  placeholder?: string;
  /** The attribute a row is recognised by (a vehicle id, a feature). */
  key: string;
}

export interface Expect {
  /** Every row in view has one of these keys (absent: any). */
  keys?: string[];
  /** How many rows match in all: fewer than fill the view must all be in it (absent: the view must be full). */
  all?: number;
  /** The rows in view differ from those at arming time (a sort keeps the same keys). */
  change?: boolean;
}

export interface Timed {
  /** From the event (or navigation start) to the end of the frame that shows the rows. */
  ms: number;
  /** When the event happened, in ms since navigation start (0 for a page load). */
  at: number;
  /** Rows in view in that frame. */
  rows: number;
}

/** The console message with which the watcher says a result is ready (waitTimed). */
const RESULT_SIGNAL = '__bench_result_ready__';

/**
 * The watcher, as an init script (it runs in every document of the page before the page's own scripts). Each new
 * document starts armed for its load: t0 is navigation start. `__bench.arm(event, expect)` times the next `event`
 * (input, click) instead. Long tasks are kept for the breakdowns.
 */
export function watcherScript(rows: RowsConfig): string {
  return `(() => {
  const cfg = ${JSON.stringify(rows)};
  const bench = { armed: null, result: null, longTasks: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  function inView() {
    const scroller = document.querySelector(cfg.scroller);
    if (!scroller) return null;
    const box = scroller.getBoundingClientRect();
    const bottom = Math.min(box.bottom, innerHeight);
    const seen = (el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.bottom > box.top && r.top < bottom ? r : null;
    };
    if (cfg.placeholder && [...scroller.querySelectorAll(cfg.placeholder)].some(seen)) return null;
    const rows = [];
    for (const el of scroller.querySelectorAll(cfg.row)) {
      const r = seen(el);
      if (r) rows.push({ key: el.getAttribute(cfg.key), bottom: r.bottom });
    }
    return { rows, bottom };
  }
  function shown(expect) {
    const view = inView();
    if (!view || view.rows.length === 0) return null;
    if (expect.keys && !view.rows.every((r) => expect.keys.has(r.key))) return null;
    // The view is full (a row reaches its bottom edge), or every row there is to show is in it.
    const full = view.rows.some((r) => r.bottom >= view.bottom - 1);
    if (!full && !(expect.all !== undefined && view.rows.length >= expect.all)) return null;
    const signature = view.rows.map((r) => r.key).join(' ');
    if (expect.from !== undefined && signature === expect.from) return null;
    return { rows: view.rows.length, signature };
  }
  bench.signature = () => shown({})?.signature ?? '';
  bench.arm = (event, expect) => {
    const keys = expect.keys ? new Set(expect.keys) : null;
    const from = expect.change ? bench.signature() : undefined;
    const already = shown({ keys, all: expect.all, from }) !== null;
    bench.result = null;
    bench.armed = { event, expect: { keys, all: expect.all, from }, t0: null, done: false };
    dirty = true;
    return already;
  };
  for (const type of ['input', 'click']) {
    addEventListener(type, (e) => {
      const a = bench.armed;
      if (a && a.t0 === null && a.event === type) a.t0 = e.timeStamp;
    }, true);
  }
  bench.armed = { event: 'load', expect: {}, t0: 0, done: false };
  // Rows are looked for only in frames after the DOM changed (and every 10th frame, for changes of layout alone):
  // each look forces a layout, which an unchanged page would not otherwise do.
  let dirty = true;
  let frames = 0;
  new MutationObserver(() => (dirty = true)).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  const frame = () => {
    const a = bench.armed;
    frames += 1;
    if (a && a.t0 !== null && !a.done && (dirty || frames % 10 === 0)) {
      dirty = false;
      const hit = shown(a.expect);
      if (hit) {
        a.done = true;
        // A task queued from the frame's callbacks runs once that frame's style, layout and paint are done. At
        // user-blocking priority it runs before the tasks already waiting (network answers, timers), which are not
        // part of showing these rows.
        const done = () => {
          bench.result = { ms: performance.now() - a.t0, at: a.t0, rows: hit.rows };
          if (bench.armed === a) bench.armed = null;
          // Told, not polled for (waitTimed): once timed, nothing of the bench's runs in the page before this.
          console.debug(${JSON.stringify(RESULT_SIGNAL)});
        };
        if (window.scheduler?.postTask) void scheduler.postTask(done, { priority: 'user-blocking' });
        else setTimeout(done, 0);
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
}

interface BenchWindow {
  __bench: {
    arm(event: string, expect: Expect): boolean;
    result: Timed | null;
    longTasks: { start: number; ms: number }[];
  };
}

/**
 * The next result of the watcher, asked for before the event it times: the page says when it is ready (a console
 * message), and only then is it read. Polling the page for it (Playwright's waitForFunction, every 50 ms) ran the
 * bench's own script in the page while it was being timed: on a page load, Playwright's utility script is set up in
 * the new document at the first poll (7–8 ms of the main thread's CPU, 14–59 ms of wall time in light traces of the
 * fleet's load, before the page's own entry ran), and every poll is one more task among the page's.
 */
export function waitTimed(page: Page, what: string): Promise<Timed> {
  return page
    .waitForEvent('console', { predicate: (message) => message.text() === RESULT_SIGNAL, timeout: 30_000 })
    .then(
      () => page.evaluate(() => (window as unknown as BenchWindow).__bench.result!),
      () => {
        throw new Error(`${what}: the expected rows never showed within 30 s (has the page changed?).`);
      },
    );
}

/** Times `act` from its `event` to the frame that shows the rows `expect` describes. */
export async function timeAction(
  page: Page,
  what: string,
  event: 'input' | 'click',
  expect: Expect,
  act: () => Promise<void>,
): Promise<Timed> {
  const already = await page.evaluate(([e, x]) => (window as unknown as BenchWindow).__bench.arm(e, x), [
    event,
    expect,
  ] as const);
  if (already) throw new Error(`${what}: the rows on screen already match, so nothing would be timed.`);
  const timed = waitTimed(page, what);
  // Should `act` fail, its error is the one reported, not a wait left behind.
  timed.catch(() => undefined);
  await act();
  return timed;
}

/** Opens `url` from a blank page and times its load: navigation start → the rows in view. */
export async function timeLoad(page: Page, url: string, what: string): Promise<Timed> {
  await page.goto('about:blank');
  const timed = waitTimed(page, what);
  timed.catch(() => undefined);
  await page.goto(url, { waitUntil: 'commit' });
  return timed;
}

/** Long tasks of the current document that started at or after `from` (ms since navigation start). */
export function longTasksSince(page: Page, from: number): Promise<number> {
  return page.evaluate(
    (f) =>
      (window as unknown as BenchWindow).__bench.longTasks
        .filter((t) => t.start >= f)
        .reduce((sum, t) => sum + t.ms, 0),
    from,
  );
}

/**
 * The Resource Timing entry of the latest request whose URL holds `part` (with `exact`, ends with it), in ms since
 * navigation start.
 */
export function resourceTiming(
  page: Page,
  part: string,
  { exact = false }: { exact?: boolean } = {},
): Promise<{ start: number; firstByte: number; end: number; bytes: number } | null> {
  return page.evaluate(
    ([p, whole]) => {
      const e = performance
        .getEntriesByType('resource')
        .findLast((r) => (whole ? r.name.endsWith(p) : r.name.includes(p))) as
        PerformanceResourceTiming | undefined;
      return e
        ? { start: e.startTime, firstByte: e.responseStart, end: e.responseEnd, bytes: e.encodedBodySize }
        : null;
    },
    [part, exact] as const,
  );
}

/** When the page's scripts had all arrived (the entry and the app it loads), in ms since navigation start. */
export function scriptsLoaded(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const ends = performance
      .getEntriesByType('resource')
      .filter((r) => /\/assets\/[^/?#]+\.js$/.test(r.name))
      .map((r) => (r as PerformanceResourceTiming).responseEnd);
    return ends.length > 0 ? Math.max(...ends) : null;
  });
}

export const BENCH_TEAM = [
  { name: 'Bench Admin', role: 'admin', pin: '424242' },
  { name: 'Bench Tech', role: 'technician', pin: '515151' },
] as const;

/**
 * Signs in as a depot's technician does: the first admin and a technician are created with the machine token,
 * the token enrols this browser, then the technician picks their name and types their PIN — so the pages are
 * measured as a technician sees them (no "first admin" banner, a technician's rights on each row).
 */
export async function signInAsTechnician(page: Page, url: string, token: string): Promise<void> {
  for (const member of BENCH_TEAM) {
    const r = await fetch(`${url}/api/v1/operators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(member),
    });
    if (r.status !== 201) throw new Error(`Creating operator ${member.name}: ${r.status} ${await r.text()}`);
  }
  const tech = BENCH_TEAM[1];
  await page.goto(`${url}/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('session-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page
    .getByRole('listbox', { name: 'Operator' })
    .getByRole('option', { name: new RegExp(`^${tech.name}`) })
    .click();
  await page.getByLabel(`PIN for ${tech.name}`).fill(tech.pin);
  await page.getByLabel(`PIN for ${tech.name}`).press('Enter');
  await page.getByTestId('session-name').filter({ hasText: tech.name }).waitFor();
}

/** Serves `html` at `url` (the agent's origin, so the page reads the API with the session cookie). */
export async function serveHtml(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "met" / "NOT MET" against an upper bound in ms. */
export function verdict(ms: number, targetMs: number): string {
  return ms < targetMs ? 'met' : 'NOT MET';
}

export const ms = (n: number) => `${Math.round(n)} ms`;

/** Trace categories for bench/support/trace-summary.mjs: tasks, scripts, style, layout, paint, network, V8 samples. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'loading',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * With BENCH_TRACE=<folder>, records a Chromium performance trace of `run` as <folder>/<label>.json (open it in
 * DevTools' Performance panel, or summarise it with bench/support/trace-summary.mjs); BENCH_TRACE_LIGHT=1 records
 * no V8 samples. Tracing slows the page:
 * the benchmarks trace one extra run, never a timed one.
 */
export async function traced(page: Page, label: string, run: () => Promise<unknown>): Promise<void> {
  const folder = process.env.BENCH_TRACE;
  if (!folder) return;
  const browser = page.context().browser();
  if (!browser) return;
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${label.replace(/[^a-z0-9]+/gi, '-')}.json`);
  // BENCH_TRACE_LIGHT=1 leaves out V8's sampling profiler (so trace-profile.mjs has nothing to attribute): a
  // lighter trace of the tasks and requests. Tracing still moves a page load's timings (the scripts arrive later
  // than untraced): read the tasks' durations rather than when they start.
  const categories = process.env.BENCH_TRACE_LIGHT
    ? TRACE_CATEGORIES.filter((c) => c !== 'disabled-by-default-v8.cpu_profiler')
    : TRACE_CATEGORIES;
  await browser.startTracing(page, { path, categories });
  try {
    await run();
  } finally {
    await browser.stopTracing();
    console.error(`trace: ${path}`);
  }
}
