// Every method of the connector port, through the real adapter, against the fake fleet API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import {
  createTestPki,
  FAKE_VEHICLES,
  manyVehicles,
  type TestPki,
} from '../../fakes/stellantis-server/index.js';
import { SECRET, startWorld, statusesOf, subscribe, type World } from './world.js';

let pki: TestPki;
let w: World;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
afterEach(async () => w?.close());

const [awake, asleep, eRemote, thermic] = FAKE_VEHICLES as [
  (typeof FAKE_VEHICLES)[0],
  (typeof FAKE_VEHICLES)[0],
  (typeof FAKE_VEHICLES)[0],
  (typeof FAKE_VEHICLES)[0],
];

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe('listVehicles', () => {
  it('maps id (not the VIN), brand, model, energy and capabilities with reason codes', async () => {
    w = await startWorld({ pki });
    const vehicles = await w.connector.listVehicles();
    expect(vehicles.map((v) => v.id)).toEqual(FAKE_VEHICLES.map((v) => v.id));
    const first = vehicles[0]!;
    expect(first).toMatchObject({
      vin: awake.vin,
      brand: 'Peugeot',
      model: 'e-208',
      energy: 'Electric',
      label: null,
    });
    expect(first.id).not.toBe(first.vin);
    expect(first.capabilities.Doors).toEqual({ supported: true });
    // Immobilization has no capability entry (stellantis-api-notes.md N3): left unknown rather than guessed.
    expect(first.capabilities.Immobilization).toBeUndefined();
    expect(vehicles[1]!.energy).toBe('Hybrid');
    expect(vehicles[1]!.capabilities.Navigation).toEqual({
      supported: false,
      reason: 'reports-no-navigation',
    });
    expect(vehicles[2]!.capabilities.Doors!.reason).toBe('reports-no-doors');
    expect(vehicles[3]!).toMatchObject({ energy: 'Combustion', vin: thermic.vin });
    expect(vehicles[3]!.capabilities.ElectricBatteryChargingRequest!.supported).toBe(false);
  });

  it('reads capabilities per vehicle (the spec list has no onboardCapabilities) or from the list when offered', async () => {
    w = await startWorld({ pki });
    await w.connector.listVehicles();
    const details = w.fake.requests.filter((r) => /\/vehicles\/[^/]+$/.test(r.path));
    expect(details).toHaveLength(FAKE_VEHICLES.length);
    expect(details[0]!.query.getAll('extension')).toEqual(['onboardCapabilities', 'branding']);

    w.fake.quirks.capabilitiesInList = true;
    w.fake.requests.length = 0;
    // A server whose list carries the capabilities saves the per-vehicle reads.
    const again = await w.connector.listVehicles();
    expect(w.fake.requests.filter((r) => /\/vehicles\/[^/]+$/.test(r.path))).toHaveLength(0);
    expect(again[2]!.capabilities.Horn!.supported).toBe(false);
  });

  it('follows paging to the end (next link without client_id, 60 a page)', async () => {
    w = await startWorld({ pki, fake: { vehicles: manyVehicles(130) } });
    const vehicles = await w.connector.listVehicles();
    expect(vehicles).toHaveLength(130);
    expect(new Set(vehicles.map((v) => v.id)).size).toBe(130);
    const pages = w.fake.requests.filter((r) => r.path.endsWith('/vehicles'));
    expect(pages).toHaveLength(3);
    expect(pages.every((p) => p.query.get('client_id') === w.fake.clientId)).toBe(true);
    expect(pages[1]!.query.get('pageToken')).toBeTruthy();
  });

  it('keeps a vehicle whose capabilities cannot be read, with capabilities unknown', async () => {
    w = await startWorld({ pki });
    w.fake.failNext({ method: 'GET', path: new RegExp(`/vehicles/${eRemote.id}$`), status: 404 });
    const vehicles = await w.connector.listVehicles();
    expect(vehicles.find((v) => v.id === eRemote.id)!.capabilities).toEqual({});
  });
});

describe('getVehicleStatus', () => {
  it('returns the status object', async () => {
    w = await startWorld({ pki });
    const status = await w.connector.getVehicleStatus(awake.id);
    expect(status).toMatchObject({ vin: awake.vin, energies: [{ type: 'Electric', level: 81 }] });
  });

  it('returns null when the network has no status (404)', async () => {
    w = await startWorld({ pki });
    w.fake.failNext({ path: /\/status$/, status: 404 });
    expect(await w.connector.getVehicleStatus(awake.id)).toBeNull();
  });
});

describe('callbacks upstream', () => {
  it('registers the twin the core builds: receiver target, x-depot-secret header, Bounded retry', async () => {
    w = await startWorld({ pki });
    const id = await w.register('cb-7');
    const stored = w.fake.callbacks.get(id)!;
    expect(stored.subscribe.callback.webhook.target).toBe(`${w.receiver.url}/webhooks/stellantis/cb-7`);
    expect(stored.subscribe.callback.webhook.attributes).toEqual([
      { type: 'Header', key: 'x-depot-secret', value: SECRET },
    ]);
    expect(stored.subscribe.retryPolicy).toEqual({ policy: 'Bounded', retryNumber: 4320, retryDelay: 60 });
    const read = await w.connector.getCallback(id);
    expect(read).toMatchObject({
      id,
      status: 'Running',
      subscribe: { remoteTypes: subscribe().remoteTypes },
    });
  });

  it('accepts any 2xx on create (the spec lists 200, the docs 202)', async () => {
    w = await startWorld({ pki });
    w.fake.quirks.createStatus = 200;
    expect(await w.register()).toMatch(/^[0-9a-f]{40}$/);
  });

  it('updates by sending the whole object, sets the status, and deletes', async () => {
    w = await startWorld({ pki });
    const id = await w.register();
    const replaced = { ...subscribe(['Horn']), label: 'renamed' };
    await w.connector.updateCallback(id, replaced);
    expect(w.fake.requests.at(-1)!.body).toEqual(replaced);
    expect(w.fake.callbacks.get(id)!.subscribe).toEqual(replaced);
    await w.connector.setCallbackStatus(id, 'Paused');
    expect(w.fake.callbacks.get(id)!.status).toBe('Paused');
    await w.connector.setCallbackStatus(id, 'Running');
    await w.connector.deleteCallback(id);
    expect(w.fake.callbacks.has(id)).toBe(false);
    // Already gone upstream: deleting again is not an error.
    await w.connector.deleteCallback(id);
  });

  it('refuses a delete while a remote is pending, and says why', async () => {
    w = await startWorld({ pki });
    const id = await w.register();
    await w.connector.sendRemote({
      vehicleId: asleep.id,
      vin: asleep.vin,
      callbackId: 'cb-local-1',
      upstreamCallbackId: id,
      type: 'Horn',
      body: { horn: { state: 'Activated' } },
    });
    const e = await failure(w.connector.deleteCallback(id));
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/cannot be deleted while remotes sent through it are still pending/);
    expect(e.details).toMatchObject({ code: '40900' });
    expect(e.details.reference).toBeTruthy();
    await w.run(30_000, 5_000);
    await w.connector.deleteCallback(id);
    expect(w.fake.callbacks.size).toBe(0);
  });

  it('reports invalid bodies as invalid with the server message', async () => {
    w = await startWorld({ pki });
    const bad = { ...subscribe(), batchNotify: { size: 0, timeWindow: 30 } };
    const e = await failure(w.connector.registerCallback(bad));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/batchNotify.size must be a positive integer/);
    expect(e.details.code).toBe('40030');
  });

  it('lists callbacks across pages, by next link or by indexRange when the server gives no link', async () => {
    w = await startWorld({ pki });
    for (let i = 0; i < 65; i += 1) await w.register(`cb-${i}`);
    expect(await w.connector.listCallbacks()).toHaveLength(65);
    w.fake.quirks.noNextLinks = true;
    w.fake.requests.length = 0;
    const all = await w.connector.listCallbacks();
    expect(all).toHaveLength(65);
    expect(w.fake.requests.map((r) => r.query.get('indexRange'))).toEqual([null, '60-119']);
  });
});

describe('remotes', () => {
  it('sends, reads by id, and lists the remotes of a vehicle (paged)', async () => {
    w = await startWorld({ pki });
    const cb = await w.register();
    const ids: string[] = [];
    for (let i = 0; i < 62; i += 1) {
      const { remoteActionId } = await w.connector.sendRemote({
        vehicleId: awake.id,
        vin: awake.vin,
        callbackId: 'cb-local-1',
        upstreamCallbackId: cb,
        type: 'Lights',
        body: { lights: { on: i % 2 === 0 } },
      });
      ids.push(remoteActionId);
      await w.run(3_000, 3_000);
    }
    expect(await w.connector.getRemote(awake.id, cb, ids[0]!)).toEqual({
      remoteActionId: ids[0],
      type: 'Lights',
      status: 'Success',
    });
    const listed = await w.connector.listRemotes(awake.id, cb);
    expect(listed.map((r) => r.remoteActionId).sort()).toEqual([...ids].sort());
    expect(await w.connector.getRemote(awake.id, cb, 'unknown-remote')).toBeNull();
  });

  it('POSTs the spec Remote body to …/vehicles/{vid}/callbacks/{upstream cbid}/remotes', async () => {
    w = await startWorld({ pki });
    const cb = await w.register();
    const body = { label: 'yard', door: { state: 'Locked' as const } };
    await w.connector.sendRemote({
      vehicleId: awake.id,
      vin: awake.vin,
      callbackId: 'cb-local-1',
      upstreamCallbackId: cb,
      type: 'Doors',
      body,
    });
    const post = w.fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/remotes'))!;
    expect(post.path).toBe(
      `/connectedcar/v3/fleets/${w.fake.fleetId}/vehicles/${awake.id}/callbacks/${cb}/remotes`,
    );
    expect(post.body).toEqual(body);
    expect(post.headers['content-type']).toBe('application/json');
  });

  it('treats any answer other than 202 as "no action created"', async () => {
    w = await startWorld({ pki });
    const cb = await w.register();
    w.fake.quirks.remotePostStatus = 200;
    const e = await failure(
      w.connector.sendRemote({
        vehicleId: awake.id,
        vin: awake.vin,
        callbackId: 'cb-local-1',
        upstreamCallbackId: cb,
        type: 'Horn',
        body: { horn: { state: 'Activated' } },
      }),
    );
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/HTTP 200 instead of 202 Accepted: no remote action was created/);
  });

  it('without an upstream callback (no public receiver), sends through its own paused polling callback', async () => {
    w = await startWorld({ pki, connector: { notificationsExpected: () => false } });
    const { remoteActionId } = await w.connector.sendRemote({
      vehicleId: awake.id,
      vin: awake.vin,
      callbackId: 'cb-local-1',
      upstreamCallbackId: null,
      type: 'Horn',
      body: { horn: { state: 'Activated' } },
    });
    const [polling] = [...w.fake.callbacks.values()];
    expect(polling!.status).toBe('Paused');
    expect(polling!.subscribe.label).toBe('depot-remote-polling');
    await w.run(60_000, 5_000);
    expect(statusesOf(w.sunk, remoteActionId).at(-1)).toBe('Done/Success');
    expect(w.fake.deliveries).toHaveLength(0);
    // A second send reuses it; a new connector finds it by label rather than registering another.
    await w.connector.sendRemote({
      vehicleId: thermic.id,
      vin: thermic.vin,
      callbackId: 'cb-local-1',
      upstreamCallbackId: null,
      type: 'Horn',
      body: { horn: { state: 'Activated' } },
    });
    expect(w.fake.callbacks.size).toBe(1);
  });
});

describe('errors and rate limits', () => {
  it('records the X-RateLimit headers of every answer', async () => {
    w = await startWorld({ pki, fake: { rateLimit: { daily: 5000, burst: 50 } } });
    expect(w.connector.rateLimit()).toEqual({
      daily: { limit: null, remaining: null },
      burst: { limit: null, remaining: null },
      updatedAt: null,
      blockedUntil: null,
    });
    await w.connector.getFleet();
    await w.connector.getFleet();
    expect(w.connector.rateLimit()).toEqual({
      daily: { limit: 5000, remaining: 4998 },
      burst: { limit: 50, remaining: 48 },
      updatedAt: w.clock.nowIso(),
      blockedUntil: null,
    });
  });

  it('honours 429: rate-limited with Retry-After, no request until it passed, then works again', async () => {
    w = await startWorld({ pki, fake: { rateLimit: { daily: 3 } } });
    await w.connector.getFleet();
    await w.connector.getFleet();
    await w.connector.getFleet();
    const e = await failure(w.connector.getFleet());
    expect(e.kind).toBe('rate-limited');
    expect(e.details.retryAfterSeconds).toBe(24 * 60 * 60);
    const sent = w.fake.requests.length;
    const again = await failure(w.connector.getFleet());
    expect(again.kind).toBe('rate-limited');
    expect(again.details.retryAfterSeconds).toBe(24 * 60 * 60);
    expect(w.fake.requests).toHaveLength(sent); // answered without touching the network
    expect(w.connector.rateLimit().blockedUntil).toBe('2026-01-06T08:00:00.000Z');
    w.clock.advance(24 * 60 * 60_000);
    expect((await w.connector.getFleet()).id).toBe(w.fake.fleetId);
    expect(w.connector.rateLimit().blockedUntil).toBeNull();
  });

  it('maps 5xx to unreachable (retryable), keeping the code and uuid', async () => {
    w = await startWorld({ pki });
    w.fake.failNext({ status: 503, body: { code: 50301, uuid: 'ref-503', message: 'Maintenance' } });
    const e = await failure(w.connector.listVehicles());
    expect(e.kind).toBe('unreachable');
    expect(e.details).toEqual({ code: '50301', reference: 'ref-503' });
    expect(e.message).toMatch(
      /server error .* \(HTTP 503\); try again later\. Stellantis says: Maintenance\./,
    );
  });

  it('maps a request timeout to unreachable', async () => {
    w = await startWorld({ pki, config: { timeoutMs: 300 } });
    const { createServer } = await import('node:https');
    const hang = createServer({ cert: pki.server.cert, key: pki.server.key }, () => {});
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const port = (hang.address() as { port: number }).port;
    const { createStellantisConnector } =
      await import('../../../main/core/connector/stellantis/stellantis-connector.js');
    const { silentLogger } = await import('../../../main/core/ports/logger.js');
    const c = createStellantisConnector(
      { ...w.config, baseUrl: `https://127.0.0.1:${port}/connectedcar/v3`, timeoutMs: 300 },
      { clock: w.clock, logger: silentLogger },
    );
    const e = await failure(c.getFleet());
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/did not answer in time/);
    await c.close();
    hang.closeAllConnections();
    await new Promise<void>((r) => hang.close(() => r()));
  });
});
