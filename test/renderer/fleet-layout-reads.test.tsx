// @vitest-environment jsdom
// The fleet list lets the browser lay the page out in its own time (virtualizer-layout.ts): the virtualizer's first
// scroll of a new scroller to its top is left out (later ones, and a first one elsewhere, go through), and the
// scroller's size is read when the ResizeObserver reports it, or after the next frame where none does — never at
// once. The rows' icons are <use>s of symbols drawn once beside the list (FeatureSprite.tsx).
import './helpers/dom.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  observeRectAfterLayout,
  scrollUnlessAtStart,
} from '../../renderer/src/components/virtualizer-layout.js';
import { FleetView } from '../../renderer/src/features/fleet/FleetView.js';
import { FEATURE_ORDER } from '../../renderer/src/features/remotes/features.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { fakeClient, operatorActor, session, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';
import { virtualScroller } from './helpers/virtual-scroller.js';

type AnyVirtualizer = Virtualizer<HTMLDivElement, Element>;

/** A scroller of a known size, with the window the virtualizer would give it. */
function scroller(height: number) {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientHeight', { value: height });
  Object.defineProperty(element, 'clientWidth', { value: 800 });
  const scrolls: unknown[] = [];
  element.scrollTo = ((options: ScrollToOptions) => scrolls.push(options.top)) as typeof element.scrollTo;
  const instance = {
    scrollElement: element,
    targetWindow: window,
    options: { horizontal: false, isRtl: false },
  } as unknown as AnyVirtualizer;
  return { element, instance, scrolls };
}

const originalObserver = window.ResizeObserver;
afterEach(() => {
  window.ResizeObserver = originalObserver;
});

describe('the virtualizer’s first scroll', () => {
  it('is left out when it would move a new scroller to where it already is, the top', () => {
    const { instance, scrolls } = scroller(400);
    scrollUnlessAtStart(0, { adjustments: 0 }, instance);
    expect(scrolls).toEqual([]);
    scrollUnlessAtStart(0, {}, instance);
    scrollUnlessAtStart(120, {}, instance);
    expect(scrolls).toEqual([0, 120]);
  });

  it('goes through when it moves the new scroller elsewhere', () => {
    const { instance, scrolls } = scroller(400);
    scrollUnlessAtStart(80, { adjustments: 40 }, instance);
    expect(scrolls).toEqual([120]);
  });
});

describe('the scroller’s size', () => {
  it('comes from the ResizeObserver’s report, not from reading the layout at once', () => {
    let report: (() => void) | null = null;
    const observed: Element[] = [];
    window.ResizeObserver = class {
      constructor(callback: () => void) {
        report = callback;
      }
      observe(element: Element) {
        observed.push(element);
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    const { element, instance } = scroller(480);
    const sizes: unknown[] = [];
    const stop = observeRectAfterLayout(instance, (rect) => sizes.push(rect));
    expect(observed).toEqual([element]);
    expect(sizes).toEqual([]);
    report!();
    expect(sizes).toEqual([{ width: 800, height: 480 }]);
    stop?.();
  });

  it('is read after the next frame where no ResizeObserver reports', async () => {
    const { instance } = scroller(360);
    const sizes: unknown[] = [];
    const stop = observeRectAfterLayout(instance, (rect) => sizes.push(rect));
    expect(sizes).toEqual([]);
    await waitFor(() => expect(sizes).toEqual([{ width: 800, height: 360 }]));
    stop?.();
  });

  it('is never read once the list is gone', async () => {
    const { instance } = scroller(360);
    const sizes: unknown[] = [];
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    observeRectAfterLayout(instance, (rect) => sizes.push(rect))?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(frame).toHaveBeenCalled();
    expect(sizes).toEqual([]);
    frame.mockRestore();
  });
});

describe('the rows’ icons', () => {
  it('are the symbols drawn once beside the list, nine features and two quick actions a row', async () => {
    const restore = virtualScroller('fleet-scroller', 400);
    try {
      const vehicles = [vehicle({ id: 'v-1', label: 'Van 01' }), vehicle({ id: 'v-2', label: 'Van 02' })];
      const client = fakeClient({ vehicles });
      const stores = createStores(client);
      renderWithStores(<FleetView />, client, stores, {
        session: session({ actor: operatorActor('Tess', 'technician') }),
      });
      await act(async () => {
        await stores.vehicles.getState().load();
      });
      const rows = await screen.findAllByTestId('vehicle-row');
      expect(rows).toHaveLength(2);
      const symbols = [...document.querySelectorAll('symbol')].map((s) => s.id);
      expect(symbols).toHaveLength(FEATURE_ORDER.length);
      for (const row of rows) {
        const capabilityIcons = within(row).getByTestId('capabilities').querySelectorAll('use');
        expect([...capabilityIcons].map((u) => u.getAttribute('href')!.slice(1))).toEqual(symbols);
        for (const quick of [within(row).getByTestId('quick-horn'), within(row).getByTestId('quick-lock')]) {
          const href = quick.querySelector('use')!.getAttribute('href')!;
          // Each draws something: its symbol holds the icon's paths.
          expect(document.querySelector(href)?.querySelector('path')).not.toBeNull();
        }
      }
      // Hidden from assistive technology, as the icons were.
      expect(document.querySelector('symbol')!.closest('svg')!.getAttribute('aria-hidden')).toBe('true');
    } finally {
      restore();
    }
  });
});
