// Summarises a Chromium trace written under BENCH_TRACE (bench/support/chromium.ts): the page's requests and, per
// task of the renderer's main thread longer than 10 ms, where its time went — script, garbage collection, style,
// layout, paint, HTML parsing — then the totals. Times are ms from navigation start (or from the trace's first
// input or click, for a trace of a user action).
//   node bench/support/trace-summary.mjs <trace.json> [shortest task shown, ms: 10]
import { readFileSync } from 'node:fs';

const MIN_MS = Number(process.argv[3] ?? 10);
const trace = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const events = trace.traceEvents ?? trace;

const threads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const busy = (t) =>
  events
    .filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.name === 'RunTask')
    .reduce((sum, e) => sum + e.dur, 0);
const main = threads.sort((a, b) => busy(b) - busy(a))[0];
if (!main) throw new Error('No renderer main thread in this trace.');
const on = events
  .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);

const navigation = events.filter((e) => e.pid === main.pid && e.name === 'navigationStart').at(-1);
const firstAction = on.find(
  (e) => e.name === 'EventDispatch' && ['click', 'input'].includes(e.args?.data?.type),
);
const zero = (navigation ?? firstAction ?? on[0]).ts;
const at = (ts) => ((ts - zero) / 1000).toFixed(0);

const CATEGORY = [
  [/^(V8\.GC|MinorGC|MajorGC|BlinkGC)/, 'gc'],
  [/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet)/, 'style'],
  [/^(Layout|UpdateLayerTree|IntersectionObserverController)/, 'layout'],
  [/^(Paint|PrePaint|Layerize|Commit|PaintImage|RasterTask|CompositeLayers|UpdateLayer)/, 'paint'],
  [/^(ParseHTML|HTMLDocumentParser)/, 'html'],
  [/^(v8\.compile|V8\.Compile|v8\.parse|CompileScript|V8\.CompileCode)/, 'compile'],
];
const categoryOf = (name) => CATEGORY.find(([re]) => re.test(name))?.[1] ?? 'script';

/** Self time (µs) by category of the events inside `task`, nested by time. */
function selfTimes(task) {
  const inside = on.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const totals = {};
  const stack = [];
  const self = new Map(inside.map((e) => [e, e.dur]));
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, self.get(parent) - e.dur);
    stack.push(e);
  }
  for (const [e, us] of self) {
    if (e === task) continue;
    const c = categoryOf(e.name);
    totals[c] = (totals[c] ?? 0) + Math.max(0, us);
  }
  return totals;
}

const show = (totals) =>
  Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .filter(([, us]) => us >= 500)
    .map(([c, us]) => `${c} ${(us / 1000).toFixed(1)}`)
    .join(', ');

console.log('requests (start → response → end, ms):');
const requests = new Map();
for (const e of events) {
  const id = e.args?.data?.requestId;
  if (!id) continue;
  const r = requests.get(id) ?? {};
  if (e.name === 'ResourceSendRequest') Object.assign(r, { url: e.args.data.url, start: e.ts });
  if (e.name === 'ResourceReceiveResponse') r.response = e.ts;
  if (e.name === 'ResourceFinish') Object.assign(r, { end: e.ts, bytes: e.args.data.encodedDataLength });
  requests.set(id, r);
}
for (const r of [...requests.values()]
  .filter((r) => r.url && r.start >= zero)
  .sort((a, b) => a.start - b.start)) {
  console.log(
    `  ${at(r.start)} → ${r.response ? at(r.response) : '?'} → ${r.end ? at(r.end) : '?'}  ${r.url.replace(/^https?:\/\/[^/]+/, '')}` +
      (r.bytes ? ` (${(r.bytes / 1024).toFixed(0)} KB)` : ''),
  );
}

console.log(`tasks over ${MIN_MS} ms on the main thread (start +duration: self time by kind, ms):`);
const all = {};
for (const task of on.filter((e) => e.name === 'RunTask' && e.ts + e.dur > zero && e.dur > MIN_MS * 1000)) {
  const totals = selfTimes(task);
  for (const [c, us] of Object.entries(totals)) all[c] = (all[c] ?? 0) + us;
  const first = on.find(
    (e) =>
      e.ts >= task.ts &&
      e.ts < task.ts + task.dur &&
      [
        'FunctionCall',
        'EvaluateScript',
        'TimerFire',
        'EventDispatch',
        'FireAnimationFrame',
        'ParseHTML',
      ].includes(e.name),
  );
  const what = first ? `${first.name}${first.args?.data?.type ? ` ${first.args.data.type}` : ''}` : '';
  console.log(`  ${at(task.ts)} +${(task.dur / 1000).toFixed(1)} ${what}: ${show(totals)}`);
}
console.log(`in those tasks: ${show(all)}`);
