// The receiver's secret cache: reused briefly, dropped at once when the callback changes, misses remembered
// only briefly, failures never; comparison accepts only the exact secret.
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../main/core/events/event-bus.js';
import { createReceiverSecrets } from '../../../main/core/receiver/receiver-secrets.js';

function setup() {
  let now = 1_000_000;
  const store = new Map<string, string>([['cb-1', 's3cret-one']]);
  const calls: string[] = [];
  let failNext = false;
  const bus = createEventBus();
  const secrets = createReceiverSecrets(
    {
      async openReceiverSecret(id) {
        calls.push(id);
        if (failNext) {
          failNext = false;
          throw new Error('database is locked');
        }
        return store.get(id) ?? null;
      },
    },
    bus,
    { ttlMs: 60_000, negativeTtlMs: 5_000, maxEntries: 3, now: () => now },
  );
  return {
    secrets,
    store,
    calls,
    bus,
    advance: (ms: number) => (now += ms),
    failNext: () => (failNext = true),
    changed: (callbackId: string) => bus.publish({ type: 'callback.changed', callbackId }),
  };
}

describe('receiver secret cache', () => {
  it('reuses a secret within its TTL and reads it again after', async () => {
    const t = setup();
    expect(await t.secrets.lookup('cb-1')).toBe('s3cret-one');
    expect(await t.secrets.lookup('cb-1')).toBe('s3cret-one');
    expect(t.calls).toEqual(['cb-1']);
    t.advance(60_001);
    await t.secrets.lookup('cb-1');
    expect(t.calls).toEqual(['cb-1', 'cb-1']);
  });

  it('a deleted or changed callback is honoured at once (callback.changed)', async () => {
    const t = setup();
    await t.secrets.lookup('cb-1');
    t.store.delete('cb-1');
    t.changed('cb-1');
    expect(await t.secrets.lookup('cb-1')).toBeNull();
    t.store.set('cb-1', 'rotated');
    t.changed('cb-1');
    expect(await t.secrets.lookup('cb-1')).toBe('rotated');
  });

  it('remembers a miss only briefly, and forgets it when that callback appears', async () => {
    const t = setup();
    expect(await t.secrets.lookup('cb-2')).toBeNull();
    expect(await t.secrets.lookup('cb-2')).toBeNull();
    expect(t.calls).toEqual(['cb-2']);
    t.advance(5_001);
    await t.secrets.lookup('cb-2');
    expect(t.calls).toEqual(['cb-2', 'cb-2']);
    t.store.set('cb-2', 'new');
    t.changed('cb-2');
    expect(await t.secrets.lookup('cb-2')).toBe('new');
  });

  it('does not remember a failed read, and stays bounded', async () => {
    const t = setup();
    t.failNext();
    await expect(t.secrets.lookup('cb-1')).rejects.toThrow(/locked/);
    expect(await t.secrets.lookup('cb-1')).toBe('s3cret-one');
    for (const id of ['a', 'b', 'c', 'd']) await t.secrets.lookup(id);
    // At most three entries: cb-1, the oldest, was evicted, so it is read again.
    await t.secrets.lookup('cb-1');
    expect(t.calls.filter((c) => c === 'cb-1')).toHaveLength(3);
  });

  it('matches only the exact secret, whichever presented value carries it', () => {
    const { secrets } = setup();
    expect(secrets.matches('s3cret-one', ['s3cret-one'])).toBe(true);
    expect(secrets.matches('s3cret-one', ['wrong', 's3cret-one'])).toBe(true);
    expect(secrets.matches('s3cret-one', ['s3cret-on'])).toBe(false);
    expect(secrets.matches('s3cret-one', ['s3cret-one '])).toBe(false);
    expect(secrets.matches('s3cret-one', ['S3CRET-ONE'])).toBe(false);
    expect(secrets.matches('s3cret-one', [])).toBe(false);
  });

  it('compares each secret against the right digest while many are in use, and after a rotation', () => {
    const t = setup();
    // More secrets than the cache's bound (3): the digests made once are dropped as the secrets are.
    for (let round = 0; round < 2; round++) {
      for (const n of [1, 2, 3, 4, 5]) {
        expect(t.secrets.matches(`secret-${n}`, [`secret-${n}`])).toBe(true);
        expect(t.secrets.matches(`secret-${n}`, [`secret-${n + 1}`])).toBe(false);
      }
    }
    expect(t.secrets.matches('s3cret-one', ['s3cret-one'])).toBe(true);
    t.changed('cb-1');
    expect(t.secrets.matches('rotated', ['s3cret-one'])).toBe(false);
    expect(t.secrets.matches('rotated', ['rotated'])).toBe(true);
  });

  it('stops listening to the bus when closed', () => {
    const t = setup();
    const before = t.bus.listenerCount();
    t.secrets.close();
    expect(t.bus.listenerCount()).toBe(before - 1);
  });
});
