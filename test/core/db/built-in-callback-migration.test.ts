// Migration 008: every data folder gains the built-in callback, "This workstation" — a fresh one and one written by
// the previous release, whose callbacks, actions and deliveries stay as they were. The store itself keeps it what it
// is: no webhook, no sealed secrets of its own, never deleted, only one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepositories, MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import {
  BUILT_IN_CALLBACK_ID,
  BUILT_IN_CALLBACK_LABEL,
  builtInSubscribe,
} from '../../../main/core/domain/callback/built-in.js';
import { REMOTE_TYPES } from '../../../main/core/domain/remote-type.js';
import { at, callback, seedParents, useStore, useTempDir } from './db-fixtures.js';

const T = '2025-01-15T08:00:00.000Z';
const VERSION_8 = MIGRATIONS.findIndex((m) => m.name === 'built-in-callback') + 1;

describe('migration 008 (the built-in callback)', () => {
  const tempDir = useTempDir();

  it('is the eighth migration, and writes the domain’s id, label and nine remote types', () => {
    expect(VERSION_8).toBe(8);
    const db = openDatabase(path.join(tempDir(), 'fresh.sqlite'));
    try {
      const row = db.raw.prepare('SELECT * FROM callbacks WHERE built_in = 1').get() as Record<
        string,
        unknown
      >;
      expect(row).toMatchObject({
        id: BUILT_IN_CALLBACK_ID,
        label: BUILT_IN_CALLBACK_LABEL,
        status: 'Running',
        secrets: null,
        receiver_secret: null,
        upstream_id: null,
        secrets_lost: 0,
        deleted_at: null,
      });
      expect(JSON.parse(row.subscribe as string)).toEqual(builtInSubscribe());
      expect([...builtInSubscribe().remoteTypes].sort()).toEqual([...REMOTE_TYPES].sort());
      expect(row.created_at).toBe(row.updated_at);
      expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    } finally {
      db.close();
    }
  });

  it('adds it to a database at version 7 beside its callbacks, which stay intact', () => {
    const file = path.join(tempDir(), 'depot.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 7) });
    const site = callback({ createdAt: T, updatedAt: T });
    old.raw.exec(`
      INSERT INTO callbacks (id, label, subscribe, status, secrets, receiver_secret, upstream_id, secrets_lost,
          created_at, updated_at)
        VALUES ('cb-001', '${site.label}', '${JSON.stringify(site.subscribe)}', 'Paused', '${site.secrets}',
          '${site.receiverSecret}', 'up-1', 0, '${T}', '${T}');
      INSERT INTO deliveries (id, callback_id, kind, event_count, vins, remote_types, state, next_attempt_at,
          created_at)
        VALUES ('d-1', 'cb-001', 'event', 1, 'VIN1', 'Doors', 'Queued', '${T}', '${T}');
    `);
    expect(old.raw.pragma('user_version', { simple: true })).toBe(7);
    old.close();

    // Migrated to the newest version, as the next start does.
    const db = openDatabase(file);
    try {
      expect(db.raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const repos = createRepositories(db);
      expect(repos.callbacks.list().map((c) => c.id)).toEqual([BUILT_IN_CALLBACK_ID, 'cb-001']);
      expect(repos.callbacks.get('cb-001')).toEqual({
        ...site,
        builtIn: false,
        status: 'Paused',
        upstreamId: 'up-1',
        secretsLost: false,
        deletedAt: null,
      });
      expect(repos.callbacks.get(BUILT_IN_CALLBACK_ID)).toMatchObject({
        builtIn: true,
        label: BUILT_IN_CALLBACK_LABEL,
        subscribe: builtInSubscribe(),
        status: 'Running',
        secrets: null,
        receiverSecret: null,
      });
      expect(repos.deliveries.get('d-1')).toMatchObject({ callbackId: 'cb-001', state: 'Queued' });
      expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('the built-in callback in the store', () => {
  const store = useStore();

  it('comes first in the list, before older site callbacks', () => {
    const { repos } = store();
    repos.callbacks.insert(callback({ createdAt: at(-86_400), updatedAt: at(-86_400) }));
    expect(repos.callbacks.list().map((c) => [c.id, c.builtIn])).toEqual([
      [BUILT_IN_CALLBACK_ID, true],
      ['cb-001', false],
    ]);
    expect(repos.callbacks.listAll()[0]!.id).toBe(BUILT_IN_CALLBACK_ID);
  });

  it('takes its receiver secret once, and only the built-in takes one this way', () => {
    const { repos } = store();
    seedParents(repos);
    expect(repos.callbacks.setBuiltInReceiverSecret(BUILT_IN_CALLBACK_ID, 'kf1:first')).toBe(true);
    expect(repos.callbacks.setBuiltInReceiverSecret(BUILT_IN_CALLBACK_ID, 'kf1:second')).toBe(false);
    expect(repos.callbacks.get(BUILT_IN_CALLBACK_ID)!.receiverSecret).toBe('kf1:first');
    expect(repos.callbacks.setBuiltInReceiverSecret('cb-001', 'kf1:other')).toBe(false);
    expect(repos.callbacks.get('cb-001')!.receiverSecret).toBe(callback().receiverSecret);
  });

  it('can be renamed and paused, and is never deleted, given secrets or a webhook', () => {
    const { repos, db } = store();
    const renamed = { label: 'Front desk', subscribe: builtInSubscribe('Front desk'), secrets: null };
    expect(repos.callbacks.replace(BUILT_IN_CALLBACK_ID, { ...renamed, updatedAt: at(1) })).toBe(true);
    expect(repos.callbacks.setStatus(BUILT_IN_CALLBACK_ID, 'Paused', at(2))).toBe(true);
    expect(repos.callbacks.get(BUILT_IN_CALLBACK_ID)).toMatchObject({
      label: 'Front desk',
      subscribe: { label: 'Front desk' },
      status: 'Paused',
    });

    expect(() => repos.callbacks.softDelete(BUILT_IN_CALLBACK_ID, at(3))).toThrow(/built_in_local_only/);
    expect(() =>
      repos.callbacks.replace(BUILT_IN_CALLBACK_ID, { ...renamed, secrets: 'kf1:x', updatedAt: at(3) }),
    ).toThrow(/built_in_local_only/);
    expect(() =>
      repos.callbacks.replace(BUILT_IN_CALLBACK_ID, {
        ...renamed,
        subscribe: callback().subscribe,
        updatedAt: at(3),
      }),
    ).toThrow(/built_in_local_only/);
    // Only one: a second built-in row is refused whatever it holds.
    const second = db.raw
      .prepare(`INSERT INTO callbacks (id, label, subscribe, status, created_at, updated_at,
      built_in) VALUES ('second', 'Another', @subscribe, 'Running', @at, @at, 1)`);
    expect(() => second.run({ subscribe: JSON.stringify(builtInSubscribe()), at: at(4) })).toThrow(/UNIQUE/);
    expect(repos.callbacks.get(BUILT_IN_CALLBACK_ID)).toMatchObject({ label: 'Front desk', deletedAt: null });
  });
});
