// Migration 007 on a file written by the previous release: every delivery keeps its events[] (now in
// delivery_payloads), its state and its indexes; the repository reads them as before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepositories, MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { outboxWrites, useTempDir } from './db-fixtures.js';

const T = '2025-01-15T08:00:00.000Z';

describe('migration 007 (delivery payloads in their own table)', () => {
  const tempDir = useTempDir();

  it('moves each payload out of deliveries, keeping the rows, their states and the queue index', () => {
    const file = path.join(tempDir(), 'depot.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 6) });
    old.raw.exec(`
      INSERT INTO callbacks (id, subscribe, status, created_at, updated_at)
        VALUES ('cb-1', '{}', 'Running', '${T}', '${T}');
      INSERT INTO deliveries (id, callback_id, kind, event_count, vins, remote_types, payload, state,
          next_attempt_at, created_at)
        VALUES ('d-1', 'cb-1', 'event', 1, 'VIN1', 'Doors', '[{"n":1}]', 'Queued', '${T}', '${T}'),
               ('d-2', 'cb-1', 'batch', 2, 'VIN1,VIN2', 'Doors', '[{"n":2},{"n":3}]', 'Delivered', '${T}', '${T}');
      INSERT INTO delivery_attempts (delivery_id, started_at, duration_ms, http_status, counted)
        VALUES ('d-2', '${T}', 12, 200, 1);
    `);
    old.close();

    const db = openDatabase(file);
    try {
      const columns = db.raw.prepare("SELECT name FROM pragma_table_info('deliveries')").pluck().all();
      expect(columns).not.toContain('payload');
      expect(db.raw.prepare('SELECT delivery_id, payload FROM delivery_payloads ORDER BY 1').all()).toEqual([
        { delivery_id: 'd-1', payload: '[{"n":1}]' },
        { delivery_id: 'd-2', payload: '[{"n":2},{"n":3}]' },
      ]);
      const repos = createRepositories(db);
      expect(repos.deliveries.get('d-2')).toMatchObject({
        state: 'Delivered',
        eventsJson: '[{"n":2},{"n":3}]',
      });
      expect(repos.deliveries.listAttempts('d-2')).toHaveLength(1);
      const plan = db.raw
        .prepare(
          "EXPLAIN QUERY PLAN SELECT id FROM deliveries WHERE state = 'Queued' AND callback_id = 'cb-1' ORDER BY next_attempt_at, id",
        )
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/deliveries_queued/);
      const claimed = outboxWrites(db).claim('cb-1', T, 10, 'me', '2025-01-15T09:00:00.000Z');
      expect(claimed.map((d) => [d.id, d.eventsJson])).toEqual([['d-1', '[{"n":1}]']]);
      expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
