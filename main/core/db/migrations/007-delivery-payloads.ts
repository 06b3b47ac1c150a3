import type { Migration } from './migration.js';

// A delivery's events[] move to a table of their own (issue 13). SQLite rewrites a whole row on any UPDATE, so
// while the payload sat in `deliveries`, each state change of a 100-event batch (claimed, then delivered) wrote
// its 18 KB again: 95 µs an update against 5 µs without it, measured on SQLite 3.54. The payload is written once
// and read where the call is built; the row that changes state stays small.

const isoUtc = (column: string, nullable = false): string => {
  const glob = `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;
  return `CONSTRAINT ${column}_iso_utc CHECK (${nullable ? `${column} IS NULL OR ` : ''}${glob})`;
};

const SQL = `
CREATE TABLE delivery_payloads (
  delivery_id TEXT PRIMARY KEY NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  -- The events[] array of the fleet notification, as sent; the envelope is built at send time.
  payload TEXT NOT NULL,
  CONSTRAINT payload_json CHECK (json_valid(payload))
) STRICT;
INSERT INTO delivery_payloads (delivery_id, payload) SELECT id, payload FROM deliveries;

-- Rebuilt without the column (its CHECK constraint keeps ALTER TABLE DROP COLUMN from removing it); foreign keys
-- are off while migrations run, as for 002.
CREATE TABLE deliveries_007 (
  id TEXT PRIMARY KEY NOT NULL,
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  kind TEXT NOT NULL CHECK (kind IN ('event', 'batch', 'test')),
  event_count INTEGER NOT NULL CHECK (event_count >= 1),
  vins TEXT NOT NULL,
  remote_types TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('Queued', 'InFlight', 'Delivered', 'Failed', 'Dead')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  unreachable_tries INTEGER NOT NULL DEFAULT 0 CHECK (unreachable_tries >= 0),
  next_attempt_at TEXT NOT NULL,
  retry_deadline TEXT,
  lease_owner TEXT,
  lease_until TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  gave_up_at TEXT,
  last_status INTEGER,
  last_error TEXT,
  CONSTRAINT deliveries_lease_whole CHECK ((state = 'InFlight') = (lease_until IS NOT NULL)),
  ${isoUtc('next_attempt_at')},
  ${isoUtc('retry_deadline', true)},
  ${isoUtc('lease_until', true)},
  ${isoUtc('created_at')},
  ${isoUtc('delivered_at', true)},
  ${isoUtc('gave_up_at', true)}
) STRICT;

INSERT INTO deliveries_007 (id, callback_id, kind, event_count, vins, remote_types, state, attempts,
  unreachable_tries, next_attempt_at, retry_deadline, lease_owner, lease_until, created_at, delivered_at,
  gave_up_at, last_status, last_error)
SELECT id, callback_id, kind, event_count, vins, remote_types, state, attempts, unreachable_tries,
  next_attempt_at, retry_deadline, lease_owner, lease_until, created_at, delivered_at, gave_up_at, last_status,
  last_error
FROM deliveries;

DROP TABLE deliveries;
ALTER TABLE deliveries_007 RENAME TO deliveries;

-- The indexes of 002, as they were.
CREATE INDEX deliveries_queued ON deliveries (callback_id, next_attempt_at, id) WHERE state = 'Queued';
CREATE INDEX deliveries_dead_letters ON deliveries (state, created_at, id)
  WHERE state = 'Failed' OR state = 'Dead';
CREATE INDEX deliveries_dead_letters_by_callback ON deliveries (callback_id, created_at, id)
  WHERE state = 'Failed' OR state = 'Dead';
CREATE INDEX deliveries_by_callback ON deliveries (callback_id, created_at, id);
CREATE INDEX deliveries_by_created ON deliveries (created_at, id);
`;

export const deliveryPayloads: Migration = {
  version: 7,
  name: 'delivery-payloads',
  up(db) {
    db.exec(SQL);
  },
};
