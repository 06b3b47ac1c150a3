// Authentication belongs to the route, not to the spelling of its URL: every registered API route that is not
// declared public is walked with the encodings, cases, dot segments and slashes an attacker would try, over a
// real socket (nothing normalises the request line), without a credential. Each must be refused (401), unknown
// (404) or misdirected (421) — never served, and never answered with the UI's fallback page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../helpers/api-harness.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { tempDir } from '../../helpers/temp-dir.js';

const UI_MARKER = 'depot-remote-ui-fallback-marker';
let h: Harness;
let port: number;
const ui = tempDir('depot-remote-ui-');

beforeAll(async () => {
  mkdirSync(join(ui.path, 'assets'));
  writeFileSync(join(ui.path, 'index.html'), `<!doctype html><title>${UI_MARKER}</title>`);
  h = await startHarness({ api: { rendererDir: ui.path } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await h.close();
  ui.remove();
});

const encodeFirst = (s: string) => (s ? `%${s.charCodeAt(0).toString(16).padStart(2, '0')}${s.slice(1)}` : s);
const encodeAll = (s: string) =>
  [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');
const mapSegments = (path: string, f: (s: string) => string) => path.split('/').map(f).join('/');

/** The ways one path can be spelled so that a naive prefix check and the router disagree. */
export function spellings(path: string): string[] {
  const [, api, v1, ...rest] = path.split('/');
  const tail = rest.join('/');
  return [
    path,
    mapSegments(path, encodeFirst),
    mapSegments(path, encodeAll),
    `/a%70i/${v1}/${tail}`,
    `/ap%69/${v1}/${tail}`,
    `/%2561pi/${v1}/${tail}`,
    `/%25%36%31pi/${v1}/${tail}`,
    path.toUpperCase(),
    `/Api/${v1}/${tail}`,
    `/${api}/${v1}/./${tail}`,
    `/${api}/x/../${v1}/${tail}`,
    `/${api}/${v1}/%2e/${tail}`,
    `/${api}/x/%2e%2e/${v1}/${tail}`,
    `/x/..%2f${api}/${v1}/${tail}`,
    `${path}/`,
    `/${path}`,
    `/${api}//${v1}/${tail}`,
    `/${api}%2f${v1}%2f${tail}`,
    `/${api}\\${v1}\\${tail}`,
    `${path};x=1`,
    `${path}%00`,
  ];
}

describe('every non-public API route, however it is spelled, needs a credential', () => {
  it('walks the route table', async () => {
    const routes = h.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'OPTIONS');
    const protectedRoutes = routes.filter((r) => !r.public);
    // The table is the real one: the sensitive routes are in it, and only health, the document and the session's
    // own routes are public.
    expect(protectedRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/callbacks',
        'POST /api/v1/vehicles/:vid/callbacks/:cbid/remotes',
        'GET /api/v1/events',
        'GET /api/v1/audit',
        'POST /api/v1/operators',
        'POST /api/v1/tokens',
        'PUT /api/v1/policy',
        'POST /api/v1/session/enrol',
        'PUT /api/v1/session/pin',
      ]),
    );
    expect([...new Set(routes.filter((r) => r.public).map((r) => r.url))].sort()).toEqual([
      '/api/v1/health',
      '/api/v1/openapi.json',
      '/api/v1/session',
      '/api/v1/session/operators',
    ]);

    const failures: string[] = [];
    let sent = 0;
    for (const route of protectedRoutes) {
      const path = route.url.replace(/:(\w+)/g, 'x1');
      for (const spelled of spellings(path)) {
        const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) ? '{}' : undefined;
        const res = await rawRequest(port, {
          method: route.method,
          path: spelled,
          headers: [
            ['host', `127.0.0.1:${port}`],
            ...(body !== undefined ? ([['content-type', 'application/json']] as [string, string][]) : []),
          ],
          ...(body !== undefined ? { body } : {}),
        });
        sent += 1;
        const servedUi = res.body.includes(UI_MARKER);
        // 400 only for a request line no router accepts (a NUL byte, an invalid escape): never served either.
        if (![400, 401, 404, 421].includes(res.status) || servedUi) {
          failures.push(`${route.method} ${spelled} → ${res.status}${servedUi ? ' (UI page)' : ''}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  it('the public routes answer without a credential, and the UI still serves its pages', async () => {
    const host: [string, string] = ['host', `127.0.0.1:${port}`];
    expect((await rawRequest(port, { path: '/api/v1/health', headers: [host] })).status).toBe(200);
    expect((await rawRequest(port, { path: '/api/v1/openapi.json', headers: [host] })).status).toBe(200);
    const page = await rawRequest(port, { path: '/fleet/some-vehicle', headers: [host] });
    expect(page.status).toBe(200);
    expect(page.body).toContain(UI_MARKER);
  });

  it('never serves the UI fallback for paths that decode to /api', async () => {
    const host: [string, string] = ['host', `127.0.0.1:${port}`];
    for (const path of ['/API', '/%61pi', '/%2561pi/anything', '/x/../api/v2/nothing', '/Api/V1/Nope']) {
      const res = await rawRequest(port, { path, headers: [host] });
      expect(res.body, path).not.toContain(UI_MARKER);
      expect(res.status, path).toBe(404);
    }
  });
});
