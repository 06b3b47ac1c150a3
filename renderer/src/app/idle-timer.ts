// Fires once after `timeoutMs` without activity. Activity only notes the time (cheap enough for every pointer
// move); the one timer, when it fires early, waits for the rest. Time and timers are injected for tests, and a
// timer that fires late (a sleeping laptop) counts the whole time.
export interface IdleTimerOptions {
  timeoutMs: number;
  onIdle(): void;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface IdleTimer {
  /** Someone used the screen: the countdown starts again. */
  activity(): void;
  stop(): void;
}

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let last = now();
  let handle: unknown = null;
  let stopped = false;

  function check() {
    handle = null;
    if (stopped) return;
    const idle = now() - last;
    if (idle >= options.timeoutMs) {
      stopped = true;
      options.onIdle();
    } else {
      handle = setTimer(check, options.timeoutMs - idle);
    }
  }
  handle = setTimer(check, options.timeoutMs);

  return {
    activity() {
      if (!stopped) last = now();
    },
    stop() {
      stopped = true;
      if (handle !== null) clearTimer(handle);
      handle = null;
    },
  };
}
