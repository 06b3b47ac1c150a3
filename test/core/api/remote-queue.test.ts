// The queue per vehicle and feature, end to end through the real API, core and SQLite file, against a network that
// outlives the agent (test/helpers/queue-network.ts) and a manual clock: a command of a busy feature waits its
// turn instead of a 409, in order, cancellable, until its expiry; the commands never queued silently; the network
// down; a restart and a crash mid-send, never sending anything twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import { type Harness, startHarness } from '../../helpers/api-harness.js';
import { flush, queueNetwork, type QueueNetwork } from '../../helpers/queue-network.js';
import { tempDir } from '../../helpers/temp-dir.js';

const VEHICLE = 'veh-e208-01';
const url = (vid = VEHICLE) => `/api/v1/vehicles/${vid}/callbacks/workstation/remotes`;
const HORN = { horn: { state: 'Activated' } };
const REASON = { 'x-depot-reason': 'Vehicle not returned after rental' };

let h: Harness;
let net: QueueNetwork;
const dirs: { remove(): void }[] = [];

async function start(opts: { dataDir?: string } = {}) {
  h = await startHarness({
    connector: (clock) => net.connector(clock),
    ...(opts.dataDir ? { dataDir: opts.dataDir, keepDir: true } : {}),
  });
  await flush();
}
afterEach(async () => {
  await h?.close();
  for (const d of dirs.splice(0)) d.remove();
});

const send = (payload: object, query = '', headers: Record<string, string> = {}) =>
  h.call({ method: 'POST', url: `${url()}${query}`, payload, headers });
const read = async (rid: string): Promise<RemoteActionDto> =>
  (await h.call({ method: 'GET', url: `/api/v1/remotes/${rid}` })).json();
const post = (path: string, headers: Record<string, string> = {}) =>
  h.call({ method: 'POST', url: `/api/v1/remotes/${path}`, headers });
const audit = async (action: string) =>
  (await h.call({ method: 'GET', url: `/api/v1/audit?action=${action}&limit=50` })).json().items;
/** Moves the clock on and lets the queue act on what happened. */
const advance = async (ms: number) => {
  h.clock.advance(ms);
  await flush();
};

describe('a command of a busy feature waits its turn', () => {
  it('a second horn is answered 202 Queued at position 1, then goes when the first settles, and reaches Done', async () => {
    net = queueNetwork();
    await start();
    const first = await send(HORN);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ phase: 'Pending' });
    const second = await send(HORN);
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({
      phase: 'Queued',
      queue: { position: 1, expiresAt: '2026-01-05T08:10:00.000Z' },
    });
    const rid = second.json().remoteActionId;
    expect(await read(rid)).toMatchObject({
      phase: 'Queued',
      queue: { position: 1 },
      explanation: { code: 'phase.Queued' },
    });
    expect(net.received).toHaveLength(1);
    const [queued] = await audit('remote.queue');
    expect(queued).toMatchObject({
      remoteActionId: rid,
      operator: 'machine token',
      detail: { position: 1, behind: first.json().remoteActionId },
    });

    await advance(3_000); // the first one's Done
    expect(net.received).toHaveLength(2);
    expect(await read(rid)).toMatchObject({ phase: 'Pending', upstreamRemoteActionId: 'net-2' });
    expect((await read(rid)).queue).toBeUndefined();
    await advance(3_000);
    expect(await read(rid)).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(net.received).toHaveLength(2);
  });

  it('three queued keep their order, and their positions move as the ones before them leave (change events)', async () => {
    net = queueNetwork();
    await start();
    const changes: ChangeEvent[] = [];
    const off = h.core.changes.subscribe((e) => changes.push(e));
    await send(HORN);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await send(HORN)).json().remoteActionId);
    expect((await Promise.all(ids.map(read))).map((a) => a.queue?.position)).toEqual([1, 2, 3]);

    changes.length = 0;
    await advance(3_000); // the first is Done: the first queued goes, the two others move up
    const moved = changes
      .filter((e) => e.name === 'action.changed')
      .map((e) => (e.data as { action: RemoteActionDto }).action)
      .filter((a) => a.phase === 'Queued')
      .map((a) => [a.remoteActionId, a.queue?.position]);
    expect(moved).toEqual(
      expect.arrayContaining([
        [ids[1], 1],
        [ids[2], 2],
      ]),
    );
    for (let i = 0; i < 3; i += 1) await advance(3_000);
    off();
    const sent = await Promise.all(ids.map(read));
    expect(sent.map((a) => a.phase)).toEqual(['Done', 'Done', 'Done']);
    // In order, once each: the network numbered them as they came.
    expect(sent.map((a) => a.upstreamRemoteActionId)).toEqual(['net-2', 'net-3', 'net-4']);
    expect(net.received).toHaveLength(4);
  });

  it('lanes are per vehicle and feature: another feature, or another vehicle, goes at once', async () => {
    net = queueNetwork();
    await start();
    await send(HORN);
    expect((await send({ lights: { on: true } })).json().phase).toBe('Pending');
    const other = await h.call({ method: 'POST', url: url('veh-c5ax-02'), payload: HORN });
    expect(other.json().phase).toBe('Pending');
  });
});

describe('cancel', () => {
  it('ends a queued command Cancelled, audited, never sent; 409 for anything not queued; the next one moves up', async () => {
    net = queueNetwork();
    await start();
    const first = (await send(HORN)).json().remoteActionId;
    const b = (await send(HORN)).json().remoteActionId;
    const c = (await send(HORN)).json().remoteActionId;
    const cancelled = await post(`${b}/cancel`, { 'x-depot-operator': 'Ana' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      remoteActionId: b,
      phase: 'Cancelled',
      explanation: { code: 'phase.Cancelled' },
      resend: { wakeFirst: false },
    });
    expect(cancelled.json().queue).toBeUndefined();
    expect((await read(c)).queue?.position).toBe(1);
    const [entry] = await audit('remote.cancel');
    expect(entry).toMatchObject({
      remoteActionId: b,
      actor: { kind: 'machine', onBehalfOf: 'Ana' },
    });

    const again = await post(`${b}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ACTION_NOT_QUEUED', errors: [] });
    expect((await post(`${first}/cancel`)).json()).toMatchObject({ code: 'ACTION_NOT_QUEUED' });
    expect((await post('no-such-action/cancel')).statusCode).toBe(404);

    await advance(3_000);
    expect(await read(c)).toMatchObject({ phase: 'Pending' });
    await advance(3_000);
    // The cancelled one never reached the network: the first and c only.
    expect(net.received).toHaveLength(2);
    expect((await read(b)).phase).toBe('Cancelled');
  });
});

describe('expiry', () => {
  it('a queued command whose expiry passes ends Expired, audited, and is never sent', async () => {
    net = queueNetwork();
    net.hold = true;
    await start();
    const first = (await send(HORN)).json().remoteActionId;
    const late = await send(HORN, '?expiresInSeconds=60');
    expect(late.json().queue.expiresAt).toBe('2026-01-05T08:01:00.000Z');
    const rid = late.json().remoteActionId;
    await advance(59_000);
    expect((await read(rid)).phase).toBe('Queued');
    await advance(1_000);
    expect(await read(rid)).toMatchObject({
      phase: 'Expired',
      error: null,
      explanation: { code: 'phase.Expired' },
      resend: { wakeFirst: false },
    });
    const [expired] = await audit('remote.expire');
    expect(expired).toMatchObject({
      remoteActionId: rid,
      operator: 'queue',
      actor: { kind: 'system' },
      detail: { expiresAt: '2026-01-05T08:01:00.000Z' },
    });
    // The first one ends: nothing goes after it.
    await net.finish((await read(first)).upstreamRemoteActionId!);
    await advance(10_000);
    expect(net.received).toHaveLength(1);
    expect((await read(rid)).phase).toBe('Expired');
  });

  it('takes its default from the queueExpiryMinutes setting; a bad expiresInSeconds is refused', async () => {
    net = queueNetwork();
    net.hold = true;
    await start();
    const saved = await h.core.services.settings.load();
    expect(saved.stored).toBeNull();
    await h.core.services.settings.save(
      {
        connector: 'simulator',
        stellantis: {
          baseUrl: '',
          fleetId: '',
          clientId: '',
          user: '',
          certFile: '',
          keyFile: '',
          caFile: '',
        },
        publicReceiverUrl: null,
        receiver: { port: 5781, bind: '127.0.0.1', tls: null },
        notifications: { desktop: true },
        queueExpiryMinutes: 2,
      },
      { operator: 'test', kind: 'machine', id: null, role: 'admin' },
    );
    await send(HORN);
    expect((await send(HORN)).json().queue.expiresAt).toBe('2026-01-05T08:02:00.000Z');
    const bad = await send(HORN, '?expiresInSeconds=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/expiresInSeconds/);
    expect((await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().total).toBe(2);
  });
});

describe('commands never queued silently', () => {
  it('immobilization, stolen and doors Unlocked get 409 while their feature is busy, unless whenBusy=queue', async () => {
    net = queueNetwork();
    net.hold = true;
    await start();
    expect((await send({ immobilization: { activate: true } }, '', REASON)).json().phase).toBe('Pending');
    const refused = await send({ immobilization: { activate: false } }, '', REASON);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ACTION_IN_PROGRESS' });
    expect(refused.json().message).toMatch(/whenBusy=queue/);
    const asked = await send({ immobilization: { activate: false } }, '?whenBusy=queue', REASON);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ phase: 'Queued', queue: { position: 1 } });

    expect((await send({ stolen: { stolen: true } }, '', REASON)).json().phase).toBe('Pending');
    expect((await send({ stolen: { stolen: false } }, '', REASON)).statusCode).toBe(409);

    // Locking queues as any command; unlocking does not, silently.
    expect((await send({ door: { state: 'Locked' } })).json().phase).toBe('Pending');
    expect((await send({ door: { state: 'Locked' } })).json().phase).toBe('Queued');
    expect((await send({ door: { state: 'Unlocked' } })).statusCode).toBe(409);
    expect((await send({ door: { state: 'Unlocked' } }, '?whenBusy=queue')).json()).toMatchObject({
      phase: 'Queued',
      queue: { position: 2 },
    });
  });
});

describe('the network unreachable', () => {
  it('holds the command Queued (NETWORK_UNREACHABLE), tries again with a growing delay, and sends it once when the network is back', async () => {
    net = queueNetwork();
    net.unreachable = true;
    await start();
    const res = await send(HORN);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      phase: 'Queued',
      queue: { position: 1, reason: 'NETWORK_UNREACHABLE' },
    });
    const rid = res.json().remoteActionId;
    expect(await read(rid)).toMatchObject({ explanation: { code: 'queue.NETWORK_UNREACHABLE' } });
    expect(net.calls.send).toBe(1);
    await advance(5_000); // first retry: asks the network first (the failed send may have reached it): still down
    expect(net.calls).toEqual({ send: 1, list: 1 });
    await advance(14_000);
    expect(net.calls.list).toBe(1); // the next try is 15 s later
    // A command that is never queued silently is refused as before.
    const immobilize = await send({ immobilization: { activate: true } }, '', REASON);
    expect(immobilize.statusCode).toBe(503);
    expect(immobilize.json().code).toBe('NETWORK_UNREACHABLE');
    expect((await h.call({ method: 'GET', url: '/api/v1/remotes?phase=Refused' })).json().total).toBe(1);

    net.unreachable = false;
    await advance(1_000);
    expect(net.calls.list).toBe(2);
    expect(net.received).toHaveLength(1);
    expect(await read(rid)).toMatchObject({ phase: 'Pending', upstreamRemoteActionId: 'net-1' });
    await advance(3_000);
    expect(await read(rid)).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(net.receivedOf('Horn')).toHaveLength(1);
    const [requeued] = await audit('remote.queue');
    expect(requeued).toMatchObject({ remoteActionId: rid, detail: { reason: 'NETWORK_UNREACHABLE' } });
  });

  it('the first answer of the network lets every command waiting for it go at once', async () => {
    net = queueNetwork();
    net.unreachable = true;
    await start();
    const waiting = (await send(HORN)).json().remoteActionId;
    net.unreachable = false;
    // Another command reaches the network: the horn does not wait for its next try (5 s).
    expect((await send({ lights: { on: true } })).json().phase).toBe('Pending');
    await flush();
    expect((await read(waiting)).phase).toBe('Pending');
  });

  it('a command that expires while the network is down, after a send cut short, says it may have been sent', async () => {
    net = queueNetwork();
    net.unreachable = true;
    await start();
    const rid = (await send(HORN, '?expiresInSeconds=30')).json().remoteActionId;
    await advance(31_000);
    expect(await read(rid)).toMatchObject({
      phase: 'Expired',
      error: { code: 'SEND_UNCERTAIN' },
      explanation: { code: 'local.SEND_UNCERTAIN' },
    });
    expect(net.received).toHaveLength(0);
  });
});

describe('stops and restarts', () => {
  it('a command queued when the agent stopped goes once after the restart, when the one before it settles', async () => {
    net = queueNetwork();
    net.hold = true;
    const dir = tempDir();
    dirs.push(dir);
    await start({ dataDir: dir.path });
    const first = (await send(HORN)).json().remoteActionId;
    const queued = (await send(HORN)).json().remoteActionId;
    await h.close();

    await start({ dataDir: dir.path });
    expect(await read(queued)).toMatchObject({ phase: 'Queued', queue: { position: 1 } });
    expect(net.received).toHaveLength(1);
    await net.finish((await read(first)).upstreamRemoteActionId!);
    await flush();
    expect(await read(queued)).toMatchObject({ phase: 'Pending', upstreamRemoteActionId: 'net-2' });
    await h.close();

    // And again: nothing is sent a second time.
    await start({ dataDir: dir.path });
    await advance(60_000);
    expect(net.received).toHaveLength(2);
    expect(net.calls.send).toBe(2);
  });

  it('a send cut short by a stop after the network took it: the network is asked at the next start, and it is followed, not sent again', async () => {
    net = queueNetwork();
    const dir = tempDir();
    dirs.push(dir);
    await start({ dataDir: dir.path });
    net.nextSend = 'lost-answer';
    void send(HORN); // the network takes it; its answer never comes back: the agent stops meanwhile
    await flush();
    expect(net.received).toHaveLength(1);
    await h.close();

    await start({ dataDir: dir.path });
    const [action] = (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    expect(net.calls.list).toBe(1);
    expect(action).toMatchObject({ phase: 'Pending', upstreamRemoteActionId: 'net-1', status: 'Accepted' });
    expect(net.calls.send).toBe(1);
    await net.finish('net-1');
    expect(await read(action.remoteActionId)).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(net.received).toHaveLength(1);
    const sends = await audit('remote.send');
    expect(sends[0]).toMatchObject({ detail: { foundUpstream: true, upstreamRemoteActionId: 'net-1' } });
  });

  it('a send cut short before it reached the network: asked at the next start, then sent, once', async () => {
    net = queueNetwork();
    const dir = tempDir();
    dirs.push(dir);
    await start({ dataDir: dir.path });
    net.nextSend = 'never-arrives';
    void send(HORN);
    await flush();
    await h.close();

    await start({ dataDir: dir.path });
    const [action] = (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    expect(net.calls).toEqual({ send: 2, list: 1 });
    expect(action).toMatchObject({ phase: 'Pending', upstreamRemoteActionId: 'net-1' });
    await advance(3_000);
    expect(await read(action.remoteActionId)).toMatchObject({ phase: 'Done' });
    expect(net.received).toHaveLength(1);
  });

  it('an immobilization cut short before it reached the network is not sent later on its own: Cancelled', async () => {
    net = queueNetwork();
    const dir = tempDir();
    dirs.push(dir);
    await start({ dataDir: dir.path });
    net.nextSend = 'never-arrives';
    void send({ immobilization: { activate: true } }, '', REASON);
    await flush();
    await h.close();

    await start({ dataDir: dir.path });
    const [action] = (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    expect(action).toMatchObject({
      phase: 'Cancelled',
      error: { code: 'NOT_SENT_AFTER_STOP' },
      explanation: { code: 'local.NOT_SENT_AFTER_STOP' },
      resend: { wakeFirst: false },
    });
    expect(net.calls).toEqual({ send: 1, list: 1 });
    expect(net.received).toHaveLength(0);
  });

  it('a send cut short while the network is down at the next start waits, asked again before it goes', async () => {
    net = queueNetwork();
    const dir = tempDir();
    dirs.push(dir);
    await start({ dataDir: dir.path });
    net.nextSend = 'lost-answer';
    void send(HORN);
    await flush();
    await h.close();

    net.unreachable = true;
    await start({ dataDir: dir.path });
    const [action] = (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().items;
    expect(action).toMatchObject({ phase: 'Queued', queue: { reason: 'NETWORK_UNREACHABLE' } });
    net.unreachable = false;
    await advance(5_000);
    expect(await read(action.remoteActionId)).toMatchObject({
      phase: 'Pending',
      upstreamRemoteActionId: 'net-1',
    });
    expect(net.calls.send).toBe(1);
  });
});
