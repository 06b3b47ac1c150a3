// A target that cannot be reached: nothing is counted against the policy or the 3-day cap while it is
// offline, probes back off, the first answer brings it back online, and the backlog drains by itself, oldest
// first, throttled. Past the retention, what waited is dead-lettered with the reason: never dropped silently.
import { adminActor } from '../../helpers/actors.js';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyError } from '../../../main/core/outbox/http-sender.js';
import type { OutboxOptions } from '../../../main/core/outbox/index.js';
import {
  eventsOf,
  startSink,
  startWorld,
  subscribe,
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
const DAY = 24 * H;

async function setup(retryPolicy: SubscribeOverrides['retryPolicy'], options: OutboxOptions = {}) {
  sink = await startSink();
  w = await startWorld({ options });
  w.addCallback('cb-1', subscribe(sink.url(), { retryPolicy }));
  w.addAction('ra-1', 'cb-1');
}

const target = () => w.outbox.service.targets().items.find((t) => t.origin === sink.origin)!;
const deliveries = () => w.outbox.service.list({ limit: 500, offset: 0 }).items;

describe('offline target', () => {
  it('uses up no attempt (even under retry policy None) and drains oldest first when back', async () => {
    await setup({ policy: 'None' }, { perTargetConcurrency: 1 });
    await sink.down();
    const statuses = ['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'Success'];
    for (const status of statuses) w.notify('ra-1', status, status === 'Success' ? 'Done' : 'Pending');
    await w.outbox.idle();

    expect(target()).toMatchObject({
      state: 'offline',
      since: '2026-01-05T08:00:00.000Z',
      nextProbeAt: '2026-01-05T08:00:01.000Z',
    });
    expect(target().lastError).toMatch(/ECONNREFUSED/);
    for (const d of deliveries()) {
      expect(d).toMatchObject({ state: 'Queued', attempts: 0 });
      expect(d.heldReason).toEqual({
        code: 'TARGET_UNREACHABLE',
        params: {
          since: '2026-01-05T08:00:00.000Z',
          origin: sink.origin,
          lastError: target().lastError,
          nextProbeAt: '2026-01-05T08:00:01.000Z',
        },
      });
    }

    await w.advance(10 * 60 * S);
    await sink.up();
    await w.advance(60 * S);
    expect(target()).toMatchObject({ state: 'online', probeFailures: 0 });
    expect(eventsOf(sink.received).map((e) => e.status)).toEqual(statuses);
    for (const d of deliveries()) expect(d).toMatchObject({ state: 'Delivered', attempts: 1 });
    // The connection failure that found the target down is in the log, not counted.
    const first = deliveries().find((d) => d.unreachableTries > 0)!;
    expect(w.outbox.service.get(first.id).attemptLog[0]).toMatchObject({ httpStatus: null, counted: false });
  });

  it('probes with backoff: 1 s, 2 s, 4 s … capped at 60 s', async () => {
    await setup(
      { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
      { probeInitialMs: 1000, probeMaxMs: 60_000 },
    );
    await sink.down();
    w.notify('ra-1');
    await w.outbox.idle();
    const gaps: number[] = [];
    let last = Date.parse(target().nextProbeAt!);
    for (let i = 0; i < 9; i += 1) {
      w.clock.set(new Date(last).toISOString());
      await w.advance(0);
      const next = Date.parse(target().nextProbeAt!);
      gaps.push((next - last) / S);
      last = next;
    }
    expect(gaps).toEqual([2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(target().probeFailures).toBe(9);
    expect(deliveries()[0]).toMatchObject({ attempts: 0, unreachableTries: 10 });
    // Only the call that found it down is logged, not every probe.
    expect(w.outbox.service.get(deliveries()[0]!.id).attemptLog).toHaveLength(1);
  });

  it('does not count time offline toward the 3-day cap', async () => {
    await setup({ policy: 'Bounded', retryNumber: 1000, retryDelay: 3600 });
    sink.reply(() => ({ status: 500 }));
    w.notify('ra-1');
    await w.outbox.idle();
    const id = deliveries()[0]!.id;
    expect(w.repos.deliveries.get(id)?.retryDeadline).toBe('2026-01-08T08:00:00.000Z');
    await w.advance(H); // refused again
    await sink.down();
    await w.advance(H); // unreachable from +2 h
    await w.advance(5 * DAY);
    await sink.up();
    await w.advance(60 * S); // back at +5 d 2 h 1 min: refused again
    const d = w.repos.deliveries.get(id)!;
    expect(d).toMatchObject({ state: 'Queued', attempts: 3 });
    // Moved on by the 5 days and 1 minute the target was down.
    expect(d.retryDeadline).toBe('2026-01-13T08:01:00.000Z');
    sink.reply(() => ({ status: 200 }));
    await w.advance(H);
    expect(w.repos.deliveries.get(id)).toMatchObject({ state: 'Delivered', attempts: 4 });
  });

  it('drains a backlog throttled: never more calls in flight than the per-target limit', async () => {
    await setup({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 }, { perTargetConcurrency: 4 });
    await sink.down();
    for (let i = 0; i < 60; i += 1) w.notify('ra-1', `Step${i}`);
    await w.outbox.idle();
    await sink.up();
    sink.reply(() => ({ status: 200 }));
    await w.advance(2 * S);
    expect(sink.received).toHaveLength(60);
    expect(sink.maxConcurrent()).toBeLessThanOrEqual(4);
    expect(w.repos.deliveries.counts()).toMatchObject({ Delivered: 60, Queued: 0, InFlight: 0 });
  });

  it('past the retention, dead-letters what waited that long, with the reason', async () => {
    await setup({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 }, { retentionDays: 30 });
    await sink.down();
    w.notify('ra-1', 'Accepted');
    await w.outbox.idle();
    await w.advance(29 * DAY);
    w.notify('ra-1', 'SentToVehicle'); // arrives late in the outage
    await w.advance(DAY + H);
    const [late, early] = deliveries();
    expect(early).toMatchObject({ state: 'Dead', attempts: 0 });
    expect(early!.lastError).toMatch(
      /unreachable since 2026-01-05T08:00:00.000Z, longer than the retention of 30 days/,
    );
    expect(w.outbox.service.get(early!.id).attemptLog).toHaveLength(1);
    expect(late).toMatchObject({ state: 'Queued' });
    await sink.up();
    await w.advance(60 * S);
    expect(eventsOf(sink.received).map((e) => e.status)).toEqual(['SentToVehicle']);
    // The dead letter can still be sent by hand.
    w.outbox.service.retry(early!.id, adminActor('tech'));
    await w.outbox.idle();
    expect(eventsOf(sink.received).map((e) => e.status)).toEqual(['SentToVehicle', 'Accepted']);
  });

  it('keeps its state across a restart, so the outage is measured from its real start', async () => {
    await setup({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 });
    await sink.down();
    w.notify('ra-1');
    await w.outbox.idle();
    const { dir, clock } = w;
    await w.shutdown();
    clock.advance(H);
    w = await startWorld({ dir, clock });
    expect(target()).toMatchObject({ state: 'offline', since: '2026-01-05T08:00:00.000Z' });
    // Probing resumes at once after a start.
    await sink.up();
    await w.outbox.idle();
    expect(target()).toMatchObject({ state: 'online', since: '2026-01-05T09:00:00.000Z' });
    expect(sink.received).toHaveLength(1);
  });
});

describe('what counts as unreachable', () => {
  const err = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
  it.each([
    ['ECONNREFUSED', 'unreachable'],
    ['ENOTFOUND', 'unreachable'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'unreachable'],
    ['EAI_AGAIN', 'unreachable'],
    ['UND_ERR_CONNECT_TIMEOUT', 'unreachable'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'],
    ['UND_ERR_SOCKET', 'reset'],
    ['ECONNRESET', 'reset'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'failed'],
  ])('%s → %s', (code, kind) => {
    expect(classifyError(err(code), 1).kind).toBe(kind);
  });
  it('reads the code of a wrapped cause too', () => {
    expect(
      classifyError(Object.assign(new TypeError('fetch failed'), { cause: err('ECONNREFUSED') }), 1).kind,
    ).toBe('unreachable');
  });
});
