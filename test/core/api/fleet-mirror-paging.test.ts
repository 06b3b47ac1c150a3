// Paging of the mirror's collections as the fleet API pages (pageSize 1–60, default 60; indexRange; an opaque
// pageToken): its edge cases through the real API, and the page arithmetic on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePageToken, fromList, pageOf } from '../../../main/core/api/routes/fleet-mirror/paging.js';
import { ServiceError } from '../../../main/core/kernel/service-error.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';

const FLEET = 'fleet-paging-1';
const BASE = `/api/v1/fleets/${FLEET}`;
/** In the collection: the built-in callback every data folder has ("This workstation") and six created here. */
const CALLBACKS = 7;

let h: Harness;
let cbids: string[];
beforeAll(async () => {
  h = await startHarness({ fleetId: FLEET });
  cbids = ['workstation'];
  for (let i = 1; i < CALLBACKS; i += 1) {
    const res = await h.call({
      method: 'POST',
      url: `${BASE}/remote/callbacks`,
      payload: callbackBody({ label: `cb-${i}` }),
    });
    cbids.push(res.json().callbackId);
  }
});
afterAll(async () => h.close());

const get = (url: string) => h.call({ method: 'GET', url });
const ids = (body: { _embedded: { callbacks: { id: string }[] } }) =>
  body._embedded.callbacks.map((c) => c.id);
const tokenOf = (href: string) => new URL(href, 'http://agent').searchParams.get('pageToken');

describe('pageSize', () => {
  it.each([
    ['0', 'query.pageSize'],
    ['61', 'query.pageSize'],
    ['-1', 'query.pageSize'],
    ['2.5', 'query.pageSize'],
    ['many', 'query.pageSize'],
  ])('pageSize=%s → 400 naming %s', async (size, field) => {
    for (const path of ['/remote/callbacks', '/vehicles']) {
      const res = await get(`${BASE}${path}?pageSize=${size}`);
      expect(res.statusCode, path).toBe(400);
      expect(res.json()).toMatchObject({ code: 40000, depotCode: 'VALIDATION_FAILED' });
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('defaults to 60 and accepts 1 and 60', async () => {
    const all = (await get(`${BASE}/remote/callbacks`)).json();
    expect(all).toMatchObject({ total: CALLBACKS, totalPage: 1, currentPage: 1 });
    expect(all._links.self.href).toBe(`${BASE}/remote/callbacks?pageSize=60`);
    expect(all._links).not.toHaveProperty('next');
    expect(all._links).not.toHaveProperty('prev');
    expect(ids(all).sort()).toEqual([...cbids].sort());
    const one = (await get(`${BASE}/remote/callbacks?pageSize=1`)).json();
    expect(one).toMatchObject({ total: CALLBACKS, totalPage: CALLBACKS, currentPage: 1 });
    expect(ids(one)).toHaveLength(1);
    expect((await get(`${BASE}/remote/callbacks?pageSize=60`)).statusCode).toBe(200);
  });
});

describe('pageToken', () => {
  it('following next links visits every item once, and prev/first/last point back', async () => {
    const seen: string[] = [];
    let url: string | null = `${BASE}/remote/callbacks?pageSize=3`;
    const pages: { currentPage: number; _links: Record<string, { href: string }> }[] = [];
    while (url) {
      const page: { currentPage: number; _links: Record<string, { href: string }> } & Parameters<
        typeof ids
      >[0] = (await get(url)).json();
      pages.push(page);
      seen.push(...ids(page));
      url = page._links.next?.href ?? null;
    }
    expect(seen.sort()).toEqual([...cbids].sort());
    expect(pages.map((p) => p.currentPage)).toEqual([1, 2, 3]);
    const [p1, p2, p3] = pages;
    expect(p1!._links.first!.href).toBe(`${BASE}/remote/callbacks?pageSize=3`);
    expect(p2!._links.prev!.href).toBe(p1!._links.self!.href);
    expect(p3!._links.prev!.href).toBe(p2!._links.self!.href);
    expect(p1!._links.last!.href).toBe(p3!._links.self!.href);
    expect(tokenOf(p3!._links.self!.href)).toBe(encodePageToken(6));
  });

  it.each([
    ['not base64url', 'a+b/c'],
    ['not JSON', Buffer.from('offset=3').toString('base64url')],
    ['no offset', Buffer.from('{"page":2}').toString('base64url')],
    ['a negative offset', Buffer.from('{"offset":-3}').toString('base64url')],
    ['a fractional offset', Buffer.from('{"offset":1.5}').toString('base64url')],
    ['an offset no collection reaches', Buffer.from('{"offset":1e15}').toString('base64url')],
  ])('a token with %s → 400 naming query.pageToken', async (_what, token) => {
    const res = await get(`${BASE}/remote/callbacks?pageToken=${encodeURIComponent(token)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 40000, depotCode: 'VALIDATION_FAILED' });
    expect(res.json().errors).toEqual([
      {
        field: 'query.pageToken',
        message:
          'Use the pageToken of a `_links` href of the previous page, or leave it out for the first page.',
      },
    ]);
  });

  it('a token past the end (the collection shrank) gives an empty page whose prev is the last page', async () => {
    const res = (await get(`${BASE}/remote/callbacks?pageSize=3&pageToken=${encodePageToken(30)}`)).json();
    expect(res).toMatchObject({ total: CALLBACKS, totalPage: 3, currentPage: 11 });
    expect(ids(res)).toEqual([]);
    expect(tokenOf(res._links.prev.href)).toBe(encodePageToken(6));
    expect(res._links).not.toHaveProperty('next');
  });
});

describe('indexRange', () => {
  it('keeps the items of the range only, and pages within it', async () => {
    const everything = ids((await get(`${BASE}/remote/callbacks`)).json());
    const first3 = (await get(`${BASE}/remote/callbacks?indexRange=0-2`)).json();
    expect(first3).toMatchObject({ total: 3, totalPage: 1 });
    expect(ids(first3)).toEqual(everything.slice(0, 3));
    const from5 = (await get(`${BASE}/remote/callbacks?indexRange=5-`)).json();
    expect(ids(from5)).toEqual(everything.slice(5));
    expect((await get(`${BASE}/remote/callbacks?indexRange=5`)).json()).toMatchObject({ total: 2 });
    const paged = (await get(`${BASE}/remote/callbacks?indexRange=1-5&pageSize=2`)).json();
    expect(paged).toMatchObject({ total: 5, totalPage: 3 });
    expect(ids(paged)).toEqual(everything.slice(1, 3));
    // The links keep the range (and the client's other parameters).
    expect(paged._links.next.href).toBe(
      `${BASE}/remote/callbacks?indexRange=1-5&pageSize=2&pageToken=${encodePageToken(2)}`,
    );
    const next = (await get(paged._links.next.href)).json();
    expect(ids(next)).toEqual(everything.slice(3, 5));
    const beyond = (await get(`${BASE}/remote/callbacks?indexRange=50-60`)).json();
    expect(beyond).toMatchObject({ total: 0, totalPage: 1, currentPage: 1, _embedded: { callbacks: [] } });
  });

  it.each(['x', '-3', '1-2-3', '3-1', '0-9999999999'])(
    'indexRange=%s → 400 naming query.indexRange',
    async (range) => {
      const res = await get(`${BASE}/remote/callbacks?indexRange=${range}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.indexRange']);
    },
  );

  it('the remotes list takes indexRange too', async () => {
    const url = `${BASE}/vehicles/veh-e208-01/callbacks/${cbids[0]}/remotes`;
    expect((await get(`${url}?indexRange=0-0&pageSize=5`)).json()).toMatchObject({ total: 0 });
    expect((await get(`${url}?indexRange=2-1`)).statusCode).toBe(400);
  });
});

describe('unknown fleet', () => {
  it('pages of another fleet are 404, however they are asked for', async () => {
    for (const query of ['', '?pageSize=5', `?pageToken=${encodePageToken(5)}`]) {
      const res = await get(`/api/v1/fleets/other${'/remote/callbacks'}${query}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 40400, depotCode: 'FLEET_NOT_FOUND' });
    }
  });
});

describe('the page arithmetic', () => {
  const items = Array.from({ length: 10 }, (_, i) => i);
  const page = (req: { pageSize: number; pageToken?: string; indexRange?: string }, query = '') =>
    pageOf(req, '/c', query, fromList(items));

  it('counts pages, says where it is, and links only where there is somewhere to go', () => {
    const p = page({ pageSize: 4, pageToken: encodePageToken(4) });
    expect(p).toEqual({
      _links: {
        self: { href: `/c?pageSize=4&pageToken=${encodePageToken(4)}` },
        first: { href: '/c?pageSize=4' },
        next: { href: `/c?pageSize=4&pageToken=${encodePageToken(8)}` },
        prev: { href: '/c?pageSize=4' },
        last: { href: `/c?pageSize=4&pageToken=${encodePageToken(8)}` },
      },
      total: 10,
      totalPage: 3,
      currentPage: 2,
      items: [4, 5, 6, 7],
    });
    const empty = pageOf({ pageSize: 5 }, '/c', '', fromList([]));
    expect(empty).toMatchObject({ total: 0, totalPage: 1, currentPage: 1, items: [] });
    expect(empty._links).toEqual({
      self: { href: '/c?pageSize=5' },
      first: { href: '/c?pageSize=5' },
      last: { href: '/c?pageSize=5' },
    });
  });

  it('asks the source for no more than the page and the range need', () => {
    const asked: [number, number][] = [];
    pageOf({ pageSize: 60, indexRange: '2-4' }, '/c', '', (offset, limit) => {
      asked.push([offset, limit]);
      return { items: items.slice(offset, offset + limit), total: items.length };
    });
    expect(asked).toEqual([[2, 3]]);
  });

  it('keeps the client’s parameters in the links, replacing only pageSize and pageToken', () => {
    const p = page({ pageSize: 2 }, 'types=Horn&client_id=app&pageSize=99&pageToken=old');
    expect(p._links.next!.href).toBe(
      `/c?types=Horn&client_id=app&pageSize=2&pageToken=${encodePageToken(2)}`,
    );
  });

  it('refuses an inverted range with a ServiceError (400)', () => {
    expect(() => page({ pageSize: 2, indexRange: '5-4' })).toThrow(ServiceError);
  });
});
