// A real SQLite file with actions, events and deliveries written straight in SQL at chosen dates, for the retention
// tests: what matters to them is each row's state and age, not how the services got there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepositories, openDatabase, type Db } from '../../../main/core/db/index.js';
import { createRetentionRepository } from '../../../main/core/db/retention-repository.js';
import { SETTINGS_KEY } from '../../../main/core/config/stored-settings.js';
import { createEventBus, type EventBus } from '../../../main/core/events/event-bus.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import {
  createRetentionService,
  type RetentionOptions,
} from '../../../main/core/services/retention-service.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
const VIN = 'VR3UHZKXZPT000001';

export interface RetentionWorld {
  db: Db;
  clock: ManualClock;
  bus: EventBus;
  service: ReturnType<typeof createRetentionService>;
  /** `days` ago from the clock, as stored (ISO, UTC, milliseconds). */
  ago(days: number): string;
  setRetention(retention: {
    actionsDays: number;
    deliveredNotificationsDays: number;
    auditDays?: number | null;
  }): void;
  /** An audit entry written `daysAgo` days before the clock's time. */
  auditEntry(action: string, daysAgo: number): void;
  action(
    id: string,
    phase: string,
    createdDaysAgo: number,
    extra?: { resentFrom?: string; afterId?: string },
  ): void;
  event(actionId: string, status: string): void;
  delivery(id: string, state: 'Queued' | 'Delivered' | 'Failed' | 'Dead', createdDaysAgo: number): void;
  count(table: string, where?: string): number;
  pageCount(): number;
  close(): void;
}

export function retentionWorld(options: RetentionOptions = {}): RetentionWorld {
  const dir = mkdtempSync(join(tmpdir(), 'retention-'));
  const db = openDatabase(join(dir, 'depot-remote.sqlite'));
  const clock = manualClock('2027-06-01T12:00:00.000Z');
  const repos = createRepositories(db);
  const bus = createEventBus();
  const service = createRetentionService(
    { repos, bus, retention: createRetentionRepository(db), clock, logger: silentLogger },
    options,
  );
  const ago = (days: number) => new Date(clock.now().getTime() - days * DAY_MS).toISOString();
  const at = ago(1000);
  db.raw
    .prepare(
      `INSERT INTO vehicles (id, vin, energy, capabilities, synced_at) VALUES ('veh-1', '${VIN}', 'Electric', '{}', ?)`,
    )
    .run(at);
  db.raw
    .prepare(
      `INSERT INTO callbacks (id, subscribe, status, created_at, updated_at) VALUES ('cb-1', '[]', 'Running', ?, ?)`,
    )
    .run(at, at);

  const insertAction = db.raw
    .prepare(`INSERT INTO remote_actions (id, vehicle_id, vin, callback_id, type, remote,
      phase, created_at, updated_at, done_at, queue_seq, resent_from, after_id)
    VALUES (@id, 'veh-1', '${VIN}', 'cb-1', 'Horn', '{}', @phase, @at, @at, @doneAt, @seq, @resentFrom, @afterId)`);
  const insertEvent = db.raw.prepare(`INSERT INTO action_events (remote_action_id, event_date, received_at,
      event_type, status, source, applied)
    SELECT @id, created_at, created_at, 'Pending', @status, 'receiver', 1 FROM remote_actions WHERE id = @id`);
  const insertDelivery = db.raw.prepare(`INSERT INTO deliveries (id, callback_id, kind, event_count, vins,
      remote_types, state, attempts, next_attempt_at, created_at, delivered_at)
    VALUES (@id, 'cb-1', 'event', 1, '${VIN}', 'Horn', @state, 1, @at, @at, @deliveredAt)`);
  const insertPayload = db.raw.prepare(
    `INSERT INTO delivery_payloads (delivery_id, payload) VALUES (@id, '[{"padding":"${'x'.repeat(300)}"}]')`,
  );
  const insertAttempt = db.raw.prepare(
    `INSERT INTO delivery_attempts (delivery_id, started_at, duration_ms, http_status) VALUES (@id, @at, 12, 200)`,
  );
  const insertDeliveryEvent = db.raw.prepare(`INSERT INTO delivery_events (callback_id, delivery_id, vin,
      remote_type, event, created_at) VALUES ('cb-1', @id, '${VIN}', 'Horn', NULL, @at)`);
  let seq = 0;

  const insertAudit = db.raw.prepare(
    `INSERT INTO audit_log (at, operator, action, detail) VALUES (@at, 'alice', @action, NULL)`,
  );

  return {
    db,
    clock,
    bus,
    service,
    ago,
    setRetention(retention) {
      repos.settings.set(SETTINGS_KEY, { retention }, clock.nowIso());
    },
    action(id, phase, createdDaysAgo, extra = {}) {
      const created = ago(createdDaysAgo);
      const settled = !['Queued', 'Sending', 'Pending'].includes(phase);
      insertAction.run({
        id,
        phase,
        at: created,
        doneAt: settled ? created : null,
        seq: phase === 'Queued' ? ++seq : null,
        resentFrom: extra.resentFrom ?? null,
        afterId: extra.afterId ?? null,
      });
    },
    auditEntry(action, daysAgo) {
      insertAudit.run({ at: ago(daysAgo), action });
    },
    event(actionId, status) {
      insertEvent.run({ id: actionId, status });
    },
    delivery(id, state, createdDaysAgo) {
      const created = ago(createdDaysAgo);
      db.transaction(() => {
        insertDelivery.run({ id, state, at: created, deliveredAt: state === 'Delivered' ? created : null });
        insertPayload.run({ id });
        insertAttempt.run({ id, at: created });
        insertDeliveryEvent.run({ id, at: created });
      });
    },
    count(table, where = '1') {
      return db.raw.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
    },
    pageCount() {
      return db.raw.pragma('page_count', { simple: true }) as number;
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
