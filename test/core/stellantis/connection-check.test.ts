// "Test connection" names each problem plainly, against the fake server and real certificates.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectionReportSchema } from '../../../preload/contract/connection.js';
import {
  checkConnection,
  checkConnectionFromEnv,
} from '../../../main/core/connector/stellantis/connection-check.js';
import type { StellantisConfig } from '../../../main/core/connector/stellantis/stellantis-config.js';
import { createTestPki, type TestPki } from '../../fakes/stellantis-server/index.js';
import { startWorld, type World } from './world.js';

let pki: TestPki;
let w: World;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
afterEach(async () => w?.close());

const DAY = 24 * 60 * 60_000;

async function check(overrides: Partial<StellantisConfig> = {}) {
  const report = await checkConnection({ ...w.config, ...overrides }, { timeoutMs: 2_000 });
  expect(connectionReportSchema.parse(report)).toEqual(report);
  return report;
}
const summary = (r: Awaited<ReturnType<typeof check>>) =>
  Object.fromEntries(r.checks.map((c) => [c.name, c.status]));
const message = (r: Awaited<ReturnType<typeof check>>, name: string) =>
  r.checks.find((c) => c.name === name)!.message;
/** The check's sentences as codes (what the interface words in its reader's language). */
const codes = (r: Awaited<ReturnType<typeof check>>, name: string) =>
  r.checks.find((c) => c.name === name)!.sentences;

describe('checkConnection', () => {
  it('passes every check against a healthy server, and reports the budget', async () => {
    w = await startWorld({ pki, fake: { rateLimit: { daily: 1000, burst: 10 } } });
    const r = await check();
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => `${c.name}:${c.status}`)).toEqual([
      'configuration:ok',
      'certificate:ok',
      'host:ok',
      'tls:ok',
      'credentials:ok',
      'fleet:ok',
      'rate-limit:ok',
    ]);
    expect(message(r, 'certificate')).toMatch(
      /^The client certificate \(CN=MZP-PARTNER\) is valid until \d{4}-\d\d-\d\d \(36[45] days\)\.$/,
    );
    expect(message(r, 'fleet')).toBe(`Fleet ${w.fake.fleetId} ("Depot 42") is known to Stellantis.`);
    // The TLS check's one request counts too.
    expect(message(r, 'rate-limit')).toBe(
      '998 of 1000 requests are left in the current 24 hours; up to 10 per second.',
    );
    expect(r.rateLimit).toMatchObject({ daily: { limit: 1000, remaining: 998 } });
    expect(codes(r, 'certificate')).toEqual([
      {
        code: 'certificate.valid',
        params: { subject: 'CN=MZP-PARTNER', days: expect.any(Number), date: expect.stringMatching(/Z$/) },
      },
    ]);
    expect(codes(r, 'rate-limit')).toEqual([
      { code: 'rateLimit.okBurst', params: { remaining: 998, limit: 1000, burst: 10 } },
    ]);
  });

  it('names an expired client certificate, and the server refusing it', async () => {
    w = await startWorld({ pki });
    const old = pki.ca.issue('old', {
      cn: 'MZP-OLD',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    });
    const r = await check({ cert: old.cert, key: old.key });
    expect(r.ok).toBe(false);
    expect(message(r, 'certificate')).toBe(
      'The client certificate (CN=MZP-OLD) expired on 2021-01-01: Stellantis refuses it. Ask Stellantis for a renewed certificate (send a new CSR) and point DEPOT_REMOTE_STELLANTIS_CERT at it.',
    );
    expect(summary(r)).toMatchObject({
      host: 'ok',
      tls: 'problem',
      credentials: 'skipped',
      fleet: 'skipped',
    });
    expect(message(r, 'tls')).toMatch(/refused our client certificate \(it is expired or not yet valid\)/);
  });

  it('warns about a certificate expiring within 30 days', async () => {
    w = await startWorld({ pki });
    const soon = pki.ca.issue('soon', { cn: 'MZP-SOON', notAfter: new Date(Date.now() + 10 * DAY + 60_000) });
    const r = await check({ cert: soon.cert, key: soon.key });
    expect(r.ok).toBe(true);
    expect(summary(r).certificate).toBe('warning');
    expect(message(r, 'certificate')).toMatch(
      /^The client certificate \(CN=MZP-SOON\) expires in 10 days, on .*: ask Stellantis for a renewed one now\.$/,
    );
  });

  it('names a wrong password without repeating it', async () => {
    w = await startWorld({ pki });
    const r = await check({ password: 'hunter2-wrong' });
    expect(summary(r)).toMatchObject({ tls: 'ok', credentials: 'problem', fleet: 'skipped' });
    expect(message(r, 'credentials')).toMatch(
      /^Stellantis refused the user name or password \(HTTP 401\): check DEPOT_REMOTE_STELLANTIS_USER and DEPOT_REMOTE_STELLANTIS_PASSWORD\. Reference for support: [0-9a-f-]{36}\.$/,
    );
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('names an application id the account may not use', async () => {
    w = await startWorld({ pki });
    const r = await check({ clientId: 'other-app' });
    expect(message(r, 'credentials')).toMatch(/HTTP 403.*DEPOT_REMOTE_STELLANTIS_CLIENT_ID/);
  });

  it('names an unknown fleet', async () => {
    w = await startWorld({ pki });
    const r = await check({ fleetId: 'fleet-typo' });
    expect(summary(r)).toMatchObject({ credentials: 'ok', fleet: 'problem' });
    expect(message(r, 'fleet')).toMatch(
      /^Stellantis does not know fleet fleet-typo for this account: check DEPOT_REMOTE_STELLANTIS_FLEET_ID\./,
    );
    // The same two sentences as codes with their values: the problem, then the reference for support.
    expect(codes(r, 'fleet')).toEqual([
      {
        code: 'fleet.unknown',
        params: { fleetId: 'fleet-typo', env: 'DEPOT_REMOTE_STELLANTIS_FLEET_ID' },
      },
      { code: 'support.reference', params: { reference: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
    ]);
    expect(codes(r, 'credentials')).toEqual([{ code: 'credentials.ok', params: { user: w.fake.user } }]);
  });

  it('names an unreachable port, and skips the rest', async () => {
    w = await startWorld({ pki });
    const r = await check({ baseUrl: 'https://127.0.0.1:1/connectedcar/v3' });
    expect(message(r, 'host')).toBe(
      '127.0.0.1:1 refused the connection: check the base URL and port, or whether a firewall blocks it.',
    );
    expect(summary(r)).toMatchObject({
      tls: 'skipped',
      credentials: 'skipped',
      fleet: 'skipped',
      'rate-limit': 'skipped',
    });
  });

  it('names a host that does not resolve', async () => {
    w = await startWorld({ pki });
    const r = await check({ baseUrl: 'https://api-cert.depot-remote.invalid/connectedcar/v3' });
    expect(message(r, 'host')).toMatch(/^The host api-cert.depot-remote.invalid could not be found \(DNS\)/);
  });

  it('names a server certificate that the configured CA does not vouch for', async () => {
    w = await startWorld({ pki });
    const r = await check({ ca: pki.otherCa.cert });
    expect(summary(r).tls).toBe('problem');
    expect(message(r, 'tls')).toMatch(
      /^We refuse the server's certificate: the CA in DEPOT_REMOTE_STELLANTIS_CA does not vouch for 127\.0\.0\.1:\d+/,
    );
  });

  it('names a client certificate the server refuses (signed by another CA)', async () => {
    w = await startWorld({ pki });
    const stranger = pki.otherCa.issue('stranger-check', { cn: 'MZP-STRANGER' });
    const r = await check({ cert: stranger.cert, key: stranger.key });
    expect(summary(r)).toMatchObject({ certificate: 'ok', tls: 'problem' });
    expect(message(r, 'tls')).toMatch(
      /^The server at 127\.0\.0\.1:\d+ refused our client certificate: check that DEPOT_REMOTE_STELLANTIS_CERT/,
    );
  });

  it('names a reached rate limit, and warns when the budget runs low', async () => {
    w = await startWorld({ pki, fake: { rateLimit: { daily: 20 } } });
    for (let i = 0; i < 17; i += 1) await w.connector.getFleet();
    const low = await check();
    expect(summary(low)['rate-limit']).toBe('warning');
    expect(message(low, 'rate-limit')).toBe('Only 1 of 20 requests are left in the current 24 hours.');
    w.fake.throttle(90);
    const limited = await check();
    expect(summary(limited)).toMatchObject({ credentials: 'skipped', 'rate-limit': 'problem' });
    expect(message(limited, 'rate-limit')).toBe(
      "Stellantis' rate limit is reached; requests are allowed again in 90 s.",
    );
    expect(codes(limited, 'rate-limit')).toEqual([{ code: 'rateLimit.reached', params: { seconds: 90 } }]);
    expect(codes(limited, 'fleet')).toEqual([{ code: 'skipped.rateLimited', params: {} }]);
  });

  it('names a key that does not belong to the certificate', async () => {
    w = await startWorld({ pki });
    const r = await check({ key: pki.server.key });
    expect(summary(r)).toMatchObject({ configuration: 'problem', certificate: 'skipped' });
    expect(message(r, 'configuration')).toBe('The private key does not belong to the client certificate.');
  });
});

describe('checkConnectionFromEnv', () => {
  it('reports missing settings as the configuration check and skips the rest', async () => {
    const r = await checkConnectionFromEnv({}, readFileSync);
    expect(r.ok).toBe(false);
    expect(r.checks[0]!.message).toMatch(/Set DEPOT_REMOTE_STELLANTIS_FLEET_ID to /);
    expect(r.checks[0]!.sentences.map((s) => s.code)).toEqual([
      'env.missing.fleetId',
      'env.missing.clientId',
      'env.missing.user',
      'env.missing.password',
      'env.missing.cert',
      'env.missing.key',
      'env.missing.ca',
    ]);
    expect(r.checks.slice(1).every((c) => c.status === 'skipped')).toBe(true);
    expect(r.checks[1]!.sentences).toEqual([{ code: 'skipped.settings', params: {} }]);
  });

  it('runs every check from the files', async () => {
    w = await startWorld({ pki });
    const r = await checkConnectionFromEnv(
      {
        DEPOT_REMOTE_STELLANTIS_BASE_URL: w.fake.baseUrl,
        DEPOT_REMOTE_STELLANTIS_FLEET_ID: w.fake.fleetId,
        DEPOT_REMOTE_STELLANTIS_CLIENT_ID: w.fake.clientId,
        DEPOT_REMOTE_STELLANTIS_USER: w.fake.user,
        DEPOT_REMOTE_STELLANTIS_PASSWORD: w.fake.password,
        DEPOT_REMOTE_STELLANTIS_CERT: pki.client.certFile,
        DEPOT_REMOTE_STELLANTIS_KEY: pki.client.keyFile,
        DEPOT_REMOTE_STELLANTIS_CA: pki.ca.certFile,
      },
      readFileSync,
    );
    expect(r.ok).toBe(true);
    expect(r.checks.every((c) => c.status === 'ok')).toBe(true);
  });
});
