// The core's handling of what happens around the network: duplicated and shuffled events, refusals,
// a crash in the middle of a send, and actions that never hear back.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';
import { tempDir } from '../../helpers/temp-dir.js';

let h: Harness;
let net: ScriptedConnector;
let cbid: string;

async function start(dataDir?: string) {
  net = scriptedConnector();
  h = await startHarness({ connector: () => net, ...(dataDir ? { dataDir, keepDir: true } : {}) });
  if (!dataDir || !cbid) {
    cbid = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json().id;
  }
}
afterEach(async () => {
  await h?.close();
  cbid = '';
});

const send = (body: object = { door: { state: 'Locked' } }) =>
  h.call({ method: 'POST', url: `/api/v1/vehicles/veh-e208-01/callbacks/${cbid}/remotes`, payload: body });
const read = async (rid: string) => (await h.call({ method: 'GET', url: `/api/v1/remotes/${rid}` })).json();

const ev = (
  status: string,
  at: string,
  type: 'Pending' | 'Done' = 'Pending',
  failureCause?: string,
): RemoteEvent => ({
  remoteActionId: 'rid-1',
  vin: 'VR3UHZKXZMT000001',
  eventDate: at,
  remoteType: 'Doors',
  eventStatus:
    type === 'Pending'
      ? { type, status }
      : { type, status: status as 'Success' | 'Failed', ...(failureCause ? { failureCause } : {}) },
});

describe('events from the network', () => {
  it('dedupes, orders by eventDate, and the first Done is terminal', async () => {
    await start();
    // The action has its own id; the network's (which its events name) is beside it, and finds it too.
    const { remoteActionId } = (await send()).json();
    expect(remoteActionId).not.toBe('rid-1');
    expect(await read(remoteActionId)).toMatchObject({ remoteActionId, upstreamRemoteActionId: 'rid-1' });
    const sent = ev('SentToVehicle', '2026-01-05T08:00:02Z');
    const accepted = ev('Accepted', '2026-01-05T08:00:01Z');
    await net.emit([sent, accepted, sent]); // shuffled, with a duplicate in the same batch
    await net.emit([accepted]); // and again later
    let a = await read('rid-1');
    expect(a.status).toBe('SentToVehicle');
    expect(a.events.map((e: { status: string }) => e.status)).toEqual(['Accepted', 'SentToVehicle']);

    await net.emit([ev('Failed', '2026-01-05T08:00:05Z', 'Done', 'CidInside')]);
    await net.emit([
      ev('Success', '2026-01-05T08:00:06Z', 'Done'),
      ev('WakingUpVehicle', '2026-01-05T08:00:07Z'),
    ]);
    a = await read('rid-1');
    expect(a).toMatchObject({
      phase: 'Done',
      outcome: 'Failed',
      failureCause: 'CidInside',
      status: 'Failed',
    });
    expect(a.explanation).toMatchObject({ code: 'cause.CidInside', retryable: true });
    // Late events are kept in the history for support, marked as not applied.
    expect(a.events.map((e: { status: string; applied: boolean }) => `${e.status}:${e.applied}`)).toEqual([
      'Accepted:true',
      'SentToVehicle:true',
      'Failed:true',
      'Success:false',
      'WakingUpVehicle:false',
    ]);
    expect(h.completed).toHaveLength(1);
  });

  it('ignores events for an action this agent never sent', async () => {
    await start();
    const r = h.core.services.ingest.ingest(
      [{ ...ev('Accepted', '2026-01-05T08:00:01Z'), remoteActionId: 'other' }],
      'receiver',
    );
    expect(r).toMatchObject({ stored: 0, duplicates: 0, unknown: [{ remoteActionId: 'other' }] });
  });
});

describe('refusals by the network', () => {
  it('a refused send is answered 502 with the code and reference, and kept as Refused', async () => {
    await start();
    net.next = {
      error: new ConnectorError('refused', 'Vehicle not in fleet', { code: '40499', reference: '494f-a1' }),
    };
    const res = await send();
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('NETWORK_REFUSED');
    expect(res.json().message).toMatch(/494f-a1/);
    const list = (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ phase: 'Refused', error: { code: '40499', reference: '494f-a1' } });
    const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=remote.send' })).json();
    expect(audit.items[0].detail.refused).toEqual({ kind: 'refused', code: '40499' });
  });

  // This connector cannot list a vehicle's remotes, so a send cut short could not be checked before going again:
  // it is refused as before instead of waiting in the queue (which test/core/api/remote-queue.test.ts covers).
  it('an unreachable network is 503 (a connector that cannot be asked) and a rate limit 429 with the wait', async () => {
    await start();
    net.next = { error: new ConnectorError('unreachable', 'connect ECONNREFUSED') };
    expect((await send()).statusCode).toBe(503);
    net.next = { error: new ConnectorError('rate-limited', 'Too many requests', { retryAfterSeconds: 30 }) };
    const limited = await send({ horn: { state: 'Activated' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/30 s/);
  });
});

describe('crashes and silence', () => {
  it('a send interrupted by a stop is flagged at the next start, never silently lost (a connector that cannot be asked)', async () => {
    const dir = tempDir();
    await start(dir.path);
    net.next = 'hang';
    void send(); // the network never answers; the agent stops meanwhile
    await new Promise((r) => setTimeout(r, 50));
    await h.close();
    await start(dir.path);
    const list = (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ phase: 'Refused', error: { code: 'SEND_INTERRUPTED' } });
    expect(list.items[0].error).toEqual({ code: 'SEND_INTERRUPTED', params: { hasDetail: 'no' } });
    const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=remote.send' })).json();
    expect(audit.items[0].detail.interrupted).toBe(true);
    await h.close();
    dir.remove();
  });

  it('an accepted action with no outcome becomes TimedOut after 15 minutes; a late Done still completes it', async () => {
    await start();
    await send();
    h.clock.advance(14 * 60_000);
    expect((await read('rid-1')).phase).toBe('Pending');
    h.clock.advance(90_000);
    const timedOut = await read('rid-1');
    expect(timedOut.phase).toBe('TimedOut');
    expect(timedOut.explanation).toMatchObject({ code: 'phase.TimedOut', retryable: false });
    await net.emit([ev('Success', '2026-01-05T08:20:00Z', 'Done')]);
    expect(await read('rid-1')).toMatchObject({ phase: 'Done', outcome: 'Success' });
  });
});

describe('learning what a vehicle cannot do', () => {
  it('a MissingRights answer marks the feature unavailable, with the reason, and later sends are refused', async () => {
    await start();
    await send({ horn: { state: 'Activated' } });
    await net.emit([
      { ...ev('Failed', '2026-01-05T08:00:05Z', 'Done', 'MissingRights'), remoteType: 'Horn' },
    ]);
    const v = (await h.call({ method: 'GET', url: '/api/v1/vehicles/veh-e208-01' })).json();
    expect(v.capabilities.Horn).toEqual({
      supported: false,
      reason: 'network-refused',
      params: { failureCause: 'MissingRights', at: expect.any(String) },
    });
    expect(v.status).not.toBeUndefined();
    const again = await send({ horn: { state: 'Activated' } });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({
      code: 'FEATURE_NOT_SUPPORTED',
      message: expect.stringMatching(/MissingRights/),
    });
  });
});
