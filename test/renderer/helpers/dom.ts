// What jsdom lacks and the component library uses. Import first in every jsdom test file.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy…/waitFor wait up to 1 s by default: an instant on a loaded 2-core machine, where a menu's or a dialog's
// opening transition alone can take longer (the same reason as expect.poll's 5 s in vitest.config.ts).
configure({ asyncUtilTimeout: 5_000 });

if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
  globalThis.ResizeObserver ??= window.ResizeObserver;
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
    });
  }
  Element.prototype.scrollIntoView ??= () => {};
  Element.prototype.scrollTo ??= () => {};
  window.HTMLElement.prototype.scrollTo ??= () => {};
}

afterEach(() => cleanup());
