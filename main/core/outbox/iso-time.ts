// The outbox's ISO-8601 timestamps (the store's format). A drain at full speed stamps thousands of outcomes a
// second, many in the same millisecond: the last one made is reused, which took Date#toISOString's 1.5 µs a
// delivery off the event loop (docs/benchmarks.md, issue 13).
let lastMs = Number.NaN;
let last = '';

/** `ms` (milliseconds since the epoch) as the store writes times: `2026-12-04T04:05:09.510Z`. */
export function isoAt(ms: number): string {
  if (ms !== lastMs) {
    last = new Date(ms).toISOString();
    lastMs = ms;
  }
  return last;
}
