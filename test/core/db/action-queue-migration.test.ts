// Migration 010 on a file written by the previous release: remote_actions is rebuilt (its phase CHECK gains Queued
// and Cancelled) and every action keeps every column, its events and its upstream id; the new rules hold in the
// store itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepositories, MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { action, useTempDir } from './db-fixtures.js';

const T = '2025-01-15T08:00:00.000Z';

describe('migration 010 (the queue, send again)', () => {
  const tempDir = useTempDir();

  it('keeps every action, its events and its ids; the store then takes Queued and Cancelled, in line', () => {
    const file = path.join(tempDir(), 'depot.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 10) });
    old.raw.exec(`
      INSERT INTO vehicles (id, vin, energy, capabilities, synced_at) VALUES ('veh-1', 'VIN1', 'Electric', '{}', '${T}');
      INSERT INTO callbacks (id, subscribe, status, created_at, updated_at)
        VALUES ('cb-1', '{}', 'Running', '${T}', '${T}');
      INSERT INTO remote_actions (id, vehicle_id, vin, callback_id, type, remote, phase, status, outcome, operator,
          reason, created_at, updated_at, done_at, upstream_id, actor)
        VALUES ('ra-1', 'veh-1', 'VIN1', 'cb-1', 'Doors', '{"door":{"state":"Locked"}}', 'Done', 'Success',
          'Success', 'tess', NULL, '${T}', '${T}', '${T}', 'net-1', '{"kind":"operator","name":"Tess"}'),
               ('ra-2', 'veh-1', 'VIN1', 'cb-1', 'Horn', '{"horn":{"state":"Activated"}}', 'Sending', NULL,
          NULL, 'tess', NULL, '${T}', '${T}', NULL, NULL, NULL);
      INSERT INTO action_events (remote_action_id, event_date, received_at, event_type, status, source, applied)
        VALUES ('ra-1', '${T}', '${T}', 'Done', 'Success', 'receiver', 1);
    `);
    const before = old.raw.prepare('SELECT * FROM remote_actions ORDER BY id').all();
    old.close();

    const db = openDatabase(file);
    try {
      const after = db.raw
        .prepare(
          `SELECT id, vehicle_id, vin, callback_id, type, remote, phase, status, outcome, failure_cause,
             feedback_detail, error, operator, reason, created_at, updated_at, done_at, last_event_date, upstream_id,
             upstream_released_at, actor, approved_by FROM remote_actions ORDER BY id`,
        )
        .all();
      expect(after).toEqual(before);
      const repos = createRepositories(db);
      expect(repos.actions.getByUpstreamId('net-1')?.id).toBe('ra-1');
      expect(repos.events.listForAction('ra-1')).toHaveLength(1);
      // Older actions have no place in line until the queue takes them (the one cut short, at the next start).
      expect(repos.actions.get('ra-2')?.queue).toBeUndefined();
      expect(db.raw.pragma('foreign_key_check')).toEqual([]);
      expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');

      repos.actions.insert(action({ id: 'ra-3', vehicleId: 'veh-1', callbackId: 'cb-1', phase: 'Queued' }));
      repos.actions.insert(
        action({ id: 'ra-4', vehicleId: 'veh-1', callbackId: 'cb-1', phase: 'Cancelled' }),
      );
      expect(repos.actions.get('ra-3')?.queue?.seq).toBe(1);
      expect(() => db.raw.exec("UPDATE remote_actions SET phase = 'Waiting' WHERE id = 'ra-3'")).toThrow(
        /CHECK/,
      );
      expect(() => db.raw.exec("UPDATE remote_actions SET queue_seq = NULL WHERE id = 'ra-3'")).toThrow(
        /CHECK/,
      );
      expect(() => db.raw.exec("UPDATE remote_actions SET queue_reason = 'BORED' WHERE id = 'ra-3'")).toThrow(
        /CHECK/,
      );
      // One resend per action, and links only to actions that exist.
      db.raw.exec("UPDATE remote_actions SET resent_from = 'ra-1' WHERE id = 'ra-3'");
      expect(() => db.raw.exec("UPDATE remote_actions SET resent_from = 'ra-1' WHERE id = 'ra-4'")).toThrow(
        /UNIQUE/,
      );
      expect(() => db.raw.exec("UPDATE remote_actions SET resent_as = 'ghost' WHERE id = 'ra-1'")).toThrow(
        /FOREIGN KEY/,
      );
      // A callback with a queued action is busy, as one with an action in flight.
      expect(repos.callbacks.hasPendingActions('cb-1')).toBe(true);
    } finally {
      db.close();
    }
  });
});
