// The idle lock's clock: it fires once, after the whole timeout without activity; activity pushes it back without
// a timer per event; a timer that fires late (a sleeping machine) counts the time that passed; stop() cancels it.
import { describe, expect, it, vi } from 'vitest';
import { createIdleTimer } from '../../renderer/src/app/idle-timer.js';

/** A clock and timers the test moves by hand. */
function manualTime() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    pending: () => timers.size,
    /** Moves the clock; due timers run in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = until;
    },
    /** Moves the clock without running timers (the machine slept). */
    jump(ms: number) {
      now += ms;
    },
  };
}

describe('idle timer', () => {
  it('fires once after the timeout without activity', () => {
    const time = manualTime();
    const onIdle = vi.fn();
    createIdleTimer({ timeoutMs: 10_000, onIdle, ...time });
    time.advance(9_999);
    expect(onIdle).not.toHaveBeenCalled();
    time.advance(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    time.advance(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(time.pending()).toBe(0);
  });

  it('counts from the last activity, with one timer however many events', () => {
    const time = manualTime();
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 10_000, onIdle, ...time });
    time.advance(6_000);
    for (let i = 0; i < 50; i += 1) timer.activity();
    expect(time.pending()).toBe(1);
    time.advance(9_000);
    expect(onIdle).not.toHaveBeenCalled();
    time.advance(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks at once when its timer fires late, after the machine slept', () => {
    const time = manualTime();
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 10_000, onIdle, ...time });
    time.advance(2_000);
    timer.activity();
    time.jump(30_000);
    // The first timer (due at 10 s) runs at 32 s: no second wait for the rest of a countdown long past.
    time.advance(0);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(time.pending()).toBe(0);
  });

  it('does nothing once stopped', () => {
    const time = manualTime();
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 10_000, onIdle, ...time });
    timer.stop();
    expect(time.pending()).toBe(0);
    time.advance(20_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
