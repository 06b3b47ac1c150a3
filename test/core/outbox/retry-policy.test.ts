// The fleet API's retry semantics (stellantis-api-notes.md N6, N12.8), with time moved by a manual clock:
// None is one attempt, Bounded is at most retryNumber attempts retryDelay seconds apart, never past the 3-day
// cap; plus Retry-After, timeouts and the optional exponential backoff.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxOptions } from '../../../main/core/outbox/index.js';
import {
  startSink,
  startWorld,
  subscribe,
  type Reply,
  type Sink,
  type SubscribeOverrides,
  type World,
} from './outbox-world.js';

let w: World;
let sink: Sink;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

const S = 1000;
const H = 3600 * S;

async function setup(
  retryPolicy: SubscribeOverrides['retryPolicy'],
  reply: () => Reply,
  options: OutboxOptions = {},
) {
  sink = await startSink(reply);
  w = await startWorld({ options });
  w.addCallback('cb-1', subscribe(sink.url(), { retryPolicy }));
  w.addAction('ra-1', 'cb-1');
  w.notify('ra-1');
  await w.outbox.idle();
  return w.repos.deliveries.list({ limit: 10, offset: 0 })[0]!.id;
}

describe('retry policy', () => {
  it('None: exactly one attempt, then a dead letter with it', async () => {
    const id = await setup({ policy: 'None' }, () => ({ status: 500, body: 'database down' }));
    await w.advance(24 * H);
    expect(sink.received).toHaveLength(1);
    const d = w.outbox.service.get(id);
    expect(d).toMatchObject({ state: 'Failed', attempts: 1, lastStatus: 500 });
    expect(d.lastError).toMatch(/retry policy None/);
    expect(d.lastError).toMatch(/HTTP 500: database down/);
    expect(d.attemptLog).toEqual([
      {
        at: expect.any(String),
        httpStatus: 500,
        latencyMs: expect.any(Number),
        error: 'HTTP 500: database down',
        counted: true,
      },
    ]);
  });

  it('Bounded: retryNumber attempts in all, retryDelay seconds apart, same webhook-id', async () => {
    const id = await setup({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 }, () => ({ status: 503 }));
    expect(sink.received).toHaveLength(1);
    await w.advance(10 * S - 1);
    expect(sink.received).toHaveLength(1);
    await w.advance(1);
    expect(sink.received).toHaveLength(2);
    await w.advance(10 * S);
    expect(sink.received).toHaveLength(3);
    await w.advance(24 * H);
    expect(sink.received).toHaveLength(3);
    expect(new Set(sink.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([id]));
    const d = w.outbox.service.get(id);
    expect(d).toMatchObject({ state: 'Failed', attempts: 3 });
    expect(d.lastError).toMatch(/Gave up after 3 attempts \(retry policy Bounded: 3 attempts\)/);
    expect(d.attemptLog.map((a) => [a.at, a.httpStatus])).toEqual([
      ['2026-01-05T08:00:00.000Z', 503],
      ['2026-01-05T08:00:10.000Z', 503],
      ['2026-01-05T08:00:20.000Z', 503],
    ]);
  });

  it('stops retrying at the first 2xx', async () => {
    let n = 0;
    const id = await setup({ policy: 'Bounded', retryNumber: 5, retryDelay: 10 }, () =>
      ++n < 3 ? { status: 500 } : { status: 204 },
    );
    await w.advance(10 * S);
    await w.advance(10 * S);
    await w.advance(H);
    expect(sink.received).toHaveLength(3);
    expect(w.outbox.service.get(id)).toMatchObject({
      state: 'Delivered',
      attempts: 3,
      deliveredAt: '2026-01-05T08:00:20.000Z',
      lastError: null,
    });
  });

  it('never retries past the 3-day cap, counted from the first refusal', async () => {
    const id = await setup({ policy: 'Bounded', retryNumber: 1000, retryDelay: 3600 }, () => ({
      status: 500,
    }));
    expect(w.repos.deliveries.get(id)?.retryDeadline).toBe('2026-01-08T08:00:00.000Z');
    for (let hour = 1; hour <= 80; hour += 1) await w.advance(H);
    // t0, +1 h … +72 h: the attempt due exactly at the cap is made, the next would be past it.
    expect(sink.received).toHaveLength(73);
    const d = w.outbox.service.get(id);
    expect(d).toMatchObject({ state: 'Failed', attempts: 73, gaveUpAt: '2026-01-08T08:00:00.000Z' });
    expect(d.lastError).toMatch(/72 h retry limit/);
  });

  it('a timeout is a failed attempt, and the target stays online', async () => {
    let n = 0;
    const id = await setup(
      { policy: 'Bounded', retryNumber: 2, retryDelay: 10 },
      () => (++n === 1 ? 'hang' : { status: 200 }),
      { requestTimeoutMs: 200 },
    );
    const d = w.outbox.service.get(id);
    expect(d).toMatchObject({ state: 'Queued', attempts: 1, unreachableTries: 0, heldReason: null });
    expect(d.attemptLog[0]).toMatchObject({
      httpStatus: null,
      counted: true,
      error: expect.stringMatching(/No answer in time/),
    });
    expect(d.attemptLog[0]!.latencyMs).toBeGreaterThanOrEqual(150);
    expect(w.outbox.service.targets().items[0]).toMatchObject({ origin: sink.origin, state: 'online' });
    await w.advance(10 * S);
    expect(w.repos.deliveries.get(id)).toMatchObject({ state: 'Delivered', attempts: 2 });
  });
});

describe('a connection closed without an answer', () => {
  it('is tried again at once, uncounted, the first time (a dropped keep-alive socket)', async () => {
    let n = 0;
    const id = await setup({ policy: 'None' }, () => (++n === 1 ? 'drop' : { status: 200 }));
    const d = w.outbox.service.get(id);
    expect(d).toMatchObject({ state: 'Delivered', attempts: 1, unreachableTries: 1 });
    expect(d.attemptLog.map((a) => a.counted)).toEqual([false, true]);
    expect(w.outbox.service.targets().items[0]).toMatchObject({ state: 'online' });
  });

  it('counts the second time in a row, so a call that always breaks the connection cannot loop', async () => {
    const id = await setup({ policy: 'Bounded', retryNumber: 2, retryDelay: 10 }, () => 'drop');
    await w.advance(10 * S);
    await w.advance(H);
    const d = w.outbox.service.get(id);
    expect(d).toMatchObject({ state: 'Failed', attempts: 2 });
    // Each attempt: one free try at once on a fresh connection, then it counts.
    expect(d.attemptLog.map((a) => a.counted)).toEqual([false, true, false, true]);
    expect(d.lastError).toMatch(/closed without an answer/);
  });
});

describe('Retry-After', () => {
  it('on 429, in seconds: the next attempt waits for it, and so does the rest of the target', async () => {
    let n = 0;
    const id = await setup({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 }, () =>
      ++n === 1 ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200 },
    );
    w.notify('ra-1', 'SentToVehicle');
    await w.outbox.idle();
    expect(sink.received).toHaveLength(1);
    // The manual clock has not moved since the 429: the wait ends 120 s from now.
    const until = new Date(w.clock.now().getTime() + 120 * S).toISOString();
    const waitUntil = { code: 'TARGET_RETRY_AFTER', params: { until } };
    expect(w.outbox.service.list({ limit: 10, offset: 0 }).items.map((d) => d.heldReason)).toEqual([
      waitUntil,
      waitUntil,
    ]);
    await w.advance(119 * S);
    expect(sink.received).toHaveLength(1);
    await w.advance(S);
    expect(sink.received).toHaveLength(3);
    expect(w.outbox.service.get(id).attemptLog.map((a) => [a.at, a.httpStatus])).toEqual([
      ['2026-01-05T08:00:00.000Z', 429],
      ['2026-01-05T08:02:00.000Z', 200],
    ]);
  });

  it('on 503, as an HTTP date', async () => {
    let n = 0;
    const id = await setup({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 }, () =>
      ++n === 1
        ? {
            status: 503,
            headers: { 'retry-after': new Date(Date.parse('2026-01-05T08:05:00Z')).toUTCString() },
          }
        : { status: 200 },
    );
    await w.advance(5 * 60 * S - 1);
    expect(sink.received).toHaveLength(1);
    await w.advance(1);
    expect(w.repos.deliveries.get(id)).toMatchObject({ state: 'Delivered', attempts: 2 });
  });

  it('is not stretched beyond retryDelay when shorter', async () => {
    let n = 0;
    await setup({ policy: 'Bounded', retryNumber: 3, retryDelay: 30 }, () =>
      ++n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 },
    );
    await w.advance(29 * S);
    expect(sink.received).toHaveLength(1);
    await w.advance(S);
    expect(sink.received).toHaveLength(2);
  });
});

describe('exponential backoff (an outbox option, off by default)', () => {
  it('doubles retryDelay at each attempt, shortened by the jitter', async () => {
    const at = async (random: number) => {
      const id = await setup({ policy: 'Bounded', retryNumber: 4, retryDelay: 10 }, () => ({ status: 500 }), {
        backoff: { exponential: true, jitter: 0.5 },
        random: () => random,
      });
      for (let i = 0; i < 200; i += 1) await w.advance(S);
      const times = w.outbox.service.get(id).attemptLog.map((a) => Date.parse(a.at) / S);
      await w.close();
      await sink.close();
      return times.slice(1).map((t, i) => t - times[i]!);
    };
    expect(await at(0)).toEqual([10, 20, 40]);
    expect(await at(1)).toEqual([5, 10, 20]);
  });
});
