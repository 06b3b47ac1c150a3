import { describe, expect, it } from 'vitest';
import { createRepositories, openDatabase } from '../../../main/core/db/index.js';
import type { NewDelivery } from '../../../main/core/db/index.js';
import { action, at, seedParents, useStore } from './db-fixtures.js';

const delivery = (overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  id: 'msg_2mZ1',
  callbackId: 'cb-001',
  remoteActionId: null,
  eventSeq: null,
  payload: {
    type: 'Remote',
    remoteEvent: { remoteActionId: 'ra-001', eventStatus: { type: 'Pending' } },
    n: [1, 2.5],
  },
  nextAttemptAt: at(100),
  createdAt: at(100),
  ...overrides,
});

describe('deliveries repository', () => {
  const store = useStore();

  it('enqueues and round-trips, with expiry defaulting to creation + 3 days', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action());
    const seq = repos.events.insertIfNew('ra-001', {
      eventDate: at(99),
      receivedAt: at(99),
      eventType: 'Pending',
      status: 'Accepted',
      failureCause: null,
      feedbackDetail: null,
      source: 'receiver',
      applied: true,
    })!.seq;
    const queued = repos.deliveries.enqueue(delivery({ remoteActionId: 'ra-001', eventSeq: seq }));
    expect(queued).toEqual({
      ...delivery({ remoteActionId: 'ra-001', eventSeq: seq }),
      state: 'Queued',
      attempts: 0,
      expiresAt: '2025-01-18T08:01:40.000Z',
      deliveredAt: null,
      lastError: null,
    });
    expect(repos.deliveries.get('msg_2mZ1')).toEqual(queued);
    expect(repos.deliveries.get('nope')).toBeNull();

    const explicit = repos.deliveries.enqueue(delivery({ id: 'msg_2', expiresAt: at(500) }));
    expect(repos.deliveries.get('msg_2')).toEqual(explicit);
    expect(explicit.expiresAt).toBe(at(500));
  });

  it('claimDue takes only due Queued rows, earliest first, up to the limit, and marks them InFlight', () => {
    const { repos } = store();
    seedParents(repos);
    repos.deliveries.enqueue(delivery({ id: 'late', nextAttemptAt: at(300) }));
    repos.deliveries.enqueue(delivery({ id: 'due-2', nextAttemptAt: at(120) }));
    repos.deliveries.enqueue(delivery({ id: 'due-1', nextAttemptAt: at(110) }));
    repos.deliveries.enqueue(delivery({ id: 'due-3', nextAttemptAt: at(200) }));
    repos.deliveries.enqueue(delivery({ id: 'dead', nextAttemptAt: at(100) }));
    repos.deliveries.claimDue(at(100), 1);
    repos.deliveries.markDead('dead', 'expired');

    const claimed = repos.deliveries.claimDue(at(200), 2);
    expect(claimed.map((d) => [d.id, d.state])).toEqual([
      ['due-1', 'InFlight'],
      ['due-2', 'InFlight'],
    ]);
    expect(repos.deliveries.get('due-1')?.state).toBe('InFlight');
    // Already claimed rows are not claimed twice; the boundary (== now) is due.
    expect(repos.deliveries.claimDue(at(200), 10).map((d) => d.id)).toEqual(['due-3']);
    expect(repos.deliveries.claimDue(at(200), 10)).toEqual([]);
    expect(repos.deliveries.get('late')?.state).toBe('Queued');
    expect(repos.deliveries.get('dead')?.state).toBe('Dead');
  });

  it('walks the state machine, each transition guarded by the expected state', () => {
    const { repos } = store();
    seedParents(repos);
    repos.deliveries.enqueue(delivery({ id: 'd' }));
    expect(repos.deliveries.markDelivered('d', at(101))).toBe(false); // not InFlight yet
    repos.deliveries.claimDue(at(100), 10);

    expect(repos.deliveries.markRetry('d', at(160), 'HTTP 503')).toBe(true);
    expect(repos.deliveries.get('d')).toMatchObject({
      state: 'Queued',
      nextAttemptAt: at(160),
      lastError: 'HTTP 503',
    });
    expect(repos.deliveries.markRetry('d', at(170), 'again')).toBe(false);

    repos.deliveries.claimDue(at(160), 10);
    expect(repos.deliveries.markDelivered('d', at(161))).toBe(true);
    expect(repos.deliveries.get('d')).toMatchObject({ state: 'Delivered', deliveredAt: at(161) });
    expect(repos.deliveries.markDead('d', 'late')).toBe(false);

    repos.deliveries.enqueue(delivery({ id: 'f' }));
    expect(repos.deliveries.markFailed('f', 'policy None: HTTP 500')).toBe(true);
    expect(repos.deliveries.get('f')).toMatchObject({ state: 'Failed', lastError: 'policy None: HTTP 500' });
    expect(repos.deliveries.replay('f', at(400), at(900))).toBe(true);
    expect(repos.deliveries.get('f')).toMatchObject({
      state: 'Queued',
      attempts: 0,
      nextAttemptAt: at(400),
      expiresAt: at(900),
    });
    expect(repos.deliveries.replay('f', at(400), at(900))).toBe(false);
  });

  it('records attempts, counts them on the delivery, and lists them in order', () => {
    const { repos } = store();
    seedParents(repos);
    repos.deliveries.enqueue(delivery({ id: 'd' }));
    const first = repos.deliveries.recordAttempt({
      deliveryId: 'd',
      startedAt: at(100),
      durationMs: 5003,
      httpStatus: null,
      error: 'ECONNREFUSED',
    });
    const second = repos.deliveries.recordAttempt({
      deliveryId: 'd',
      startedAt: at(160),
      durationMs: 42,
      httpStatus: 200,
      error: null,
    });
    expect(second.id).toBeGreaterThan(first.id);
    expect(repos.deliveries.listAttempts('d')).toEqual([first, second]);
    expect(repos.deliveries.get('d')?.attempts).toBe(2);
    expect(repos.deliveries.listAttempts('nope')).toEqual([]);
    expect(() =>
      repos.deliveries.recordAttempt({
        deliveryId: 'ghost',
        startedAt: at(1),
        durationMs: 1,
        httpStatus: 200,
        error: null,
      }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('counts by state (every state present) and lists newest first by state and callback', () => {
    const { repos } = store();
    seedParents(repos);
    repos.callbacks.insert({ ...repos.callbacks.get('cb-001')!, id: 'cb-002' });
    repos.deliveries.enqueue(delivery({ id: 'a', createdAt: at(1), nextAttemptAt: at(1) }));
    repos.deliveries.enqueue(
      delivery({ id: 'b', createdAt: at(2), nextAttemptAt: at(2), callbackId: 'cb-002' }),
    );
    repos.deliveries.enqueue(delivery({ id: 'c', createdAt: at(3), nextAttemptAt: at(50) }));
    repos.deliveries.claimDue(at(10), 10);
    repos.deliveries.markDelivered('a', at(11));

    expect(repos.deliveries.counts()).toEqual({ Queued: 1, InFlight: 1, Delivered: 1, Failed: 0, Dead: 0 });
    expect(repos.deliveries.list({ limit: 10 }).map((d) => d.id)).toEqual(['c', 'b', 'a']);
    expect(repos.deliveries.list({ limit: 2 }).map((d) => d.id)).toEqual(['c', 'b']);
    expect(repos.deliveries.list({ state: 'InFlight', limit: 10 }).map((d) => d.id)).toEqual(['b']);
    expect(repos.deliveries.list({ callbackId: 'cb-001', limit: 10 }).map((d) => d.id)).toEqual(['c', 'a']);
    expect(
      repos.deliveries.list({ callbackId: 'cb-001', state: 'Queued', limit: 10 }).map((d) => d.id),
    ).toEqual(['c']);
  });

  it('requeueInFlight puts interrupted deliveries back in the queue (crash recovery)', () => {
    const { repos } = store();
    seedParents(repos);
    repos.deliveries.enqueue(delivery({ id: 'x', nextAttemptAt: at(1) }));
    repos.deliveries.enqueue(delivery({ id: 'y', nextAttemptAt: at(2) }));
    repos.deliveries.enqueue(delivery({ id: 'z', nextAttemptAt: at(3) }));
    repos.deliveries.claimDue(at(5), 10);
    repos.deliveries.markDelivered('z', at(6));

    expect(repos.deliveries.requeueInFlight()).toBe(2);
    expect(['x', 'y', 'z'].map((id) => repos.deliveries.get(id)?.state)).toEqual([
      'Queued',
      'Queued',
      'Delivered',
    ]);
    expect(repos.deliveries.claimDue(at(5), 10).map((d) => d.id)).toEqual(['x', 'y']);
  });

  it('requeues after a real restart of the file', () => {
    const { repos, db, file } = store();
    seedParents(repos);
    repos.deliveries.enqueue(delivery({ id: 'x', nextAttemptAt: at(1) }));
    repos.deliveries.claimDue(at(5), 10);
    db.close();

    const reopened = openDatabase(file);
    try {
      const again = createRepositories(reopened);
      expect(again.deliveries.get('x')?.state).toBe('InFlight');
      expect(again.deliveries.requeueInFlight()).toBe(1);
      expect(again.deliveries.get('x')?.state).toBe('Queued');
    } finally {
      reopened.close();
    }
  });
});
