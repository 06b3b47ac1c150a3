// Summarises a V8 CPU profile (bench/support/profile.ts writes them under BENCH_PROFILE): self time by function
// and by file, and the inclusive time of named functions.
//   node bench/support/profile-summary.mjs <file.cpuprofile> [window-function] [fn1,fn2,…]
// window-function: only the samples between the first and last whose stack holds it.
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// time window: from first sample whose stack contains fnStart to last containing it
const windowFn = process.argv[3] || undefined;
const name = (n) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\/work\/main\//, '').replace(/.*node_modules\//, 'nm/')}:${n.callFrame.lineNumber + 1}`;
const stackOf = (id) => {
  const s = [];
  while (id !== undefined) {
    s.push(byId.get(id));
    id = parent.get(id);
  }
  return s;
};
let lo = 0,
  hi = p.samples.length;
if (windowFn) {
  const idx = p.samples
    .map((s, i) => (stackOf(s).some((n) => n.callFrame.functionName === windowFn) ? i : -1))
    .filter((i) => i >= 0);
  lo = idx[0];
  hi = idx[idx.length - 1];
}
const self = new Map(),
  incl = new Map(),
  files = new Map();
let total = 0;
for (let i = lo; i <= hi && i < p.samples.length; i++) {
  const dt = p.timeDeltas[i + 1] ?? 0;
  total += dt;
  const st = stackOf(p.samples[i]);
  const k = name(st[0]);
  self.set(k, (self.get(k) ?? 0) + dt);
  const f =
    st[0].callFrame.url
      .replace(/.*\/work\/main\//, '')
      .replace(/.*node_modules\//, 'nm/')
      .split('/')
      .slice(0, 3)
      .join('/') || st[0].callFrame.functionName;
  files.set(f, (files.get(f) ?? 0) + dt);
  const seen = new Set();
  for (const n of st) {
    const kk = n.callFrame.functionName;
    if (!seen.has(kk)) {
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + dt);
    }
  }
}
console.log('sampled ms', Math.round(total / 1000));
const top = (m, k = 30) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(
      ([n, v]) =>
        `${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}% ${n}`,
    )
    .join('\n');
console.log('--- self');
console.log(top(self, 35));
console.log('--- files');
console.log(top(files, 20));
const want = (
  process.argv[4] ??
  'runPass,record,claim,send,buildRequest,call,settle,recordAttempt,decide,flush,sign,request,dump,pump,commit,afterCommit'
).split(',');
console.log('--- inclusive');
for (const w of want)
  console.log(
    `${((incl.get(w) ?? 0) / 1000).toFixed(0).padStart(7)} ms ${((100 * (incl.get(w) ?? 0)) / total).toFixed(1)}% ${w}`,
  );
