// The Stellantis mirror under /api/v1/fleets, through the real API, core, SQLite file and in-process fleet: the
// fleet API's shapes and status codes, the one fleet id it answers to, its error shape whoever refuses, and the
// local extensions it keeps.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';

const FLEET = '0a123bc5d1e873066454b4d9';
const BASE = `/api/v1/fleets/${FLEET}`;
const VEHICLE = 'veh-e208-01';
const VIN = 'VR3UHZKXZMT000001';

let h: Harness;
afterEach(async () => h?.close());

const errorShape = (status: number, depotCode: string) => ({
  code: status * 100,
  uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
  message: expect.any(String),
  timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  depotCode,
  errors: expect.any(Array),
});

async function createCallback(body: Record<string, unknown> = callbackBody()) {
  const res = await h.call({ method: 'POST', url: `${BASE}/remote/callbacks`, payload: body });
  expect(res.statusCode).toBe(202);
  return res.json().callbackId as string;
}

describe('the fleet', () => {
  it('GET /fleets lists the one fleet the connector serves, as a HAL collection', async () => {
    h = await startHarness({ fleetId: FLEET });
    const res = await h.call({ method: 'GET', url: '/api/v1/fleets' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/hal+json; charset=utf-8');
    expect(res.json()).toEqual({
      _links: {
        self: { href: '/api/v1/fleets?pageSize=60' },
        first: { href: '/api/v1/fleets?pageSize=60' },
        last: { href: '/api/v1/fleets?pageSize=60' },
      },
      total: 1,
      totalPage: 1,
      currentPage: 1,
      _embedded: {
        fleets: [
          {
            _links: {
              self: { href: BASE },
              vehicles: { href: `${BASE}/vehicles` },
              callbacks: { href: `${BASE}/remote/callbacks` },
            },
            id: FLEET,
            connector: 'in-process',
          },
        ],
      },
    });
    const one = await h.call({ method: 'GET', url: BASE });
    expect(one.statusCode).toBe(200);
    expect(one.json().id).toBe(FLEET);
  });

  it('answers 404 in the spec’s error shape for any other {fid}, and changes nothing', async () => {
    h = await startHarness({ fleetId: FLEET });
    const wrong = '/api/v1/fleets/another-fleet';
    for (const [method, url] of [
      ['GET', wrong],
      ['GET', `${wrong}/vehicles`],
      ['GET', `${wrong}/vehicles/${VEHICLE}`],
      ['GET', `${wrong}/remote/callbacks`],
    ] as const) {
      const res = await h.call({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toEqual(errorShape(404, 'FLEET_NOT_FOUND'));
      expect(res.json().message).toBe(
        `No fleet another-fleet here: this agent serves fleet ${FLEET} (GET /api/v1/fleets).`,
      );
    }
    const created = await h.call({
      method: 'POST',
      url: `${wrong}/remote/callbacks`,
      payload: callbackBody(),
    });
    expect(created.statusCode).toBe(404);
    // Only the built-in callback every data folder has: nothing was created.
    expect((await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().total).toBe(1);
  });

  it('without a fleet id the collection is empty and every {fid} is unknown', async () => {
    h = await startHarness();
    const list = (await h.call({ method: 'GET', url: '/api/v1/fleets' })).json();
    expect(list).toMatchObject({ total: 0, totalPage: 1, currentPage: 1, _embedded: { fleets: [] } });
    const res = await h.call({ method: 'GET', url: `${BASE}/vehicles` });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe(`No fleet ${FLEET}: this agent's connector serves no fleet id.`);
  });
});

describe('authentication and errors', () => {
  it('every mirror route needs the token; refusals, unknown paths and bad bodies use the xError shape', async () => {
    h = await startHarness({ fleetId: FLEET });
    const anonymous = await h.app.inject({ method: 'GET', url: `${BASE}/vehicles` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual(errorShape(401, 'UNAUTHORIZED'));
    const wrongToken = await h.call({
      method: 'GET',
      url: '/api/v1/fleets',
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrongToken.statusCode).toBe(401);

    const unknownPath = await h.call({ method: 'GET', url: `${BASE}/vehicles/${VEHICLE}/status` });
    expect(unknownPath.statusCode).toBe(404);
    expect(unknownPath.json()).toEqual(errorShape(404, 'ROUTE_NOT_FOUND'));
    const unknownAnonymous = await h.app.inject({ method: 'GET', url: `${BASE}/trips` });
    expect(unknownAnonymous.statusCode).toBe(401);

    const bad = await h.call({
      method: 'POST',
      url: `${BASE}/remote/callbacks`,
      payload: callbackBody({ remoteTypes: ['Doors', 'Teleport'] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual(errorShape(400, 'VALIDATION_FAILED'));
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('remoteTypes[1]');
    // Only the built-in callback every data folder has: nothing was created.
    expect((await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().total).toBe(1);

    const notJson = await h.call({
      method: 'POST',
      url: `${BASE}/remote/callbacks`,
      payload: '{"label":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toEqual(errorShape(400, 'BAD_REQUEST'));
  });

  it('accepts and ignores the client_id Stellantis needs, and the vehicle reads’ locale and extension', async () => {
    h = await startHarness({ fleetId: FLEET });
    const res = await h.call({ method: 'GET', url: `${BASE}/vehicles/${VEHICLE}?client_id=app-123` });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(VEHICLE);
    const query = 'client_id=app-123&locale=fr-FR&extension=branding&extension=pictures';
    const list = await h.call({ method: 'GET', url: `${BASE}/vehicles?${query}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(4);
    // The links keep them, as a client following them expects.
    expect(list.json()._links.self.href).toBe(`${BASE}/vehicles?${query}&pageSize=60`);
    const one = await h.call({
      method: 'GET',
      url: `${BASE}/vehicles/${VEHICLE}?extension=onboardCapabilities`,
    });
    expect(one.statusCode).toBe(200);
  });

  it('describes every mirror route in the OpenAPI document with its operationId and tag', async () => {
    h = await startHarness({ fleetId: FLEET });
    const doc = (await h.call({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations = Object.values(
      doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>,
    )
      .flatMap((path) => Object.values(path))
      .filter((op) => op.tags?.includes('stellantis-mirror'))
      .map((op) => op.operationId)
      .sort();
    expect(operations).toEqual(
      [
        'getFleets',
        'getFleet',
        'getVehiclesByDevice',
        'getVehicleByid',
        'getFleetRemotes',
        'setFleetVehicleRemote',
        'getFleetRemotebyId',
        'setFleetVehicleRemoteById',
        'setFleeRemoteCallbackStatus',
        'deleteFleetRemote',
        'sendRemoteToVhl',
        'getRemoteRequestsForVhl',
        'getRemoteRequestForVhlById',
      ].sort(),
    );
  });
});

describe('vehicles', () => {
  it('shows each vehicle in the spec’s form, with its capabilities as a local extension; {vid} may be the VIN', async () => {
    h = await startHarness({ fleetId: FLEET });
    const byVin = await h.call({ method: 'GET', url: `${BASE}/vehicles/${VIN}` });
    expect(byVin.statusCode).toBe(200);
    expect(byVin.json()).toEqual({
      _links: {
        self: { href: `${BASE}/vehicles/${VEHICLE}` },
        fleet: { href: BASE },
        callbacks: { href: `${BASE}/remote/callbacks` },
        remotes: { href: `${BASE}/vehicles/${VEHICLE}/callbacks/{cbid}/remotes`, templated: true },
      },
      id: VEHICLE,
      vin: VIN,
      motorization: 'Electric',
      brand: 'Peugeot',
      label: 'Van 01',
      model: 'e-208',
      capabilities: expect.objectContaining({ Doors: { supported: true } }),
    });
    const unknown = await h.call({ method: 'GET', url: `${BASE}/vehicles/no-such-vehicle` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(errorShape(404, 'VEHICLE_NOT_FOUND'));
  });

  it('filters by vinPrefix and maps the energies to the spec’s motorizations', async () => {
    h = await startHarness({ fleetId: FLEET });
    const all = (await h.call({ method: 'GET', url: `${BASE}/vehicles` })).json();
    expect(all.total).toBe(4);
    expect(
      Object.fromEntries(
        all._embedded.vehicles.map((v: { id: string; motorization?: string }) => [v.id, v.motorization]),
      ),
    ).toEqual({
      'veh-e208-01': 'Electric',
      'veh-c5ax-02': 'Hybrid',
      'veh-corsa-03': 'Electric',
      'veh-500-04': 'Thermic',
    });
    const vr = (await h.call({ method: 'GET', url: `${BASE}/vehicles?vinPrefix=vr` })).json();
    expect(vr.total).toBe(2);
    expect(vr._embedded.vehicles.map((v: { vin: string }) => v.vin).sort()).toEqual([
      'VR3UHZKXZMT000001',
      'VR7ACYHZRML000002',
    ]);
    // A VIN containing the text elsewhere does not match: the prefix decides.
    expect((await h.call({ method: 'GET', url: `${BASE}/vehicles?vinPrefix=0000` })).json().total).toBe(0);
    const bad = await h.call({ method: 'GET', url: `${BASE}/vehicles?vinPrefix=VR%25` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.vinPrefix');
  });
});

describe('callbacks', () => {
  it('create (202 CallbackRef) → read → replace (202) → pause (202) → list → delete (204)', async () => {
    h = await startHarness({ fleetId: FLEET });
    const created = await h.call({
      method: 'POST',
      url: `${BASE}/remote/callbacks`,
      payload: callbackBody(),
    });
    expect(created.statusCode).toBe(202);
    expect(created.headers['content-type']).toBe('application/hal+json; charset=utf-8');
    const cbid = created.json().callbackId;
    expect(created.json()).toEqual({
      _links: { fleet: { href: BASE }, callback: { href: `${BASE}/remote/callbacks/${cbid}` } },
      callbackId: cbid,
      status: 'Running',
    });

    const read = (await h.call({ method: 'GET', url: `${BASE}/remote/callbacks/${cbid}` })).json();
    expect(read).toEqual({
      _links: {
        self: { href: `${BASE}/remote/callbacks/${cbid}` },
        fleet: { href: BASE },
        remotes: { href: `${BASE}/vehicles/{vid}/callbacks/${cbid}/remotes`, templated: true },
      },
      id: cbid,
      subscribe: callbackBody(),
      status: 'Running',
      signingSecret: null,
      previousSigningSecretValidUntil: null,
      authentication: null,
    });

    const replaced = await h.call({
      method: 'PUT',
      url: `${BASE}/remote/callbacks/${cbid}`,
      payload: callbackBody({ label: 'depot-43', remoteTypes: ['Horn'] }),
    });
    expect(replaced.statusCode).toBe(202);
    expect(replaced.json().callbackId).toBe(cbid);
    const paused = await h.call({
      method: 'PUT',
      url: `${BASE}/remote/callbacks/${cbid}/status`,
      payload: { status: 'Paused' },
    });
    expect(paused.statusCode).toBe(202);
    expect(paused.json().status).toBe('Paused');

    // The same callback, as the local API sees it.
    const local = (await h.call({ method: 'GET', url: `/api/v1/callbacks/${cbid}` })).json();
    expect(local).toMatchObject({
      status: 'Paused',
      subscribe: { label: 'depot-43', remoteTypes: ['Horn'] },
    });

    const list = (await h.call({ method: 'GET', url: `${BASE}/remote/callbacks` })).json();
    // The built-in callback first ("This workstation", in every data folder).
    expect(list._embedded.callbacks.map((c: { id: string }) => c.id)).toEqual(['workstation', cbid]);

    const deleted = await h.call({ method: 'DELETE', url: `${BASE}/remote/callbacks/${cbid}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await h.call({ method: 'GET', url: `${BASE}/remote/callbacks/${cbid}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual(errorShape(404, 'CALLBACK_NOT_FOUND'));
  });

  it('filters the list by remote types, repeated or comma-separated, and refuses unknown ones', async () => {
    h = await startHarness({ fleetId: FLEET });
    const horn = await createCallback(callbackBody({ label: 'horn', remoteTypes: ['Horn'] }));
    const doors = await createCallback(callbackBody({ label: 'doors', remoteTypes: ['Doors'] }));
    await createCallback(callbackBody({ label: 'lights', remoteTypes: ['Lights'] }));
    const ids = async (query: string) =>
      (await h.call({ method: 'GET', url: `${BASE}/remote/callbacks?${query}` }))
        .json()
        ._embedded.callbacks.map((c: { id: string }) => c.id)
        .sort();
    // The built-in callback ("This workstation") subscribes to every type.
    expect(await ids('types=Horn')).toEqual([horn, 'workstation'].sort());
    expect(await ids('types=Horn&types=Doors')).toEqual([horn, doors, 'workstation'].sort());
    expect(await ids('types=Horn,Doors')).toEqual([horn, doors, 'workstation'].sort());
    const bad = await h.call({ method: 'GET', url: `${BASE}/remote/callbacks?types=Teleport` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/^query\.types/);
  });

  it('shows a signing secret in clear only in the answer to the request that set it', async () => {
    h = await startHarness({ fleetId: FLEET });
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const created = await h.call({
      method: 'POST',
      url: `${BASE}/remote/callbacks`,
      payload: { ...callbackBody(), signingSecret: secret },
    });
    expect(created.statusCode).toBe(202);
    expect(created.json().signingSecret).toBe(secret);
    const read = (
      await h.call({ method: 'GET', url: `${BASE}/remote/callbacks/${created.json().callbackId}` })
    ).json();
    expect(read.signingSecret).not.toBe(secret);
    expect(read.signingSecret).toMatch(/^whsec_\*+/);
  });

  it('refuses to delete a callback while a remote through it is in progress (409)', async () => {
    h = await startHarness({ fleetId: FLEET });
    const cbid = await createCallback();
    const sent = await h.call({
      method: 'POST',
      url: `${BASE}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode).toBe(202);
    const refused = await h.call({ method: 'DELETE', url: `${BASE}/remote/callbacks/${cbid}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual(errorShape(409, 'CALLBACK_HAS_PENDING_ACTIONS'));
    h.clock.advance(5_000);
    expect((await h.call({ method: 'DELETE', url: `${BASE}/remote/callbacks/${cbid}` })).statusCode).toBe(
      204,
    );
  });
});

describe('remotes', () => {
  it('Immobilization and Stolen need X-Depot-Reason, as on the local API', async () => {
    h = await startHarness({ fleetId: FLEET });
    const cbid = await createCallback();
    const url = `${BASE}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`;
    const without = await h.call({ method: 'POST', url, payload: { stolen: { stolen: true } } });
    expect(without.statusCode).toBe(400);
    expect(without.json()).toEqual(errorShape(400, 'VALIDATION_FAILED'));
    expect(without.json().errors[0].field).toBe('X-Depot-Reason');
    const withReason = await h.call({
      method: 'POST',
      url,
      payload: { stolen: { stolen: true } },
      headers: { 'x-depot-reason': 'Reported stolen by the customer' },
    });
    expect(withReason.statusCode).toBe(202);
  });

  it('a remote not subscribed by the callback is refused (422) and none is recorded', async () => {
    h = await startHarness({ fleetId: FLEET });
    const cbid = await createCallback(callbackBody({ remoteTypes: ['Horn'] }));
    const url = `${BASE}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`;
    const res = await h.call({ method: 'POST', url, payload: { door: { state: 'Locked' } } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual(errorShape(422, 'REMOTE_TYPE_NOT_SUBSCRIBED'));
    expect((await h.call({ method: 'GET', url })).json().total).toBe(0);
  });

  it('reads an action as the spec’s RemoteAction: Accepted until news, then the network’s status', async () => {
    h = await startHarness({ fleetId: FLEET });
    const cbid = await createCallback();
    const url = `${BASE}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`;
    const sent = (await h.call({ method: 'POST', url, payload: { door: { state: 'Locked' } } })).json();
    const rid = sent.remoteActionId;
    expect(sent).toEqual({
      _links: {
        fleet: { href: BASE },
        callback: { href: `${BASE}/remote/callbacks/${cbid}` },
        remote: { href: `${url}/${rid}` },
      },
      remoteActionId: rid,
      type: 'Doors',
    });
    const pending = (await h.call({ method: 'GET', url: `${url}/${rid}` })).json();
    expect(pending).toEqual({
      _links: {
        fleet: { href: BASE },
        callback: { href: `${BASE}/remote/callbacks/${cbid}` },
        self: { href: `${url}/${rid}` },
      },
      remoteActionId: rid,
      type: 'Doors',
      remote: { door: { state: 'Locked' } },
      status: 'Accepted',
      upstreamRemoteActionId: expect.any(String),
      phase: 'Pending',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    h.clock.advance(5_000);
    const done = (await h.call({ method: 'GET', url: `${url}/${rid}` })).json();
    expect(done).toMatchObject({ status: 'Success', phase: 'Done' });
    // Read through another vehicle's path, it is not there.
    const elsewhere = await h.call({
      method: 'GET',
      url: `${BASE}/vehicles/veh-c5ax-02/callbacks/${cbid}/remotes/${rid}`,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual(errorShape(404, 'REMOTE_NOT_FOUND'));
  });

  it('an action the network refused reads as Failed, with the refusal as a local extension', async () => {
    let net: ScriptedConnector | undefined;
    h = await startHarness({ fleetId: FLEET, connector: () => (net = scriptedConnector()) });
    const cbid = await createCallback();
    net!.next = { error: new ConnectorError('refused', 'Vehicle not in fleet', { code: '40302' }) };
    const url = `${BASE}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`;
    const sent = await h.call({ method: 'POST', url, payload: { horn: { state: 'Activated' } } });
    expect(sent.statusCode).toBe(502);
    expect(sent.json()).toEqual(errorShape(502, expect.any(String)));
    const list = (await h.call({ method: 'GET', url })).json();
    expect(list.total).toBe(1);
    expect(list._embedded.remoteActions[0]).toMatchObject({
      type: 'Horn',
      status: 'Failed',
      phase: 'Refused',
      error: { code: '40302' },
    });
    expect(list._embedded.remoteActions[0]).not.toHaveProperty('upstreamRemoteActionId');
  });

  it('a remote of a busy feature waits in the queue, answered 202 as any other; its status is absent until it leaves', async () => {
    h = await startHarness({ fleetId: FLEET });
    const cbid = await createCallback();
    const url = `${BASE}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`;
    await h.call({ method: 'POST', url, payload: { horn: { state: 'Activated' } } });
    const second = await h.call({ method: 'POST', url, payload: { horn: { state: 'Activated' } } });
    expect(second.statusCode).toBe(202);
    // The spec's answer, nothing more.
    expect(Object.keys(second.json()).sort()).toEqual(['_links', 'remoteActionId', 'type']);
    const rid = second.json().remoteActionId;
    const waiting = (await h.call({ method: 'GET', url: `${url}/${rid}` })).json();
    expect(waiting).toMatchObject({ phase: 'Queued' });
    expect(waiting).not.toHaveProperty('status');
    h.clock.advance(3_000);
    await new Promise((resolve) => setImmediate(resolve));
    h.clock.advance(3_000);
    expect((await h.call({ method: 'GET', url: `${url}/${rid}` })).json()).toMatchObject({
      status: 'Success',
      phase: 'Done',
    });
  });

  it('Immobilization is refused 409 while one is in flight (a deliberate difference), unless whenBusy=queue', async () => {
    h = await startHarness({ fleetId: FLEET });
    const cbid = await createCallback();
    const url = `${BASE}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`;
    const headers = { 'x-depot-reason': 'Vehicle not returned after rental' };
    const payload = { immobilization: { activate: true } };
    expect((await h.call({ method: 'POST', url, payload, headers })).statusCode).toBe(202);
    const refused = await h.call({ method: 'POST', url, payload, headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual(errorShape(409, 'ACTION_IN_PROGRESS'));
    const queued = await h.call({ method: 'POST', url: `${url}?whenBusy=queue`, payload, headers });
    expect(queued.statusCode).toBe(202);
    const rid = queued.json().remoteActionId;
    expect((await h.call({ method: 'GET', url: `${url}/${rid}` })).json()).toMatchObject({ phase: 'Queued' });
  });
});
