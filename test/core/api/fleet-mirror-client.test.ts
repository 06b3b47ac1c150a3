// Proof of the mirror with a client nobody here wrote: openapi-fetch typed by openapi-typescript from the
// Stellantis spec (test/stellantis-client), talking over a real socket to the real API and core, with only the
// base URL and the token changed from a client of Stellantis: create a callback → list → send each of the nine
// remotes → read them back → list them → page through the vehicles.
import type { AddressInfo } from 'node:net';
import createClient, { type Client } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, TOKEN } from '../../helpers/api-harness.js';
import { IN_PROCESS_VEHICLES } from '../../helpers/in-process-fleet.js';
import type { components, paths } from '../../stellantis-client/api-b2b.js';

type Remote = components['schemas']['Remote'];
type RemoteType = components['schemas']['RemoteType'];
type XError = components['schemas']['xError'];

const FLEET = '0a123bc5d1e873066454b4d9';
const VEHICLE = 'veh-e208-01';
/** The one thing this mirror asks that Stellantis does not (README, "The Stellantis mirror"). */
const REASON = { 'X-Depot-Reason': 'Recovery ordered by the leasing company' };

/** The nine remotes, each a body valid for the spec's `Remote` schema (the compiler checks it). */
const NINE: { type: RemoteType; body: Remote; headers?: Record<string, string> }[] = [
  { type: 'ElectricBatteryChargingRequest', body: { charging: { immediate: true } } },
  { type: 'Stolen', body: { stolen: { stolen: true } }, headers: REASON },
  { type: 'Lights', body: { lights: { on: true } } },
  { type: 'WakeUp', body: { wakeUp: { action: 'WakeUp' } } },
  {
    type: 'ThermalPreconditioning',
    body: {
      preconditioning: {
        airConditioning: {
          immediate: false,
          programs: [
            {
              slot: 1,
              enabled: true,
              recurrence: 'Daily',
              start: 'PT7H15M',
              occurence: { day: ['Mon', 'Tue'] },
              actionsType: 'Set',
            },
          ],
        },
      },
    },
  },
  { type: 'Doors', body: { door: { state: 'Locked' } } },
  { type: 'Horn', body: { horn: { state: 'Activated' } } },
  { type: 'Immobilization', body: { immobilization: { activate: true } }, headers: REASON },
  {
    type: 'Navigation',
    body: {
      navigation: {
        // Deprecated, with a default: the generated type asks for it, the agent accepts it and drops it.
        driverApproval: false,
        positions: [
          { type: 'Point', coordinates: [2.3522, 48.8566] },
          { type: 'Point', coordinates: [4.8357, 45.764] },
        ],
      },
    },
  },
];

/** The body as the action keeps it: navigation.driverApproval (deprecated) is not part of it. */
function withoutDriverApproval(body: Remote): Remote {
  if (!body.navigation) return body;
  const { driverApproval: _dropped, ...navigation } = body.navigation;
  return { ...body, navigation } as Remote;
}

let h: Harness;
let client: Client<paths>;

beforeAll(async () => {
  h = await startHarness({ fleetId: FLEET });
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = h.app.server.address() as AddressInfo;
  // A Stellantis client is created with https://api-cert.groupe-psa.com/connectedcar/v3 and Basic credentials.
  client = createClient<paths>({
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
});
afterAll(async () => h.close());

describe('a client generated from the Stellantis spec', () => {
  it('creates a callback, sends each of the nine remotes, reads them back and lists them', async () => {
    const fleets = await client.GET('/fleets');
    expect(fleets.response.status).toBe(200);
    const fid = fleets.data!._embedded!.fleets![0]!.id;
    expect(fid).toBe(FLEET);
    const path = { fid };

    // create callback
    const subscribe: components['schemas']['RemoteCallbackSubscribe'] = {
      label: 'fms-depot-42',
      callback: {
        webhook: {
          target: 'http://127.0.0.1:9/fms/events',
          name: 'fms',
          attributes: [{ type: 'Header', key: 'X-Vin', value: '$vin' }],
        },
      },
      retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
      batchNotify: { size: 10, timeWindow: 30 },
      remoteTypes: NINE.map((r) => r.type),
    };
    const created = await client.POST('/fleets/{fid}/remote/callbacks', {
      params: { path },
      body: subscribe,
    });
    expect(created.response.status).toBe(202);
    const cbid = created.data!.callbackId!;
    expect(created.data).toMatchObject({
      status: 'Running',
      _links: { callback: { href: expect.any(String) } },
    });

    // list
    const callbacks = await client.GET('/fleets/{fid}/remote/callbacks', { params: { path } });
    // After the built-in callback every data folder has ("This workstation", subscribed to every type).
    expect(callbacks.data!.total).toBe(2);
    expect(callbacks.data!._embedded!.callbacks!.map((c) => c.id)).toEqual(['workstation', cbid]);
    const listed = callbacks.data!._embedded!.callbacks![1]!;
    expect(listed.subscribe).toEqual(subscribe);
    const byType = await client.GET('/fleets/{fid}/remote/callbacks', {
      params: { path, query: { types: ['Horn', 'Doors'] } },
    });
    expect(byType.data!._embedded!.callbacks!.map((c) => c.id)).toEqual(['workstation', cbid]);

    // send each of the nine remotes
    const sent: { type: RemoteType; rid: string; body: Remote }[] = [];
    for (const remote of NINE) {
      const res = await client.POST('/fleets/{fid}/vehicles/{vid}/callbacks/{cbid}/remotes', {
        params: { path: { fid, vid: VEHICLE, cbid } },
        body: remote.body,
        ...(remote.headers ? { headers: remote.headers } : {}),
      });
      expect(res.response.status, remote.type).toBe(202);
      expect(res.data!.type).toBe(remote.type);
      sent.push({ type: remote.type, rid: res.data!.remoteActionId!, body: remote.body });
    }
    h.clock.advance(5_000);

    // read back
    for (const { type, rid, body } of sent) {
      const res = await client.GET('/fleets/{fid}/vehicles/{vid}/callbacks/{cbid}/remotes/{rid}', {
        params: { path: { fid, vid: VEHICLE, cbid, rid } },
      });
      expect(res.response.status).toBe(200);
      expect(res.data).toMatchObject({ remoteActionId: rid, type, status: 'Success' });
      expect(res.data!.remote).toEqual(withoutDriverApproval(body));
      expect(res.data!._links.self!.href).toBe(
        `/api/v1/fleets/${fid}/vehicles/${VEHICLE}/callbacks/${cbid}/remotes/${rid}`,
      );
    }

    // list remotes, following the pages as a client of the spec does
    const listedRids: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await client.GET('/fleets/{fid}/vehicles/{vid}/callbacks/{cbid}/remotes', {
        params: {
          path: { fid, vid: VEHICLE, cbid },
          query: { pageSize: 4, ...(pageToken ? { pageToken } : {}) },
        },
      });
      expect(page.response.status).toBe(200);
      expect(page.data!.total).toBe(9);
      expect(page.data!.totalPage).toBe(3);
      listedRids.push(...page.data!._embedded!.remoteActions!.map((a) => a.remoteActionId!));
      const next = page.data!._links.next?.href;
      pageToken = next ? (new URL(next, 'http://x').searchParams.get('pageToken') ?? undefined) : undefined;
    } while (pageToken);
    expect(listedRids.sort()).toEqual(sent.map((s) => s.rid).sort());
  });

  it('the two dangerous remotes without X-Depot-Reason get the spec’s error body, naming the header', async () => {
    const fid = FLEET;
    const created = await client.POST('/fleets/{fid}/remote/callbacks', {
      params: { path: { fid } },
      body: {
        callback: { webhook: { target: 'http://127.0.0.1:9/fms/events', name: 'fms' } },
        remoteTypes: ['Immobilization'],
      },
    });
    const cbid = created.data!.callbackId!;
    const res = await client.POST('/fleets/{fid}/vehicles/{vid}/callbacks/{cbid}/remotes', {
      params: { path: { fid, vid: VEHICLE, cbid } },
      body: { immobilization: { activate: true } },
    });
    expect(res.response.status).toBe(400);
    const error: XError & { errors?: { field: string }[] } = res.error!;
    expect(error.code).toBe(40000);
    expect(error.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.errors?.map((e) => e.field)).toEqual(['X-Depot-Reason']);
  });

  it('pages through the vehicles with a small pageSize, seeing each vehicle once', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.GET('/fleets/{fid}/vehicles', {
        params: { path: { fid: FLEET }, query: { pageSize: 3, ...(pageToken ? { pageToken } : {}) } },
      });
      expect(page.response.status).toBe(200);
      expect(page.data).toMatchObject({
        total: IN_PROCESS_VEHICLES.length,
        totalPage: 2,
        currentPage: pages + 1,
      });
      seen.push(...page.data!._embedded!.vehicles!.map((v) => v.id!));
      pages += 1;
      const next = page.data!._links.next?.href;
      pageToken = next ? (new URL(next, 'http://x').searchParams.get('pageToken') ?? undefined) : undefined;
    } while (pageToken);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(IN_PROCESS_VEHICLES.length);
    expect(new Set(seen)).toEqual(new Set(IN_PROCESS_VEHICLES.map((v) => v.id)));
  });
});
