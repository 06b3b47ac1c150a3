// stellantis-api-notes.md N12.7: 200 only once every event of the request is committed, 500 when it could not
// be stored, and then nothing of that request is stored. Requests arriving together share one commit (group
// commit), and one request that cannot be stored does not fail the others of its group.
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabaseOptions, type SyncFile } from '../../../main/core/db/index.js';
import {
  type Answer,
  fleetEvent,
  fleetPayload,
  type ReceiverHarness,
  startReceiverHarness,
} from './receiver-harness.js';

let h: ReceiverHarness;
let agent: Agent | undefined;
afterEach(async () => {
  await h?.close();
  await agent?.close();
  agent = undefined;
});

const pending = (status: string) => ({ type: 'Pending', status });
const at = (s: number) => new Date(Date.UTC(2026, 0, 5, 8, 0, 0) + s * 1000).toISOString();

describe('storage failures', () => {
  it('answers 500 in the webhook error shape and stores nothing of the request; a retry then succeeds', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    h.db.raw.exec(`CREATE TRIGGER fail_events BEFORE INSERT ON action_events
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    // A known event (would update the action) and an unknown one (would be quarantined), in one request.
    const body = fleetPayload(
      fleetEvent(rid, at(1), pending('Accepted')),
      fleetEvent('rid-9', at(2), pending('Accepted')),
    );
    const rows = h.rowCounts();
    const publishedBefore = h.published.length;

    const res = await h.post(body);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 50001, debug: 'STORE_FAILED', message: expect.stringMatching(/retry/) });
    expect(h.rowCounts()).toEqual(rows);
    expect(h.action(rid)).toMatchObject({ phase: 'Pending', status: null, events: [] });
    expect(h.published.length).toBe(publishedBefore);
    expect(h.logs.some((l) => l.level === 'error' && /could not store/.test(l.message))).toBe(true);
    expect(h.inbox.stats().failedRequests).toBe(1);

    // The network retries once the store works again.
    h.db.raw.exec('DROP TRIGGER fail_events');
    const retry = await h.post(body);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ stored: 1, reason: 'UNKNOWN_ACTION' });
    expect(h.action(rid).status).toBe('Accepted');
  });

  it('a quarantine that cannot be written is a 500 too (never answered 200 unstored)', async () => {
    h = await startReceiverHarness();
    h.db.raw.exec(`CREATE TRIGGER fail_quarantine BEFORE INSERT ON quarantine
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const rows = h.rowCounts();
    expect((await h.post('not json')).status).toBe(500);
    expect(h.rowCounts()).toEqual(rows);
  });
});

describe('answered only once on the disk (the WAL synced off the event loop, decision 28)', () => {
  /** The core's store with its WAL syncs held until the test finishes them. */
  function heldSyncs() {
    const calls: ((error?: Error) => void)[] = [];
    const syncFile: SyncFile = () =>
      new Promise((resolve, reject) => calls.push((error) => (error ? reject(error) : resolve())));
    const openDb = (file: string, options: OpenDatabaseOptions) =>
      openDatabase(file, { ...options, syncFile });
    return { calls, openDb };
  }
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(check()).toBe(true);
  };

  it('a committed group waits for its sync before its 200; the loop stores the next group meanwhile', async () => {
    const held = heldSyncs();
    h = await startReceiverHarness({ openDb: held.openDb });
    const { remoteActionId: rid } = await h.sendRemote();
    let answered: Answer | null = null;
    void h.post(fleetPayload(fleetEvent(rid, at(1), pending('Accepted')))).then((a) => (answered = a));
    // Committed (another connection reads it) while its sync is held: not answered yet.
    await waitFor(() => held.calls.length === 1);
    expect(h.action(rid).status).toBe('Accepted');
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBeNull();

    // A second request is stored while the first sync runs, and waits for a sync of its own.
    let second: Answer | null = null;
    void h.post(fleetPayload(fleetEvent(rid, at(2), pending('SentToVehicle')))).then((a) => (second = a));
    await waitFor(() => h.action(rid).status === 'SentToVehicle');
    expect(held.calls).toHaveLength(1);

    held.calls[0]!();
    await waitFor(() => answered !== null);
    expect(answered!.status).toBe(200);
    expect(second).toBeNull();
    await waitFor(() => held.calls.length === 2);
    held.calls[1]!();
    await waitFor(() => second !== null);
    expect(second!.status).toBe(200);
    expect(h.inbox.stats()).toMatchObject({ requests: 2, failedRequests: 0 });
  });

  it('a failed sync is a 500 (committed, not acknowledged); a retry by the network is a duplicate', async () => {
    const held = heldSyncs();
    h = await startReceiverHarness({ openDb: held.openDb });
    const { remoteActionId: rid } = await h.sendRemote();
    const body = fleetPayload(fleetEvent(rid, at(1), pending('Accepted')));
    const first = h.post(body);
    await waitFor(() => held.calls.length === 1);
    held.calls[0]!(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    const refused = await first;
    expect(refused.status).toBe(500);
    expect(refused.body).toMatchObject({ debug: 'STORE_FAILED' });
    expect(
      h.logs.some((l) => l.level === 'error' && /could not be synced/.test(String(l.fields?.error))),
    ).toBe(true);

    const retry = h.post(body);
    await waitFor(() => held.calls.length === 2);
    held.calls[1]!();
    const again = await retry;
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });
    expect(h.action(rid).events).toHaveLength(1);
  });
});

describe('closing while groups wait for their sync', () => {
  it('answers each on a connection that then closes, so close() does not wait for the keep-alives', async () => {
    const calls: (() => void)[] = [];
    const syncFile: SyncFile = () => new Promise((resolve) => calls.push(resolve));
    // A sender that keeps its connections open a minute, as the fleet API may.
    agent = new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 60_000 });
    h = await startReceiverHarness({
      dispatcher: agent,
      openDb: (file, options) => openDatabase(file, { ...options, syncFile }),
    });
    const { remoteActionId: rid } = await h.sendRemote();
    const first = h.post(fleetPayload(fleetEvent(rid, at(1), pending('Accepted'))));
    for (let i = 0; i < 200 && calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    // A second one on a second connection, stored while the first sync runs: it waits for the next sync.
    const second = h.post(fleetPayload(fleetEvent(rid, at(2), pending('SentToVehicle'))));
    for (let i = 0; i < 200 && h.action(rid).status !== 'SentToVehicle'; i++)
      await new Promise((r) => setTimeout(r, 5));

    const started = Date.now();
    const closed = h.receiver.close();
    calls[0]!();
    expect((await first).status).toBe(200);
    for (let i = 0; i < 200 && calls.length === 1; i++) await new Promise((r) => setTimeout(r, 5));
    calls[1]!();
    expect((await second).status).toBe(200);
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('group commit', () => {
  it('50 concurrent requests: all 200, all stored, in far fewer than 50 commits', async () => {
    // Fifty open connections, as a sender that keeps them alive: the requests then truly arrive together
    // (the test's client shares this process's event loop, so opening sockets would otherwise pace them).
    agent = new Agent({ connections: 50 });
    h = await startReceiverHarness({ receiver: { rateLimit: false }, dispatcher: agent });
    const warm = agent;
    await Promise.all(
      Array.from({ length: 50 }, () =>
        request(`${h.url}/health`, { dispatcher: warm }).then((r) => r.body.text()),
      ),
    );
    const { remoteActionId: rid } = await h.sendRemote();
    const { remoteActionId: other } = await h.sendRemote('veh-c5ax-02');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.post(fleetPayload(fleetEvent(i % 2 ? rid : other, at(i), pending(`Step${i}`)))),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(answers.reduce((n, a) => n + (a.body.stored as number), 0)).toBe(50);
    expect(h.action(rid).events).toHaveLength(25);
    expect(h.action(other).events).toHaveLength(25);
    // Every request was answered after its group's commit; the groups are what made it fast.
    const commits = h.commits.length;
    expect(h.commits.reduce((a, b) => a + b, 0)).toBe(50);
    expect(commits).toBeLessThanOrEqual(10);
    expect(h.inbox.stats()).toMatchObject({ requests: 50, commits, failedRequests: 0 });
    expect(h.inbox.stats().largestGroup).toBeGreaterThan(1);
  });

  it('one request that cannot be stored fails alone: the rest of its group is stored and answered 200', async () => {
    h = await startReceiverHarness({ receiver: { rateLimit: false } });
    const { remoteActionId: rid } = await h.sendRemote();
    h.db.raw.exec(`CREATE TRIGGER poison BEFORE INSERT ON action_events WHEN NEW.status = 'Poison'
      BEGIN SELECT RAISE(ABORT, 'poison'); END`);
    const bodies = Array.from({ length: 10 }, (_, i) =>
      i === 4
        ? fleetPayload(
            fleetEvent(rid, at(100), pending('Healthy')),
            fleetEvent(rid, at(101), pending('Poison')),
          )
        : fleetPayload(fleetEvent(rid, at(i), pending(`Step${i}`))),
    );
    const answers = await Promise.all(bodies.map((b) => h.post(b)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 500, 200, 200, 200, 200, 200]);
    const statuses = h.action(rid).events!.map((e) => e.status);
    expect(statuses).toHaveLength(9);
    // Nothing of the failed request, not even its healthy event.
    expect(statuses).not.toContain('Healthy');
  });
});

describe('a group reads each action once, in its own transaction', () => {
  /** Queues a request straight into the inbox (no HTTP): requests queued in one turn form one group. */
  const submit = (body: unknown) =>
    h.inbox.submit({
      callbackId: h.cbid,
      body: Buffer.from(JSON.stringify(body)),
      contentType: 'application/json',
      headers: {},
      remoteAddress: null,
    });
  const done = (status: string) => ({ type: 'Done', status });

  it('later requests of a group see what earlier ones did to the action, and its lifecycle rules', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const receipts = await Promise.all([
      submit(fleetPayload(fleetEvent(rid, at(5), pending('B')))),
      // Older than B, stored as history only; then Done; then a Pending after Done, history only.
      submit(fleetPayload(fleetEvent(rid, at(3), pending('A')))),
      submit(fleetPayload(fleetEvent(rid, at(7), done('Success')))),
      submit(fleetPayload(fleetEvent(rid, at(9), pending('C')))),
    ]);
    expect(h.commits).toEqual([4]);
    expect(receipts.map((r) => r.stored)).toEqual([1, 1, 1, 1]);
    expect(h.action(rid)).toMatchObject({ phase: 'Done', status: 'Success', outcome: 'Success' });
    expect(Object.fromEntries(h.action(rid).events!.map((e) => [e.status, e.applied]))).toEqual({
      A: false,
      B: true,
      Success: true,
      C: false,
    });
    expect(h.completed.map((a) => a.id)).toEqual([rid]);
  });

  it('a group that rolled back leaves nothing it read to the requests retried alone', async () => {
    h = await startReceiverHarness({ receiver: { rateLimit: false } });
    const { remoteActionId: rid } = await h.sendRemote();
    h.db.raw.exec(`CREATE TRIGGER poison BEFORE INSERT ON action_events WHEN NEW.status = 'Poison'
      BEGIN SELECT RAISE(ABORT, 'poison'); END`);
    const [late, poisoned] = await Promise.allSettled([
      submit(fleetPayload(fleetEvent(rid, at(50), pending('Late')))),
      submit(fleetPayload(fleetEvent(rid, at(60), pending('Poison')))),
    ]);
    // Tried as one group first (rolled back), then each alone.
    expect(h.inbox.stats()).toMatchObject({ largestGroup: 2, commits: 1, failedRequests: 1 });
    expect(late).toMatchObject({ status: 'fulfilled', value: { stored: 1 } });
    expect(poisoned.status).toBe('rejected');
    // Applied again on its own: what the rolled-back group had made of the action is not what it read.
    expect(h.action(rid)).toMatchObject({ phase: 'Pending', status: 'Late' });
    expect(h.action(rid).events!.map((e) => [e.status, e.applied])).toEqual([['Late', true]]);
  });

  it('a change made by another unit of work between two groups is seen by the next one', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    await submit(fleetPayload(fleetEvent(rid, at(5), pending('Accepted'))));
    // The connector completes it meanwhile.
    h.core.services.ingest.ingest(
      [
        {
          remoteActionId: rid,
          vin: null,
          eventDate: at(6),
          remoteType: 'Doors',
          eventStatus: { type: 'Done', status: 'Success' },
        },
      ],
      'connector',
    );
    await submit(fleetPayload(fleetEvent(rid, at(7), pending('SentToVehicle'))));
    expect(h.action(rid)).toMatchObject({ phase: 'Done', status: 'Success' });
    expect(h.action(rid).events!.map((e) => [e.status, e.applied])).toEqual([
      ['Accepted', true],
      ['Success', true],
      ['SentToVehicle', false],
    ]);
  });
});

describe('group size', () => {
  it('a group holds at most maxGroupEvents events, and one group is stored per turn of the event loop', async () => {
    const commits: { requests: number; turn: number }[] = [];
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn += 1;
      if (ticking) setImmediate(tick);
    };
    h = await startReceiverHarness({
      record: false,
      inbox: { maxGroupEvents: 200, onCommit: ({ requests }) => commits.push({ requests, turn }) },
    });
    const { remoteActionId: rid } = await h.sendRemote();
    const body = (k: number, n: number) =>
      Buffer.from(
        JSON.stringify(
          fleetPayload(...Array.from({ length: n }, (_, i) => fleetEvent(rid, at(i), pending(`R${k}-${i}`)))),
        ),
      );
    const submitBody = (buffer: Buffer) =>
      h.inbox.submit({
        callbackId: h.cbid,
        body: buffer,
        contentType: 'application/json',
        headers: {},
        remoteAddress: null,
      });
    tick();
    // Five requests of 100 events, then one of 300 (stored whole, alone), all queued in one turn.
    const receipts = await Promise.all([
      ...[0, 1, 2, 3, 4].map((k) => submitBody(body(k, 100))),
      submitBody(body(5, 300)),
    ]);
    ticking = false;
    expect(receipts.map((r) => r.stored)).toEqual([100, 100, 100, 100, 100, 300]);
    expect(commits.map((c) => c.requests)).toEqual([2, 2, 1, 1]);
    // The loop ran between every two groups.
    for (let i = 1; i < commits.length; i += 1) {
      expect(commits[i]!.turn).toBeGreaterThan(commits[i - 1]!.turn);
    }
    expect(h.inbox.stats()).toMatchObject({ requests: 6, commits: 4, largestGroup: 2 });
  });
});
