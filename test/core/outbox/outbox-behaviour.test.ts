// The outbox as part of the core: it queues inside the caller's transaction (a rollback queues nothing), tells
// live clients through the bus with the contract's shapes, and warns once about plain http.
import { afterEach, describe, expect, it } from 'vitest';
import { changeEventSchemas, type ChangeEvent } from '../../../preload/contract/events.js';
import { createIdGenerator } from '../../../main/core/outbox/ids.js';
import { parseRetryAfter } from '../../../main/core/outbox/retry-after.js';
import type { Logger } from '../../../main/core/ports/logger.js';
import { startSink, startWorld, subscribe, type Sink, type World } from './outbox-world.js';

let w: World;
let sink: Sink;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

describe('enqueue', () => {
  it('belongs to the caller’s unit of work: a rollback queues nothing and sends nothing', async () => {
    sink = await startSink();
    w = await startWorld();
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addCallback('cb-2', subscribe(sink.url(), { batchNotify: { size: 1, timeWindow: 60 } }));
    w.addAction('ra-1', 'cb-1');
    w.addAction('ra-2', 'cb-2');
    expect(() =>
      w.unitOfWork(() => {
        w.notify('ra-1');
        w.notify('ra-2');
        throw new Error('the receiver could not store the request');
      }),
    ).toThrow(/could not store/);
    await w.outbox.idle();
    expect(sink.received).toHaveLength(0);
    expect(w.repos.deliveries.count({})).toBe(0);
    expect(w.repos.deliveries.waitingByCallback()).toEqual([]);

    w.notify('ra-1');
    w.notify('ra-2');
    await w.outbox.idle();
    expect(sink.received).toHaveLength(2);
  });

  it('is stored before start and sent once started', async () => {
    sink = await startSink();
    w = await startWorld({ start: false });
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    w.notify('ra-1');
    await w.outbox.idle();
    expect(sink.received).toHaveLength(0);
    w.outbox.start();
    await w.outbox.idle();
    expect(sink.received).toHaveLength(1);
  });
});

describe('waking', () => {
  it('a delivery queued while a claim is in flight is sent: the claim that could not see it does not put its lane to sleep', async () => {
    sink = await startSink();
    let holding = false;
    let release: (() => void) | null = null;
    w = await startWorld({
      start: false,
      wrapWriter: (writer) => ({
        mode: writer.mode,
        checkpoints: (ms) => writer.checkpoints(ms),
        close: () => writer.close(),
        async run(steps) {
          const results = await writer.run(steps);
          // A claim committed (it found nothing); its answer is held back while a delivery is queued.
          if (holding && steps.some((s) => s.sql.includes("SET state = 'InFlight'"))) {
            holding = false;
            await new Promise<void>((resolve) => (release = resolve));
          }
          return results;
        },
      }),
    });
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    holding = true;
    w.outbox.start();
    await expect.poll(() => release !== null).toBe(true);
    w.notify('ra-1');
    release!();
    await w.outbox.idle();
    expect(sink.received).toHaveLength(1);
  });
});

describe('change events', () => {
  it('publishes delivery.changed and target.changed after commit, in the contract’s shapes', async () => {
    sink = await startSink();
    w = await startWorld();
    const events: ChangeEvent[] = [];
    w.changes.subscribe((e) => events.push(e));
    w.addCallback('cb-1', subscribe(sink.url(), { retryPolicy: { policy: 'None' } }));
    w.addAction('ra-1', 'cb-1');
    w.notify('ra-1');
    await w.outbox.idle();
    await sink.down();
    w.notify('ra-1', 'SentToVehicle');
    await w.outbox.idle();
    await sink.up();
    await w.advance(1000);

    for (const e of events) expect(() => changeEventSchemas[e.name].parse(e.data), e.name).not.toThrow();
    const states = events.flatMap((e) => (e.name === 'delivery.changed' ? [e.data.delivery.state] : []));
    expect(states).toEqual(['Queued', 'Delivered', 'Queued', 'Queued', 'Delivered']);
    const targets = events.flatMap((e) => (e.name === 'target.changed' ? [e.data.target.state] : []));
    expect(targets).toEqual(['offline', 'online']);
    const held = events.find((e) => e.name === 'delivery.changed' && e.data.delivery.heldReason !== null);
    expect(held).toBeDefined();
  });
});

describe('plain http targets', () => {
  it('are allowed, with one warning per target', async () => {
    const warnings: string[] = [];
    const logger: Logger = {
      debug() {},
      info() {},
      warn: (message, fields) => warnings.push(`${message} ${String(fields?.origin ?? '')}`),
      error() {},
    };
    sink = await startSink();
    w = await startWorld({ logger });
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    for (let i = 0; i < 5; i += 1) w.notify('ra-1', `Step${i}`);
    await w.outbox.idle();
    expect(sink.received).toHaveLength(5);
    expect(warnings.filter((m) => m.includes('plain http'))).toEqual([expect.stringContaining(sink.origin)]);
  });
});

describe('small parts', () => {
  it('ids sort in creation order, even within one millisecond', () => {
    const next = createIdGenerator(() => 1_767_600_000_000);
    const ids = Array.from({ length: 5000 }, () => next());
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-05T08:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 05 Jan 2026 08:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Mon, 05 Jan 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
