// What a web page in the technician's browser can do to the agent: rebind its own name to 127.0.0.1 (Host
// allow-list), post from another site (Origin), or meet an error shape the API does not document. Over a real
// socket, because Host, duplicate headers and undecodable URLs are exactly what clients normalise away.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackBody, type Harness, startHarness, TOKEN } from '../../helpers/api-harness.js';
import { rawRequest } from '../../helpers/raw-http.js';

let h: Harness;
let port: number;
beforeAll(async () => {
  h = await startHarness({ api: { allowedHosts: ['depot-ws.example', 'kiosk.lan:8443'] } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as AddressInfo).port;
});
afterAll(async () => h.close());

const bearer: [string, string] = ['authorization', `Bearer ${TOKEN}`];
const json: [string, string] = ['content-type', 'application/json'];

describe('Host allow-list (DNS rebinding)', () => {
  it('answers to loopback names and allowed names on its own port', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `[::1]:${port}`,
      `depot-ws.example:${port}`,
      'kiosk.lan:8443',
    ]) {
      const res = await rawRequest(port, { path: '/api/v1/health', headers: [['host', host]] });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses any other name, or a loopback name on another port, with 421 in the documented shape', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `localhost:${port + 1}`,
      '127.0.0.1',
      'kiosk.lan:8444',
      `127.0.0.1:${port}@evil.example`,
    ]) {
      const res = await rawRequest(port, { path: '/api/v1/health', headers: [['host', host]] });
      expect(res.status, host).toBe(421);
      expect(res.json(), host).toMatchObject({ code: 'HOST_NOT_ALLOWED', errors: [] });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('sets no session cookie for a rebound name, and refuses a duplicate or missing Host', async () => {
    const login = await rawRequest(port, {
      method: 'POST',
      path: '/api/v1/session',
      headers: [['host', `evil.example:${port}`], json],
      body: JSON.stringify({ token: TOKEN }),
    });
    expect(login.status).toBe(421);
    expect(login.headers['set-cookie']).toBeUndefined();

    const twice = await rawRequest(port, {
      path: '/api/v1/vehicles',
      headers: [['host', `127.0.0.1:${port}`], ['host', 'evil.example'], bearer],
    });
    expect(twice.status).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'DUPLICATE_HOST' });
  });
});

describe('cross-site requests (Origin)', () => {
  async function sessionCookie(): Promise<string> {
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { token: TOKEN } });
    return login.cookies.find((c) => c.name === 'depot_session')!.value;
  }

  it('refuses a change whose Origin is null, malformed or another site: 403, nothing stored', async () => {
    const cookie = await sessionCookie();
    const before = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().total;
    for (const origin of [
      'null',
      'http://[',
      'not a url',
      'https://evil.example',
      `http://localhost:${port + 1}`,
      'file://',
    ]) {
      const res = await rawRequest(port, {
        method: 'POST',
        path: '/api/v1/callbacks',
        headers: [
          ['host', `127.0.0.1:${port}`],
          ['origin', origin],
          ['cookie', `depot_session=${cookie}`],
          json,
        ],
        body: JSON.stringify(callbackBody()),
      });
      expect(res.status, origin).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN_ORIGIN', errors: [] });
    }
    const crossSite = await rawRequest(port, {
      method: 'POST',
      path: '/api/v1/callbacks',
      headers: [['host', `127.0.0.1:${port}`], ['sec-fetch-site', 'cross-site'], bearer, json],
      body: JSON.stringify(callbackBody()),
    });
    expect(crossSite.status).toBe(403);
    expect((await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().total).toBe(before);
  });

  it('accepts the same origin', async () => {
    const cookie = await sessionCookie();
    const res = await rawRequest(port, {
      method: 'POST',
      path: '/api/v1/callbacks',
      headers: [
        ['host', `127.0.0.1:${port}`],
        ['origin', `http://127.0.0.1:${port}`],
        ['sec-fetch-site', 'same-origin'],
        ['cookie', `depot_session=${cookie}`],
        json,
      ],
      body: JSON.stringify(callbackBody()),
    });
    expect(res.status).toBe(201);
  });

  it('refuses bodies a cross-site form can send without a preflight (text/plain, urlencoded): 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await rawRequest(port, {
        method: 'POST',
        path: '/api/v1/session',
        headers: [
          ['host', `127.0.0.1:${port}`],
          ['content-type', type],
        ],
        body: JSON.stringify({ token: TOKEN }),
      });
      expect(res.status, type).toBe(415);
      expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });
});

describe('errors before routing, and headers on every answer', () => {
  it('an undecodable URL gets 400 in the documented shape, with nosniff', async () => {
    const res = await rawRequest(port, {
      path: '/api/v1/callbacks/%zz',
      headers: [['host', `127.0.0.1:${port}`], bearer],
    });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ code: 'BAD_URL', message: expect.any(String), errors: [] });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a request that is not valid HTTP gets 400 in the documented shape', async () => {
    const res = await rawRequest(port, {
      path: '/api/v1/health',
      headers: [
        ['host', `127.0.0.1:${port}`],
        ['bad header name', 'x'],
      ],
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', errors: [] });
  });

  it('every JSON answer carries nosniff and no-store: success, 401, 404, 400', async () => {
    const host: [string, string] = ['host', `127.0.0.1:${port}`];
    for (const [path, headers] of [
      ['/api/v1/vehicles', [host, bearer]],
      ['/api/v1/vehicles', [host]],
      ['/api/v1/nothing-here', [host, bearer]],
      ['/api/v1/remotes?limit=0', [host, bearer]],
    ] as [string, [string, string][]][]) {
      const res = await rawRequest(port, { path, headers });
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['cache-control'], path).toBe('no-store');
      expect(res.headers['content-type'], path).toMatch(/^application\/json/);
    }
  });
});
