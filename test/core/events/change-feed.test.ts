// The change feed builds wire events only while an edge (SSE, IPC, the tray) listens: with nobody watching, a
// drained backlog reads no delivery back after its commits; the core's own subscribers never cost a read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import { createChangeFeed } from '../../../main/core/events/change-feed.js';
import { createEventBus } from '../../../main/core/events/event-bus.js';
import { startSink, startWorld, subscribe, type Sink, type World } from '../outbox/outbox-world.js';

let w: World;
let sink: Sink;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

/** 100 notifications for one callback, delivered; the number of deliveries read back by id meanwhile. */
async function deliverHundred(): Promise<number> {
  w.addCallback('cb-1', subscribe(sink.url()));
  for (let i = 0; i < 100; i += 1) w.addAction(`ra-${i}`, 'cb-1');
  const reads = vi.spyOn(w.repos.deliveries, 'get');
  for (let i = 0; i < 100; i += 1) w.notify(`ra-${i}`);
  await w.outbox.idle();
  expect(sink.received).toHaveLength(100);
  return reads.mock.calls.length;
}

describe('delivery changes', () => {
  it('read no delivery back when no edge listens', async () => {
    sink = await startSink();
    w = await startWorld();
    expect(w.bus.listenerCount()).toBeGreaterThan(0); // the dispatcher hears callback changes
    expect(await deliverHundred()).toBe(0);
  });

  it('are read and described once an edge listens, and no longer after it left', async () => {
    sink = await startSink();
    w = await startWorld();
    const events: ChangeEvent[] = [];
    const off = w.changes.subscribe((e) => events.push(e));
    expect(await deliverHundred()).toBeGreaterThan(0);
    const delivered = events.filter(
      (e) => e.name === 'delivery.changed' && e.data.delivery.state === 'Delivered',
    );
    expect(delivered).toHaveLength(100);

    off();
    expect(w.changes.listenerCount()).toBe(0);
    const reads = vi.spyOn(w.repos.deliveries, 'get');
    reads.mockClear();
    w.notify('ra-0', 'SentToVehicle');
    await w.outbox.idle();
    expect(sink.received).toHaveLength(101);
    expect(reads).not.toHaveBeenCalled();
  });
});

describe('the feed', () => {
  it('converts nothing without subscribers and keeps the committed order behind a slow conversion', async () => {
    const bus = createEventBus();
    const converted: string[] = [];
    const feed = createChangeFeed(bus, (e) => {
      converted.push(e.type);
      const change = { name: e.type, data: {} } as ChangeEvent;
      // A callback is described after its secrets are opened (asynchronously).
      return e.type === 'callback.changed' ? new Promise((r) => setTimeout(() => r(change), 20)) : change;
    });
    bus.publish({ type: 'vehicle.changed', vehicleId: 'veh-1' });
    expect(converted).toEqual([]);

    const seen: string[] = [];
    const off = feed.subscribe((e) => seen.push(e.name));
    bus.publish({ type: 'callback.changed', callbackId: 'cb-1' });
    bus.publish({ type: 'vehicle.changed', vehicleId: 'veh-1' });
    expect(seen).toEqual([]);
    await vi.waitFor(() => expect(seen).toEqual(['callback.changed', 'vehicle.changed']));
    bus.publish({ type: 'target.changed', origin: 'https://a.example' });
    expect(seen).toEqual(['callback.changed', 'vehicle.changed', 'target.changed']);

    off();
    expect(bus.listenerCount()).toBe(0);
  });
});
