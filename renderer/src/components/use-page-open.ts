// Opening a page starts at its top with the focus on its heading: a screen reader says where it is, the next Tab
// goes into the page, and a page opened from low in a long list does not land scrolled down with its name hidden.
// A page whose heading comes after its data (a loader first) gets the focus when the heading appears, unless the
// person has put the focus somewhere meanwhile. The first page shown (the app loading, or just signed in) is left
// alone, as a full page load is: the browser and screen readers start at the top of the document themselves.
import { useEffect, useRef } from 'react';
import { pathOf, type Route } from '../stores/router-store.js';

/** How long a page may take to show its heading before the focus is left where it is. */
const HEADING_WAIT_MS = 5_000;

/** One key per page: the vehicle page stays the same page while its feature changes (a choice in the page). */
export function pageKeyOf(route: Route): string {
  return route.name === 'vehicle' ? `vehicle/${route.vehicleId}` : pathOf(route);
}

export function usePageOpen(pageKey: string, containerId = 'main') {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Both: the document scrolls in the browser; the element covers layouts that scroll an inner box.
    document.documentElement.scrollTop = 0;
    document.body.scrollTop = 0;
    const container = document.getElementById(containerId);
    if (!container) return;
    container.scrollTop = 0;
    const focusedAtOpen = document.activeElement;
    const focusHeading = (): boolean => {
      // The page's own heading: a page still loading (a lazy chunk) leaves the previous one in the document,
      // hidden by its Suspense boundary (an inline display: none) until it shows.
      const heading = [...container.querySelectorAll<HTMLElement>('h1')].find(
        (h) => !h.closest('[style*="display: none"]'),
      );
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const movedOn = () =>
      document.activeElement !== focusedAtOpen &&
      document.activeElement !== document.body &&
      document.activeElement !== container;
    const observer = new MutationObserver(() => {
      if (movedOn() || focusHeading()) stop();
    });
    const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
    function stop() {
      observer.disconnect();
      clearTimeout(timer);
    }
    observer.observe(container, { childList: true, subtree: true });
    return stop;
  }, [pageKey, containerId]);
}
