// Migration 004 on a file written by the previous release: quarantine entries bounded and weighed, the usage row
// equal to their sum, stored event dates rewritten as canonical UTC instants (spellings of one instant that were
// stored twice stay, since deliveries point at both).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { useTempDir } from './db-fixtures.js';

const T = '2025-01-15T08:00:00.000Z';

describe('migration 004 (quarantine bounds, event instants)', () => {
  const tempDir = useTempDir();

  it('bounds and weighs old quarantine entries and rewrites old event dates as instants', () => {
    const file = path.join(tempDir(), 'depot.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });
    const errors = Array.from({ length: 250 }, (_, i) => ({
      field: `[${i}]`,
      message: 'Expected an object.',
    }));
    old.raw.exec(`
      INSERT INTO vehicles (id, vin, energy, capabilities, synced_at)
        VALUES ('veh-1', 'VR3UHZKXZMT000001', 'Electric', '{}', '${T}');
      INSERT INTO callbacks (id, subscribe, status, created_at, updated_at)
        VALUES ('cb-1', '{}', 'Running', '${T}', '${T}');
      INSERT INTO remote_actions (id, vehicle_id, vin, callback_id, type, remote, phase, created_at, updated_at,
          last_event_date)
        VALUES ('ra-1', 'veh-1', 'VR3UHZKXZMT000001', 'cb-1', 'Doors', '{}', 'Pending', '${T}', '${T}',
          '2026-01-01T12:00:04+02:00');
    `);
    const event = old.raw.prepare(`INSERT INTO action_events (remote_action_id, event_date, received_at,
      event_type, status, source, applied) VALUES ('ra-1', ?, '${T}', 'Pending', ?, 'receiver', 1)`);
    event.run('2026-01-01T10:00:03Z', 'Accepted');
    event.run('2026-01-01T12:00:03+02:00', 'Accepted'); // the same instant, stored twice by the old release
    event.run('2026-01-01T12:00:04.5+02:00', 'SentToVehicle');
    event.run('2026-01-01T10:00:05.000Z', 'Success');
    old.raw
      .prepare(
        `INSERT INTO quarantine (callback_id, received_at, reason, errors, headers, body)
        VALUES ('cb-1', '${T}', 'SCHEMA_MISMATCH', ?, '{}', ?)`,
      )
      .run(JSON.stringify(errors), Buffer.from('[0,0,0]'));
    old.close();

    const db = openDatabase(file);
    try {
      const q = db.raw
        .prepare<[], { errors: string; error_count: number; bytes: number; body: Buffer }>(
          'SELECT errors, error_count, bytes, body FROM quarantine',
        )
        .get()!;
      expect(JSON.parse(q.errors)).toEqual(errors.slice(0, 100));
      expect(q.error_count).toBe(250);
      expect(q.bytes).toBe(256 + q.body.length + Buffer.byteLength(q.errors) + 2 + 2);
      expect(db.raw.prepare('SELECT bytes FROM quarantine_usage').pluck().get()).toBe(q.bytes);

      const dates = db.raw
        .prepare<[], { status: string; event_date: string; event_date_from_receipt: number }>(
          'SELECT status, event_date, event_date_from_receipt FROM action_events ORDER BY seq',
        )
        .all();
      expect(dates).toEqual([
        { status: 'Accepted', event_date: '2026-01-01T10:00:03.000Z', event_date_from_receipt: 0 },
        { status: 'Accepted', event_date: '2026-01-01T12:00:03+02:00', event_date_from_receipt: 0 },
        { status: 'SentToVehicle', event_date: '2026-01-01T10:00:04.500Z', event_date_from_receipt: 0 },
        { status: 'Success', event_date: '2026-01-01T10:00:05.000Z', event_date_from_receipt: 0 },
      ]);
      expect(
        db.raw.prepare("SELECT last_event_date FROM remote_actions WHERE id = 'ra-1'").pluck().get(),
      ).toBe('2026-01-01T10:00:04.000Z');
    } finally {
      db.close();
    }
  });
});
