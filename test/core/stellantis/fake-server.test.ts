// The fake Stellantis server itself (stellantis-api-notes.md N11): validation, callback lifecycle, scripted
// event sequences, delivery semantics and the test switches other tests rely on.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import type { UpstreamCallback } from '../../../main/core/connector/connector.js';
import type { CallbackAttribute } from '../../../main/core/domain/callback/callback-model.js';
import type { RemoteBody } from '../../../main/core/domain/remote/remote-body.js';
import type { RemoteType } from '../../../main/core/domain/remote-type.js';
import { createTestPki, FAKE_VEHICLES, TIMING, type TestPki } from '../../fakes/stellantis-server/index.js';
import { startWorld, statusesOf, subscribe, type World } from './world.js';

const [awake, asleep, deep] = FAKE_VEHICLES as [
  (typeof FAKE_VEHICLES)[0],
  (typeof FAKE_VEHICLES)[0],
  (typeof FAKE_VEHICLES)[0],
];

let pki: TestPki;
let w: World;
let agent: Agent;
beforeAll(() => {
  pki = createTestPki();
  agent = new Agent({ connect: { cert: pki.client.cert, key: pki.client.key, ca: pki.ca.cert } });
});
afterAll(async () => {
  await agent.close();
  pki.remove();
});
beforeEach(async () => {
  w = await startWorld({ pki });
});
afterEach(async () => w.close());

async function raw(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, query = '') {
  const res = await request(
    `${w.fake.baseUrl}/fleets/${w.fake.fleetId}${path}?client_id=${w.fake.clientId}${query}`,
    {
      dispatcher: agent,
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${w.fake.user}:${w.fake.password}`).toString('base64')}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    },
  );
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

function twin(
  overrides: Partial<UpstreamCallback> = {},
  attributes: CallbackAttribute[] = [{ type: 'Header', key: 'x-depot-secret', value: 's' }],
): UpstreamCallback {
  return {
    ...subscribe(),
    callback: { webhook: { target: `${w.receiver.url}/webhooks/stellantis/cb`, name: 'cb', attributes } },
    ...overrides,
  };
}

async function send(
  vehicle: (typeof FAKE_VEHICLES)[0],
  cb: string,
  type: RemoteType = 'Horn',
  body?: RemoteBody,
) {
  const { remoteActionId } = await w.connector.sendRemote({
    vehicleId: vehicle.id,
    vin: vehicle.vin,
    callbackId: 'cb',
    upstreamCallbackId: cb,
    type,
    body: body ?? { horn: { state: 'Activated' } },
  });
  return remoteActionId;
}

describe('validation (N6, N3, N11)', () => {
  it.each([
    ['no webhook', { remoteTypes: ['Horn'], callback: {} }, 'callback.webhook is required'],
    [
      'policy Always',
      { ...subscribe(), retryPolicy: { policy: 'Always' } },
      'retryPolicy.policy must be None or Bounded',
    ],
    [
      'batch size 0',
      { ...subscribe(), batchNotify: { size: 0 } },
      'batchNotify.size must be a positive integer',
    ],
    [
      'time window 4',
      { ...subscribe(), batchNotify: { size: 2, timeWindow: 4 } },
      'batchNotify.timeWindow must be an integer >= 5',
    ],
    ['unknown type', { ...subscribe(), remoteTypes: ['State'] }, 'unknown remote type State'],
    ['no types', { ...subscribe(), remoteTypes: undefined }, 'remoteTypes is required'],
    [
      'bad attribute',
      {
        ...subscribe(),
        callback: {
          webhook: {
            target: 'https://x.example',
            name: 'x',
            attributes: [{ type: 'Cookie', key: 'k', value: 'v' }],
          },
        },
      },
      'attributes[0].type is invalid',
    ],
  ])('refuses a callback with %s', async (_name, body, message) => {
    const res = await raw('POST', '/remote/callbacks', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 40030, message: `Invalid callback: ${message}` });
    expect(res.body.uuid).toBeTruthy();
    expect(res.body.timestamp).toBe(w.clock.nowIso());
  });

  it('refuses remotes with no action, two actions, an unknown one, or a type the callback does not take', async () => {
    const cb = await w.connector.registerCallback(twin({ remoteTypes: ['Horn'] }));
    const path = `/vehicles/${awake.id}/callbacks/${cb.upstreamId}/remotes`;
    expect((await raw('POST', path, { label: 'x' })).body.message).toMatch(/exactly one action .* \(got 0\)/);
    expect(
      (await raw('POST', path, { horn: { state: 'Activated' }, lights: { on: true } })).body.message,
    ).toMatch(/\(got 2\)/);
    expect((await raw('POST', path, { ligths: { on: true } })).body.message).toMatch(/unknown field ligths/);
    const other = await raw('POST', path, { lights: { on: true } });
    expect(other).toMatchObject({ status: 400, body: { code: 40021 } });
    expect(
      (await raw('POST', `/vehicles/${awake.id}/callbacks/nope/remotes`, { horn: { state: 'Activated' } }))
        .status,
    ).toBe(404);
    // stellantis-api-notes.md T11: a preconditioning Delete carries only its slot.
    const del = await raw(
      'POST',
      `/vehicles/${awake.id}/callbacks/${(await w.connector.registerCallback(twin())).upstreamId}/remotes`,
      {
        preconditioning: { airConditioning: { programs: [{ slot: 3, actionsType: 'Delete' }] } },
      },
    );
    expect(del.status).toBe(202);
  });

  it('checks paging parameters', async () => {
    expect((await raw('GET', '/vehicles', undefined, '&pageSize=61')).status).toBe(400);
    expect((await raw('GET', '/vehicles', undefined, '&pageToken=%%%')).status).toBe(400);
    expect((await raw('GET', '/remote/callbacks', undefined, '&indexRange=x')).status).toBe(400);
    const page = await raw('GET', '/vehicles', undefined, '&pageSize=2');
    expect(page.body).toMatchObject({ total: 4, totalPage: 2, currentPage: 1 });
    expect(page.body._embedded.vehicles).toHaveLength(2);
  });
});

describe('rate limits (N8)', () => {
  it('puts X-RateLimit headers on every answer, errors included, and answers 429 when the burst runs out', async () => {
    await w.close();
    w = await startWorld({ pki, fake: { rateLimit: { daily: 100, burst: 2 } } });
    const a = await raw('GET', '');
    expect(a.headers).toMatchObject({
      'x-ratelimit-limit-1': '100',
      'x-ratelimit-remaining-1': '99',
      'x-ratelimit-limit-2': '2',
      'x-ratelimit-remaining-2': '1',
    });
    const b = await raw('GET', '/nope');
    expect(b.status).toBe(404);
    expect(b.headers['x-ratelimit-remaining-2']).toBe('0');
    const c = await raw('GET', '');
    expect(c).toMatchObject({ status: 429, body: { code: 42900 } });
    expect(c.headers).toMatchObject({ 'retry-after': '1', 'x-ratelimit-reset': '1' });
    w.clock.advance(1_000);
    expect((await raw('GET', '')).status).toBe(200);
  });
});

describe('callbacks', () => {
  it('GET returns id, subscribe and status; DELETE is refused while a remote is pending', async () => {
    const { upstreamId } = await w.connector.registerCallback(twin());
    const got = await raw('GET', `/remote/callbacks/${upstreamId}`);
    expect(got.body).toMatchObject({ id: upstreamId, status: 'Running', subscribe: twin() });
    await send(asleep, upstreamId);
    expect((await raw('DELETE', `/remote/callbacks/${upstreamId}`)).status).toBe(409);
    await w.run(30_000, 5_000);
    expect((await raw('DELETE', `/remote/callbacks/${upstreamId}`)).status).toBe(204);
    expect((await raw('GET', `/remote/callbacks/${upstreamId}`)).status).toBe(404);
  });

  it('posts nothing while Paused', async () => {
    const { upstreamId } = await w.connector.registerCallback(twin());
    await w.connector.setCallbackStatus(upstreamId, 'Paused');
    const id = await send(awake, upstreamId);
    await w.run(5_000);
    expect(w.receiver.received).toHaveLength(0);
    expect(statusesOf(w.fake.suppressed, id)).toEqual([
      'Pending/Accepted',
      'Pending/SentToVehicle',
      'Done/Success',
    ]);
    await w.connector.setCallbackStatus(upstreamId, 'Running');
    const next = await send(awake, upstreamId);
    await w.run(5_000);
    expect(statusesOf(w.receiver.events(), next)).toHaveLength(3);
  });
});

describe('event sequences (N4, N9)', () => {
  let cb: string;
  beforeEach(async () => {
    cb = (await w.connector.registerCallback(twin())).upstreamId;
  });
  const dated = (id: string) =>
    w.receiver
      .events()
      .filter((e) => e.remoteActionId === id)
      .sort((a, b) => a.eventDate.localeCompare(b.eventDate))
      .map(
        (e) =>
          `${(Date.parse(e.eventDate) - Date.parse('2026-01-05T08:00:00.000Z')) / 1000}s ${e.eventStatus.status}${e.eventStatus.failureCause ? ` ${e.eventStatus.failureCause}` : ''}`,
      );

  it('awake: Accepted → SentToVehicle → Done/Success within seconds', async () => {
    const id = await send(awake, cb);
    await w.run(5_000, 100);
    expect(dated(id)).toEqual(['0.2s Accepted', '1s SentToVehicle', '2s Success']);
  });

  it('asleep: WakingUpVehicle, then SentToVehicle about 25 s later; the vehicle then stays awake', async () => {
    const id = await send(asleep, cb);
    await w.run(30_000, 100);
    expect(dated(id)).toEqual(['0.2s Accepted', '0.4s WakingUpVehicle', '25s SentToVehicle', '26s Success']);
    const again = await send(asleep, cb, 'Lights', { lights: { on: true } });
    await w.run(5_000, 100);
    expect(statusesOf(w.receiver.events(), again)).not.toContain('Pending/WakingUpVehicle');
  });

  it('deep sleep: a timeout about 128 s after acceptance', async () => {
    const id = await send(deep, cb, 'WakeUp', { wakeUp: { action: 'WakeUp' } });
    await w.run(130_000, 1_000);
    expect(dated(id)).toEqual([
      '0.2s Accepted',
      '0.4s WakingUpVehicle',
      '128s Failed VehicleConnectionTimeout',
    ]);
  });

  it('refuses what the vehicle cannot do with MissingRights', async () => {
    const id = await send(deep, cb); // e-remote only: no horn
    await w.run(2_000, 100);
    expect(dated(id)).toEqual(['0.2s Accepted', '0.4s Failed MissingRights']);
  });

  it('fails a second remote of the same type while one is pending with SameActionInProgress', async () => {
    await send(asleep, cb);
    const second = await send(asleep, cb);
    await w.run(2_000, 100);
    expect(dated(second)).toEqual(['0.2s Accepted', '0.4s Failed SameActionInProgress']);
  });

  it('reports an exhausted monthly wake-up quota', async () => {
    w.fake.vehicles[1]!.wakeUpsLeft = 0;
    const id = await send(asleep, cb);
    await w.run(2_000, 100);
    expect(dated(id)).toEqual([
      '0.2s Accepted',
      '0.4s TooManyWakeUpsOverMonth',
      '0.6s Failed TooManyWakeUpsOverMonth',
    ]);
  });

  it('answers AlreadyDone when the doors are already in the requested state, and feedback on a forced lock', async () => {
    const unlock = await send(awake, cb, 'Doors', { door: { state: 'Unlocked' } });
    await w.run(3_000, 100);
    expect(dated(unlock).at(-1)).toBe('2s AlreadyDone');
    const lock = await send(awake, cb, 'Doors', { door: { state: 'Locked', forced: true } });
    await w.run(3_000, 100);
    const done = w.receiver.events().find((e) => e.remoteActionId === lock && e.eventStatus.type === 'Done')!;
    expect(done.eventStatus).toEqual({ type: 'Done', status: 'Success', feedbackDetail: 'CIDBlacklisted' });
  });

  it('sends Navigation without Accepted nor WakingUpVehicle, even to a sleeping vehicle', async () => {
    const id = await send(FAKE_VEHICLES[0]!, cb, 'Navigation', {
      navigation: { positions: [{ type: 'Point', coordinates: [4.8357, 45.764] }] },
    });
    await w.run(3_000, 100);
    expect(dated(id)).toEqual(['1s SentToVehicle', '2s Success']);
  });

  it('follows explicit scripted steps', async () => {
    w.fake.scriptNext(awake.id, {
      steps: [
        { afterMs: 100, type: 'Pending', status: 'CheckingVehicle' },
        { afterMs: 300, type: 'Pending', status: 'VehicleBatteryChargeTooLow' },
        { afterMs: 500, type: 'Done', status: 'Failed', failureCause: 'NotPossibleDueToVehicleBatteryLevel' },
      ],
    });
    const id = await send(awake, cb);
    await w.run(1_000, 100);
    expect(dated(id)).toEqual([
      '0.1s CheckingVehicle',
      '0.3s VehicleBatteryChargeTooLow',
      '0.5s Failed NotPossibleDueToVehicleBatteryLevel',
    ]);
  });
});

describe('delivery (N7)', () => {
  it('substitutes $vin, $callbackID, $remoteType and $fleetID in Header, Body and Query attributes (whole values only)', async () => {
    const { upstreamId } = await w.connector.registerCallback(
      twin({}, [
        { type: 'Header', key: 'X-Vin', value: '$vin' },
        { type: 'Body', key: 'kind', value: '$remoteType' },
        { type: 'Body', key: 'note', value: 'type=$remoteType' },
        { type: 'Query', key: 'cb', value: '$callbackID' },
        { type: 'Query', key: 'fleet', value: '$fleetID' },
      ]),
    );
    await send(awake, upstreamId);
    await w.run(3_000, 3_000);
    const n = w.receiver.received[0]!;
    expect(n.headers['x-vin']).toBe(awake.vin);
    // A variable inside a longer value is not one (the spec: a literal or a whole $variable).
    expect(n.body.attributes).toEqual([
      { key: 'kind', value: 'Horn' },
      { key: 'note', value: 'type=$remoteType' },
    ]);
    expect(n.query.get('cb')).toBe(upstreamId);
    expect(n.query.get('fleet')).toBe(w.fake.fleetId);
  });

  it('retries a Bounded policy retryDelay apart up to retryNumber attempts, then flushes on recovery', async () => {
    const { upstreamId } = await w.connector.registerCallback(
      twin({ retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 60 } }),
    );
    w.receiver.status = 500;
    const id = await send(awake, upstreamId);
    await w.run(3_000, 100);
    await w.run(60_000, 1_000);
    w.receiver.status = 200;
    await w.run(60_000, 1_000);
    const attempts = w.fake.deliveries.filter((d) => d.body.events[0]!.remoteActionId === id);
    // Each of the 3 events: attempt 1 at once (500), attempt 2 after 60 s (500), attempt 3 after 120 s (200).
    expect(attempts.map((d) => `${d.attempt}:${d.result}`).sort()).toEqual([
      '1:500',
      '1:500',
      '1:500',
      '2:500',
      '2:500',
      '2:500',
      '3:200',
      '3:200',
      '3:200',
    ]);
    expect(statusesOf(w.receiver.events(), id)).toEqual([
      'Pending/Accepted',
      'Pending/SentToVehicle',
      'Done/Success',
    ]);
  });

  it('tries once with policy None', async () => {
    const { upstreamId } = await w.connector.registerCallback(twin({ retryPolicy: { policy: 'None' } }));
    w.receiver.status = 500;
    await send(awake, upstreamId);
    await w.run(600_000, 10_000);
    expect(w.fake.deliveries).toHaveLength(3);
  });

  it('batches by size and time window, unless a Query attribute uses $vin', async () => {
    const { upstreamId } = await w.connector.registerCallback(
      twin({ batchNotify: { size: 2, timeWindow: 30 } }),
    );
    const id = await send(awake, upstreamId);
    await w.run(3_000, 100);
    expect(w.receiver.received.map((r) => r.body.events.length)).toEqual([2]);
    await w.run(30_000, 1_000);
    expect(w.receiver.received.map((r) => r.body.events.length)).toEqual([2, 1]);
    expect(statusesOf(w.receiver.events(), id)).toHaveLength(3);

    const vinQuery = await w.connector.registerCallback(
      twin({ batchNotify: { size: 10, timeWindow: 30 } }, [{ type: 'Query', key: 'vin', value: '$vin' }]),
    );
    await send(asleep, vinQuery.upstreamId);
    await w.run(2_000, 100);
    expect(w.receiver.received.slice(2).map((r) => r.body.events.length)).toEqual([1, 1]);
  });

  it('test switches: stop, delay, duplicate and reorder', async () => {
    const { upstreamId } = await w.connector.registerCallback(twin());
    w.fake.notifications.enabled = false;
    await send(awake, upstreamId);
    await w.run(3_000, 100);
    expect(w.receiver.received).toHaveLength(0);

    Object.assign(w.fake.notifications, { enabled: true, delayMs: 60_000 });
    const late = await send(awake, upstreamId, 'Lights', { lights: { on: true } });
    await w.run(3_000, 100);
    expect(w.receiver.received).toHaveLength(0);
    await w.run(60_000, 1_000);
    expect(statusesOf(w.receiver.events(), late)).toHaveLength(3);

    Object.assign(w.fake.notifications, { delayMs: 0, duplicate: true });
    const dup = await send(awake, upstreamId, 'WakeUp', { wakeUp: { action: 'WakeUp' } });
    await w.run(3_000, 100);
    expect(statusesOf(w.receiver.events(), dup)).toHaveLength(6);

    Object.assign(w.fake.notifications, { duplicate: false, reorder: true });
    const reordered = await send(awake, upstreamId, 'Horn');
    await w.run(3_000, 100);
    const arrival = w.receiver
      .events()
      .filter((e) => e.remoteActionId === reordered)
      .map((e) => e.eventStatus.status);
    expect(arrival).toEqual(['Success', 'SentToVehicle', 'Accepted']);
    expect(TIMING.awakeDone).toBe(2_000);
  });
});
