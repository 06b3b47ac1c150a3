// The HTTP client: the API's error bodies become ClientErrors, actor headers are sent (and encoded when not
// Latin-1 printable), 401 ends the session, and the outbox answers are read tolerantly.
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
      vehicle: 'VIN 1',
      callbackId: 'cb-1',
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
    const e1 = await client.createCallback({}).catch((e: unknown) => e);
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

  it('logs in with the token and knows when the session is gone', async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(respond(204))
      .mockResolvedValueOnce(respond(401, { code: 'UNAUTHORIZED', message: 'x', errors: [] }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    await client.login(' tok ');
    expect(JSON.parse(String((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual(
      { token: 'tok' },
    );
    expect(await client.hasSession()).toBe(false);
  });

  it('calls the outbox routes with the operator', async () => {
    const fetchImpl = vi.fn(async () => respond(202, { callbackId: 'cb-1', requeued: ['d1', 'd2'] }));
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    expect((await client.retryCallbackDeliveries('cb-1', 'Ana')).requeued).toHaveLength(2);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/callbacks/cb-1/deliveries/retry');
    expect(init.headers).toMatchObject({ 'x-depot-operator': 'Ana' });
    await client.listDeliveries({ callback: 'cb-1', state: 'Dead', limit: 50 });
    expect((fetchImpl.mock.calls[1] as unknown as [string])[0]).toBe(
      '/api/v1/deliveries?callback=cb-1&state=Dead&limit=50',
    );
  });
});
