import type { Migration } from './migration.js';

// Value lists are written out here rather than imported from the domain: a released migration must describe
// the schema as it was, whatever the domain's constants become later. A test checks they still match the
// domain, so adding a remote type or a phase fails loudly until a migration relaxes the CHECK.

/**
 * Timestamps are compared and sorted as text (due deliveries, keyset pages), which is only correct if every
 * value has one shape: the `Date.prototype.toISOString()` form, UTC with milliseconds.
 */
const isoUtc = (column: string, nullable = false): string => {
  const glob = `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;
  return `CONSTRAINT ${column}_iso_utc CHECK (${nullable ? `${column} IS NULL OR ` : ''}${glob})`;
};

const json = (column: string, nullable = false): string =>
  `CONSTRAINT ${column}_json CHECK (${nullable ? `${column} IS NULL OR ` : ''}json_valid(${column}))`;

const SQL = `
CREATE TABLE vehicles (
  id TEXT PRIMARY KEY NOT NULL,
  vin TEXT NOT NULL UNIQUE,
  label TEXT,
  brand TEXT,
  model TEXT,
  energy TEXT NOT NULL CHECK (energy IN ('Electric', 'PlugInHybrid', 'Combustion', 'Hybrid', 'Unknown')),
  capabilities TEXT NOT NULL,
  status TEXT,
  status_at TEXT,
  synced_at TEXT NOT NULL,
  ${json('capabilities')},
  ${json('status', true)},
  ${isoUtc('status_at', true)},
  ${isoUtc('synced_at')}
) STRICT;

CREATE TABLE callbacks (
  id TEXT PRIMARY KEY NOT NULL,
  label TEXT,
  subscribe TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('Running', 'Paused', 'Failed')),
  -- Opaque blobs encrypted by the service layer: the store never holds a secret in clear.
  secrets TEXT,
  receiver_secret TEXT,
  upstream_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Soft delete: remote actions keep pointing at the callback they were sent with.
  deleted_at TEXT,
  ${json('subscribe')},
  ${isoUtc('created_at')},
  ${isoUtc('updated_at')},
  ${isoUtc('deleted_at', true)}
) STRICT;

CREATE TABLE remote_actions (
  id TEXT PRIMARY KEY NOT NULL,
  vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
  vin TEXT NOT NULL,
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  type TEXT NOT NULL CHECK (type IN ('ElectricBatteryChargingRequest', 'Stolen', 'Lights', 'WakeUp',
    'ThermalPreconditioning', 'Doors', 'Horn', 'Immobilization', 'Navigation')),
  remote TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('Sending', 'Pending', 'Done', 'Refused', 'Expired', 'TimedOut')),
  status TEXT,
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('Success', 'AlreadyDone', 'Failed')),
  failure_cause TEXT,
  feedback_detail TEXT,
  error TEXT,
  operator TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  done_at TEXT,
  last_event_date TEXT,
  ${json('remote')},
  ${json('error', true)},
  ${isoUtc('created_at')},
  ${isoUtc('updated_at')},
  ${isoUtc('done_at', true)}
) STRICT;

-- Every history list is newest first with (created_at, id) as a stable keyset.
CREATE INDEX remote_actions_by_vehicle_callback ON remote_actions (vehicle_id, callback_id, created_at, id);
CREATE INDEX remote_actions_by_vehicle ON remote_actions (vehicle_id, created_at, id);
CREATE INDEX remote_actions_by_callback ON remote_actions (callback_id, created_at, id);
CREATE INDEX remote_actions_by_phase ON remote_actions (phase, created_at, id);
CREATE INDEX remote_actions_by_type ON remote_actions (type, created_at, id);
CREATE INDEX remote_actions_by_created ON remote_actions (created_at, id);
-- Open actions are few among 100k: a partial index keeps the check before deleting a callback tiny.
CREATE INDEX remote_actions_open_by_callback ON remote_actions (callback_id)
  WHERE phase IN ('Sending', 'Pending');

CREATE TABLE action_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  -- ON UPDATE CASCADE: an action sent under a local id is re-keyed to the network's id once accepted.
  remote_action_id TEXT NOT NULL REFERENCES remote_actions (id) ON UPDATE CASCADE,
  -- As the network sent it (RFC 3339, any offset): it is part of the dedupe identity, so never rewritten.
  event_date TEXT NOT NULL,
  received_at TEXT NOT NULL,
  event_type TEXT NOT NULL CHECK (event_type IN ('Pending', 'Done', 'Local')),
  status TEXT NOT NULL,
  failure_cause TEXT,
  feedback_detail TEXT,
  source TEXT NOT NULL CHECK (source IN ('connector', 'receiver', 'poll', 'local')),
  applied INTEGER NOT NULL CHECK (applied IN (0, 1)),
  raw TEXT,
  ${json('raw', true)},
  ${isoUtc('received_at')},
  -- D7: the same notification delivered twice (retries, receiver + poll) is stored once.
  CONSTRAINT action_events_identity UNIQUE (remote_action_id, event_type, status, event_date)
) STRICT;

-- seq is the rowid, so it is implicitly the last key column: the timeline order needs no sort.
CREATE INDEX action_events_by_action ON action_events (remote_action_id, event_date);

CREATE TABLE deliveries (
  -- Also the Standard Webhooks webhook-id: stable across retries so receivers can deduplicate.
  id TEXT PRIMARY KEY NOT NULL,
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  remote_action_id TEXT REFERENCES remote_actions (id) ON UPDATE CASCADE,
  event_seq INTEGER REFERENCES action_events (seq),
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('Queued', 'InFlight', 'Delivered', 'Failed', 'Dead')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  last_error TEXT,
  ${json('payload')},
  ${isoUtc('next_attempt_at')},
  ${isoUtc('expires_at')},
  ${isoUtc('created_at')},
  ${isoUtc('delivered_at', true)}
) STRICT;

CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at, id);
CREATE INDEX deliveries_by_state ON deliveries (state, created_at, id);
CREATE INDEX deliveries_by_callback ON deliveries (callback_id, created_at, id);
-- Foreign-key lookups when an action is re-keyed; without it each re-key would scan every delivery.
CREATE INDEX deliveries_by_action ON deliveries (remote_action_id);

CREATE TABLE delivery_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
  http_status INTEGER,
  error TEXT,
  ${isoUtc('started_at')}
) STRICT;

CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ${json('value')},
  ${isoUtc('updated_at')}
) STRICT;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  -- Plain references, no foreign keys: the trail must record acts on things that may never have existed.
  vin TEXT,
  remote_action_id TEXT,
  callback_id TEXT,
  reason TEXT,
  detail TEXT,
  ${json('detail', true)},
  ${isoUtc('at')}
) STRICT;

CREATE INDEX audit_log_by_vin ON audit_log (vin, seq);
CREATE INDEX audit_log_by_action ON audit_log (action, seq);

-- Append-only is a promise to supervisors (shift handover, dangerous commands): the file itself keeps it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be updated');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
`;

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};
