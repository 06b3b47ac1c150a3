// A virtualized list (@tanstack/react-virtual) that lets the browser lay the page out in its own time. Two of the
// virtualizer's defaults touch the layout from the first render's commit: it reads the scroller's clientWidth and
// clientHeight at once, and it scrolls the new scroller to where it already is (top 0). Each forces the browser to
// style and lay out the whole new page inside React's commit (30–37 ms of the fleet's first render in a trace), and
// again in the frame for what changed after it.
import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

type Rect = { width: number; height: number };

/**
 * The scroller's size from the ResizeObserver's first report (after the frame's layout, before its paint) or,
 * where none reports (jsdom's stub), just after the next frame; until then the list uses its `initialRect`.
 */
export function observeRectAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  const view = instance.targetWindow;
  if (!element || !view) return undefined;
  const read = () => cb({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) });
  let reported = false;
  const observer = view.ResizeObserver
    ? new view.ResizeObserver(() => {
        reported = true;
        read();
      })
    : null;
  observer?.observe(element, { box: 'content-box' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = view.requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!reported) read();
    }, 0);
  });
  return () => {
    view.cancelAnimationFrame(frame);
    clearTimeout(timer);
    observer?.disconnect();
  };
}

const scrolled = new WeakSet<Element>();

/** Scrolls as the virtualizer's own, except its first scroll of a scroller to the top, where a new one already is. */
export function scrollUnlessAtStart<S extends Element, I extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<S, I>,
): void {
  const element = instance.scrollElement;
  if (element && !scrolled.has(element)) {
    scrolled.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
