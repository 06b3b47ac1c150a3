// batchNotify (stellantis-api-notes.md N7): one call when `size` events are waiting or `timeWindow` seconds
// passed since the oldest, whichever first, in the fleet notification format; a $vin Query attribute turns
// batching off.
import { afterEach, describe, expect, it } from 'vitest';
import { eventsOf, startSink, startWorld, subscribe, VINS, type Sink, type World } from './outbox-world.js';

let w: World;
let sink: Sink;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

const S = 1000;

async function setup(overrides: Parameters<typeof subscribe>[1]) {
  sink = await startSink();
  w = await startWorld();
  w.addCallback('cb-1', subscribe(sink.url(), overrides));
  w.addAction('ra-1', 'cb-1', VINS[0], 'Doors');
  w.addAction('ra-2', 'cb-1', VINS[1], 'Horn');
  w.addAction('ra-3', 'cb-1', VINS[2], 'Doors');
}

describe('batchNotify', () => {
  it('sends one call as soon as `size` events are waiting', async () => {
    await setup({ batchNotify: { size: 3, timeWindow: 60 } });
    w.notify('ra-1', 'Accepted');
    w.notify('ra-2', 'Accepted');
    await w.outbox.idle();
    expect(sink.received).toHaveLength(0);
    expect(w.outbox.service.targets().counts).toMatchObject({ waitingForBatch: 2, Queued: 0 });

    w.notify('ra-1', 'SentToVehicle');
    await w.outbox.idle();
    expect(sink.received).toHaveLength(1);
    expect(eventsOf(sink.received)).toEqual([
      { remoteActionId: 'ra-1', status: 'Accepted' },
      { remoteActionId: 'ra-2', status: 'Accepted' },
      { remoteActionId: 'ra-1', status: 'SentToVehicle' },
    ]);
    const [batch] = w.outbox.service.list({ limit: 10, offset: 0 }).items;
    expect(batch).toMatchObject({
      kind: 'batch',
      eventCount: 3,
      vins: [VINS[0], VINS[1]],
      statuses: ['Accepted', 'Accepted', 'SentToVehicle'],
      state: 'Delivered',
    });
  });

  it('sends what is waiting when the window of the oldest closes', async () => {
    await setup({ batchNotify: { size: 10, timeWindow: 30 } });
    w.notify('ra-1', 'Accepted');
    await w.advance(10 * S);
    w.notify('ra-2', 'Accepted');
    await w.advance(20 * S - 1);
    expect(sink.received).toHaveLength(0);
    await w.advance(1);
    expect(sink.received).toHaveLength(1);
    expect(eventsOf(sink.received).map((e) => e.remoteActionId)).toEqual(['ra-1', 'ra-2']);
    // The next window starts with the next event.
    w.notify('ra-3', 'Accepted');
    await w.advance(29 * S);
    expect(sink.received).toHaveLength(1);
    await w.advance(S);
    expect(sink.received).toHaveLength(2);
  });

  it('splits a backlog into calls of at most `size`, in order', async () => {
    await setup({ batchNotify: { size: 3, timeWindow: 60 } });
    for (let i = 0; i < 7; i += 1) w.notify('ra-1', `Step${i}`);
    await w.outbox.idle();
    expect(sink.received.map((r) => r.json.events.length)).toEqual([3, 3]);
    await w.advance(60 * S);
    expect(sink.received.map((r) => r.json.events.length)).toEqual([3, 3, 1]);
    expect(eventsOf(sink.received).map((e) => e.status)).toEqual(
      Array.from({ length: 7 }, (_, i) => `Step${i}`),
    );
  });

  it('fills $vin and $remoteType of a batch with the distinct values, comma-separated, in event order', async () => {
    await setup({
      batchNotify: { size: 3, timeWindow: 60 },
      attributes: [
        { type: 'Header', key: 'X-Vin', value: '$vin' },
        { type: 'Header', key: 'X-Remote-Type', value: '$remoteType' },
        { type: 'Body', key: 'vins', value: '$vin' },
        { type: 'Query', key: 'types', value: '$remoteType' },
      ],
    });
    w.notify('ra-2', 'Accepted');
    w.notify('ra-1', 'Accepted');
    w.notify('ra-2', 'SentToVehicle');
    await w.outbox.idle();
    const r = sink.received[0]!;
    expect(r.headers['x-vin']).toBe(`${VINS[1]},${VINS[0]}`);
    expect(r.headers['x-remote-type']).toBe('Horn,Doors');
    expect(r.json.attributes).toEqual([{ key: 'vins', value: `${VINS[1]},${VINS[0]}` }]);
    expect(r.query.get('types')).toBe('Horn,Doors');
  });

  it('is turned off by a $vin Query attribute: one call per event, each with its VIN', async () => {
    await setup({
      batchNotify: { size: 5, timeWindow: 60 },
      attributes: [{ type: 'Query', key: 'vin', value: '$vin' }],
    });
    w.notify('ra-1', 'Accepted');
    w.notify('ra-2', 'Accepted');
    await w.outbox.idle();
    expect(sink.received.map((r) => [r.query.get('vin'), r.json.events.length])).toEqual([
      [VINS[0], 1],
      [VINS[1], 1],
    ]);
    expect(w.outbox.service.list({ limit: 10, offset: 0 }).items.map((d) => d.kind)).toEqual([
      'event',
      'event',
    ]);
  });

  it('retries a batch as one delivery, with one webhook-id', async () => {
    await setup({ batchNotify: { size: 2, timeWindow: 60 } });
    let n = 0;
    sink.reply(() => (++n === 1 ? { status: 500 } : { status: 200 }));
    w.notify('ra-1', 'Accepted');
    w.notify('ra-2', 'Accepted');
    await w.advance(10 * S);
    expect(sink.received).toHaveLength(2);
    expect(sink.received[0]!.headers['webhook-id']).toBe(sink.received[1]!.headers['webhook-id']);
    expect(sink.received[1]!.body).toBe(sink.received[0]!.body);
  });

  it('flushes what waits when the callback stops batching', async () => {
    await setup({ batchNotify: { size: 10, timeWindow: 60 } });
    w.notify('ra-1', 'Accepted');
    w.notify('ra-2', 'Accepted');
    await w.outbox.idle();
    const record = w.repos.callbacks.get('cb-1')!;
    if (record.builtIn) throw new Error('cb-1 is a site callback');
    const { batchNotify: _b, ...unbatched } = record.subscribe;
    w.repos.callbacks.replace('cb-1', { ...record, subscribe: unbatched, updatedAt: w.clock.nowIso() });
    w.callbackChanged('cb-1');
    await w.outbox.idle();
    expect(sink.received.map((r) => r.json.events.length)).toEqual([1, 1]);
  });

  it('finds a batch under each vehicle it carries', async () => {
    await setup({ batchNotify: { size: 2, timeWindow: 60 } });
    w.notify('ra-1', 'Accepted');
    w.notify('ra-2', 'Accepted');
    w.notify('ra-3', 'Accepted');
    await w.advance(60 * S);
    const list = (vehicle: string) =>
      w.outbox.service.list({ vehicle, limit: 10, offset: 0 }).items.map((d) => d.eventCount);
    expect(list(VINS[0])).toEqual([2]);
    expect(list('veh-2')).toEqual([2]); // by vehicle id
    expect(list(VINS[2])).toEqual([1]);
    expect(list('VF3UNKNOWN0000000')).toEqual([]);
  });
});
