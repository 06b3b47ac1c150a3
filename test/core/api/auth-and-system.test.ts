import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, TOKEN } from '../../helpers/api-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

describe('authentication', () => {
  it('health needs no token', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('every other route needs the bearer token', async () => {
    for (const url of [
      '/api/v1/vehicles',
      '/api/v1/callbacks',
      '/api/v1/remotes',
      '/api/v1/audit',
      '/api/v1/events',
    ]) {
      const none = await h.app.inject({ method: 'GET', url });
      expect(none.statusCode, url).toBe(401);
      expect(none.json().code).toBe('UNAUTHORIZED');
      const wrong = await h.app.inject({
        method: 'GET',
        url,
        headers: { authorization: 'Bearer not-the-token-at-all-xxxxxxx' },
      });
      expect(wrong.statusCode, url).toBe(401);
    }
    const post = await h.app.inject({ method: 'POST', url: '/api/v1/callbacks', payload: {} });
    expect(post.statusCode).toBe(401);
  });

  it('a browser logs in with the token and is then known by an HttpOnly cookie', async () => {
    const bad = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { token: 'nope' } });
    expect(bad.statusCode).toBe(401);
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { token: TOKEN } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ signedIn: true, actor: { kind: 'machine', role: 'admin' } });
    const cookie = login.cookies.find((c) => c.name === 'depot_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(cookie!.value).not.toContain(TOKEN);
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/vehicles',
      cookies: { depot_session: cookie!.value },
    });
    expect(res.statusCode).toBe(200);
    const crossSite = await h.app.inject({
      method: 'POST',
      url: '/api/v1/callbacks',
      payload: {},
      cookies: { depot_session: cookie!.value },
      headers: { origin: 'https://evil.example', host: 'localhost:5780' },
    });
    expect(crossSite.statusCode).toBe(403);
  });
});

describe('system routes', () => {
  it('publishes an OpenAPI 3.1 document listing every route', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/callbacks',
      '/api/v1/callbacks/{cbid}',
      '/api/v1/callbacks/{cbid}/status',
      '/api/v1/vehicles',
      '/api/v1/vehicles/{vid}',
      '/api/v1/vehicles/{vid}/callbacks/{cbid}/remotes',
      '/api/v1/vehicles/{vid}/callbacks/{cbid}/remotes/{rid}',
      '/api/v1/remotes/{rid}',
      '/api/v1/events',
      '/api/v1/health',
      '/api/v1/deliveries',
      '/api/v1/deliveries/{id}/retry',
      '/api/v1/callbacks/{cbid}/test-notification',
      '/api/v1/quarantine',
      '/api/v1/connection/check',
      '/api/v1/audit',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const post = doc.paths['/api/v1/vehicles/{vid}/callbacks/{cbid}/remotes'].post;
    expect(JSON.stringify(post.requestBody)).toMatch(/navigation/);
    expect(post.responses).toHaveProperty('202');
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await h.call({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /api/v1/nothing-here.',
      params: { method: 'GET', path: '/api/v1/nothing-here' },
      errors: [],
    });
  });

  it('refuses bad paging with field errors', async () => {
    const res = await h.call({ method: 'GET', url: '/api/v1/vehicles?limit=0' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.limit');
  });
});

describe('vehicles', () => {
  it('lists the fleet with capabilities and reads one by id or VIN', async () => {
    const list = (await h.call({ method: 'GET', url: '/api/v1/vehicles' })).json();
    expect(list.total).toBe(4);
    const corsa = list.items.find((v: { id: string }) => v.id === 'veh-corsa-03');
    expect(corsa.capabilities.Horn).toEqual({ supported: false, reason: expect.stringMatching(/e-remote/) });
    const byVin = await h.call({ method: 'GET', url: `/api/v1/vehicles/${corsa.vin}` });
    expect(byVin.json().id).toBe('veh-corsa-03');
    const search = (await h.call({ method: 'GET', url: '/api/v1/vehicles?search=fiat' })).json();
    expect(search.items.map((v: { brand: string }) => v.brand)).toEqual(['Fiat']);
    expect((await h.call({ method: 'GET', url: '/api/v1/vehicles/unknown' })).statusCode).toBe(404);
  });
});

describe('health', () => {
  it('says only ok or degraded without the token; the rest needs it', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(anonymous.json()).toEqual({ status: 'ok' });
    const wrong = await h.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { authorization: 'Bearer wrong-token-xxxxxxxxxxxxxxxxxxxxxxxx' },
    });
    expect(wrong.json()).toEqual({ status: 'ok' });
    const withToken = await h.call({ method: 'GET', url: '/api/v1/health' });
    expect(withToken.json()).toMatchObject({ status: 'ok', version: '0.0.0-test', connector: 'in-process' });
    expect(withToken.json().uptimeSeconds).toBeTypeOf('number');
  });
});
