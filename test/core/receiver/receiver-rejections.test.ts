// Requests the receiver refuses: unknown or deleted callbacks, missing or wrong secrets, oversized bodies and
// floods. Each gets its status and the webhook error shape, is logged without secrets, and leaves the
// database exactly as it was.
import { adminActor } from '../../helpers/actors.js';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { fleetEvent, fleetPayload, type ReceiverHarness, startReceiverHarness } from './receiver-harness.js';

let h: ReceiverHarness;
afterEach(async () => {
  await h?.close();
});

const body = fleetPayload(
  fleetEvent('rid-1', '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' }),
);

/** Runs `fn` and asserts that no table row and no byte of the database files changed. */
async function expectUnchanged(fn: () => Promise<void>) {
  // What the outbox still had to record of earlier, accepted notifications is not this request's doing.
  await h.core.outbox.idle();
  const rows = h.rowCounts();
  const hash = h.contentHash();
  await fn();
  // Let any group commit that might have been scheduled run.
  await new Promise((r) => setImmediate(r));
  expect(h.rowCounts()).toEqual(rows);
  expect(h.contentHash()).toBe(hash);
}

const warnings = () =>
  h.logs.filter((l) => l.level === 'warn' && l.message === 'receiver rejected a request');

describe('authentication', () => {
  it('an unknown callback is 404, a missing secret 401, a wrong one 401: nothing stored', async () => {
    h = await startReceiverHarness();
    await h.sendRemote();
    await expectUnchanged(async () => {
      const unknown = await h.post(body, { cbid: '7d1c7a61-0000-4000-8000-000000000000' });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        code: 40401,
        debug: 'CALLBACK_NOT_FOUND',
        message: expect.stringMatching(/unknown or deleted/),
      });
      expect((await h.post(body, { cbid: 'not a valid id!' })).status).toBe(404);

      const missing = await h.post(body, { secret: null });
      expect(missing.status).toBe(401);
      expect(missing.body).toMatchObject({ code: 40101, debug: 'SECRET_MISSING' });

      const wrong = await h.post(body, { secret: `${h.secret.slice(0, -1)}x` });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ code: 40102, debug: 'SECRET_INVALID' });
      expect((await h.post(body, { secret: '' })).status).toBe(401);
      expect((await h.post(body, { secret: `${h.secret}${h.secret}` })).status).toBe(401);
    });
    expect(warnings().map((w) => w.fields!.status)).toEqual([404, 404, 401, 401, 401, 401]);
    // Never a secret in the log.
    expect(JSON.stringify(h.logs)).not.toContain(h.secret.slice(0, 12));
  });

  it("another callback's secret does not open this one", async () => {
    h = await startReceiverHarness();
    const other = await h.core.services.callbacks.create(
      { callback: { webhook: { target: 'http://127.0.0.1:9/x/h', name: 'x' } }, remoteTypes: ['Doors'] },
      adminActor('test'),
    );
    const otherSecret = (await h.core.services.callbacks.openReceiverSecret(other.id))!;
    await expectUnchanged(async () => {
      expect((await h.post(body, { secret: otherSecret })).status).toBe(401);
      expect((await h.post(body, { cbid: other.id })).status).toBe(401);
    });
  });

  it('accepts the secret under the x- prefixed key the network may add (T16)', async () => {
    h = await startReceiverHarness();
    const { remoteActionId } = await h.sendRemote();
    const res = await h.post(
      fleetPayload(
        fleetEvent(remoteActionId, '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' }),
      ),
      { secretHeader: 'x-x-depot-secret' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 1 });
  });

  it('a deleted callback is refused at once, although its secret was cached', async () => {
    h = await startReceiverHarness();
    expect((await h.post(body)).status).toBe(200); // caches the secret (the event is quarantined: unknown action)
    await h.core.services.callbacks.remove(h.cbid, adminActor('test'));
    await expectUnchanged(async () => {
      const res = await h.post(body);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ debug: 'CALLBACK_NOT_FOUND' });
    });
  });

  it('checks the secret before reading the body: an unauthenticated oversized body is 401, not 413', async () => {
    h = await startReceiverHarness({ receiver: { bodyLimit: 1024 } });
    await expectUnchanged(async () => {
      const res = await h.post('x'.repeat(50_000), { secret: 'nope' });
      expect(res.status).toBe(401);
    });
  });
});

describe('limits', () => {
  it('a body over the limit is 413 and stores nothing', async () => {
    h = await startReceiverHarness({ receiver: { bodyLimit: 1024 } });
    const { remoteActionId } = await h.sendRemote();
    const big = fleetPayload(
      ...Array.from({ length: 40 }, (_, i) =>
        fleetEvent(remoteActionId, `2026-01-05T08:00:${String(i).padStart(2, '0')}Z`, {
          type: 'Pending',
          status: 'Accepted',
        }),
      ),
    );
    expect(JSON.stringify(big).length).toBeGreaterThan(1024);
    await expectUnchanged(async () => {
      const res = await h.post(big);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 41300, debug: 'BODY_TOO_LARGE' });
      // Chunked, without a content-length up front: cut off while reading.
      const chunked = await h.post(Readable.from([Buffer.from(JSON.stringify(big))]));
      expect(chunked.status).toBe(413);
    });
    expect(h.action(remoteActionId).events).toEqual([]);
    expect(warnings().filter((w) => w.fields!.status === 413)).toHaveLength(2);
  });

  it('the default limit is 1 MiB', async () => {
    h = await startReceiverHarness();
    await expectUnchanged(async () => {
      expect((await h.post(Buffer.alloc(1024 * 1024 + 1, 0x20))).status).toBe(413);
    });
    // Just under the limit is read (and, not being JSON, quarantined).
    const res = await h.post(Buffer.alloc(1024 * 1024, 0x20));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reason: 'MALFORMED_JSON' });
  });

  it('a flood is answered 429 beyond the configured rate, before any lookup, and stores nothing', async () => {
    h = await startReceiverHarness({ receiver: { rateLimit: { max: 5, timeWindowMs: 60_000 } } });
    const { remoteActionId } = await h.sendRemote();
    const ok = fleetPayload(
      fleetEvent(remoteActionId, '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' }),
    );
    for (let i = 0; i < 5; i += 1) expect((await h.post(ok)).status).toBe(200);
    await expectUnchanged(async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await h.post(ok)).status);
      expect(new Set(statuses)).toEqual(new Set([429]));
      const res = await h.post(ok);
      expect(res.body).toMatchObject({ code: 42900, debug: 'RATE_LIMITED' });
      // Unknown callbacks and wrong secrets are counted too: no free guessing.
      expect((await h.post(ok, { cbid: 'guess' })).status).toBe(429);
      expect((await h.post(ok, { secret: 'guess' })).status).toBe(429);
    });
    // One warning per client and window, not one per refused request.
    expect(warnings().filter((w) => w.fields!.status === 429)).toHaveLength(1);
  });

  it('unknown routes are 404 in the webhook error shape; GET /health answers', async () => {
    h = await startReceiverHarness();
    const res = await fetch(`${h.url}/webhooks/other`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 40400, debug: 'ROUTE_NOT_FOUND' });
    expect(await (await fetch(`${h.url}/health`)).json()).toEqual({ status: 'ok' });
  });
});
