// Where the page's script time went, from the V8 samples in a Chromium trace written under BENCH_TRACE
// (bench/support/chromium.ts records them): self time by package or source file of the renderer's main thread,
// in one window of the page's time line. With a build made with `electron-vite build --sourcemap`, the minified
// bundles' frames are mapped back to their sources (node_modules packages, or renderer/ and preload/ files);
// without maps, they are counted by bundle file.
//   node bench/support/trace-profile.mjs <trace.json> <build's out dir> [from-ms] [to-ms] [by: package|file|function]
// Times are ms from navigation start, as in trace-summary.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

const [tracePath, buildDir, fromArg, toArg, byArg] = process.argv.slice(2);
if (!tracePath || !buildDir) {
  console.error('usage: trace-profile.mjs <trace.json> <out dir> [from-ms] [to-ms] [package|file|function]');
  process.exit(2);
}
const from = Number(fromArg ?? 0);
const to = Number(toArg ?? Infinity);
const by = byArg ?? 'package';
const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
const events = trace.traceEvents ?? trace;

const navigation = events.filter((e) => e.name === 'navigationStart').at(-1);
// The renderer's main thread: the one whose samples hold the app's scripts.
const chunks = events.filter((e) => e.name === 'ProfileChunk');
const byProfile = new Map();
for (const c of chunks) {
  const key = `${c.pid}:${c.id}`;
  const list = byProfile.get(key) ?? [];
  list.push(c);
  byProfile.set(key, list);
}

const maps = new Map();
function consumerFor(url) {
  if (maps.has(url)) return maps.get(url);
  const file = url.match(/\/(assets\/[^/?#]+\.js)$/)?.[1];
  const path = file ? join(buildDir, 'renderer', `${file}.map`) : null;
  const consumer =
    path && existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8'))) : null;
  maps.set(url, consumer);
  return consumer;
}

function where(frame) {
  const { url, lineNumber, columnNumber, functionName } = frame;
  if (!url) return { pkg: functionName || '(native)', file: functionName || '(native)', fn: functionName };
  const consumer = consumerFor(url);
  let source = url.replace(/^https?:\/\/[^/]+/, '');
  let name = functionName || '(anon)';
  if (consumer && lineNumber >= 0) {
    const original = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    if (original.source) {
      source = original.source.replace(/^(\.\.\/)+/, '');
      if (original.name) name = original.name;
      name = `${name} ${source}:${original.line}`;
    }
  }
  const pkg = source.includes('node_modules/')
    ? source
        .split('node_modules/')
        .at(-1)
        .match(/^(@[^/]+\/[^/]+|[^/]+)/)[1]
    : source.replace(/\/[^/]+$/, '');
  return { pkg, file: source, fn: name };
}

let best = null;
for (const [key, list] of byProfile) {
  const profile = events.find((e) => e.name === 'Profile' && `${e.pid}:${e.id}` === key);
  if (!profile) continue;
  const nodes = new Map();
  const samples = [];
  const deltas = [];
  for (const c of list) {
    for (const n of c.args.data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    samples.push(...(c.args.data.cpuProfile?.samples ?? []));
    deltas.push(...(c.args.data.timeDeltas ?? []));
  }
  const scripted = [...nodes.values()].filter((n) => n.callFrame.url?.includes('/assets/')).length;
  if (!best || scripted > best.scripted)
    best = { nodes, samples, deltas, start: profile.args.data.startTime, scripted };
}
if (!best) throw new Error('No V8 samples of the page in this trace.');

const zero = navigation?.ts ?? best.start;
const totals = new Map();
let t = best.start;
let busy = 0;
for (let i = 0; i < best.samples.length; i++) {
  t += best.deltas[i] ?? 0;
  const next = best.deltas[i + 1] ?? 0;
  const at = (t - zero) / 1000;
  if (at < from || at > to) continue;
  const node = best.nodes.get(best.samples[i]);
  const fnName = node?.callFrame.functionName;
  if (!node || fnName === '(idle)' || fnName === '(root)') continue;
  const w = where(node.callFrame);
  const label = by === 'file' ? w.file : by === 'function' ? w.fn : w.pkg;
  totals.set(label, (totals.get(label) ?? 0) + next / 1000);
  busy += next / 1000;
}
console.log(
  `busy ${busy.toFixed(1)} ms between ${from} and ${to === Infinity ? 'the end' : to} ms, self time by ${by}:`,
);
for (const [label, msSelf] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(
    `${msSelf.toFixed(1).padStart(8)} ms  ${((100 * msSelf) / busy).toFixed(1).padStart(5)} %  ${label}`,
  );
