// The HTTP client, built from the registry: each call's one input object becomes the path (parameters encoded),
// the query, the JSON body and the X-Depot-* headers (encoded when not Latin-1 printable); the API's error bodies
// become ClientErrors, and 401 ends the session.
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../renderer/src/api/http-client.js';
import { headerValue } from '../../renderer/src/api/http-request.js';
import { ClientError } from '../../preload/contract/client.js';

function respond(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('http client', () => {
  it('sends a remote with the operator and reason headers', async () => {
    const fetchImpl = vi.fn(async () => respond(202, { remoteActionId: 'ra-1', type: 'Immobilization' }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    await client.sendRemote({
      vid: 'VIN 1',
      cbid: 'cb-1',
      body: { immobilization: { activate: true } },
      operator: 'Jérôme',
      reason: 'Stolen, police report 12',
    });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/vehicles/VIN%201/callbacks/cb-1/remotes');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ immobilization: { activate: true } });
    expect(init.headers).toMatchObject({
      'x-depot-operator': 'J%C3%A9r%C3%B4me',
      'x-depot-reason': 'Stolen, police report 12',
    });
    expect(headerValue('Ana')).toBe('Ana');
  });

  it('turns error bodies into ClientErrors and reports 401', async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(
        respond(400, {
          code: 'VALIDATION_FAILED',
          message: 'Not valid.',
          errors: [{ field: 'label', message: 'Too long.' }],
        }),
      )
      .mockResolvedValueOnce(respond(401, { code: 'UNAUTHORIZED', message: 'Log in.', errors: [] }))
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockResolvedValueOnce(new Response('<html>', { status: 502, statusText: 'Bad Gateway' }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch, onUnauthorized });
    const e1 = await client.createCallback({ body: {} }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ClientError);
    expect(e1).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'label', message: 'Too long.' }],
    });
    await client.listVehicles().catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(client.listCallbacks()).rejects.toMatchObject({ status: 0, code: 'AGENT_UNREACHABLE' });
    await expect(client.listCallbacks()).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('keeps a refusal’s params, so the page words its code in the chosen language as over the bridge', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(
      respond(422, {
        code: 'PASSPHRASE_WRONG',
        message: 'Does not open.',
        params: { name: 'depot-remote-2026-12-03.backup' },
        errors: [],
      }),
    );
    const client = createHttpClient({
      fetchImpl: fetchImpl as unknown as typeof fetch,
      onUnauthorized: vi.fn(),
    });
    const failure = (await client.listCallbacks().catch((e: unknown) => e)) as ClientError;
    expect(failure).toBeInstanceOf(ClientError);
    expect(failure.params).toEqual({ name: 'depot-remote-2026-12-03.backup' });
  });

  it('signs in and out through the session operations', async () => {
    const session = {
      signedIn: true,
      actor: null,
      enrolled: true,
      firstAdminNeeded: false,
      idleLockMinutes: 10,
      rules: {},
    };
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(respond(200, session))
      .mockResolvedValueOnce(respond(204))
      .mockResolvedValueOnce(respond(204));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    expect(await client.signIn({ body: { operator: 'Tess', pin: '123456' } })).toEqual(session);
    await client.enrolBrowser();
    await client.signOut();
    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'POST /api/v1/session',
      'POST /api/v1/session/enrol',
      'DELETE /api/v1/session',
    ]);
    expect(JSON.parse(String(calls[0]![1].body))).toEqual({ operator: 'Tess', pin: '123456' });
  });

  it("sends a supervisor's approval as the X-Depot-Approver headers, encoded like the operator", async () => {
    const fetchImpl = vi.fn(async () => respond(202, { remoteActionId: 'ra-1', type: 'Immobilization' }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    await client.sendRemote({
      vid: 'v1',
      cbid: 'cb-1',
      body: { immobilization: { activate: true } },
      reason: 'Customer unpaid',
      approver: 'Søren',
      approverPin: ' 123456 ',
    });
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({
      'x-depot-approver': 'S%C3%B8ren',
      'x-depot-approver-pin': '123456',
      'x-depot-reason': 'Customer unpaid',
    });
    // Not on operations that do not declare them.
    await client.listCallbacks({ approver: 'Sam' } as never);
    const [, other] = fetchImpl.mock.calls[1] as unknown as [string, RequestInit];
    expect(other.headers).not.toHaveProperty('x-depot-approver');
  });

  it("ends the session on its own refusal only: a wrong approver PIN is the form's to show", async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(
        respond(401, {
          code: 'WRONG_PIN',
          message: 'Wrong PIN for Sam.',
          errors: [{ field: 'pin', message: 'x' }],
        }),
      )
      .mockResolvedValueOnce(respond(401, { code: 'UNAUTHORIZED', message: 'Sign in.', errors: [] }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch, onUnauthorized });
    const send = { vid: 'v1', cbid: 'cb-1', body: {}, approver: 'Sam', approverPin: '000000' };
    await expect(client.sendRemote(send)).rejects.toMatchObject({ status: 401, code: 'WRONG_PIN' });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(client.sendRemote(send)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('asks the session, after the stream drops, whether it is still signed in', async () => {
    const onUnauthorized = vi.fn();
    const signedOut = {
      signedIn: false,
      actor: null,
      enrolled: true,
      firstAdminNeeded: false,
      idleLockMinutes: 10,
      rules: {},
    };
    const fetchImpl = vi.fn(async () => respond(200, signedOut));
    const sources: { onerror: (() => void) | null; close(): void; addEventListener(): void }[] = [];
    const client = createHttpClient({
      fetchImpl: fetchImpl as unknown as typeof fetch,
      onUnauthorized,
      createEventSource: () => {
        const source = { onerror: null, onopen: null, close() {}, addEventListener() {} };
        sources.push(source);
        return source as unknown as EventSource;
      },
    });
    client.subscribe(() => {});
    sources[0]!.onerror!();
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1));
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(`${init.method} ${url}`).toBe('GET /api/v1/session');
  });

  it('calls the outbox routes with the operator', async () => {
    const fetchImpl = vi.fn(async () => respond(202, { callbackId: 'cb-1', requeued: ['d1', 'd2'] }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    expect((await client.retryCallbackDeliveries({ cbid: 'cb-1', operator: 'Ana' })).requeued).toHaveLength(
      2,
    );
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/callbacks/cb-1/deliveries/retry');
    expect(init.headers).toMatchObject({ 'x-depot-operator': 'Ana' });
    await client.listDeliveries({ callback: 'cb-1', state: 'Dead', limit: 50 });
    expect((fetchImpl.mock.calls[1] as unknown as [string])[0]).toBe(
      '/api/v1/deliveries?limit=50&callback=cb-1&state=Dead',
    );
  });

  it('reads, replays and resolves a quarantined notification, with the operator and reason', async () => {
    const fetchImpl = vi.fn(async () => respond(200, {}));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    await client.getQuarantine({ id: 7 });
    await client.replayQuarantine({ id: 7, operator: 'Ana' });
    await client.resolveQuarantine({ id: 7, operator: 'Ana', reason: 'Sent twice by the network' });
    await client.listQuarantine({ unresolved: false });
    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET /api/v1/quarantine/7',
      'POST /api/v1/quarantine/7/replay',
      'POST /api/v1/quarantine/7/resolve',
      'GET /api/v1/quarantine?unresolved=false',
    ]);
    expect(calls[1]![1].headers).toMatchObject({ 'x-depot-operator': 'Ana' });
    expect(calls[2]![1].headers).toMatchObject({
      'x-depot-operator': 'Ana',
      'x-depot-reason': 'Sent twice by the network',
    });
    // Nothing to send: no body, so no content type a cross-site form could fake.
    expect(calls[1]![1].body).toBeUndefined();
  });

  it('checks the connection and reads the rate-limit budget', async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(respond(200, null))
      .mockResolvedValueOnce(respond(200, { budget: null }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    expect(await client.checkConnection()).toBeNull();
    expect(await client.connectionRateLimit()).toEqual({ budget: null });
    const urls = (fetchImpl.mock.calls as unknown as [string][]).map(([url]) => url);
    expect(urls).toEqual(['/api/v1/connection/check', '/api/v1/connection/rate-limit']);
  });

  it('encodes every path parameter and sends query values as text', async () => {
    const fetchImpl = vi.fn(async () => respond(200, {}));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    await client.getVehicleCallbackRemote({ vid: 'a/b', cbid: 'c d', rid: 'r?1' });
    await client.listDeliveries({ since: '2026-01-05T08:00:00+01:00', limit: 10 });
    const urls = (fetchImpl.mock.calls as unknown as [string][]).map(([url]) => url);
    expect(urls).toEqual([
      '/api/v1/vehicles/a%2Fb/callbacks/c%20d/remotes/r%3F1',
      '/api/v1/deliveries?limit=10&since=2026-01-05T08%3A00%3A00%2B01%3A00',
    ]);
  });
});
