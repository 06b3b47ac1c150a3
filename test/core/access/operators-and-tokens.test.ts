// Operators and scoped tokens managed over real HTTP by admins: secrets go in and never come out (except a new
// token, once), the last admin stays, revocation is immediate, and every use is audited under its name.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../main/core/create-core.js';
import { startHarness, type Harness } from '../../helpers/api-harness.js';
import { addOperator, signedIn } from '../../helpers/operator-sessions.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('operators', () => {
  it('are created with a PIN or a password that is never stored, logged or answered in clear', async () => {
    const created = await h.call({
      method: 'POST',
      url: '/api/v1/operators',
      payload: { name: 'Tess', role: 'technician', pin: '482915' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Tess',
      role: 'technician',
      credential: 'pin',
      enabled: true,
    });
    const pw = await h.call({
      method: 'POST',
      url: '/api/v1/operators',
      payload: { name: 'Ada', role: 'admin', password: 'correct horse battery' },
    });
    expect(pw.json().credential).toBe('password');
    const everything = [
      created.body,
      pw.body,
      (await h.call({ method: 'GET', url: '/api/v1/operators' })).body,
      (await h.call({ method: 'GET', url: '/api/v1/audit?limit=100' })).body,
    ].join('\n');
    expect(everything).not.toContain('482915');
    expect(everything).not.toContain('correct horse battery');
    expect(everything).not.toMatch(/scrypt\$/);
    // At rest, only the scrypt hash is kept.
    await h.core.close();
    const file = readFileSync(databaseFile(h.dataDir)).toString('latin1');
    const wal = (() => {
      try {
        return readFileSync(`${databaseFile(h.dataDir)}-wal`).toString('latin1');
      } catch {
        return '';
      }
    })();
    expect(file + wal).not.toContain('482915');
    expect(file + wal).toContain('scrypt$');
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'Tess', role: 'technician', pin: '12345' }, 'pin'],
      [{ name: 'Tess', role: 'technician', pin: '12345a' }, 'pin'],
      [{ name: 'Tess', role: 'technician' }, 'pin'],
      [{ name: 'Tess', role: 'technician', pin: '123456', password: 'long enough password' }, 'pin'],
      [{ name: 'Tess', role: 'technician', password: 'short' }, 'password'],
      [{ name: '', role: 'technician', pin: '123456' }, 'name'],
      [{ name: 'Tess', role: 'owner', pin: '123456' }, 'role'],
    ];
    for (const [payload, field] of cases) {
      const res = await h.call({ method: 'POST', url: '/api/v1/operators', payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await h.call({ method: 'GET', url: '/api/v1/operators' })).json().items).toEqual([]);
    await addOperator(h, 'Tess', 'technician', '123456');
    const twice = await h.call({
      method: 'POST',
      url: '/api/v1/operators',
      payload: { name: 'TESS', role: 'viewer', pin: '654321' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('OPERATOR_NAME_TAKEN');
  });

  it('keeps the last admin: it cannot be disabled, demoted or removed', async () => {
    const ada = await addOperator(h, 'Ada', 'admin', '908172');
    for (const [method, payload] of [
      ['PUT', { enabled: false }],
      ['PUT', { role: 'supervisor' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await h.call({ method, url: `/api/v1/operators/${ada}`, ...(payload ? { payload } : {}) });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('LAST_ADMIN');
    }
    // With a second admin, the first may go; removed operators leave the list but stay in the audit log.
    await addOperator(h, 'Bo', 'admin', '111333');
    expect((await h.call({ method: 'DELETE', url: `/api/v1/operators/${ada}` })).statusCode).toBe(204);
    const names = (await h.call({ method: 'GET', url: '/api/v1/operators' }))
      .json()
      .items.map((o: { name: string }) => o.name);
    expect(names).toEqual(['Bo']);
    expect((await h.call({ method: 'GET', url: `/api/v1/operators/${ada}` })).statusCode).toBe(404);
    const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=operator.delete' })).json();
    expect(audit.items[0].detail).toMatchObject({ id: ada, name: 'Ada' });
  });

  it('are managed by admins only', async () => {
    const tess = await signedIn(h, 'Tess', 'supervisor');
    const valid: Record<string, object> = {
      '/api/v1/operators': { name: 'Mo', role: 'viewer', pin: '123456' },
      '/api/v1/tokens': { label: 'x', role: 'viewer' },
      '/api/v1/policy': { idleLockMinutes: 5 },
    };
    for (const [method, url] of [
      ['GET', '/api/v1/operators'],
      ['POST', '/api/v1/operators'],
      ['GET', '/api/v1/tokens'],
      ['POST', '/api/v1/tokens'],
      ['GET', '/api/v1/policy'],
      ['PUT', '/api/v1/policy'],
    ] as const) {
      const res = await tess.call({ method, url, ...(method === 'GET' ? {} : { payload: valid[url] }) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.json().message).toMatch(/admin/);
    }
    // Nothing was created.
    expect((await h.call({ method: 'GET', url: '/api/v1/operators' })).json().items).toHaveLength(1);
    expect((await h.call({ method: 'GET', url: '/api/v1/tokens' })).json().items).toHaveLength(0);
  });
});

describe('scoped tokens', () => {
  it('are answered once, stored hashed, listed without the secret, and act with their role', async () => {
    const created = await h.call({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { label: 'fleet-board', role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^drt_[\w-]{40,}$/);
    const list = await h.call({ method: 'GET', url: '/api/v1/tokens' });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id, label: 'fleet-board', role: 'viewer' }),
    ]);
    expect(list.body).not.toContain(token);

    // A viewer token reads…
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/vehicles', headers: bearer(token) })).statusCode,
    ).toBe(200);
    // …and can neither send nor write.
    const cb = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().items[0];
    const send = await h.app.inject({
      method: 'POST',
      url: `/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`,
      headers: { ...bearer(token), 'x-depot-operator': 'Night board' },
      payload: { horn: { state: 'Activated' } },
    });
    expect(send.statusCode).toBe(403);
    expect(send.json().code).toBe('FORBIDDEN');
    expect((await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().total).toBe(0);
    const denied = (await h.call({ method: 'GET', url: '/api/v1/audit?action=access.denied' })).json()
      .items[0];
    expect(denied).toMatchObject({
      operator: 'fleet-board',
      actor: { kind: 'token', id, role: 'viewer', onBehalfOf: 'Night board' },
      detail: { what: 'remote.send', needed: 'technician' },
    });
  });

  it('a technician token sends a horn but cannot immobilize; its use is audited under its label', async () => {
    const { token } = (
      await h.call({ method: 'POST', url: '/api/v1/tokens', payload: { label: 'fms', role: 'technician' } })
    ).json();
    const cb = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().items[0];
    const url = `/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`;
    const horn = await h.app.inject({
      method: 'POST',
      url,
      headers: { ...bearer(token), 'x-depot-operator': 'Tess' },
      payload: { horn: { state: 'Activated' } },
    });
    expect(horn.statusCode).toBe(202);
    const action = (
      await h.call({ method: 'GET', url: `/api/v1/remotes/${horn.json().remoteActionId}` })
    ).json();
    expect(action.sentBy).toMatchObject({
      kind: 'token',
      name: 'fms',
      role: 'technician',
      onBehalfOf: 'Tess',
    });
    const immobilize = await h.app.inject({
      method: 'POST',
      url,
      headers: { ...bearer(token), 'x-depot-reason': 'Not returned after rental' },
      payload: { immobilization: { activate: true } },
    });
    expect(immobilize.statusCode).toBe(403);
    expect(immobilize.json().message).toMatch(/supervisor/);
  });

  it('stop at once when revoked, and at their expiry', async () => {
    const { token, id } = (
      await h.call({ method: 'POST', url: '/api/v1/tokens', payload: { label: 'script', role: 'viewer' } })
    ).json();
    const read = () => h.app.inject({ method: 'GET', url: '/api/v1/vehicles', headers: bearer(token) });
    expect((await read()).statusCode).toBe(200);
    expect((await h.call({ method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(204);
    expect((await read()).statusCode).toBe(401);
    expect((await h.call({ method: 'GET', url: '/api/v1/tokens' })).json().items[0].revokedAt).not.toBeNull();

    const expiresAt = new Date(h.clock.now().getTime() + 60_000).toISOString();
    const soon = (
      await h.call({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { label: 'soon', role: 'viewer', expiresAt },
      })
    ).json().token;
    const readSoon = () => h.app.inject({ method: 'GET', url: '/api/v1/vehicles', headers: bearer(soon) });
    expect((await readSoon()).statusCode).toBe(200);
    h.clock.advance(61_000);
    expect((await readSoon()).statusCode).toBe(401);
    const past = await h.call({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { label: 'late', role: 'viewer', expiresAt: '2001-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(422);
  });
});
