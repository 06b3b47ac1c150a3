import type BetterSqlite3 from 'better-sqlite3';
import { canonicalEventDate } from '../../domain/event-date.js';
import type { Migration } from './migration.js';

// Bounds on the receiver's quarantine, and event identity by instant.
//
// Quarantine: an entry keeps at most 100 errors plus the count of all of them (error_count); `bytes` is what the
// entry weighs against the size cap (body, errors, headers and action ids as stored, plus a fixed row overhead)
// and quarantine_usage holds their sum, kept exact by triggers so the cap check costs one row read. Two partial
// indexes give the drop order (resolved entries, then malformed ones, oldest first) without a scan of the
// entries that wait for their action. Value lists and numbers are written out, as in 001–003.
//
// Events: eventDate becomes canonical UTC (the spellings of one instant were stored as different events), and an
// event the network sent without a date is dated by its receipt and flagged; its identity among such events is
// (action, type, status, failure cause), since its receipt time differs at every redelivery.

const SQL = `
ALTER TABLE quarantine ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0 CHECK (error_count >= 0);
ALTER TABLE quarantine ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0);

UPDATE quarantine SET error_count = json_array_length(errors);
UPDATE quarantine SET errors = (
    SELECT json_group_array(json(value)) FROM (SELECT value FROM json_each(quarantine.errors) ORDER BY key LIMIT 100)
  ) WHERE error_count > 100;
UPDATE quarantine SET bytes = 256 + length(body) + length(CAST(errors AS BLOB)) + length(CAST(headers AS BLOB))
  + length(CAST(action_ids AS BLOB));

-- One row: the sum of quarantine.bytes.
CREATE TABLE quarantine_usage (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  bytes INTEGER NOT NULL CHECK (bytes >= 0)
) STRICT;
INSERT INTO quarantine_usage (id, bytes) VALUES (1, (SELECT coalesce(sum(bytes), 0) FROM quarantine));

CREATE TRIGGER quarantine_usage_insert AFTER INSERT ON quarantine
BEGIN
  UPDATE quarantine_usage SET bytes = bytes + NEW.bytes WHERE id = 1;
END;

CREATE TRIGGER quarantine_usage_delete AFTER DELETE ON quarantine
BEGIN
  UPDATE quarantine_usage SET bytes = bytes - OLD.bytes WHERE id = 1;
END;

CREATE TRIGGER quarantine_usage_update AFTER UPDATE OF bytes ON quarantine
BEGIN
  UPDATE quarantine_usage SET bytes = bytes - OLD.bytes + NEW.bytes WHERE id = 1;
END;

-- The drop order past the cap: resolved entries, then malformed ones, oldest first.
CREATE INDEX quarantine_resolved ON quarantine (id) WHERE resolved_at IS NOT NULL;
CREATE INDEX quarantine_droppable ON quarantine (id)
  WHERE resolved_at IS NULL AND reason IN ('MALFORMED_JSON', 'SCHEMA_MISMATCH');

ALTER TABLE action_events ADD COLUMN event_date_from_receipt INTEGER NOT NULL DEFAULT 0
  CHECK (event_date_from_receipt IN (0, 1));
CREATE UNIQUE INDEX action_events_receipt_identity
  ON action_events (remote_action_id, event_type, status, ifnull(failure_cause, ''))
  WHERE event_date_from_receipt = 1;
`;

const CANONICAL = `'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;

/**
 * Rewrites stored event dates in canonical UTC, a batch at a time. OR IGNORE: where two spellings of one instant
 * were stored as two events, the later one keeps its spelling (deliveries point at both, so neither can go).
 */
function canonicaliseEventDates(db: BetterSqlite3.Database): void {
  const next = db.prepare<[number], { seq: number; event_date: string }>(
    `SELECT seq, event_date FROM action_events WHERE seq > ? AND event_date NOT GLOB ${CANONICAL}
      ORDER BY seq LIMIT 1000`,
  );
  const rewrite = db.prepare('UPDATE OR IGNORE action_events SET event_date = ? WHERE seq = ?');
  for (let after = 0; ;) {
    const rows = next.all(after);
    if (rows.length === 0) break;
    for (const row of rows) {
      const canonical = canonicalEventDate(row.event_date);
      if (canonical !== null) rewrite.run(canonical, row.seq);
    }
    after = rows[rows.length - 1]!.seq;
  }
  const actions = db
    .prepare<[], { id: string; last_event_date: string }>(
      `SELECT id, last_event_date FROM remote_actions
        WHERE last_event_date IS NOT NULL AND last_event_date NOT GLOB ${CANONICAL}`,
    )
    .all();
  const rewriteAction = db.prepare('UPDATE remote_actions SET last_event_date = ? WHERE id = ?');
  for (const a of actions) {
    const canonical = canonicalEventDate(a.last_event_date);
    if (canonical !== null) rewriteAction.run(canonical, a.id);
  }
}

export const quarantineBounds: Migration = {
  version: 4,
  name: 'quarantine-bounds',
  up(db) {
    db.exec(SQL);
    canonicaliseEventDates(db);
  },
};
