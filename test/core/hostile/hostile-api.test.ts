// Hostile input against the local API, property-based (fast-check): random methods, paths (real route templates
// with random segments and encodings, and pure noise), headers (Host, Origin, credentials, content types, the
// operator and reason headers) and bodies, over a real socket. Invariants for every request: no 5xx; a refused
// request (4xx) changes no domain row; and afterwards the agent still answers /health. Bounded: a fixed number of
// runs with a fixed seed, a few seconds.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/core/db/index.js';
import { callbackBody, type Harness, startHarness, TOKEN } from '../../helpers/api-harness.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { tableFingerprint } from './table-fingerprint.js';

let h: Harness;
let port: number;
let db: Db;
let cbid: string;
beforeAll(async () => {
  // With a fleet id, so random requests reach the Stellantis mirror's services too.
  h = await startHarness({ fleetId: 'FLEET-HOSTILE' });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as AddressInfo).port;
  db = openDatabase(join(h.dataDir, 'depot-remote.sqlite'));
  cbid = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json().id;
});
afterAll(async () => {
  db.close();
  await h.close();
});

/** Header-safe text: printable ASCII without CR/LF (the socket would otherwise split the request itself). */
const headerText = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '_'));
// Mostly ids that exist (so requests reach validation and the services), some that cannot be ids at all.
const segment = (cbid: () => string) =>
  fc.oneof(
    {
      arbitrary: fc
        .constantFrom('veh-e208-01', 'VR3UHZKXZMT000001', 'FLEET-HOSTILE')
        .chain((v) => fc.constant(v)),
      weight: 3,
    },
    { arbitrary: fc.constant(null).map(() => cbid()), weight: 3 },
    { arbitrary: fc.constantFrom('x1', '..', '.', '%2e%2e', '%00', '%zz', '%2561', ''), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)), weight: 1 },
    { arbitrary: fc.webSegment(), weight: 1 },
  );

function pathArbitrary(templates: string[]) {
  const fromRoute = fc
    .tuple(
      fc.constantFrom(...templates),
      fc.array(
        segment(() => cbid),
        { minLength: 4, maxLength: 4 },
      ),
      fc.boolean(),
    )
    .map(([template, values, encodeApi]) => {
      let i = 0;
      const path = template.replace(/:(\w+)/g, () => values[i++ % values.length]!);
      return encodeApi ? path.replace('/api/', '/%61pi/') : path;
    });
  const query = fc.option(
    fc.dictionary(
      fc.constantFrom('limit', 'offset', 'since', 'state', 'vin', 'x'),
      fc.string({ maxLength: 8 }),
    ),
    { nil: undefined },
  );
  return fc
    .tuple(
      fc.oneof(
        fromRoute,
        fc.webPath().map((p) => p || '/'),
      ),
      query,
    )
    .map(([path, q]) => (q ? `${path}?${new URLSearchParams(q).toString()}` : path));
}

const bodyArbitrary = fc.oneof(
  fc.constant(undefined),
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc.constant(JSON.stringify(callbackBody())),
  fc
    .record({ door: fc.record({ state: fc.oneof(fc.constantFrom('Locked', 'Unlocked'), fc.string()) }) })
    .map((b) => JSON.stringify(b)),
  fc.anything().map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return 'null';
    }
  }),
);

describe('the local API under hostile input', () => {
  it('never answers 5xx, and a refused request changes nothing', async () => {
    const templates = [
      ...new Set(h.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => r.url)),
    ].concat([`/api/v1/vehicles/veh-e208-01/callbacks/${cbid}/remotes`, `/api/v1/callbacks/${cbid}`]);
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
      path: pathArbitrary(templates),
      host: fc.oneof(
        { arbitrary: fc.constantFrom(`127.0.0.1:${port}`, `localhost:${port}`), weight: 8 },
        {
          arbitrary: fc.constantFrom('evil.example', `evil.example:${port}`, `localhost:${port + 1}`),
          weight: 1,
        },
        { arbitrary: headerText, weight: 1 },
      ),
      credential: fc.oneof(
        { arbitrary: fc.constant<[string, string]>(['authorization', `Bearer ${TOKEN}`]), weight: 6 },
        { arbitrary: fc.constant<[string, string] | null>(null), weight: 2 },
        { arbitrary: headerText.map((t): [string, string] => ['authorization', `Bearer ${t}`]), weight: 1 },
        { arbitrary: headerText.map((t): [string, string] => ['cookie', `depot_session=${t}`]), weight: 1 },
      ),
      origin: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 6 },
        { arbitrary: fc.constantFrom('null', 'http://[', `http://127.0.0.1:${port}`), weight: 1 },
        { arbitrary: headerText, weight: 1 },
      ),
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 6 },
        { arbitrary: fc.constant(undefined), weight: 1 },
        {
          arbitrary: fc.constantFrom(
            'text/plain',
            'application/json; charset=latin1',
            'application/x-www-form-urlencoded',
          ),
          weight: 1,
        },
        { arbitrary: headerText, weight: 1 },
      ),
      operator: fc.option(headerText, { nil: undefined }),
      reason: fc.option(headerText, { nil: undefined }),
      body: bodyArbitrary,
    });

    const problems: string[] = [];
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: [string, string][] = [['host', r.host]];
        if (r.credential) headers.push(r.credential);
        if (r.origin !== undefined) headers.push(['origin', r.origin]);
        if (r.contentType !== undefined) headers.push(['content-type', r.contentType]);
        if (r.operator !== undefined) headers.push(['x-depot-operator', r.operator]);
        if (r.reason !== undefined) headers.push(['x-depot-reason', r.reason]);
        const before = tableFingerprint(db);
        const res = await rawRequest(port, {
          method: r.method,
          path: r.path,
          headers,
          ...(r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' ? { body: r.body } : {}),
        });
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        const where = `${r.method} ${r.path} → ${res.status} ${res.body.slice(0, 120)}`;
        if (res.status >= 500 || res.status === 0) problems.push(`5xx/no answer: ${where}`);
        if (res.status >= 400 && tableFingerprint(db) !== before)
          problems.push(`refused but wrote: ${where}`);
        return problems.length === 0;
      }),
      { numRuns: 600, seed: 20261202, endOnFailure: true },
    );
    expect(problems).toEqual([]);
    // The runs reached past every guard: accepted requests, validation refusals, and each guard's own answer.
    const reached = [...seen.keys()];
    for (const status of [200, 400, 401, 403, 404, 421])
      expect(reached, `statuses seen: ${reached}`).toContain(status);
    const health = await rawRequest(port, {
      path: '/api/v1/health',
      headers: [['host', `127.0.0.1:${port}`]],
    });
    expect(health.status).toBe(200);
  }, 60_000);
});
