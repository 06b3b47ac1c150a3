import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALLBACK_ID } from '../../../main/core/domain/callback/built-in.js';
import { action, at, callback, seedParents, useStore } from './db-fixtures.js';

describe('callbacks repository', () => {
  const store = useStore();

  it('round-trips a callback', () => {
    const { repos } = store();
    const cb = callback();
    repos.callbacks.insert(cb);
    expect(repos.callbacks.get(cb.id)).toEqual({ ...cb, builtIn: false, deletedAt: null });
    // After the built-in callback every data folder has (migration 008).
    expect(repos.callbacks.list().map((c) => c.id)).toEqual([BUILT_IN_CALLBACK_ID, cb.id]);
    expect(repos.callbacks.list()[1]).toEqual({ ...cb, builtIn: false, deletedAt: null });
    expect(repos.callbacks.get('nope')).toBeNull();
  });

  it('round-trips a minimal callback (no label, no secrets, no batch)', () => {
    const { repos } = store();
    const cb = callback({
      label: null,
      subscribe: {
        callback: { webhook: { target: 'http://127.0.0.1:9000/hook', name: 'local' } },
        retryPolicy: { policy: 'None' },
        remoteTypes: ['Horn'],
      },
      secrets: null,
      receiverSecret: null,
      upstreamId: 'up-77',
    });
    repos.callbacks.insert(cb);
    expect(repos.callbacks.get(cb.id)).toEqual({ ...cb, builtIn: false, deletedAt: null });
  });

  it('replaces the definition, keeping status and creation date; absent fields are kept, null clears', () => {
    const { repos } = store();
    repos.callbacks.insert(callback({ upstreamId: 'up-1' }));
    const subscribe = { ...callback().subscribe, remoteTypes: ['Lights' as const] };
    expect(
      repos.callbacks.replace('cb-001', { label: 'Renamed', subscribe, secrets: null, updatedAt: at(30) }),
    ).toBe(true);
    expect(repos.callbacks.get('cb-001')).toEqual({
      ...callback({ upstreamId: 'up-1' }),
      builtIn: false,
      label: 'Renamed',
      subscribe,
      secrets: null,
      updatedAt: at(30),
      deletedAt: null,
    });

    repos.callbacks.replace('cb-001', {
      label: 'Renamed',
      subscribe,
      secrets: null,
      receiverSecret: null,
      upstreamId: 'up-2',
      updatedAt: at(31),
    });
    const replaced = repos.callbacks.get('cb-001')!;
    expect(replaced.receiverSecret).toBeNull();
    expect(replaced.upstreamId).toBe('up-2');
    expect(replaced.createdAt).toBe(at(1));
    expect(
      repos.callbacks.replace('nope', { label: null, subscribe, secrets: null, updatedAt: at(32) }),
    ).toBe(false);
  });

  it('sets the status', () => {
    const { repos } = store();
    repos.callbacks.insert(callback());
    expect(repos.callbacks.setStatus('cb-001', 'Paused', at(40))).toBe(true);
    expect(repos.callbacks.get('cb-001')).toMatchObject({ status: 'Paused', updatedAt: at(40) });
    expect(repos.callbacks.setStatus('nope', 'Paused', at(40))).toBe(false);
  });

  it('soft-deletes: hidden from get and list, its actions still readable', () => {
    const { repos } = store();
    seedParents(repos);
    repos.callbacks.insert(callback({ id: 'cb-002', createdAt: at(2), updatedAt: at(2) }));
    repos.actions.insert(action({ phase: 'Done', outcome: 'Success', status: 'Success', doneAt: at(20) }));

    expect(repos.callbacks.softDelete('cb-001', at(50))).toBe(true);
    expect(repos.callbacks.softDelete('cb-001', at(51))).toBe(false);
    expect(repos.callbacks.get('cb-001')).toBeNull();
    expect(repos.callbacks.list().map((c) => c.id)).toEqual([BUILT_IN_CALLBACK_ID, 'cb-002']);
    expect(repos.callbacks.getIncludingDeleted('cb-001')).toMatchObject({
      deletedAt: at(50),
      updatedAt: at(50),
    });
    expect(repos.callbacks.setStatus('cb-001', 'Running', at(52))).toBe(false);
    expect(repos.actions.get('ra-001')).toEqual(
      action({ phase: 'Done', outcome: 'Success', status: 'Success', doneAt: at(20) }),
    );
    expect(
      repos.actions.listForVehicleCallback('veh-hash-001', 'cb-001', { limit: 10, offset: 0 }),
    ).toHaveLength(1);
  });

  it('knows whether actions sent with it are still open', () => {
    const { repos } = store();
    seedParents(repos);
    expect(repos.callbacks.hasPendingActions('cb-001')).toBe(false);
    repos.actions.insert(action({ id: 'ra-done', phase: 'Done', outcome: 'Success' }));
    repos.actions.insert(action({ id: 'ra-timeout', phase: 'TimedOut' }));
    expect(repos.callbacks.hasPendingActions('cb-001')).toBe(false);
    repos.actions.insert(action({ id: 'ra-sending', phase: 'Sending', status: null }));
    expect(repos.callbacks.hasPendingActions('cb-001')).toBe(true);
    repos.actions.update(action({ id: 'ra-sending', phase: 'Pending' }));
    expect(repos.callbacks.hasPendingActions('cb-001')).toBe(true);
  });

  it('refuses an unknown status', () => {
    const { repos } = store();
    // @ts-expect-error: deliberately invalid
    expect(() => repos.callbacks.insert(callback({ status: 'Deleted' }))).toThrow(/CHECK/);
  });
});
