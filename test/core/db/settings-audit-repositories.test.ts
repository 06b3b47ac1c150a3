import { describe, expect, it } from 'vitest';
import { at, useStore } from './db-fixtures.js';

describe('settings repository', () => {
  const store = useStore();

  it('round-trips any JSON value, and tells a missing key from a null value', () => {
    const { repos } = store();
    const values: Record<string, unknown> = {
      'receiver.port': 8443,
      'ui.theme': 'dark',
      'connector.mode': { kind: 'simulator', fleet: ['a', 'b'], nested: { ok: true, ratio: 0.25 } },
      'outbox.paused': false,
      'optional.thing': null,
    };
    Object.entries(values).forEach(([key, value], i) => repos.settings.set(key, value, at(i)));
    for (const [key, value] of Object.entries(values)) expect(repos.settings.get(key)).toEqual(value);
    expect(repos.settings.get('optional.thing')).toBeNull();
    expect(repos.settings.get('never.set')).toBeUndefined();
    expect(repos.settings.get<number>('receiver.port')).toBe(8443);
  });

  it('overwrites and lists everything by key', () => {
    const { repos } = store();
    repos.settings.set('b', 1, at(1));
    repos.settings.set('a', [1], at(2));
    repos.settings.set('b', 2, at(3));
    expect(repos.settings.all()).toEqual([
      { key: 'a', value: [1], updatedAt: at(2) },
      { key: 'b', value: 2, updatedAt: at(3) },
    ]);
  });

  it('refuses a value that is not JSON', () => {
    const { repos } = store();
    expect(() => repos.settings.set('x', undefined, at(1))).toThrow(/settings\.x/);
    expect(() => repos.settings.set('f', () => 1, at(1))).toThrow(TypeError);
  });
});

describe('audit repository', () => {
  const store = useStore();

  it('appends entries and lists them newest first, exactly as written', () => {
    const { repos } = store();
    const s1 = repos.audit.append({
      at: at(1),
      operator: 'supervisor-li',
      action: 'remote.send',
      vin: 'VR3UHZKXZMT000001',
      remoteActionId: 'ra-001',
      callbackId: 'cb-001',
      reason: 'vehicle not returned after rental',
      detail: { type: 'Immobilization', remote: { immobilization: { activate: true } } },
      actor: { kind: 'operator', id: 'op-li', name: 'supervisor-li', role: 'supervisor' },
    });
    const s2 = repos.audit.append({
      at: at(2),
      operator: 'tech-anna',
      action: 'callback.create',
      callbackId: 'cb-002',
    });
    expect(s2).toBeGreaterThan(s1);
    expect(repos.audit.list({ limit: 10 })).toEqual([
      {
        seq: s2,
        at: at(2),
        operator: 'tech-anna',
        action: 'callback.create',
        vin: null,
        remoteActionId: null,
        callbackId: 'cb-002',
        reason: null,
        detail: null,
        actor: null,
      },
      {
        seq: s1,
        at: at(1),
        operator: 'supervisor-li',
        action: 'remote.send',
        vin: 'VR3UHZKXZMT000001',
        remoteActionId: 'ra-001',
        callbackId: 'cb-001',
        reason: 'vehicle not returned after rental',
        detail: { type: 'Immobilization', remote: { immobilization: { activate: true } } },
        actor: { kind: 'operator', id: 'op-li', name: 'supervisor-li', role: 'supervisor' },
      },
    ]);
  });

  it('filters by operator: their id, or a name as recorded before ids existed', () => {
    const { repos } = store();
    const tess = { kind: 'operator' as const, id: 'op-tess', name: 'Tess', role: 'technician' as const };
    const a = repos.audit.append({ at: at(1), operator: 'Tess', action: 'remote.send', actor: tess });
    repos.audit.append({ at: at(2), operator: 'Sam', action: 'remote.send' });
    const c = repos.audit.append({
      at: at(3),
      operator: 'Tess (renamed)',
      action: 'callback.create',
      actor: tess,
    });
    const old = repos.audit.append({ at: at(4), operator: 'legacy-name', action: 'remote.send' });
    expect(repos.audit.list({ limit: 10, operator: 'op-tess' }).map((e) => e.seq)).toEqual([c, a]);
    expect(repos.audit.list({ limit: 10, operator: 'legacy-name' }).map((e) => e.seq)).toEqual([old]);
    expect(
      repos.audit.list({ limit: 10, operator: 'op-tess', action: 'remote.send' }).map((e) => e.seq),
    ).toEqual([a]);
  });

  it('pages by seq and filters by VIN and action', () => {
    const { repos } = store();
    const seqs = Array.from({ length: 6 }, (_, i) =>
      repos.audit.append({
        at: at(i),
        operator: 'op',
        action: i % 2 === 0 ? 'remote.send' : 'callback.replace',
        vin: i < 3 ? 'VIN-A' : 'VIN-B',
      }),
    );
    expect(repos.audit.list({ limit: 2 }).map((e) => e.seq)).toEqual([seqs[5], seqs[4]]);
    expect(repos.audit.list({ limit: 2, beforeSeq: seqs[4] }).map((e) => e.seq)).toEqual([seqs[3], seqs[2]]);
    expect(repos.audit.list({ limit: 10, vin: 'VIN-A' }).map((e) => e.seq)).toEqual([
      seqs[2],
      seqs[1],
      seqs[0],
    ]);
    expect(repos.audit.list({ limit: 10, action: 'remote.send', vin: 'VIN-B' }).map((e) => e.seq)).toEqual([
      seqs[4],
    ]);
    expect(
      repos.audit.list({ limit: 10, action: 'remote.send', beforeSeq: seqs[4] }).map((e) => e.seq),
    ).toEqual([seqs[2], seqs[0]]);
  });

  it('is append-only: the file itself refuses UPDATE and DELETE', () => {
    const { repos, db } = store();
    repos.audit.append({ at: at(1), operator: 'op', action: 'remote.send', reason: 'original' });
    expect(() => db.raw.prepare("UPDATE audit_log SET reason = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => db.raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(repos.audit.list({ limit: 10 })).toMatchObject([{ reason: 'original' }]);
  });
});
