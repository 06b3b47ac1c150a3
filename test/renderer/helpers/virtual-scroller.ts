// jsdom lays nothing out: an element is 0 px tall and scrolling does nothing, so a virtualized list would render no
// row. This gives the elements with a given test id a height and a scroll position that scrollTo moves (with the
// scroll event a browser sends), so the list renders the rows a window of that height would show.
/** Installs it; returns the function that takes it away. */
export function virtualScroller(testId: string, height: number): () => void {
  const offsets = new WeakMap<Element, number>();
  const isScroller = (el: Element) => el instanceof HTMLElement && el.dataset.testid === testId;
  const proto = HTMLElement.prototype;
  const originalScrollTo = proto.scrollTo;
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? height : 0;
    },
  });
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? 1200 : 0;
    },
  });
  // What it holds: the list's full height, as the list sets it on its one child.
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      if (!isScroller(this)) return 0;
      const inner = this.firstElementChild as HTMLElement | null;
      return Math.max(height, Number.parseFloat(inner?.style.height ?? '') || 0);
    },
  });
  Object.defineProperty(proto, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return offsets.get(this) ?? 0;
    },
    set(this: HTMLElement, value: number) {
      offsets.set(this, value);
    },
  });
  proto.scrollTo = function scrollTo(this: HTMLElement, ...args: unknown[]) {
    const [first, second] = args;
    const top = typeof first === 'number' ? second : (first as ScrollToOptions | undefined)?.top;
    if (typeof top === 'number') {
      offsets.set(this, Math.max(0, top));
      this.dispatchEvent(new Event('scroll'));
    }
  } as typeof proto.scrollTo;
  return () => {
    // The layout properties live on Element.prototype: taking these off HTMLElement's uncovers them again.
    for (const key of ['clientHeight', 'clientWidth', 'scrollHeight', 'scrollTop'])
      delete (proto as unknown as Record<string, unknown>)[key];
    proto.scrollTo = originalScrollTo;
  };
}
