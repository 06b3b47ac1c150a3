// The outcome recorder's plan against a real store: a pass's outcomes become one attempts statement and one
// settling statement, run in one transaction, and only what this run still held is announced as settled.
import { describe, expect, it } from 'vitest';
import { runStepsInline } from '../../../main/core/db/index.js';
import type { DeliveryRecord } from '../../../main/core/db/index.js';
import { createEventBus } from '../../../main/core/events/event-bus.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { createCallbackCache } from '../../../main/core/outbox/callback-cache.js';
import { createDeliveryEvents } from '../../../main/core/outbox/delivery-events.js';
import type { GoneHandler } from '../../../main/core/outbox/gone.js';
import type { Lane } from '../../../main/core/outbox/lanes.js';
import { resolveOutboxOptions } from '../../../main/core/outbox/outbox-options.js';
import { createOutcomeRecorder, type Outcome } from '../../../main/core/outbox/outcomes.js';
import { at, outboxWrites, seedParents, useStore } from '../db/db-fixtures.js';

const OWNER = 'run-1';
const VIN = 'VR3UHZKXZMT000001';

describe('outcome recorder', () => {
  const store = useStore();

  function world() {
    const { db, repos } = store();
    seedParents(repos);
    for (const id of ['a', 'b', 'c']) {
      repos.deliveries.insert({
        id,
        callbackId: 'cb-001',
        kind: 'event',
        events: [{ vin: VIN, remoteType: 'Doors', eventJson: '{"remoteType":"Doors"}' }],
        nextAttemptAt: at(100),
        createdAt: at(100),
      });
    }
    const claimed = outboxWrites(db).claim('cb-001', at(100), 10, OWNER, at(900));
    const bus = createEventBus();
    const announced: string[] = [];
    bus.subscribe((event) => {
      if (event.type === 'delivery.changed') announced.push(`${event.deliveryId}:${event.record?.state}`);
    });
    const recorder = createOutcomeRecorder({
      logger: silentLogger,
      options: resolveOutboxOptions(),
      callbacks: createCallbackCache(repos, () => Promise.reject(new Error('no secrets needed'))),
      events: createDeliveryEvents({ bus }),
      gone: { onGone: () => expect.fail('no 410 in these tests') } as unknown as GoneHandler,
      owner: OWNER,
    });
    const lane: Lane = {
      callbackId: 'cb-001',
      prefetch: [],
      origin: null,
      maybeDue: false,
      nextDueMs: null,
      gone: false,
    };
    const outcome = (delivery: DeliveryRecord, status: number, second: number): Outcome => ({
      lane,
      delivery,
      result: { kind: 'answer', status, latencyMs: 7, retryAfter: null, detail: null },
      startedAt: at(second),
      finishedMs: Date.parse(at(second)) + 7,
      probe: false,
      creditMs: 0,
    });
    /** Plans a pass of [delivery id, HTTP status, second it started], runs it, and returns its step count. */
    const record = (calls: [string, number, number][]): number => {
      const plan = recorder.plan(
        calls.map(([id, status, second]) =>
          outcome(
            claimed.find((d) => d.id === id)!,
            status,
            second,
          ),
        ),
      );
      recorder.finish(plan, runStepsInline(db, plan.steps), { afterCommit: (effect) => effect() });
      return plan.steps.length;
    };
    return { db, repos, announced, record };
  }

  it('writes a pass as two statements and announces only what this run still held', () => {
    const { db, repos, announced, record } = world();
    // c's lease went to another run meanwhile (a reclaim): its outcome is logged, not applied.
    db.raw.prepare("UPDATE deliveries SET lease_owner = 'run-2' WHERE id = 'c'").run();

    expect(
      record([
        ['a', 204, 101],
        ['b', 503, 102],
        ['c', 200, 103],
      ]),
    ).toBe(2);

    expect(repos.deliveries.get('a')).toMatchObject({ state: 'Delivered', attempts: 1, lastStatus: 204 });
    expect(repos.deliveries.get('b')).toMatchObject({ state: 'Queued', attempts: 1, lastStatus: 503 });
    expect(repos.deliveries.get('c')).toMatchObject({ state: 'InFlight', leaseOwner: 'run-2' });
    expect(announced.sort()).toEqual(['a:Delivered', 'b:Queued']);
    expect(repos.deliveries.listAttempts('c')).toEqual([
      expect.objectContaining({ deliveryId: 'c', httpStatus: 200, startedAt: at(103) }),
    ]);
  });

  it('gives a second outcome of the same delivery a statement of its own, applied after the first', () => {
    const { repos, announced, record } = world();

    expect(
      record([
        ['a', 503, 101],
        ['b', 204, 101],
        ['a', 204, 102],
      ]),
    ).toBe(3);

    // The first settlement released the lease, so the second finds nothing to settle: as two passes would.
    expect(repos.deliveries.get('a')).toMatchObject({ state: 'Queued', lastStatus: 503, leaseOwner: null });
    expect(repos.deliveries.get('b')).toMatchObject({ state: 'Delivered' });
    expect(announced.sort()).toEqual(['a:Queued', 'b:Delivered']);
    expect(repos.deliveries.listAttempts('a').map((a) => a.httpStatus)).toEqual([503, 204]);
  });
});
