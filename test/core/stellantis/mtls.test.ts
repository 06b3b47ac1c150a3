// Mutual TLS is exercised for real: the fake server verifies our client certificate against its test CA, and
// the connector verifies the server against the configured Stellantis CA. Then Basic auth and client_id.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import { Agent, request } from 'undici';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import { createStellantisConnector } from '../../../main/core/connector/stellantis/stellantis-connector.js';
import { manualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { createTestPki, type TestPki } from '../../fakes/stellantis-server/index.js';
import { startWorld, type World } from './world.js';

let pki: TestPki;
let w: World;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
afterEach(async () => {
  for (const c of others.splice(0)) await c.close();
  await w?.close();
});

async function rawGet(world: World, connect: { ca: string; cert?: string; key?: string }) {
  const agent = new Agent({ connect });
  try {
    const res = await request(
      `${world.fake.baseUrl}/fleets/${world.fake.fleetId}?client_id=${world.fake.clientId}`,
      {
        dispatcher: agent,
      },
    );
    return res.statusCode;
  } catch (err) {
    return err as Error;
  } finally {
    await agent.close();
  }
}

const others: { close(): Promise<void> }[] = [];
function connectorWith(world: World, overrides: Partial<World['config']>) {
  const c = createStellantisConnector(
    { ...world.config, ...overrides },
    { clock: manualClock(), logger: silentLogger },
  );
  others.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe('mutual TLS against the fake server', () => {
  it('accepts the client certificate signed by the test CA and records who presented it', async () => {
    w = await startWorld({ pki });
    const fleet = await w.connector.getFleet();
    expect(fleet).toEqual({ id: w.fake.fleetId, name: 'Depot 42' });
    expect(w.fake.requests.at(-1)!.clientCn).toBe('MZP-PARTNER');
  });

  it('opens a passphrase-protected client key with its passphrase', async () => {
    w = await startWorld({ pki });
    const key = createPrivateKey(pki.client.key).export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: 'open sesame',
    }) as string;
    expect((await connectorWith(w, { key, keyPassphrase: 'open sesame' }).getFleet()).id).toBe(
      w.fake.fleetId,
    );
  });

  it('fails the handshake of a client without a certificate', async () => {
    w = await startWorld({ pki });
    const result = await rawGet(w, { ca: pki.ca.cert });
    expect(result).toBeInstanceOf(Error);
    expect(w.fake.requests).toHaveLength(0);
    expect(w.fake.tlsErrors.join(' ')).toMatch(/PEER_DID_NOT_RETURN_A_CERTIFICATE|ECONNRESET/);
  });

  it('fails the handshake of a client whose certificate another CA signed', async () => {
    w = await startWorld({ pki });
    const stranger = pki.otherCa.issue('stranger', { cn: 'MZP-STRANGER' });
    expect(await rawGet(w, { ca: pki.ca.cert, cert: stranger.cert, key: stranger.key })).toBeInstanceOf(
      Error,
    );
    const e = await failure(connectorWith(w, { cert: stranger.cert, key: stranger.key }).getFleet());
    expect(e.kind).toBe('unreachable');
    expect(w.fake.requests).toHaveLength(0);
  });

  it('fails the handshake of an expired client certificate', async () => {
    w = await startWorld({ pki });
    const expired = pki.ca.issue('expired-mtls', {
      cn: 'MZP-OLD',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    });
    const e = await failure(connectorWith(w, { cert: expired.cert, key: expired.key }).getFleet());
    expect(e.kind).toBe('unreachable');
    expect(w.fake.requests).toHaveLength(0);
  });

  it('refuses a server that the configured CA does not vouch for, in a plain sentence', async () => {
    w = await startWorld({ pki });
    const e = await failure(connectorWith(w, { ca: pki.otherCa.cert }).listVehicles());
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/certificate that the configured Stellantis CA does not vouch for/);
    expect(e.details.code).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(w.fake.requests).toHaveLength(0);
  });

  it('says plainly when the port refuses connections', async () => {
    w = await startWorld({ pki });
    const e = await failure(
      connectorWith(w, { baseUrl: 'https://127.0.0.1:1/connectedcar/v3' }).listVehicles(),
    );
    expect(e.kind).toBe('unreachable');
    expect(e.message).toBe(
      '127.0.0.1:1 refused the connection: check the base URL and port, or whether a firewall blocks it.',
    );
  });
});

describe('authentication on every request', () => {
  it('sends Basic auth, client_id and the HAL accept header', async () => {
    w = await startWorld({ pki });
    await w.connector.listVehicles();
    for (const r of w.fake.requests) {
      expect(r.headers.authorization).toBe(
        `Basic ${Buffer.from(`${w.fake.user}:${w.fake.password}`).toString('base64')}`,
      );
      expect(r.query.get('client_id')).toBe(w.fake.clientId);
      expect(r.headers.accept).toBe('application/hal+json, application/json');
    }
  });

  it('maps a wrong password to an authentication error with the code and reference kept', async () => {
    w = await startWorld({ pki });
    const e = await failure(connectorWith(w, { password: 'wrong' }).listVehicles());
    expect(e.kind).toBe('authentication');
    expect(e.details.code).toBe('40100');
    expect(e.details.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.message).toMatch(/user name or password was not accepted \(HTTP 401\)/);
    expect(e.message).not.toContain('wrong');
  });

  it('maps an unknown client_id (403 on a fleet path) to an authentication error', async () => {
    w = await startWorld({ pki });
    const e = await failure(connectorWith(w, { clientId: 'someone-else' }).getFleet());
    expect(e.kind).toBe('authentication');
    expect(e.details.code).toBe('40301');
  });

  it('maps a 403 on a vehicle path to a refusal (no access to that vehicle)', async () => {
    w = await startWorld({ pki });
    const e = await failure(w.connector.getVehicleStatus('not-in-this-fleet'));
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/no access to that vehicle/);
  });
});
