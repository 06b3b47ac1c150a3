// A 410 Gone from a callback's webhook pauses the callback through the callbacks service, the one writer of a
// callback's status: audited as the outbox's act, and the upstream twin is told at once, so the network stops
// sending what would only be held. The whole core is real (create-core wires the port), the webhook a real
// HTTP server on 127.0.0.1, the network a scripted connector that keeps the twins.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';
import { startSink, type Sink } from '../outbox/outbox-world.js';

let h: Harness | undefined;
let sink: Sink | undefined;
let net: ScriptedConnector;
afterEach(async () => {
  await h?.close();
  await sink?.close();
  h = undefined;
  sink = undefined;
});

const pending = (rid: string, status: string, second: number): RemoteEvent => ({
  remoteActionId: rid,
  vin: 'VR3UHZKXZMT000001',
  eventDate: `2026-01-05T08:00:0${second}Z`,
  remoteType: 'Doors',
  eventStatus: { type: 'Pending', status },
});

/** A callback whose webhook answers 410, registered upstream, with one remote sent through it. */
async function setup(): Promise<{ h: Harness; callbackId: string }> {
  sink = await startSink(() => ({ status: 410 }));
  net = scriptedConnector();
  h = await startHarness({ connector: () => net, receiverBaseUrl: 'https://depot.example/recv/' });
  const body = callbackBody({ callback: { webhook: { target: sink.url(), name: 'fms' } } });
  const created = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: body });
  expect(created.statusCode).toBe(201);
  const callbackId: string = created.json().id;
  const sent = await h.call({
    method: 'POST',
    url: `/api/v1/vehicles/veh-e208-01/callbacks/${callbackId}/remotes`,
    payload: { door: { state: 'Locked' } },
  });
  expect(sent.statusCode).toBe(202);
  expect(twinOf(callbackId).status).toBe('Running');
  return { h, callbackId };
}

/** The callback's twin on the network (the built-in callback registered its own at start). */
const twinOf = (callbackId: string) => net.upstream.get(h!.core.upstreamIdOf(callbackId)!)!;

const statusOf = async (id: string) =>
  (await h!.call({ method: 'GET', url: `/api/v1/callbacks/${id}` })).json().status;
const pauses = async () =>
  (await h!.call({ method: 'GET', url: '/api/v1/audit?action=callback.pause' })).json().items;

describe('410 Gone', () => {
  it('pauses the callback through the callbacks service, which tells the upstream twin', async () => {
    const { h, callbackId } = await setup();
    // Two notifications: both calls are in the air when the first 410 comes; the callback is paused once.
    await net.emit([pending('rid-1', 'Accepted', 1), pending('rid-1', 'SentToVehicle', 2)]);
    await h.core.outbox.idle();

    expect(sink!.received).toHaveLength(2);
    expect(twinOf(callbackId).status).toBe('Paused');
    expect(await statusOf(callbackId)).toBe('Paused');
    const [entry, ...more] = await pauses();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      operator: 'outbox',
      callbackId,
      detail: { target: sink!.url(), httpStatus: 410 },
    });
    expect(entry.reason).toMatch(/answered 410 Gone/);
    const deliveries = h.core.services.deliveries.list({ limit: 10, offset: 0 }).items;
    expect(deliveries).toHaveLength(2);
    for (const d of deliveries) {
      expect(d).toMatchObject({ state: 'Queued', attempts: 0, lastStatus: 410 });
      expect(d.heldReason).toEqual({ code: 'TARGET_GONE', params: { target: sink!.url() } });
    }
    expect(deliveries.map((d) => d.id)).toContain(entry.detail.deliveryId);
  });

  it('pauses locally even when the network cannot be told; the next start tells the twin', async () => {
    const { h, callbackId } = await setup();
    net.failUpstream = new ConnectorError('unreachable', 'The network did not answer');
    await net.emit([pending('rid-1', 'Accepted', 1)]);
    await h.core.outbox.idle();

    expect(await statusOf(callbackId)).toBe('Paused');
    expect(await pauses()).toHaveLength(1);
    expect(twinOf(callbackId).status).toBe('Running');
    // This callback and the built-in one ("This workstation").
    expect(await h.core.services.callbacks.syncUpstream()).toEqual({ synced: 2, failed: [] });
    expect(twinOf(callbackId).status).toBe('Paused');
  });
});
