// The event loop's responsiveness during a timed window (issue 13: p99 ≤ 20 ms and max ≤ 50 ms while the
// pipeline runs at full speed): perf_hooks.monitorEventLoopDelay times a timer set every RESOLUTION_MS for as
// long as the window runs. Its histogram holds the time between two firings, the interval included (an idle loop
// reads 10 ms at a 10 ms resolution), so the delay reported is that time minus the interval: how late the loop
// ran the timer.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  p50ms: number;
  p99ms: number;
  maxMs: number;
}

export const LOOP_DELAY_BOUNDS = { p99ms: 20, maxMs: 50 } as const;

const RESOLUTION_MS = 2;

/** Runs `work` and reports how late the event loop was meanwhile. */
export async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; loop: LoopDelay }> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  try {
    const result = await work();
    histogram.disable();
    const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);
    return {
      result,
      loop: {
        p50ms: ms(histogram.percentile(50)),
        p99ms: ms(histogram.percentile(99)),
        maxMs: ms(histogram.max),
      },
    };
  } finally {
    histogram.disable();
  }
}

/** "p99 4.1 ms, max 12.3 ms (within 20/50)" or "… (OVER 20/50)". */
export function describeLoopDelay(loop: LoopDelay): string {
  const within = loop.p99ms <= LOOP_DELAY_BOUNDS.p99ms && loop.maxMs <= LOOP_DELAY_BOUNDS.maxMs;
  return `p99 ${loop.p99ms} ms, max ${loop.maxMs} ms (${within ? 'within' : 'OVER'} ${LOOP_DELAY_BOUNDS.p99ms}/${LOOP_DELAY_BOUNDS.maxMs})`;
}
