// Operators signing in with a PIN over real HTTP: only from enrolled browsers, each wrong PIN counted against that
// operator (not the address), a lock that blocks the right PIN too, an admin's unlock, and the session's cookie.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/api-harness.js';
import { addOperator, browser } from '../../helpers/operator-sessions.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

const session = (b: { call: Harness['call'] }) => b.call({ method: 'GET', url: '/api/v1/session' });

describe('enrolment', () => {
  it('a browser not enrolled can neither list operators nor try a PIN, and tries count against no one', async () => {
    const id = await addOperator(h, 'Tess', 'technician', '482915');
    const stranger = await browser(h, { enrolled: false });
    const list = await stranger.call({ method: 'GET', url: '/api/v1/session/operators' });
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('NOT_ENROLLED');
    for (let i = 0; i < 8; i += 1) {
      const res = await stranger.signIn('Tess', '000000');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('NOT_ENROLLED');
    }
    // Nothing was counted: Tess is not locked, and signs in from an enrolled browser at once.
    const op = (await h.call({ method: 'GET', url: `/api/v1/operators/${id}` })).json();
    expect(op).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await (await browser(h)).signIn('Tess', '482915')).statusCode).toBe(200);
  });

  it('only an admin or the machine token enrols, with a long-lived HttpOnly SameSite=Strict cookie', async () => {
    const enrol = await h.call({ method: 'POST', url: '/api/v1/session/enrol' });
    expect(enrol.statusCode).toBe(204);
    const cookie = enrol.cookies.find((c) => c.name === 'depot_enrolment')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(cookie.maxAge).toBeGreaterThan(365 * 24 * 3600);
    // A technician's session may not enrol another browser.
    await addOperator(h, 'Tess', 'technician', '482915');
    const b = await browser(h);
    await b.signIn('Tess', '482915');
    const refused = await b.call({ method: 'POST', url: '/api/v1/session/enrol' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    // Without any credential: 401.
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/session/enrol' })).statusCode).toBe(401);
  });
});

describe('signing in with a PIN', () => {
  it('gives a session that says who is signed in, with which role; the picker lists names and roles only', async () => {
    await addOperator(h, 'Tess', 'technician', '482915');
    await addOperator(h, 'Sam', 'supervisor', '771203');
    const b = await browser(h);
    const picker = await b.call({ method: 'GET', url: '/api/v1/session/operators' });
    expect(picker.statusCode).toBe(200);
    expect(picker.json().items.map((o: object) => Object.keys(o).sort())).toEqual([
      ['credential', 'id', 'name', 'role'],
      ['credential', 'id', 'name', 'role'],
    ]);
    expect((await session(b)).json()).toMatchObject({ signedIn: false, enrolled: true, actor: null });

    const res = await b.signIn('tess', '482915'); // names are matched whatever their case
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'depot_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect((await session(b)).json()).toMatchObject({
      signedIn: true,
      actor: { kind: 'operator', name: 'Tess', role: 'technician' },
      firstAdminNeeded: false,
      idleLockMinutes: 10,
      rules: { 'Immobilization.activate': 'supervisor', Horn: 'technician' },
    });
    expect((await b.call({ method: 'GET', url: '/api/v1/vehicles' })).statusCode).toBe(200);
    // Signing out ends the session; the browser stays enrolled.
    expect((await b.call({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(204);
    expect((await b.call({ method: 'GET', url: '/api/v1/vehicles' })).statusCode).toBe(401);
    expect((await session(b)).json()).toMatchObject({ signedIn: false, enrolled: true });
    const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=session.sign-in' })).json();
    expect(audit.items[0]).toMatchObject({
      operator: 'Tess',
      actor: { kind: 'operator', role: 'technician' },
    });
  });

  it('locks an operator after 5 wrong PINs — the right PIN too — for a growing time; others are unaffected', async () => {
    const tess = await addOperator(h, 'Tess', 'technician', '482915');
    await addOperator(h, 'Sam', 'supervisor', '771203');
    const b = await browser(h);
    for (let i = 1; i <= 4; i += 1) {
      const wrong = await b.signIn('Tess', '111111');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'WRONG_PIN', errors: [{ field: 'pin' }] });
    }
    const fifth = await b.signIn('Tess', '111111');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('OPERATOR_LOCKED');
    expect(Number(fifth.headers['retry-after'])).toBe(30);
    const right = await b.signIn('Tess', '482915');
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('OPERATOR_LOCKED');
    // Sam, at the same workstation (same address), signs in.
    expect((await b.signIn('Sam', '771203')).statusCode).toBe(200);

    // The lock ends by itself; the next wrong PIN locks for twice as long.
    h.clock.advance(31_000);
    const sixth = await b.signIn('Tess', '111111');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBe(60);
    // An admin (here the machine token) unlocks: the right PIN works at once, and the count starts again.
    const unlocked = await h.call({ method: 'POST', url: `/api/v1/operators/${tess}/unlock` });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await b.signIn('Tess', '482915')).statusCode).toBe(200);
    const actions = (await h.call({ method: 'GET', url: '/api/v1/audit?limit=50' }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['operator.locked', 'operator.unlock', 'session.sign-in-failed']),
    );
  });

  it('keeps the count across a restart of the agent', async () => {
    const dir = h.dataDir;
    await h.close();
    h = await startHarness({ dataDir: dir, keepDir: true });
    await addOperator(h, 'Tess', 'technician', '482915');
    const b = await browser(h);
    for (let i = 0; i < 5; i += 1) await b.signIn('Tess', '000000');
    await h.close();
    h = await startHarness({ dataDir: dir });
    const again = await (await browser(h)).signIn('Tess', '482915');
    expect(again.statusCode).toBe(429);
  });

  it('refuses a disabled operator, and ends their open session at once', async () => {
    const id = await addOperator(h, 'Tess', 'technician', '482915');
    const b = await browser(h);
    await b.signIn('Tess', '482915');
    expect((await b.call({ method: 'GET', url: '/api/v1/vehicles' })).statusCode).toBe(200);
    await h.call({ method: 'PUT', url: `/api/v1/operators/${id}`, payload: { enabled: false } });
    expect((await b.call({ method: 'GET', url: '/api/v1/vehicles' })).statusCode).toBe(401);
    const again = await b.signIn('Tess', '482915');
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('OPERATOR_DISABLED');
  });

  it('applies a role change to an open session at once', async () => {
    const id = await addOperator(h, 'Tess', 'technician', '482915');
    const b = await browser(h);
    await b.signIn('Tess', '482915');
    await h.call({ method: 'PUT', url: `/api/v1/operators/${id}`, payload: { role: 'viewer' } });
    expect((await session(b)).json().actor).toMatchObject({ name: 'Tess', role: 'viewer' });
  });

  it('lets an operator change their own PIN, checking the current one', async () => {
    await addOperator(h, 'Tess', 'technician', '482915');
    const b = await browser(h);
    await b.signIn('Tess', '482915');
    const wrong = await b.call({
      method: 'PUT',
      url: '/api/v1/session/pin',
      payload: { current: '000000', pin: '135790' },
    });
    expect(wrong.statusCode).toBe(401);
    const short = await b.call({
      method: 'PUT',
      url: '/api/v1/session/pin',
      payload: { current: '482915', pin: '12345' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('pin');
    const ok = await b.call({
      method: 'PUT',
      url: '/api/v1/session/pin',
      payload: { current: '482915', pin: '135790' },
    });
    expect(ok.statusCode).toBe(204);
    const other = await browser(h);
    expect((await other.signIn('Tess', '482915')).statusCode).toBe(401);
    expect((await other.signIn('Tess', '135790')).statusCode).toBe(200);
  });
});

describe('the machine token', () => {
  it('signs a browser in as admin, and says when the first admin is still to be created', async () => {
    const b = await browser(h, { enrolled: false });
    const res = await b.call({
      method: 'POST',
      url: '/api/v1/session',
      payload: { token: 'test-token-0123456789abcdefghijklmnop' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      signedIn: true,
      firstAdminNeeded: true,
      actor: { kind: 'machine', name: 'machine token', role: 'admin' },
    });
    const created = await b.call({
      method: 'POST',
      url: '/api/v1/operators',
      payload: { name: 'Ada', role: 'admin', pin: '908172' },
    });
    expect(created.statusCode).toBe(201);
    expect((await session(b)).json().firstAdminNeeded).toBe(false);
  });
});
