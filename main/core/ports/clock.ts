// Time is a dependency: retries, batch windows, expiries and the in-process fleet all read it here,
// so tests move it forward instead of sleeping.

export type TimerHandle = { readonly id: number };

export interface Clock {
  now(): Date;
  nowIso(): string;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

let nextId = 1;

export function systemClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  return {
    now: () => new Date(),
    nowIso: () => new Date().toISOString(),
    setTimeout(fn, ms) {
      const id = nextId++;
      const t = setTimeout(() => {
        timers.delete(id);
        fn();
      }, ms);
      t.unref();
      timers.set(id, t);
      return { id };
    },
    clearTimeout(handle) {
      const t = timers.get(handle.id);
      if (t) clearTimeout(t);
      timers.delete(handle.id);
    },
  };
}

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order (timers scheduled while firing fire too if due). */
  advance(ms: number): void;
  set(iso: string): void;
  pendingTimers(): number;
}

export function manualClock(startIso = '2026-01-05T08:00:00.000Z'): ManualClock {
  let now = Date.parse(startIso);
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: ManualClock = {
    now: () => new Date(now),
    nowIso: () => new Date(now).toISOString(),
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return { id };
    },
    clearTimeout(handle) {
      timers.delete(handle.id);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        let due: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers)
          if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
      }
      now = target;
    },
    set(iso) {
      now = Date.parse(iso);
    },
    pendingTimers: () => timers.size,
  };
  return clock;
}
