import { describe, expect, it } from 'vitest';
import { createRepositories, openDatabase } from '../../../main/core/db/index.js';
import type { DeliverySettlement, NewDelivery } from '../../../main/core/db/index.js';
import { at, callback, outboxWrites as writes, seedParents, useStore } from './db-fixtures.js';

const VIN_A = 'VR3UHZKXZMT000001';
const VIN_B = 'VR3UHZKXZMT000002';

const event = (vin = VIN_A, remoteType = 'Doors', status = 'Accepted') => ({
  vin,
  remoteType,
  eventJson: JSON.stringify({
    remoteActionId: 'ra-001',
    vin,
    remoteType,
    eventStatus: { type: 'Pending', status },
  }),
});

const delivery = (overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  id: 'msg_2mZ1',
  callbackId: 'cb-001',
  kind: 'event',
  events: [event()],
  nextAttemptAt: at(100),
  createdAt: at(100),
  ...overrides,
});

const OWNER = 'run-1';

const settled = (id: string, overrides: Partial<DeliverySettlement>): DeliverySettlement => ({
  id,
  state: 'Queued',
  attempts: 0,
  unreachableTries: 0,
  nextAttemptAt: at(100),
  retryDeadline: null,
  deliveredAt: null,
  gaveUpAt: null,
  lastStatus: null,
  lastError: null,
  ...overrides,
});

describe('deliveries repository', () => {
  const store = useStore();

  it('stores a delivery with its events and round-trips it', () => {
    const { repos } = store();
    seedParents(repos);
    const stored = repos.deliveries.insert(
      delivery({
        kind: 'batch',
        events: [event(VIN_A), event(VIN_B, 'Horn'), event(VIN_A, 'Doors', 'Done')],
      }),
    );
    expect(stored).toEqual({
      id: 'msg_2mZ1',
      callbackId: 'cb-001',
      kind: 'batch',
      eventCount: 3,
      vins: [VIN_A, VIN_B],
      remoteTypes: ['Doors', 'Horn'],
      eventsJson: `[${[event(VIN_A), event(VIN_B, 'Horn'), event(VIN_A, 'Doors', 'Done')].map((e) => e.eventJson).join(',')}]`,
      state: 'Queued',
      attempts: 0,
      unreachableTries: 0,
      nextAttemptAt: at(100),
      retryDeadline: null,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: at(100),
      deliveredAt: null,
      gaveUpAt: null,
      lastStatus: null,
      lastError: null,
    });
    expect(repos.deliveries.get('msg_2mZ1')).toEqual(stored);
    expect(repos.deliveries.get('nope')).toBeNull();
    expect(JSON.parse(stored.eventsJson)).toHaveLength(3);

    const dead = repos.deliveries.insert(
      delivery({ id: 'dead', state: 'Dead', lastError: 'callback deleted' }),
    );
    expect(dead).toMatchObject({ state: 'Dead', gaveUpAt: at(100), lastError: 'callback deleted' });
    expect(() => repos.deliveries.insert(delivery({ id: 'empty', events: [] }))).toThrow(
      /at least one event/,
    );
  });

  it('claims due deliveries per callback under a lease, earliest due first', () => {
    const { repos, db } = store();
    seedParents(repos);
    repos.callbacks.insert(callback({ id: 'cb-002' }));
    repos.deliveries.insert(delivery({ id: 'late', nextAttemptAt: at(300) }));
    repos.deliveries.insert(delivery({ id: 'due-2', nextAttemptAt: at(120) }));
    repos.deliveries.insert(delivery({ id: 'due-1', nextAttemptAt: at(110) }));
    repos.deliveries.insert(delivery({ id: 'due-3', nextAttemptAt: at(200) }));
    repos.deliveries.insert(delivery({ id: 'other', callbackId: 'cb-002', nextAttemptAt: at(100) }));

    const claimed = writes(db).claim('cb-001', at(200), 2, OWNER, at(500));
    expect(claimed.map((d) => d.id)).toEqual(['due-1', 'due-2']);
    expect(claimed[0]).toMatchObject({ state: 'InFlight', leaseOwner: OWNER, leaseUntil: at(500) });
    expect(
      writes(db)
        .claim('cb-001', at(200), 10, OWNER, at(500))
        .map((d) => d.id),
    ).toEqual(['due-3']);
    expect(writes(db).claim('cb-001', at(200), 10, OWNER, at(500))).toEqual([]);
    expect(writes(db).nextDue('cb-001')).toBe(at(300));
    expect(writes(db).nextDue('cb-003')).toBeNull();
    expect(repos.deliveries.queuedByCallback()).toEqual(
      new Map([
        ['cb-001', 1],
        ['cb-002', 1],
      ]),
    );
  });

  it('settles only under its own lease; releases and reclaims', () => {
    const { repos, db } = store();
    seedParents(repos);
    for (const id of ['a', 'b', 'c']) repos.deliveries.insert(delivery({ id }));
    writes(db).claim('cb-001', at(100), 10, OWNER, at(500));

    expect(
      writes(db).settle(
        settled('a', { state: 'Delivered', attempts: 1, deliveredAt: at(101) }),
        'someone-else',
      ),
    ).toBe(false);
    expect(
      writes(db).settle(
        settled('a', { state: 'Delivered', attempts: 1, deliveredAt: at(101), lastStatus: 204 }),
        OWNER,
      ),
    ).toBe(true);
    expect(repos.deliveries.get('a')).toMatchObject({
      state: 'Delivered',
      attempts: 1,
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(writes(db).settle(settled('a', { state: 'Failed' }), OWNER)).toBe(false);

    expect(repos.deliveries.release(['b'], OWNER)).toBe(1);
    expect(repos.deliveries.get('b')).toMatchObject({ state: 'Queued', leaseOwner: null });
    // A later run reclaims what an earlier one left in flight.
    expect(repos.deliveries.reclaim(OWNER, '9999-12-31T23:59:59.999Z')).toBe(0);
    expect(repos.deliveries.reclaim('run-2', '9999-12-31T23:59:59.999Z')).toBe(1);
    expect(repos.deliveries.get('c')).toMatchObject({ state: 'Queued', leaseOwner: null });
  });

  it('keeps events waiting for a batch, and batches the oldest', () => {
    const { repos } = store();
    seedParents(repos);
    const ids = [1, 2, 3].map((i) =>
      repos.deliveries.addWaiting('cb-001', event(i === 2 ? VIN_B : VIN_A), at(i)),
    );
    expect(repos.deliveries.waitingByCallback()).toEqual([
      { callbackId: 'cb-001', count: 3, oldestAt: at(1) },
    ]);
    const oldest = repos.deliveries.takeWaiting('cb-001', 2);
    expect(oldest.map((e) => e.id)).toEqual(ids.slice(0, 2));
    const batch = repos.deliveries.insertFromWaiting(
      { id: 'batch-1', callbackId: 'cb-001', kind: 'batch', createdAt: at(10), nextAttemptAt: at(10) },
      oldest,
    );
    expect(batch).toMatchObject({ eventCount: 2, vins: [VIN_A, VIN_B] });
    expect(repos.deliveries.waitingByCallback()).toEqual([
      { callbackId: 'cb-001', count: 1, oldestAt: at(3) },
    ]);
    expect(() =>
      repos.deliveries.insertFromWaiting(
        { id: 'batch-2', callbackId: 'cb-001', kind: 'batch', createdAt: at(10), nextAttemptAt: at(10) },
        oldest,
      ),
    ).toThrow(/expected to batch 2 waiting events/);
  });

  it('gives up, shifts deadlines, and replays dead letters', () => {
    const { repos, db } = store();
    seedParents(repos);
    repos.deliveries.insert(delivery({ id: 'old', createdAt: at(1) }));
    repos.deliveries.insert(delivery({ id: 'new', createdAt: at(50) }));
    writes(db).claim('cb-001', at(100), 10, OWNER, at(500));
    writes(db).settle(settled('old', { retryDeadline: at(1000), attempts: 1, lastStatus: 500 }), OWNER);
    writes(db).settle(settled('new', { retryDeadline: at(1000), attempts: 1 }), OWNER);

    expect(repos.deliveries.shiftDeadlines('cb-001', 1500)).toBe(2);
    expect(repos.deliveries.get('old')?.retryDeadline).toBe(
      new Date(Date.parse(at(1000)) + 1500).toISOString(),
    );

    expect(repos.deliveries.giveUpQueued('cb-001', 'Dead', 'target gone', at(200), at(10))).toEqual(['old']);
    expect(repos.deliveries.get('old')).toMatchObject({
      state: 'Dead',
      gaveUpAt: at(200),
      lastError: 'target gone',
    });
    expect(repos.deliveries.replay('new', at(300))).toBe(false); // not a dead letter
    expect(repos.deliveries.dueNow('new', at(90))).toBe(true);
    expect(repos.deliveries.replay('old', at(300))).toBe(true);
    expect(repos.deliveries.get('old')).toMatchObject({
      state: 'Queued',
      attempts: 0,
      nextAttemptAt: at(300),
      retryDeadline: null,
      gaveUpAt: null,
      lastError: null,
    });
    repos.deliveries.giveUpQueued('cb-001', 'Failed', 'x', at(400), at(9999));
    expect(repos.deliveries.replayCallback('cb-001', at(500)).sort()).toEqual(['new', 'old']);
  });

  it('logs attempts, counted or not, in order', () => {
    const { repos, db } = store();
    seedParents(repos);
    repos.deliveries.insert(delivery({ id: 'd' }));
    const attempt = (o: object) => ({
      deliveryId: 'd',
      startedAt: at(1),
      durationMs: 12,
      httpStatus: null,
      error: null,
      counted: true,
      ...o,
    });
    writes(db).recordAttempt(attempt({ error: 'ECONNREFUSED', counted: false }));
    writes(db).recordAttempt(attempt({ startedAt: at(2), httpStatus: 503, error: 'HTTP 503' }));
    expect(repos.deliveries.listAttempts('d')).toEqual([
      { id: expect.any(Number), ...attempt({ error: 'ECONNREFUSED', counted: false }) },
      { id: expect.any(Number), ...attempt({ startedAt: at(2), httpStatus: 503, error: 'HTTP 503' }) },
    ]);
    expect(repos.deliveries.listAttempts('nope')).toEqual([]);
    expect(() => writes(db).recordAttempt(attempt({ deliveryId: 'ghost' }))).toThrow(/FOREIGN KEY/);
  });

  it('settles a pass at once: only what this run holds, every column as given; attempts in their order', () => {
    const { repos, db } = store();
    seedParents(repos);
    for (const id of ['a', 'b', 'c', 'd']) repos.deliveries.insert(delivery({ id }));
    writes(db).claim('cb-001', at(100), 3, OWNER, at(500));
    // d was never claimed; b's lease went to another run (a reclaim), so neither is this run's to settle.
    db.raw.prepare("UPDATE deliveries SET lease_owner = 'run-2' WHERE id = 'b'").run();

    const ids = writes(db).settleMany(
      [
        settled('a', { state: 'Delivered', attempts: 1, deliveredAt: at(101), lastStatus: 204 }),
        settled('b', { state: 'Delivered', attempts: 1, deliveredAt: at(101) }),
        settled('c', {
          state: 'Queued',
          attempts: 2,
          unreachableTries: 1,
          nextAttemptAt: at(160),
          retryDeadline: at(9000),
          lastStatus: 503,
          lastError: 'HTTP 503: "busy"',
        }),
        settled('d', { state: 'Failed', gaveUpAt: at(101) }),
      ],
      OWNER,
    );
    expect([...ids].sort()).toEqual(['a', 'c']);
    expect(repos.deliveries.get('a')).toMatchObject({
      state: 'Delivered',
      attempts: 1,
      deliveredAt: at(101),
      lastStatus: 204,
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(repos.deliveries.get('b')).toMatchObject({ state: 'InFlight', leaseOwner: 'run-2' });
    expect(repos.deliveries.get('c')).toMatchObject({
      state: 'Queued',
      attempts: 2,
      unreachableTries: 1,
      nextAttemptAt: at(160),
      retryDeadline: at(9000),
      deliveredAt: null,
      gaveUpAt: null,
      lastStatus: 503,
      lastError: 'HTTP 503: "busy"',
      leaseOwner: null,
    });
    expect(repos.deliveries.get('d')).toMatchObject({ state: 'Queued', gaveUpAt: null });

    const attempt = (deliveryId: string, second: number, o: object = {}) => ({
      deliveryId,
      startedAt: at(second),
      durationMs: second,
      httpStatus: 200,
      error: null,
      counted: true,
      ...o,
    });
    const batch = [
      attempt('c', 3, { httpStatus: null, error: 'ECONNRESET', counted: false }),
      attempt('a', 1),
      attempt('c', 2, { httpStatus: 503, error: 'HTTP 503' }),
    ];
    writes(db).recordAttempts(batch);
    expect(repos.deliveries.listAttempts('c')).toEqual([
      { id: expect.any(Number), ...batch[0] },
      { id: expect.any(Number), ...batch[2] },
    ]);
    expect(repos.deliveries.listAttempts('a')).toEqual([{ id: expect.any(Number), ...batch[1] }]);
    // One bad row fails the whole statement: nothing of the batch is kept.
    expect(() => writes(db).recordAttempts([attempt('a', 5), attempt('ghost', 6)])).toThrow(/FOREIGN KEY/);
    expect(repos.deliveries.listAttempts('a')).toHaveLength(1);
  });

  it('counts by state and lists newest first by state, callback, vehicle and time', () => {
    const { repos, db } = store();
    seedParents(repos);
    repos.callbacks.insert(callback({ id: 'cb-002' }));
    repos.deliveries.insert(delivery({ id: 'a', createdAt: at(1), nextAttemptAt: at(1) }));
    repos.deliveries.insert(
      delivery({
        id: 'b',
        createdAt: at(2),
        nextAttemptAt: at(2),
        callbackId: 'cb-002',
        events: [event(VIN_B)],
      }),
    );
    repos.deliveries.insert(delivery({ id: 'c', createdAt: at(3), nextAttemptAt: at(50) }));
    writes(db).claim('cb-001', at(10), 10, OWNER, at(100));
    writes(db).settle(settled('a', { state: 'Delivered', deliveredAt: at(11) }), OWNER);
    writes(db).claim('cb-002', at(10), 10, OWNER, at(100));

    expect(repos.deliveries.counts()).toEqual({ Queued: 1, InFlight: 1, Delivered: 1, Failed: 0, Dead: 0 });
    const list = (q: object) => repos.deliveries.list({ limit: 10, offset: 0, ...q }).map((d) => d.id);
    expect(list({})).toEqual(['c', 'b', 'a']);
    expect(list({ limit: 2, offset: 1 })).toEqual(['b', 'a']);
    expect(list({ state: 'InFlight' })).toEqual(['b']);
    expect(list({ callbackId: 'cb-001' })).toEqual(['c', 'a']);
    expect(list({ callbackId: 'cb-001', state: 'Queued' })).toEqual(['c']);
    expect(list({ vin: VIN_B })).toEqual(['b']);
    expect(list({ since: at(2), until: at(3) })).toEqual(['b']);
    expect(repos.deliveries.count({ callbackId: 'cb-001' })).toBe(2);
    expect(repos.deliveries.count({})).toBe(3);
  });

  it('keeps leases across a real restart of the file, for the next run to reclaim', () => {
    const { repos, db, file } = store();
    seedParents(repos);
    repos.deliveries.insert(delivery({ id: 'x', nextAttemptAt: at(1) }));
    writes(db).claim('cb-001', at(5), 10, OWNER, at(100));
    db.close();

    const reopened = openDatabase(file);
    try {
      const again = createRepositories(reopened);
      expect(again.deliveries.get('x')).toMatchObject({ state: 'InFlight', leaseOwner: OWNER });
      expect(again.deliveries.reclaim('run-2', '9999-12-31T23:59:59.999Z')).toBe(1);
      expect(again.deliveries.get('x')?.state).toBe('Queued');
    } finally {
      reopened.close();
    }
  });
});

describe('delivery targets and holds', () => {
  const store = useStore();

  it('remember reachability and holds', () => {
    const { repos } = store();
    seedParents(repos);
    const target = {
      origin: 'http://10.0.0.5:8080',
      state: 'offline' as const,
      since: at(1),
      lastError: 'connect ECONNREFUSED',
      probeFailures: 3,
      nextProbeAt: at(9),
      updatedAt: at(2),
    };
    repos.deliveryTargets.saveTarget(target);
    repos.deliveryTargets.saveTarget({ ...target, probeFailures: 4, updatedAt: at(3) });
    expect(repos.deliveryTargets.listTargets()).toEqual([{ ...target, probeFailures: 4, updatedAt: at(3) }]);

    repos.deliveryTargets.hold({ callbackId: 'cb-001', since: at(5), reason: 'paused' });
    repos.deliveryTargets.hold({ callbackId: 'cb-001', since: at(6), reason: '410 Gone' });
    expect(repos.deliveryTargets.listHolds()).toEqual([
      { callbackId: 'cb-001', since: at(5), reason: '410 Gone' },
    ]);
    expect(repos.deliveryTargets.unhold('cb-001')).toBe(true);
    expect(repos.deliveryTargets.unhold('cb-001')).toBe(false);
  });
});
