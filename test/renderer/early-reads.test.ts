// @vitest-environment jsdom
// The page's first reads, sent before the app is loaded: the session, then the fleet or the history as the address
// says — exactly the requests the stores make, so the client takes each answer instead of asking again: once, only
// a successful one, only while fresh, only for a read; none in the desktop app, whose bridge needs no HTTP.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EARLY_PATHS,
  earlyFetch,
  forgetEarlyReads,
  startEarlyReads,
} from '../../renderer/src/api/early-reads.js';
import { createHttpClient } from '../../renderer/src/api/http-client.js';
import { createHistoryStore } from '../../renderer/src/stores/history-store.js';
import { createSessionStore } from '../../renderer/src/stores/session-store.js';
import { createVehiclesStore } from '../../renderer/src/stores/vehicles-store.js';
import { session } from './helpers/fake-client.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const PAGE = { items: [], total: 0, limit: 200, offset: 0 };

afterEach(() => {
  forgetEarlyReads();
  vi.unstubAllGlobals();
  delete window.depotRemote;
});

describe('the first reads', () => {
  it('are the requests the stores make', async () => {
    const urls: string[] = [];
    const fetchImpl = vi.fn(async (url: string) => {
      urls.push(url);
      return json(200, url.endsWith('/session') ? session() : PAGE);
    });
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    await createSessionStore(client, null).getState().check();
    await createVehiclesStore(client).getState().load();
    await createHistoryStore(client).getState().open();
    expect(urls).toEqual([EARLY_PATHS.session, EARLY_PATHS.fleet, EARLY_PATHS.history]);
  });

  it('ask for the session, then the data of the page the address names', () => {
    const fetch = vi.fn(async (_url: string) => json(200, {}));
    vi.stubGlobal('fetch', fetch);
    const asked = (hash: string) => {
      fetch.mockClear();
      startEarlyReads(hash);
      return fetch.mock.calls.map(([url]) => url);
    };
    expect(asked('')).toEqual([EARLY_PATHS.session, EARLY_PATHS.fleet]);
    expect(asked('#/vehicles')).toEqual([EARLY_PATHS.session, EARLY_PATHS.fleet]);
    expect(asked('#/history')).toEqual([EARLY_PATHS.session, EARLY_PATHS.history]);
    expect(asked('#/callbacks')).toEqual([EARLY_PATHS.session]);
    window.depotRemote = { transport: 'bridge' } as unknown as typeof window.depotRemote;
    expect(asked('#/vehicles')).toEqual([]);
  });

  it('answer the client once, when successful and fresh, and only a read', async () => {
    let now = 0;
    const clock = () => now;
    const early = vi.fn(async (url: string) => json(url.endsWith('/session') ? 401 : 200, { early: url }));
    vi.stubGlobal('fetch', early);
    const base = vi.fn(async (url: string) => json(200, { asked: url }));
    const fetchLike = earlyFetch(base as unknown as typeof fetch, clock);
    const read = async (url: string, init?: RequestInit) => (await fetchLike(url, init)).json();

    startEarlyReads('#/vehicles', clock);
    // Refused before anyone signed in: asked again.
    expect(await read(EARLY_PATHS.session)).toEqual({ asked: EARLY_PATHS.session });
    expect(await read(EARLY_PATHS.fleet)).toEqual({ early: EARLY_PATHS.fleet });
    expect(await read(EARLY_PATHS.fleet)).toEqual({ asked: EARLY_PATHS.fleet });

    startEarlyReads('#/history', clock);
    expect(await read(EARLY_PATHS.history, { method: 'POST' })).toEqual({ asked: EARLY_PATHS.history });
    startEarlyReads('#/history', clock);
    now = 10_001;
    expect(await read(EARLY_PATHS.history)).toEqual({ asked: EARLY_PATHS.history });
    expect(base).toHaveBeenCalledTimes(4);
  });
});
