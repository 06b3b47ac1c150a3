// When passes run. New work and finished calls ask for one: at once when urgent, otherwise after the commit delay so
// the outcomes of calls finishing together share a commit (one fsync per pass, not per delivery). Policy times
// (the next retry, batch window, probe, Retry-After or sweep) wake it through the injected clock, so a manual clock
// drives every policy in tests. It also keeps the promises of work in the air, for idle() and stop().
import type { Clock, TimerHandle } from '../ports/clock.js';

export type Scheduler = ReturnType<typeof createScheduler>;

export function createScheduler(deps: {
  clock: Clock;
  commitDelayMs: number;
  /** Whether passes may be asked for now (started, not stopping). */
  enabled(): boolean;
  runPass(): void;
}) {
  const { clock, commitDelayMs } = deps;
  let immediate: NodeJS.Immediate | null = null;
  let delayed: NodeJS.Timeout | null = null;
  let wake: { handle: TimerHandle; at: number } | null = null;
  const tasks = new Set<Promise<unknown>>();
  /** Calls in the air: counted rather than each kept as a promise (thousands a second at full speed). */
  let calls = 0;
  let callsDone: { promise: Promise<void>; resolve(): void } | null = null;

  function clearPending() {
    if (immediate) clearImmediate(immediate);
    if (delayed) clearTimeout(delayed);
    immediate = null;
    delayed = null;
  }

  function run() {
    clearPending();
    deps.runPass();
  }

  function request(urgent: boolean) {
    if (!deps.enabled()) return;
    if (immediate) return;
    if (urgent || commitDelayMs === 0) {
      if (delayed) {
        clearTimeout(delayed);
        delayed = null;
      }
      immediate = setImmediate(run);
    } else if (!delayed) {
      delayed = setTimeout(run, commitDelayMs);
    }
  }

  function disarm() {
    if (wake) clock.clearTimeout(wake.handle);
    wake = null;
  }

  return {
    request,
    /** Runs a pass now, in place of one asked for (idle()). */
    runNow: run,
    /** A pass is asked for and has not run yet. */
    pending: () => immediate !== null || delayed !== null,
    /** Stops asking: drops the pass asked for and the wake-up. */
    cancel() {
      disarm();
      clearPending();
    },
    disarm,

    /** Sets the wake-up to the next policy time (Infinity: none), at least 1 ms ahead. */
    arm(nextMs: number, nowMs: number) {
      if (nextMs === Infinity) {
        disarm();
        return;
      }
      const at = Math.max(nextMs, nowMs + 1);
      if (wake && wake.at === at) return;
      if (wake) clock.clearTimeout(wake.handle);
      wake = {
        at,
        handle: clock.setTimeout(() => {
          wake = null;
          request(true);
        }, at - nowMs),
      };
    },

    /** A pass failed: another one after `ms`. */
    retryIn(ms: number) {
      clock.setTimeout(() => request(true), ms);
    },

    track<T>(p: Promise<T>): Promise<T> {
      tasks.add(p);
      void p.finally(() => tasks.delete(p)).catch(() => undefined);
      return p;
    },
    /** A call started; `callEnded` must follow, whatever happens to it. */
    callStarted() {
      calls += 1;
    },
    callEnded() {
      calls -= 1;
      if (calls === 0 && callsDone) {
        callsDone.resolve();
        callsDone = null;
      }
    },
    /** Calls and other work still in the air. */
    busy: () => tasks.size > 0 || calls > 0,
    /** Settles once the work in the air now is done. */
    settled: () => {
      if (calls > 0 && !callsDone) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        callsDone = { promise, resolve };
      }
      return Promise.allSettled([...tasks, ...(callsDone ? [callsDone.promise] : [])]);
    },
  };
}
