import { useSyncExternalStore } from 'react';

// One ticker for every "3 min ago" on screen. It runs only while something shows a time. While it does not, the
// clock is read again when it is older than a tick, both as the page renders and as the ticker starts (else a
// page opened after a quiet spell would count from a stale clock, and a time just past would read as one to come:
// "in 2 min"). Not at every start: the first render's rows subscribe right after their commit, and a clock read
// again then is a new value, which React answers with a synchronous second render of every row that shows a time,
// before the browser may paint the first one (traced on the fleet's page load).
const TICK_MS = 5_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

/** Reads the clock again unless it was read less than a tick ago. */
function refreshIfStale() {
  const current = Date.now();
  if (current - now >= TICK_MS || current < now) now = current;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    refreshIfStale();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function snapshot(): number {
  if (!timer) refreshIfStale();
  return now;
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
