// The real core (API, services, SQLite) on the Stellantis connector against the fake server: a remote sent
// through the local API goes Pending → Done, through notifications (fed to the ingest as the receiver will) or,
// with no public receiver URL, by polling alone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import type { Clock, ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import {
  createStellantisConnector,
  type StellantisConnector,
} from '../../../main/core/connector/stellantis/stellantis-connector.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import {
  createTestPki,
  FAKE_VEHICLES,
  startFakeStellantis,
  startReceiverStandIn,
  type FakeStellantis,
  type ReceiverStandIn,
  type TestPki,
} from '../../fakes/stellantis-server/index.js';

let pki: TestPki;
let fake: FakeStellantis;
let receiver: ReceiverStandIn;
let h: Harness;
let connector: StellantisConnector;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
afterEach(async () => {
  await h.close();
  await fake.close();
  await receiver.close();
});

/** The harness makes its clock; the fake server is started first, so it reads time through this. */
function lateClock(): { clock: Clock; bind(c: ManualClock): void } {
  let target: ManualClock | null = null;
  const c = () => {
    if (!target) throw new Error('clock not bound yet');
    return target;
  };
  return {
    clock: {
      now: () => c().now(),
      nowIso: () => c().nowIso(),
      setTimeout: (fn, ms) => c().setTimeout(fn, ms),
      clearTimeout: (t) => c().clearTimeout(t),
    },
    bind: (m) => (target = m),
  };
}

async function start(receiverUrl: string | null) {
  const late = lateClock();
  fake = await startFakeStellantis({ clock: late.clock, pki });
  receiver = await startReceiverStandIn();
  h = await startHarness({
    receiverBaseUrl: receiverUrl === null ? null : receiver.url,
    connector: (clock) => {
      late.bind(clock);
      connector = createStellantisConnector(
        {
          baseUrl: fake.baseUrl,
          fleetId: fake.fleetId,
          clientId: fake.clientId,
          user: fake.user,
          password: fake.password,
          cert: pki.client.cert,
          key: pki.client.key,
          ca: pki.ca.cert,
          timeoutMs: 5_000,
        },
        { clock, logger: silentLogger },
        { notificationsExpected: () => receiverUrl !== null },
      );
      return connector;
    },
  });
}

async function run(ms: number, step = 1_000) {
  for (let t = 0; t < ms; t += step) {
    h.clock.advance(step);
    await fake.settle();
    await connector.poller.idle();
  }
}

const vehicle = FAKE_VEHICLES[1]!; // asleep: WakingUpVehicle first

describe('the core on --connector stellantis', () => {
  it('syncs the fleet with capabilities from the API', async () => {
    await start(null);
    const list = (await h.call({ method: 'GET', url: '/api/v1/vehicles' })).json();
    expect(list.total).toBe(FAKE_VEHICLES.length);
    const v = (await h.call({ method: 'GET', url: `/api/v1/vehicles/${vehicle.vin}` })).json();
    expect(v).toMatchObject({ id: vehicle.id, vin: vehicle.vin, brand: 'Citroën', energy: 'Hybrid' });
    expect(v.capabilities.Navigation.supported).toBe(false);
  });

  it('with a public receiver: registers the twin, sends, and reaches Done through the notifications', async () => {
    await start('receiver');
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    const twin = fake.callbacks.get(h.core.upstreamIdOf(cb.id)!);
    expect(twin!.subscribe.callback.webhook.target).toBe(`${receiver.url}/webhooks/stellantis/${cb.id}`);
    const secret = await h.core.services.callbacks.openReceiverSecret(cb.id);
    expect(twin!.subscribe.callback.webhook.attributes).toEqual([
      { type: 'Header', key: 'x-depot-secret', value: secret },
    ]);

    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/${vehicle.id}/callbacks/${cb.id}/remotes`,
      payload: { door: { state: 'Locked' } },
    });
    expect(sent.statusCode).toBe(202);
    const id: string = sent.json().remoteActionId;
    const pending = (await h.call({ method: 'GET', url: `/api/v1/remotes/${id}` })).json();
    expect(pending.phase).toBe('Pending');
    // The network knows it by its own id, recorded beside the agent's.
    expect(fake.remotes.has(pending.upstreamRemoteActionId)).toBe(true);
    expect(fake.remotes.has(id)).toBe(false);

    await run(30_000);
    // Standing in for the receiver: what arrived with the right secret goes to the ingest.
    const arrived = receiver.received.filter((n) => n.headers['x-depot-secret'] === secret);
    expect(arrived.length).toBe(4);
    for (const n of arrived) h.core.services.ingest.ingest(n.body.events as RemoteEvent[], 'receiver');
    const done = (await h.call({ method: 'GET', url: `/api/v1/remotes/${id}` })).json();
    expect(done).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(h.completed.map((a) => a.id)).toEqual([id]);
  });

  it('with no public receiver URL: reaches Done by polling alone', async () => {
    await start(null);
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/${vehicle.id}/callbacks/${cb.id}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode).toBe(202);
    const id: string = sent.json().remoteActionId;
    // The only upstream callback is the connector's own, paused: nothing is posted anywhere.
    expect([...fake.callbacks.values()].map((c) => [c.subscribe.label, c.status])).toEqual([
      ['depot-remote-polling', 'Paused'],
    ]);
    await run(120_000);
    expect(receiver.received).toHaveLength(0);
    const done = (await h.call({ method: 'GET', url: `/api/v1/remotes/${id}` })).json();
    expect(done).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(h.completed.map((a) => a.id)).toEqual([id]);
  });
});

describe('the built-in callback ("This workstation") on --connector stellantis', () => {
  it('with a public receiver: is registered at start like any other, and a horn through it reaches Done', async () => {
    await start('receiver');
    const twin = fake.callbacks.get(h.core.upstreamIdOf('workstation')!);
    expect(twin!.subscribe).toMatchObject({
      label: 'This workstation',
      callback: { webhook: { target: `${receiver.url}/webhooks/stellantis/workstation` } },
      remoteTypes: expect.arrayContaining(['Horn', 'Doors', 'Immobilization']),
    });
    expect(twin!.subscribe.remoteTypes).toHaveLength(9);
    const secret = await h.core.services.callbacks.openReceiverSecret('workstation');
    expect(twin!.subscribe.callback.webhook.attributes).toEqual([
      { type: 'Header', key: 'x-depot-secret', value: secret },
    ]);

    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/${vehicle.id}/callbacks/workstation/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const id: string = sent.json().remoteActionId;
    await run(30_000);
    const arrived = receiver.received.filter((n) => n.headers['x-depot-secret'] === secret);
    expect(arrived.length).toBeGreaterThan(0);
    for (const n of arrived) h.core.services.ingest.ingest(n.body.events as RemoteEvent[], 'receiver');
    expect((await h.call({ method: 'GET', url: `/api/v1/remotes/${id}` })).json()).toMatchObject({
      phase: 'Done',
      outcome: 'Success',
      callbackId: 'workstation',
    });
    expect(h.completed.map((a) => a.id)).toEqual([id]);
    // Its notifications stay here: nothing is queued for delivery.
    expect((await h.call({ method: 'GET', url: '/api/v1/deliveries' })).json().total).toBe(0);
  });

  it('with no public receiver URL: a horn through it reaches Done by polling', async () => {
    await start(null);
    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/${vehicle.id}/callbacks/workstation/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const id: string = sent.json().remoteActionId;
    await run(120_000);
    expect((await h.call({ method: 'GET', url: `/api/v1/remotes/${id}` })).json()).toMatchObject({
      phase: 'Done',
      outcome: 'Success',
    });
    expect((await h.call({ method: 'GET', url: '/api/v1/deliveries' })).json().total).toBe(0);
  });
});

describe('remoteActionIds Stellantis gives again', () => {
  const awake = FAKE_VEHICLES[0]!;
  const sendTo = (vid: string, cbid: string, payload: object) =>
    h.call({ method: 'POST', url: `/api/v1/vehicles/${vid}/callbacks/${cbid}/remotes`, payload });
  const read = async (id: string) => (await h.call({ method: 'GET', url: `/api/v1/remotes/${id}` })).json();

  it('an id of a settled action is taken over by the new one, which is followed to Done', async () => {
    await start(null);
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    const first = (await sendTo(vehicle.id, cb.id, { horn: { state: 'Activated' } })).json().remoteActionId;
    await run(120_000);
    const settled = await read(first);
    expect(settled).toMatchObject({ phase: 'Done', outcome: 'Success' });

    fake.reuseNextRemoteId(settled.upstreamRemoteActionId);
    const res = await sendTo(vehicle.id, cb.id, { horn: { state: 'Activated' } });
    expect(res.statusCode).toBe(202);
    const second = res.json().remoteActionId;
    expect(second).not.toBe(first);
    expect((await read(second)).upstreamRemoteActionId).toBe(settled.upstreamRemoteActionId);
    await run(120_000);
    expect(await read(second)).toMatchObject({ phase: 'Done', outcome: 'Success' });
    // The earlier action is as it was.
    expect((await read(first)).events).toEqual(settled.events);
    expect(h.completed.map((a) => a.id)).toEqual([first, second]);
  });

  it('an id of an action still in progress: 502 UPSTREAM_ID_CONFLICT, and no row is left Sending', async () => {
    await start('receiver');
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    const first = (await sendTo(vehicle.id, cb.id, { door: { state: 'Locked' } })).json().remoteActionId;
    const busy = await read(first);
    expect(busy.phase).toBe('Pending');

    fake.reuseNextRemoteId(busy.upstreamRemoteActionId);
    const res = await sendTo(awake.id, cb.id, { door: { state: 'Locked' } });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({
      code: 'UPSTREAM_ID_CONFLICT',
      message: expect.stringContaining(first),
    });
    const actions = (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    expect(actions.map((a: { phase: string }) => a.phase).sort()).toEqual(['Pending', 'Refused']);
    expect(h.core.openActions().map((a) => a.id)).toEqual([first]);
    // The feature is free again on that vehicle: the next send goes out.
    expect((await sendTo(awake.id, cb.id, { door: { state: 'Locked' } })).statusCode).toBe(202);
  });
});
