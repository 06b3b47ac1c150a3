// Every action keeps the id the agent gave it; the network's remoteActionId is recorded beside it. Whatever the
// network answers (an id it gave before, an id still in use, no id at all), the send ends in a state with a
// code, never a 500 with the row stuck in Sending.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../main/core/create-core.js';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';

let h: Harness | undefined;
let net: ScriptedConnector;
let cbid: string;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start() {
  net = scriptedConnector();
  h = await startHarness({ connector: () => net });
  cbid = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json().id;
  return h;
}

const send = (body: object = { door: { state: 'Locked' } }, vehicle = 'veh-e208-01') =>
  h!.call({ method: 'POST', url: `/api/v1/vehicles/${vehicle}/callbacks/${cbid}/remotes`, payload: body });
const read = async (rid: string) => (await h!.call({ method: 'GET', url: `/api/v1/remotes/${rid}` })).json();
const audit = async (action: string) =>
  (await h!.call({ method: 'GET', url: `/api/v1/audit?action=${action}` })).json().items;

const event = (
  rid: string,
  eventDate: string,
  status: string,
  type: 'Pending' | 'Done' = 'Pending',
): RemoteEvent => ({
  remoteActionId: rid,
  vin: 'VR3UHZKXZMT000001',
  eventDate,
  remoteType: 'Doors',
  eventStatus: type === 'Pending' ? { type, status } : { type, status: status as 'Success' },
});

describe("the agent's own id", () => {
  it('is given and stored before the network is called', async () => {
    await start();
    net.next = 'hang';
    void send();
    await new Promise((r) => setTimeout(r, 20));
    // Stored before anything left: already under the id it keeps.
    const [sending] = h!.core.openActions();
    expect(sending).toMatchObject({ phase: 'Sending' });
    expect(sending!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sending).not.toHaveProperty('upstreamId');
  });

  it('answers the API and names the history; the network id, recorded beside it, finds it too', async () => {
    await start();
    const sent = await send();
    expect(sent.statusCode).toBe(202);
    const { remoteActionId } = sent.json();
    expect(remoteActionId).toMatch(/^[0-9a-f-]{36}$/);
    await net.emit([event('rid-1', '2026-01-05T08:00:01Z', 'Accepted')]);
    const a = await read(remoteActionId);
    expect(a).toMatchObject({ remoteActionId, upstreamRemoteActionId: 'rid-1', status: 'Accepted' });
    expect(a.events).toHaveLength(1);
    // The network's id finds the same action (support quotes it).
    expect((await read('rid-1')).remoteActionId).toBe(remoteActionId);
    const [entry] = await audit('remote.send');
    expect(entry).toMatchObject({ remoteActionId, detail: { upstreamRemoteActionId: 'rid-1' } });
  });
});

describe('an id the network gives again', () => {
  it('of a settled action: the new action takes it over, the earlier one keeps its history', async () => {
    await start();
    const first = (await send()).json().remoteActionId;
    await net.emit([
      event('rid-1', '2026-01-05T08:00:01Z', 'Accepted'),
      event('rid-1', '2026-01-05T08:00:09Z', 'Success', 'Done'),
    ]);
    net.next = { id: 'rid-1' };
    const res = await send({ door: { state: 'Unlocked' } });
    expect(res.statusCode).toBe(202);
    const second = res.json().remoteActionId;
    expect(second).not.toBe(first);
    expect(await read(second)).toMatchObject({ phase: 'Pending', upstreamRemoteActionId: 'rid-1' });

    // The network retrying the first action's Done does not end the second one.
    await net.emit([event('rid-1', '2026-01-05T08:00:09Z', 'Success', 'Done')]);
    expect((await read(second)).phase).toBe('Pending');
    // News about the remote just accepted reaches the second one only.
    await net.emit([
      event('rid-1', '2026-01-05T09:00:01Z', 'Accepted'),
      event('rid-1', '2026-01-05T09:00:05Z', 'Success', 'Done'),
    ]);
    const done = await read(second);
    expect(done).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(done.events.map((e: { eventDate: string }) => e.eventDate)).toEqual([
      '2026-01-05T09:00:01.000Z',
      '2026-01-05T09:00:05.000Z',
    ]);
    const earlier = await read(first);
    expect(earlier).toMatchObject({ phase: 'Done', upstreamRemoteActionId: 'rid-1' });
    expect(earlier.events).toHaveLength(2);
    expect(await read('rid-1')).toMatchObject({ remoteActionId: second });
    const [moved] = await audit('remote.upstream-id-reassigned');
    expect(moved).toMatchObject({
      remoteActionId: second,
      detail: { upstreamRemoteActionId: 'rid-1', from: first },
    });
  });

  it('of an action still in progress: 502 UPSTREAM_ID_CONFLICT, the newcomer ends Refused, nothing is blocked', async () => {
    await start();
    const first = (await send()).json().remoteActionId;
    await net.emit([event('rid-1', '2026-01-05T08:00:01Z', 'Accepted')]);
    net.next = { id: 'rid-1' };
    const res = await send({ horn: { state: 'Activated' } });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({
      code: 'UPSTREAM_ID_CONFLICT',
      message: expect.stringContaining(first),
      errors: [{ field: 'remoteActionId', message: expect.stringMatching(/^Recorded as /) }],
    });
    const list = (await h!.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    const newcomer = list.find((a: { remoteActionId: string }) => a.remoteActionId !== first);
    expect(newcomer).toMatchObject({
      type: 'Horn',
      phase: 'Refused',
      upstreamRemoteActionId: 'rid-1',
      error: {
        code: 'UPSTREAM_ID_CONFLICT',
        params: { type: 'Horn', upstreamId: 'rid-1', holder: first, holderType: 'Doors' },
      },
    });
    expect(newcomer.error).not.toHaveProperty('message');
    expect(h!.core.openActions().map((a) => a.id)).toEqual([first]);
    const [entry] = await audit('remote.send');
    expect(entry.detail).toMatchObject({ heldBy: first, refused: { code: 'UPSTREAM_ID_CONFLICT' } });

    // The earlier action keeps hearing about its id…
    await net.emit([event('rid-1', '2026-01-05T08:00:05Z', 'Success', 'Done')]);
    expect(await read(first)).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect((await read(newcomer.remoteActionId)).events).toEqual([]);
    // …and the feature is not held by a stranded row.
    expect((await send({ horn: { state: 'Activated' } })).statusCode).toBe(202);
  });
});

describe('every send ends in a state', () => {
  it('an answer without an id: 502 UPSTREAM_ID_MISSING, Refused', async () => {
    await start();
    net.next = { id: '  ' };
    const res = await send();
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('UPSTREAM_ID_MISSING');
    const [a] = (await h!.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    expect(a).toMatchObject({
      phase: 'Refused',
      error: { code: 'UPSTREAM_ID_MISSING', params: { type: 'Doors', connector: expect.any(String) } },
    });
    expect(a).not.toHaveProperty('upstreamRemoteActionId');
  });

  it('a store that fails while recording the answer: Refused SEND_NOT_RECORDED, not Sending', async () => {
    await start();
    // A real SQLite failure, from another connection: recording the network id aborts.
    const other = new Database(databaseFile(h!.dataDir));
    other.exec(`CREATE TRIGGER fail_upstream BEFORE UPDATE OF upstream_id ON remote_actions
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`);
    other.close();
    const res = await send();
    expect(res.statusCode).toBe(500);
    const [a] = (await h!.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    expect(a).toMatchObject({ phase: 'Refused', error: { code: 'SEND_NOT_RECORDED' } });
    // A code with its values, worded by the clients; no English sentence is recorded.
    expect(a.error).toEqual({
      code: 'SEND_NOT_RECORDED',
      params: { type: 'Doors', upstreamId: 'rid-1', detail: expect.stringMatching(/disk on fire/) },
    });
  });
});
