// The workstation locks when left alone: after `minutes` without a key or the pointer, `onIdle` runs once.
// 0 minutes: never. Input anywhere in the page counts (captured, so a field that stops propagation still counts).
import { useEffect, useRef } from 'react';
import { createIdleTimer, type IdleTimerOptions } from './idle-timer.js';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(
  minutes: number,
  onIdle: () => void,
  timers: Pick<IdleTimerOptions, 'now' | 'setTimer' | 'clearTimer'> = {},
) {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  const { now, setTimer, clearTimer } = timers;
  useEffect(() => {
    if (!(minutes > 0)) return;
    const timer = createIdleTimer({
      timeoutMs: minutes * 60_000,
      onIdle: () => latest.current(),
      ...(now ? { now } : {}),
      ...(setTimer ? { setTimer } : {}),
      ...(clearTimer ? { clearTimer } : {}),
    });
    const activity = () => timer.activity();
    for (const name of INPUT_EVENTS)
      window.addEventListener(name, activity, { capture: true, passive: true });
    return () => {
      timer.stop();
      for (const name of INPUT_EVENTS) window.removeEventListener(name, activity, { capture: true });
    };
  }, [minutes, now, setTimer, clearTimer]);
}
