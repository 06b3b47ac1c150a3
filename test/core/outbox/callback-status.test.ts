// A callback's status decides whether its deliveries move: Paused holds them (not attempted, not expiring),
// Running resumes them; a 410 Gone pauses the callback and says why; a deleted callback's deliveries become
// dead letters. Status changes come through the real callbacks service and its bus event.
import { adminActor } from '../../helpers/actors.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import type { CallbacksService } from '../../../main/core/services/callbacks-service.js';
import { startSink, startWorld, subscribe, type Sink, type World } from './outbox-world.js';

let w: World;
let sink: Sink;
let callbacks: CallbacksService;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

const S = 1000;
const DAY = 24 * 3600 * S;
const actor = adminActor('tech-anna');

async function setup(overrides: Parameters<typeof subscribe>[1] = {}) {
  sink = await startSink();
  // Nothing registered upstream (no receiver URL): status changes stay local (see
  // test/core/services/gone-pauses-callback.test.ts for the twin).
  w = await startWorld();
  callbacks = w.callbacks;
  w.addCallback('cb-1', subscribe(sink.url(), overrides));
  w.addAction('ra-1', 'cb-1');
  await w.outbox.idle();
}

const items = () => w.outbox.service.list({ limit: 100, offset: 0 }).items;
const setStatus = async (status: 'Paused' | 'Running') => {
  await callbacks.setStatus('cb-1', { status }, actor);
  await w.outbox.idle();
};

describe('Paused and Running', () => {
  it('holds deliveries while paused, without attempts or expiry, and resumes them', async () => {
    await setup({ retryPolicy: { policy: 'None' } });
    await setStatus('Paused');
    w.notify('ra-1', 'Accepted');
    w.notify('ra-1', 'SentToVehicle');
    await w.advance(5 * DAY);
    expect(sink.received).toHaveLength(0);
    for (const d of items()) {
      expect(d).toMatchObject({
        state: 'Queued',
        attempts: 0,
        heldReason: { code: 'CALLBACK_PAUSED', params: {} },
      });
    }
    expect(w.outbox.service.targets().items[0]!.callbacks[0]).toMatchObject({
      status: 'Paused',
      queued: 2,
      heldReason: { code: 'CALLBACK_PAUSED', params: {} },
    });

    await setStatus('Running');
    expect(sink.received).toHaveLength(2);
    for (const d of items()) expect(d).toMatchObject({ state: 'Delivered', attempts: 1 });
  });

  it('does not count the time paused toward the 3-day cap', async () => {
    await setup({ retryPolicy: { policy: 'Bounded', retryNumber: 10, retryDelay: 10 } });
    sink.reply(() => ({ status: 500 }));
    w.notify('ra-1');
    await w.outbox.idle();
    const id = items()[0]!.id;
    expect(w.repos.deliveries.get(id)?.retryDeadline).toBe('2026-01-08T08:00:00.000Z');
    await setStatus('Paused');
    await w.advance(4 * DAY);
    await setStatus('Running');
    expect(w.repos.deliveries.get(id)).toMatchObject({
      attempts: 2,
      retryDeadline: '2026-01-12T08:00:00.000Z',
    });
  });
});

describe('410 Gone', () => {
  it('pauses the callback with an audit entry, holds its deliveries, and says why', async () => {
    await setup();
    const events: ChangeEvent[] = [];
    w.changes.subscribe((e) => events.push(e));
    sink.reply(() => ({ status: 410 }));
    w.notify('ra-1', 'Accepted');
    await w.outbox.idle();
    w.notify('ra-1', 'SentToVehicle');
    await w.advance(DAY);

    expect(sink.received).toHaveLength(1);
    expect(w.repos.callbacks.get('cb-1')?.status).toBe('Paused');
    const entry = w.repos.audit.list({ limit: 10 }).find((e) => e.action === 'callback.pause')!;
    expect(entry).toMatchObject({ operator: 'outbox', callbackId: 'cb-1' });
    expect(entry.reason).toMatch(/answered 410 Gone/);
    expect(events).toContainEqual(
      expect.objectContaining({
        name: 'callback.changed',
        data: expect.objectContaining({ callback: expect.objectContaining({ status: 'Paused' }) }),
      }),
    );
    expect(events.some((e) => e.name === 'audit.appended')).toBe(true);

    const [second, first] = items();
    expect(first).toMatchObject({ state: 'Queued', attempts: 0, lastStatus: 410 });
    expect(first!.lastError).toMatch(/410 Gone/);
    // The callback is paused by then, but what holds its deliveries is the 410: the target to correct.
    const gone = { code: 'TARGET_GONE', params: { target: sink.url() } };
    expect(first!.heldReason).toEqual(gone);
    expect(second).toMatchObject({ state: 'Queued', attempts: 0, heldReason: gone });
    expect(w.outbox.service.targets().items[0]!.callbacks[0]!.heldReason).toEqual(gone);
    expect(events.filter((e) => e.name === 'delivery.changed').length).toBeGreaterThan(0);

    sink.reply(() => ({ status: 200 }));
    await setStatus('Running');
    expect(sink.received).toHaveLength(3);
    expect(items().map((d) => d.state)).toEqual(['Delivered', 'Delivered']);
  });

  it('reads a hold an earlier version kept as an English sentence: a 410 still names its target', async () => {
    await setup();
    await setStatus('Paused');
    const since = w.clock.nowIso();
    const restart = async (reason: string) => {
      w.repos.deliveryTargets.hold({ callbackId: 'cb-1', since, reason });
      const { dir, clock } = w;
      await w.shutdown();
      w = await startWorld({ dir, clock });
    };
    await restart(
      'The webhook https://old.example/hook answered 410 Gone: deliveries are held. Correct the target, then ' +
        'resume the callback.',
    );
    w.notify('ra-1', 'Accepted');
    await w.outbox.idle();
    expect(items()[0]!.heldReason).toEqual({
      code: 'TARGET_GONE',
      params: { target: 'https://old.example/hook' },
    });

    // Any other sentence reads as the callback's status says.
    await restart('The callback is paused.');
    expect(items()[0]!.heldReason).toEqual({ code: 'CALLBACK_PAUSED', params: {} });
  });
});

describe('deleted callback', () => {
  it('dead-letters what was queued or waiting for a batch, and what arrives later, with the reason', async () => {
    await setup({ batchNotify: { size: 10, timeWindow: 60 } });
    await sink.down();
    w.notify('ra-1', 'Accepted');
    await w.advance(60 * S); // a batch, queued for the unreachable target
    w.notify('ra-1', 'SentToVehicle'); // waiting for the next batch
    await w.outbox.idle();

    w.repos.callbacks.softDelete('cb-1', w.clock.nowIso());
    w.bus.publish({ type: 'callback.changed', callbackId: 'cb-1' });
    await w.outbox.idle();
    w.notify('ra-1', 'Success', 'Done'); // after the delete
    await w.outbox.idle();

    const all = items();
    expect(all).toHaveLength(3);
    for (const d of all) {
      expect(d.state).toBe('Dead');
      expect(d.lastError).toMatch(/callback was deleted/);
    }
    expect(w.outbox.service.targets().counts).toMatchObject({ Dead: 3, Queued: 0, waitingForBatch: 0 });
    expect(() => w.outbox.service.retry(all[0]!.id, actor)).toThrow(
      expect.objectContaining({ code: 'CALLBACK_DELETED' }),
    );
  });
});
