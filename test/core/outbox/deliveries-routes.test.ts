// The deliveries routes through Fastify inject, on an app built the way create-api builds the local API: lists
// and filters, a delivery with every attempt, replay of dead letters (one and per callback), the test
// notification, target reachability, and errors as {code, message, errors}.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryHandlers } from '../../../main/core/operations/deliveries.js';
import { mountOperations } from '../../helpers/operation-subset.js';
import { startSink, startWorld, subscribe, VINS, type Sink, type World } from './outbox-world.js';

let w: World;
let sink: Sink;
let app: FastifyInstance;
afterEach(async () => {
  await app?.close();
  await w?.close();
  await sink?.close();
});

const S = 1000;

async function setup() {
  sink = await startSink();
  w = await startWorld();
  w.addCallback('cb-1', subscribe(sink.url('/one'), { retryPolicy: { policy: 'None' } }));
  w.addCallback(
    'cb-2',
    subscribe(sink.url('/two'), { retryPolicy: { policy: 'Bounded', retryNumber: 2, retryDelay: 10 } }),
  );
  w.addAction('ra-1', 'cb-1', VINS[0]);
  w.addAction('ra-2', 'cb-2', VINS[1]);
  app = await mountOperations(deliveryHandlers(w.access, w.outbox.service));
}

const get = async (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}` });
const post = async (url: string) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { 'x-depot-operator': 'tech-anna' } });

describe('GET /deliveries', () => {
  it('lists newest first, filtered by callback, state, vehicle and time, paged', async () => {
    await setup();
    sink.reply((r) => (r.path === '/one' ? { status: 500 } : { status: 200 }));
    w.notify('ra-1', 'Accepted'); // cb-1: fails (None)
    await w.advance(60 * S);
    w.notify('ra-2', 'Accepted'); // cb-2: delivered
    await w.advance(60 * S);
    w.notify('ra-2', 'SentToVehicle'); // cb-2: delivered
    await w.outbox.idle();

    const all = (await get('/deliveries')).json();
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.items.map((d: { createdAt: string }) => d.createdAt)).toEqual([
      '2026-01-05T08:02:00.000Z',
      '2026-01-05T08:01:00.000Z',
      '2026-01-05T08:00:00.000Z',
    ]);
    const ids = (url: string) =>
      get(url).then((r) =>
        r.json().items.map((d: { callbackId: string; state: string }) => `${d.callbackId}:${d.state}`),
      );
    expect(await ids('/deliveries?callback=cb-2')).toEqual(['cb-2:Delivered', 'cb-2:Delivered']);
    expect(await ids('/deliveries?state=Failed')).toEqual(['cb-1:Failed']);
    expect(await ids(`/deliveries?vehicle=${VINS[0]}`)).toEqual(['cb-1:Failed']);
    expect(await ids('/deliveries?vehicle=veh-2')).toEqual(['cb-2:Delivered', 'cb-2:Delivered']);
    expect(await ids('/deliveries?since=2026-01-05T08:01:00Z&until=2026-01-05T08:02:00Z')).toEqual([
      'cb-2:Delivered',
    ]);
    expect(await ids('/deliveries?since=2026-01-05T09:01:00%2B01:00')).toEqual([
      'cb-2:Delivered',
      'cb-2:Delivered',
    ]);
    const page = (await get('/deliveries?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items[0].createdAt).toBe('2026-01-05T08:01:00.000Z');
  });

  it("says which event statuses each delivery carries, so one command's notifications differ", async () => {
    await setup();
    w.notify('ra-2', 'Accepted');
    await w.advance(60 * S);
    w.notify('ra-2', 'SentToVehicle');
    await w.advance(60 * S);
    w.notify('ra-2', 'Success', 'Done');
    await w.outbox.idle();
    const { items } = (await get('/deliveries?callback=cb-2')).json();
    expect(items.map((d: { statuses: string[] }) => d.statuses)).toEqual([
      ['Success'],
      ['SentToVehicle'],
      ['Accepted'],
    ]);
    expect((await get(`/deliveries/${items[2].id}`)).json().statuses).toEqual(['Accepted']);
  });

  it('refuses a bad filter with the API error shape', async () => {
    await setup();
    const bad = await get('/deliveries?state=Lost&since=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['query.since', 'query.state']);
  });
});

describe('GET /deliveries/{id}', () => {
  it('shows the events and every attempt: time, status code, latency, error', async () => {
    await setup();
    let n = 0;
    sink.reply(() => (++n === 1 ? { status: 502, body: 'upstream down' } : { status: 200 }));
    w.notify('ra-2', 'Accepted');
    await w.advance(10 * S);
    const id = w.repos.deliveries.list({ limit: 1, offset: 0 })[0]!.id;
    const res = await get(`/deliveries/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      webhookId: id,
      callbackId: 'cb-2',
      state: 'Delivered',
      attempts: 2,
      events: [
        { remoteActionId: 'ra-2', vin: VINS[1], eventStatus: { type: 'Pending', status: 'Accepted' } },
      ],
      attemptLog: [
        {
          at: '2026-01-05T08:00:00.000Z',
          httpStatus: 502,
          latencyMs: expect.any(Number),
          error: 'HTTP 502: upstream down',
          counted: true,
        },
        {
          at: '2026-01-05T08:00:10.000Z',
          httpStatus: 200,
          latencyMs: expect.any(Number),
          error: null,
          counted: true,
        },
      ],
    });
  });

  it('answers 404 for an unknown delivery', async () => {
    await setup();
    const res = await get('/deliveries/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      code: 'DELIVERY_NOT_FOUND',
      message: 'No delivery with id nope.',
      params: { id: 'nope' },
      errors: [],
    });
  });
});

describe('replaying dead letters', () => {
  it('POST /deliveries/{id}/retry sends a dead letter again, same webhook-id, keeping the attempt log', async () => {
    await setup();
    sink.reply(() => ({ status: 500 }));
    w.notify('ra-1');
    await w.outbox.idle();
    const id = w.repos.deliveries.list({ limit: 1, offset: 0 })[0]!.id;
    expect(w.repos.deliveries.get(id)?.state).toBe('Failed');

    sink.reply(() => ({ status: 200 }));
    const res = await post(`/deliveries/${id}/retry`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ id, state: 'Queued', attempts: 0 });
    await w.outbox.idle();
    const detail = (await get(`/deliveries/${id}`)).json();
    expect(detail).toMatchObject({ state: 'Delivered', attempts: 1 });
    expect(detail.attemptLog.map((a: { httpStatus: number }) => a.httpStatus)).toEqual([500, 200]);
    expect(sink.received.map((r) => r.headers['webhook-id'])).toEqual([id, id]);
    expect(w.repos.audit.list({ limit: 5 })[0]).toMatchObject({
      action: 'delivery.retry',
      operator: 'tech-anna',
      callbackId: 'cb-1',
    });

    const again = await post(`/deliveries/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DELIVERY_DELIVERED');
    expect((await post('/deliveries/nope/retry')).statusCode).toBe(404);
  });

  it('POST /callbacks/{cbid}/deliveries/retry replays every dead letter of the callback', async () => {
    await setup();
    sink.reply(() => ({ status: 500 }));
    w.notify('ra-1', 'Accepted');
    w.notify('ra-1', 'SentToVehicle');
    w.notify('ra-2', 'Accepted');
    await w.advance(60 * S);
    expect(w.repos.deliveries.counts()).toMatchObject({ Failed: 3 });

    sink.reply(() => ({ status: 200 }));
    const res = await post('/callbacks/cb-1/deliveries/retry');
    expect(res.statusCode).toBe(202);
    expect(res.json().requeued).toHaveLength(2);
    await w.outbox.idle();
    expect((await get('/deliveries?callback=cb-1&state=Delivered')).json().total).toBe(2);
    expect((await get('/deliveries?callback=cb-2&state=Failed')).json().total).toBe(1);
    expect((await post('/callbacks/nope/deliveries/retry')).statusCode).toBe(404);
  });
});

describe('POST /callbacks/{cbid}/test-notification', () => {
  it('answers 202 with the delivery id, and the test notification arrives', async () => {
    await setup();
    const res = await post('/callbacks/cb-2/test-notification');
    expect(res.statusCode).toBe(202);
    const { deliveryId, delivery } = res.json();
    expect(delivery).toMatchObject({ id: deliveryId, kind: 'test', state: 'Queued', statuses: [] });
    await w.outbox.idle();
    expect(sink.received[0]!.headers['webhook-id']).toBe(deliveryId);
    expect(sink.received[0]!.headers['x-depot-test']).toBe('true');
    expect((await get(`/deliveries/${deliveryId}`)).json().state).toBe('Delivered');
    expect((await post('/callbacks/nope/test-notification')).statusCode).toBe(404);
  });
});

describe('GET /deliveries/targets', () => {
  it('shows each target online or offline, with queued counts per callback', async () => {
    await setup();
    w.addCallback('cb-3', subscribe('http://127.0.0.1:9/closed', { retryPolicy: { policy: 'None' } }));
    w.addAction('ra-3', 'cb-3', VINS[2]);
    w.notify('ra-2');
    w.notify('ra-3', 'Accepted');
    w.notify('ra-3', 'SentToVehicle');
    await w.outbox.idle();
    const res = await get('/deliveries/targets');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const byOrigin = (origin: string) => body.items.find((t: { origin: string }) => t.origin === origin);
    expect(body.items).toHaveLength(2);
    expect(byOrigin('http://127.0.0.1:9')).toMatchObject({
      state: 'offline',
      insecure: true,
      queued: 2,
      nextProbeAt: '2026-01-05T08:00:01.000Z',
      lastError: expect.stringMatching(/ECONNREFUSED/),
      // The target row says the error and the next probe: the callback's row says only since when.
      callbacks: [
        {
          callbackId: 'cb-3',
          queued: 2,
          heldReason: { code: 'TARGET_UNREACHABLE', params: { since: '2026-01-05T08:00:00.000Z' } },
        },
      ],
    });
    expect(byOrigin(sink.origin)).toMatchObject({
      state: 'online',
      queued: 0,
      callbacks: [
        { callbackId: 'cb-1', status: 'Running', queued: 0, heldReason: null },
        { callbackId: 'cb-2', queued: 0 },
      ],
    });
    expect(body.counts).toEqual({
      Queued: 2,
      InFlight: 0,
      Delivered: 1,
      Failed: 0,
      Dead: 0,
      waitingForBatch: 0,
    });
  });
});
