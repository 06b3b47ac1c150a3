// The shell waits a moment for the data of the page it opens on (the fleet's vehicles, the history's first page), so
// the frame and the first rows are drawn in one render and one paint. Drawn apart, the shell's render (about 100
// ms on the workshop machines) kept the page from reading the data's answer, which had arrived meanwhile, and the
// rows followed in a second render and paint. The wait is short and bounded: a slow answer never holds the shell
// back longer than FIRST_DATA_WAIT_MS, and once shown the shell stays until sign-out.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Stores } from '../stores/app-stores.js';

/** At most this long after signing in, the shell shows without its page's data (which then follows). */
export const FIRST_DATA_WAIT_MS = 400;

/** At most this long the page stays blank while the session and the first data are asked for (then: a loader). */
export const FIRST_SCREEN_WAIT_MS = 300;

const fleetRead = (s: ReturnType<Stores['vehicles']['getState']>) => s.loaded || s.error !== null;
const historyRead = (s: ReturnType<Stores['history']['getState']>) => s.total !== null || s.error !== null;

/** Whether the page the address names has what its first render shows (true for pages that read nothing first). */
export function useFirstDataReady(stores: Stores): boolean {
  const page = useStore(stores.router, (s) => s.route.name);
  const fleet = useStore(stores.vehicles, fleetRead);
  const history = useStore(stores.history, historyRead);
  return page === 'fleet' ? fleet : page === 'history' ? history : true;
}

/** The first screen can be drawn whole: the sign-in, or the shell with its page's data. */
export function firstScreenReady(stores: Stores): boolean {
  const { status } = stores.session.getState();
  if (status === 'checking') return false;
  if (status !== 'signed-in') return true;
  const page = stores.router.getState().route.name;
  if (page === 'fleet') return fleetRead(stores.vehicles.getState());
  if (page === 'history') return historyRead(stores.history.getState());
  return true;
}

/**
 * Resolves once the first screen can be drawn whole, or after `waitMs`. The app's first render waits for it: a
 * "connecting" loader drawn meanwhile (the app's first render, with React's and Mantine's set-up) held up reading
 * the answers that had arrived, and was replaced a moment later anyway.
 */
export function whenFirstScreenReady(stores: Stores, waitMs = FIRST_SCREEN_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    if (firstScreenReady(stores)) {
      resolve();
      return;
    }
    const check = () => {
      if (firstScreenReady(stores)) done();
    };
    const watched = [stores.session, stores.router, stores.vehicles, stores.history].map((store) =>
      store.subscribe(check),
    );
    const timer = setTimeout(() => done(), waitMs);
    function done() {
      clearTimeout(timer);
      for (const stop of watched) stop();
      resolve();
    }
  });
}

/** True once the shell may show: its page's data is there, or the wait is over; false again after sign-out. */
export function useShellReady(stores: Stores, signedIn: boolean): boolean {
  const ready = useFirstDataReady(stores);
  const [waited, setWaited] = useState(false);
  const [shown, setShown] = useState(false);
  const show = signedIn && (shown || ready || waited);
  // Kept as state so a page whose data reloads later (another page opened, then this one) never hides the shell.
  if (show !== shown) setShown(show);
  if (!signedIn && waited) setWaited(false);
  useEffect(() => {
    if (!signedIn || show) return;
    const timer = setTimeout(() => setWaited(true), FIRST_DATA_WAIT_MS);
    return () => clearTimeout(timer);
  }, [signedIn, show]);
  return show;
}
