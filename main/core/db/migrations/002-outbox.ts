import type { Migration } from './migration.js';

// Durable outbound delivery (issue 3). A delivery is now one HTTP call to a callback's own webhook: one event,
// a batch of events (batchNotify) or a test notification. Its id is the Standard Webhooks `webhook-id`.
// Value lists are written out, as in 001: a released migration describes the schema as it was.

const isoUtc = (column: string, nullable = false): string => {
  const glob = `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;
  return `CONSTRAINT ${column}_iso_utc CHECK (${nullable ? `${column} IS NULL OR ` : ''}${glob})`;
};

const SQL = `
-- Rebuilt rather than altered (SQLite's table-rebuild procedure; foreign keys are off while migrations run):
-- single-event columns give way to what a batch needs.
CREATE TABLE deliveries_002 (
  -- Also the Standard Webhooks webhook-id: stable across retries so receivers can deduplicate.
  id TEXT PRIMARY KEY NOT NULL,
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  kind TEXT NOT NULL CHECK (kind IN ('event', 'batch', 'test')),
  event_count INTEGER NOT NULL CHECK (event_count >= 1),
  -- Distinct VINs and remote types of its events, comma-separated in event order ($vin, $remoteType, lists).
  vins TEXT NOT NULL,
  remote_types TEXT NOT NULL,
  -- The events[] array of the fleet notification, as sent; the envelope is built at send time.
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('Queued', 'InFlight', 'Delivered', 'Failed', 'Dead')),
  -- Attempts that count toward the retry policy (an HTTP answer other than 2xx, a timeout).
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Tries that never reached the target (connection failures): they use up nothing.
  unreachable_tries INTEGER NOT NULL DEFAULT 0 CHECK (unreachable_tries >= 0),
  next_attempt_at TEXT NOT NULL,
  -- The 3-day cap: set at the first refusal, moved on by the time the target was offline or the callback paused.
  retry_deadline TEXT,
  lease_owner TEXT,
  lease_until TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  gave_up_at TEXT,
  last_status INTEGER,
  last_error TEXT,
  CONSTRAINT payload_json CHECK (json_valid(payload)),
  CONSTRAINT deliveries_lease_whole CHECK ((state = 'InFlight') = (lease_until IS NOT NULL)),
  ${isoUtc('next_attempt_at')},
  ${isoUtc('retry_deadline', true)},
  ${isoUtc('lease_until', true)},
  ${isoUtc('created_at')},
  ${isoUtc('delivered_at', true)},
  ${isoUtc('gave_up_at', true)}
) STRICT;

INSERT INTO deliveries_002 (id, callback_id, kind, event_count, vins, remote_types, payload, state, attempts,
  next_attempt_at, lease_until, created_at, delivered_at, last_error)
SELECT d.id, d.callback_id, 'event', 1, coalesce(a.vin, ''), coalesce(a.type, ''),
  CASE WHEN json_type(d.payload) = 'array' THEN d.payload ELSE json_array(json(d.payload)) END,
  CASE WHEN d.state = 'InFlight' THEN 'Queued' ELSE d.state END, d.attempts, d.next_attempt_at, NULL,
  d.created_at, d.delivered_at, d.last_error
FROM deliveries d LEFT JOIN remote_actions a ON a.id = d.remote_action_id;

DROP TABLE deliveries;
ALTER TABLE deliveries_002 RENAME TO deliveries;

-- Hot: the dispatcher claims due deliveries per callback, earliest due first; the queue is a small part of the
-- table, so the index holds only queued rows.
CREATE INDEX deliveries_queued ON deliveries (callback_id, next_attempt_at, id) WHERE state = 'Queued';
-- No index on state as a whole: every delivery passes Queued → InFlight → Delivered, and moving it in such an
-- index twice costs a third of the drain rate. Dead letters are few, so they get their own small indexes; the
-- other states are found through created_at (newest first) with the state as a filter.
-- (Written with OR, not IN: SQLite sees that state = 'Dead' implies an OR term, not an IN list.)
CREATE INDEX deliveries_dead_letters ON deliveries (state, created_at, id)
  WHERE state = 'Failed' OR state = 'Dead';
CREATE INDEX deliveries_dead_letters_by_callback ON deliveries (callback_id, created_at, id)
  WHERE state = 'Failed' OR state = 'Dead';
CREATE INDEX deliveries_by_callback ON deliveries (callback_id, created_at, id);
CREATE INDEX deliveries_by_created ON deliveries (created_at, id);

-- Connection failures are not counted as attempts of the policy but are still shown.
ALTER TABLE delivery_attempts ADD COLUMN counted INTEGER NOT NULL DEFAULT 1 CHECK (counted IN (0, 1));

-- One row per forwarded event: what a delivery carries (to find deliveries by vehicle), and, while
-- delivery_id is NULL, an event waiting for its callback's batch to fill or its window to close.
CREATE TABLE delivery_events (
  id INTEGER PRIMARY KEY,
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  delivery_id TEXT REFERENCES deliveries (id),
  vin TEXT NOT NULL,
  remote_type TEXT NOT NULL,
  -- The event as it will be sent, kept only while it waits for a batch.
  event TEXT,
  created_at TEXT NOT NULL,
  CONSTRAINT event_json CHECK (event IS NULL OR json_valid(event)),
  CONSTRAINT delivery_events_waiting_whole CHECK ((delivery_id IS NULL) = (event IS NOT NULL)),
  ${isoUtc('created_at')}
) STRICT;

CREATE INDEX delivery_events_waiting ON delivery_events (callback_id, id) WHERE delivery_id IS NULL;
CREATE INDEX delivery_events_by_vin ON delivery_events (vin, delivery_id);

-- Reachability of each webhook origin (scheme://host:port), kept across restarts so a long outage is
-- measured from its real start (retention) and probing resumes where it was.
CREATE TABLE delivery_targets (
  origin TEXT PRIMARY KEY NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('online', 'offline')),
  since TEXT NOT NULL,
  last_error TEXT,
  probe_failures INTEGER NOT NULL DEFAULT 0 CHECK (probe_failures >= 0),
  next_probe_at TEXT,
  updated_at TEXT NOT NULL,
  ${isoUtc('since')},
  ${isoUtc('next_probe_at', true)},
  ${isoUtc('updated_at')}
) STRICT;

-- Callbacks whose deliveries are held (Paused, by an operator or after a 410 Gone): since when and why, so
-- the held time does not count toward the 3-day cap and the reason can be shown.
CREATE TABLE delivery_holds (
  callback_id TEXT PRIMARY KEY NOT NULL REFERENCES callbacks (id),
  since TEXT NOT NULL,
  reason TEXT NOT NULL,
  ${isoUtc('since')}
) STRICT;
`;

export const outbox: Migration = {
  version: 2,
  name: 'outbox',
  up(db) {
    db.exec(SQL);
  },
};
