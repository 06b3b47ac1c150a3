// Guessing the token: only wrong tokens count, per client address; past 10 a minute the guesser gets 429 with
// Retry-After, while the right token (256 bits) still opens everything — a web page that floods the login from
// the technician's browser (same address) must not lock the technician out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, TOKEN } from '../../helpers/api-harness.js';

let h: Harness;
let t = 1_800_000_000_000;
beforeEach(async () => {
  h = await startHarness({ api: { now: () => t } });
});
afterEach(async () => h.close());

const wrongBearer = (i: number, ip = '127.0.0.1') =>
  h.app.inject({
    method: 'GET',
    url: '/api/v1/vehicles',
    remoteAddress: ip,
    headers: { authorization: `Bearer wrong-token-${i}-xxxxxxxxxxxxxxxxxxxx` },
  });
const login = (token: string, ip = '127.0.0.1') =>
  h.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: ip, payload: { token } });

describe('wrong bearer tokens', () => {
  it('ten a minute get 401, then 429 with Retry-After; the right token is never refused', async () => {
    for (let i = 0; i < 10; i += 1) expect((await wrongBearer(i)).statusCode).toBe(401);
    const limited = await wrongBearer(10);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'TOO_MANY_FAILED_LOGINS', errors: [] });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    const right = await h.app.inject({
      method: 'GET',
      url: '/api/v1/vehicles',
      remoteAddress: '127.0.0.1',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect((await login(TOKEN)).statusCode).toBe(200);

    // Another address is not punished for this one's guesses.
    expect((await wrongBearer(11, '10.0.0.9')).statusCode).toBe(401);
    // A minute later the window has passed.
    t += 61_000;
    expect((await wrongBearer(12)).statusCode).toBe(401);
  });

  it('two thousand guesses are mostly refused with 429', async () => {
    let limited = 0;
    for (let i = 0; i < 2000; i += 1) if ((await wrongBearer(i)).statusCode === 429) limited += 1;
    expect(limited).toBe(1990);
  });

  it('a wrong token on a public route counts too (no unlimited oracle through /health)', async () => {
    for (let i = 0; i < 10; i += 1) {
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { authorization: `Bearer guess-${i}` },
      });
      expect(res.statusCode).toBe(200);
    }
    expect((await wrongBearer(99)).statusCode).toBe(429);
  });
});

describe('the login', () => {
  it('counts only wrong tokens: bodies that are not a login attempt lock nobody out', async () => {
    for (let i = 0; i < 12; i += 1) {
      const crossSiteForm = await h.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': 'text/plain' },
        payload: 'token=guess',
      });
      expect(crossSiteForm.statusCode).toBe(415);
      const empty = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: {} });
      expect(empty.statusCode).toBe(400);
    }
    expect((await login('wrong')).statusCode).toBe(401);
    expect((await login(TOKEN)).statusCode).toBe(200);
  });

  it('ten wrong tokens a minute, then 429; the right one still logs in', async () => {
    for (let i = 0; i < 10; i += 1) expect((await login(`wrong-${i}`)).statusCode).toBe(401);
    const limited = await login('wrong-10');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const right = await login(TOKEN);
    expect(right.statusCode).toBe(200);
    expect(right.cookies.some((c) => c.name === 'depot_session')).toBe(true);
  });
});
