import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

const SECRET = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
const SECRET2 = 'whsec_' + Buffer.alloc(32, 9).toString('base64');

async function create(overrides: Record<string, unknown> = {}) {
  const res = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('callbacks', () => {
  it('creates one (201) with the spec object as subscribe, Running, and lists and reads it back', async () => {
    const cb = await create();
    expect(cb.status).toBe('Running');
    expect(cb.callbackId).toBe(cb.id);
    expect(cb.subscribe).toMatchObject({
      label: 'depot-42',
      callback: { webhook: { target: 'http://127.0.0.1:9/depot42/events', name: 'depot42' } },
      retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
    });
    const list = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json();
    // Listed after the built-in callback every data folder has ("This workstation").
    expect(list.total).toBe(2);
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(['workstation', cb.id]);
    const one = await h.call({ method: 'GET', url: `/api/v1/callbacks/${cb.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().subscribe).toEqual(cb.subscribe);
  });

  it('accepts the documented aliases and answers in the spec form', async () => {
    const res = await h.call({
      method: 'POST',
      url: '/api/v1/callbacks',
      payload: {
        callback: { webhook: { target: 'http://127.0.0.1:9/x/cb', name: 'x' } },
        retryPolicy: { policy: 'Bounded', maxRetryNumber: 4, retryDelay: 30 },
        notificationTypes: ['Doors'],
        batchNotify: { size: 0 },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json().subscribe;
    expect(s.retryPolicy).toEqual({ policy: 'Bounded', retryNumber: 4, retryDelay: 30 });
    expect(s.remoteTypes).toEqual(['Doors']);
    expect(s).not.toHaveProperty('batchNotify');
    expect(s).not.toHaveProperty('notificationTypes');
  });

  it('shows the signing secret in clear only in the answer that set it, masked after, kept when a PUT omits it', async () => {
    const cb = await create({ signingSecret: SECRET });
    expect(cb.signingSecret).toBe(SECRET);
    const read = (await h.call({ method: 'GET', url: `/api/v1/callbacks/${cb.id}` })).json();
    expect(read.signingSecret).toMatch(/^whsec_\*+.{4}$/);
    expect(read.signingSecret).not.toBe(SECRET);

    const put = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}`,
      payload: callbackBody({ label: 'renamed' }),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().subscribe.label).toBe('renamed');
    expect(put.json().signingSecret).toBe(read.signingSecret);
    const opened = await h.core.services.callbacks.openSecrets(cb.id);
    expect(opened.signingSecret).toBe(SECRET);
  });

  it('a new signing secret keeps the previous one valid for 24 hours', async () => {
    const cb = await create({ signingSecret: SECRET });
    const put = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}`,
      payload: callbackBody({ signingSecret: SECRET2 }),
    });
    expect(put.json().signingSecret).toBe(SECRET2);
    const until = put.json().previousSigningSecretValidUntil;
    expect(Date.parse(until) - h.clock.now().getTime()).toBe(24 * 3600 * 1000);
    const opened = await h.core.services.callbacks.openSecrets(cb.id);
    expect(opened.previousSigningSecret?.secret).toBe(SECRET);
    h.clock.advance(24 * 3600 * 1000 + 1);
    const later = (await h.call({ method: 'GET', url: `/api/v1/callbacks/${cb.id}` })).json();
    expect(later.previousSigningSecretValidUntil).toBeNull();
  });

  it('never stores secrets in clear in the database file', async () => {
    const { readFileSync } = await import('node:fs');
    await create({
      signingSecret: SECRET,
      authentication: { type: 'Bearer', token: 'depot-bearer-token-xyz' },
    });
    h.core.watchdog.stop();
    const bytes =
      readFileSync(`${h.dataDir}/depot-remote.sqlite`).toString('latin1') +
      readFileSync(`${h.dataDir}/depot-remote.sqlite-wal`).toString('latin1');
    expect(bytes).not.toContain(SECRET.slice(6, 30));
    expect(bytes).not.toContain('depot-bearer-token-xyz');
  });

  it('masks the authentication helper secret', async () => {
    const cb = await create({
      authentication: { type: 'Basic', username: 'depot', password: 'hunter2-long-password' },
    });
    expect(cb.authentication).toMatchObject({ type: 'Basic', username: 'depot' });
    expect(cb.authentication.secret).not.toContain('hunter2');
  });

  it('pauses and resumes through PUT …/status', async () => {
    const cb = await create();
    const paused = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}/status`,
      payload: { status: 'Paused' },
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().status).toBe('Paused');
    const bad = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}/status`,
      payload: { status: 'Failed' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('status');
  });

  it('refuses an invalid body with field errors and stores nothing', async () => {
    const res = await h.call({
      method: 'POST',
      url: '/api/v1/callbacks',
      payload: callbackBody({ batchNotify: { size: 10, timeWindow: 2 }, remoteTypes: ['Doors', 'Teleport'] }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['batchNotify.timeWindow']));
    expect(fields.some((f: string) => f.startsWith('remoteTypes'))).toBe(true);
    // Only the built-in callback every data folder has.
    const list = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(['workstation']);
    expect((await h.call({ method: 'GET', url: '/api/v1/audit' })).json().items).toHaveLength(0);
  });

  it('a failed PUT changes nothing', async () => {
    const cb = await create();
    const res = await h.call({ method: 'PUT', url: `/api/v1/callbacks/${cb.id}`, payload: { label: 'x' } });
    expect(res.statusCode).toBe(400);
    expect((await h.call({ method: 'GET', url: `/api/v1/callbacks/${cb.id}` })).json().subscribe).toEqual(
      cb.subscribe,
    );
  });

  it('404 for an unknown callback on every route', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/v1/callbacks/missing', undefined],
      ['PUT', '/api/v1/callbacks/missing', callbackBody()],
      ['PUT', '/api/v1/callbacks/missing/status', { status: 'Paused' }],
      ['DELETE', '/api/v1/callbacks/missing', undefined],
    ] as const) {
      const res = await h.call({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('CALLBACK_NOT_FOUND');
    }
  });

  it('deletes (204); refuses while an action through it is pending (409)', async () => {
    const cb = await create();
    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode).toBe(202);
    const refused = await h.call({ method: 'DELETE', url: `/api/v1/callbacks/${cb.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CALLBACK_HAS_PENDING_ACTIONS');
    h.clock.advance(5_000);
    const deleted = await h.call({ method: 'DELETE', url: `/api/v1/callbacks/${cb.id}` });
    expect(deleted.statusCode).toBe(204);
    expect((await h.call({ method: 'GET', url: `/api/v1/callbacks/${cb.id}` })).statusCode).toBe(404);
    // The action's history outlives its callback.
    const action = await h.call({ method: 'GET', url: `/api/v1/remotes/${sent.json().remoteActionId}` });
    expect(action.statusCode).toBe(200);
    const audit = (await h.call({ method: 'GET', url: '/api/v1/audit' }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['callback.create', 'callback.delete', 'remote.send']));
  });
});
