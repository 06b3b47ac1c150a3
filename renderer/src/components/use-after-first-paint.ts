// For lists that draw a few rows beyond the view, so a scroll never shows an empty edge: those rows are no part of
// what the page shows when it opens, so the first render draws the rows in view (and one more), and the rest follow
// once that frame has been painted — a third of the fleet's rows on its first render.
import { useEffect, useState } from 'react';

/** Runs `run` once the next frame has been painted (a timer queued from its animation frame runs after it). */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** `first` until the component's first render has been painted, `then` from there on. */
export function useAfterFirstPaint<T>(first: T, then: T): T {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted ? then : first;
}
