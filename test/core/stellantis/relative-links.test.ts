// `_links.next.href` as servers really write it: absolute, or a relative reference resolved against the URL of
// the page that carried it (RFC 3986 section 5), never glued onto the base URL as a string.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveLink } from '../../../main/core/connector/stellantis/paging.js';
import {
  createTestPki,
  FAKE_BASE_PATH,
  FAKE_VEHICLES,
  manyVehicles,
  type Quirks,
  type TestPki,
} from '../../fakes/stellantis-server/index.js';
import { startWorld, type World } from './world.js';

let pki: TestPki;
let w: World;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
afterEach(async () => w?.close());

const FORMS: Quirks['linkForm'][] = ['absolute', 'query', 'dot-segments', 'absolute-path'];

describe('paging links', () => {
  it.each(FORMS)('%s links: every vehicle is read, page by page, at the collection', async (form) => {
    w = await startWorld({ pki, fake: { vehicles: manyVehicles(130) } });
    w.fake.quirks.linkForm = form;
    const vehicles = await w.connector.listVehicles();
    expect(new Set(vehicles.map((v) => v.id)).size).toBe(130);
    const pages = w.fake.requests.filter((r) => r.path.endsWith('/vehicles'));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(pages.every((p) => p.path === `${FAKE_BASE_PATH}/fleets/${w.fake.fleetId}/vehicles`)).toBe(true);
    expect(pages.every((p) => p.query.get('client_id') === w.fake.clientId)).toBe(true);
    expect(pages.map((p) => p.query.get('pageToken') !== null)).toEqual([false, true, true]);
  });

  it.each(FORMS)('%s links: callbacks and the remotes of a vehicle too', async (form) => {
    w = await startWorld({ pki });
    w.fake.quirks.linkForm = form;
    for (let i = 0; i < 65; i += 1) await w.register(`cb-${i}`);
    expect(await w.connector.listCallbacks()).toHaveLength(65);
    const [cb] = [...w.fake.callbacks.keys()];
    const awake = FAKE_VEHICLES[0]!;
    for (let i = 0; i < 61; i += 1) {
      await w.connector.sendRemote({
        vehicleId: awake.id,
        vin: awake.vin,
        callbackId: 'cb-local-1',
        upstreamCallbackId: cb!,
        type: 'Lights',
        body: { lights: { on: i % 2 === 0 } },
      });
      await w.run(3_000, 3_000);
    }
    expect(await w.connector.listRemotes(awake.id, cb!)).toHaveLength(61);
    expect(w.fake.requests.filter((r) => r.status !== undefined && r.status >= 400)).toEqual([]);
  });
});

describe('resolveLink', () => {
  const page = new URL('https://api.example.com/connectedcar/v3/fleets/1/vehicles?pageSize=60&client_id=c');
  it.each([
    ['?pageToken=x', 'https://api.example.com/connectedcar/v3/fleets/1/vehicles?pageToken=x'],
    ['../vehicles?page=2', 'https://api.example.com/connectedcar/v3/fleets/vehicles?page=2'],
    ['./vehicles?page=2', 'https://api.example.com/connectedcar/v3/fleets/1/vehicles?page=2'],
    ['/fleets/1/vehicles?page=2', 'https://api.example.com/fleets/1/vehicles?page=2'],
    ['https://api.example.com/x?y=1', 'https://api.example.com/x?y=1'],
    ['//other.example.com/x', 'https://other.example.com/x'],
  ])('%s → %s', (href, expected) => {
    expect(resolveLink(href, page)).toBe(expected);
  });

  it('a link that is no URL reference is a server fault', () => {
    expect(() => resolveLink('http://[not-a-host/x', page)).toThrow(/paging link that is not a URL/);
  });
});
