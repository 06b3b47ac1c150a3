// The page's first reads, sent by the page's entry (main.tsx) before it loads the app, so they leave while React,
// Mantine and the contract's schemas are fetched and set up. Over HTTP only (the desktop app's bridge has no
// round trip to save): the session, then the data of the page the address names — the fleet or the history, the
// two a technician opens first. The HTTP client takes each answer instead of asking again (earlyFetch), once, while
// fresh, and only a successful one: asked for before the session is known, a read may be refused (signed out), and
// then the client asks again once signed in. This module stays small: it is part of the entry.
import { parseRoute } from '../stores/router-store.js';

/**
 * As the stores ask for them (the client builds the query in the registry's order): the vehicles store's one page
 * of the whole fleet (in the fleet view's first order), and the history's unfiltered first page. A test holds them
 * to the client's own URLs.
 */
export const EARLY_PATHS = {
  session: '/api/v1/session',
  fleet: '/api/v1/vehicles?limit=5000&offset=0&sort=label',
  history: '/api/v1/remotes?limit=200&offset=0',
} as const;

/** An early answer older than this is not used: the page asks again. */
const FRESH_MS = 10_000;

const early = new Map<string, { at: number; response: Promise<Response> }>();

/** Starts the reads for the page at `hash` (none in the desktop app, whose bridge answers without HTTP). */
export function startEarlyReads(
  hash: string = window.location.hash,
  now: () => number = () => performance.now(),
): void {
  if (window.depotRemote || typeof fetch !== 'function') return;
  const read = (path: string) =>
    early.set(path, {
      at: now(),
      response: fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' }),
    });
  // The session first: the agent answers in order, and it decides what the page shows at all.
  read(EARLY_PATHS.session);
  const route = parseRoute(hash).name;
  if (route === 'fleet') read(EARLY_PATHS.fleet);
  if (route === 'history') read(EARLY_PATHS.history);
}

/**
 * fetch, except that a GET of a path read early gets that answer (once): a successful one while fresh; anything
 * else is dropped and asked again.
 */
export const earlyFetch =
  (
    base: typeof fetch = (...args) => fetch(...args),
    now: () => number = () => performance.now(),
  ): typeof fetch =>
  async (input, init) => {
    const key = typeof input === 'string' ? input : null;
    const found = key !== null ? early.get(key) : undefined;
    if (key !== null && found && (init?.method ?? 'GET') === 'GET') {
      early.delete(key);
      if (now() - found.at <= FRESH_MS) {
        const response = await found.response.catch(() => null);
        if (response?.ok) return response;
      }
    }
    return base(input, init);
  };

/** Drops what was read early (tests; a page that will not use them). */
export function forgetEarlyReads(): void {
  early.clear();
}
