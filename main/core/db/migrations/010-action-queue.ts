import type { Migration } from './migration.js';

// Issue 15: a queue per vehicle and feature instead of a 409, and "send again" (docs/decisions.md, 21). The queue
// is this table: an action waits in phase Queued, in the order of `queue_seq`, until the one before it in its
// vehicle and feature settles; nothing about it lives only in memory, so a restart resumes it as it was.
// - phase gains Queued (waiting) and Cancelled (taken out of the queue, never sent): the CHECK constraint can only
//   change by rebuilding the table. Foreign keys are off while migrations run (as for 007): action_events keeps
//   referring to remote_actions by name, and the final foreign_key_check proves every row still has its action.
// - queue_seq: the order of arrival, given to every new action (a command put back in the queue after the network
//   failed keeps its place). expires_at: after it a waiting command ends Expired. queue_reason: why it waits,
//   besides its place (QUEUE_REASONS). network_tries / next_try_at: the backoff while the network is unreachable.
//   send_uncertain: a send may have reached the network (it was cut short); the network is asked before any other.
//   after_id: the wake-up it waits for. sent_at: when it left (what the "no answer" timeout counts from).
// - resent_from / resent_as: "send again" links the new action and the first, both ways; one resend per action.

const isoUtc = (column: string, nullable = false): string => {
  const glob = `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;
  return `CONSTRAINT ${column}_iso_utc CHECK (${nullable ? `${column} IS NULL OR ` : ''}${glob})`;
};

const COLUMNS = `id, vehicle_id, vin, callback_id, type, remote, phase, status, outcome, failure_cause,
  feedback_detail, error, operator, reason, created_at, updated_at, done_at, last_event_date, upstream_id,
  upstream_released_at, actor, approved_by`;

const SQL = `
CREATE TABLE remote_actions_010 (
  id TEXT PRIMARY KEY NOT NULL,
  vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
  vin TEXT NOT NULL,
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  type TEXT NOT NULL CHECK (type IN ('ElectricBatteryChargingRequest', 'Stolen', 'Lights', 'WakeUp',
    'ThermalPreconditioning', 'Doors', 'Horn', 'Immobilization', 'Navigation')),
  remote TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('Queued', 'Sending', 'Pending', 'Done', 'Refused', 'Expired', 'Cancelled',
    'TimedOut')),
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
  upstream_id TEXT,
  upstream_released_at TEXT,
  actor TEXT CHECK (actor IS NULL OR json_valid(actor)),
  approved_by TEXT CHECK (approved_by IS NULL OR json_valid(approved_by)),
  queue_seq INTEGER,
  expires_at TEXT,
  queue_reason TEXT CHECK (queue_reason IS NULL OR queue_reason IN ('NETWORK_UNREACHABLE', 'SEND_INTERRUPTED',
    'WAKE_UP_FIRST', 'CALLBACK_PAUSED')),
  network_tries INTEGER NOT NULL DEFAULT 0 CHECK (network_tries >= 0),
  next_try_at TEXT,
  send_uncertain INTEGER NOT NULL DEFAULT 0 CHECK (send_uncertain IN (0, 1)),
  after_id TEXT REFERENCES remote_actions (id),
  resent_from TEXT REFERENCES remote_actions (id),
  resent_as TEXT REFERENCES remote_actions (id),
  sent_at TEXT,
  CONSTRAINT queued_in_order CHECK (phase <> 'Queued' OR queue_seq IS NOT NULL),
  CONSTRAINT upstream_released_needs_id CHECK (upstream_released_at IS NULL OR upstream_id IS NOT NULL),
  CONSTRAINT remote_json CHECK (json_valid(remote)),
  CONSTRAINT error_json CHECK (error IS NULL OR json_valid(error)),
  ${isoUtc('created_at')},
  ${isoUtc('updated_at')},
  ${isoUtc('done_at', true)},
  ${isoUtc('upstream_released_at', true)},
  ${isoUtc('expires_at', true)},
  ${isoUtc('next_try_at', true)},
  ${isoUtc('sent_at', true)}
) STRICT;

INSERT INTO remote_actions_010 (${COLUMNS}) SELECT ${COLUMNS} FROM remote_actions;

DROP TABLE remote_actions;
ALTER TABLE remote_actions_010 RENAME TO remote_actions;

-- The indexes of 001 and 006, as they were.
CREATE INDEX remote_actions_by_vehicle_callback ON remote_actions (vehicle_id, callback_id, created_at, id);
CREATE INDEX remote_actions_by_vehicle ON remote_actions (vehicle_id, created_at, id);
CREATE INDEX remote_actions_by_callback ON remote_actions (callback_id, created_at, id);
CREATE INDEX remote_actions_by_phase ON remote_actions (phase, created_at, id);
CREATE INDEX remote_actions_by_type ON remote_actions (type, created_at, id);
CREATE INDEX remote_actions_by_created ON remote_actions (created_at, id);
CREATE UNIQUE INDEX remote_actions_upstream_holder ON remote_actions (upstream_id)
  WHERE upstream_id IS NOT NULL AND upstream_released_at IS NULL;
CREATE INDEX remote_actions_by_upstream ON remote_actions (upstream_id) WHERE upstream_id IS NOT NULL;
-- A callback with a queued action is as busy as one with an action in flight: its deletion waits for both.
CREATE INDEX remote_actions_open_by_callback ON remote_actions (callback_id)
  WHERE phase IN ('Queued', 'Sending', 'Pending');

-- The queues: few rows among 100k, each lane (vehicle, feature) in its order.
CREATE INDEX remote_actions_queued ON remote_actions (vehicle_id, type, queue_seq) WHERE phase = 'Queued';
-- The next place in line (max) without a scan.
CREATE INDEX remote_actions_by_queue_seq ON remote_actions (queue_seq) WHERE queue_seq IS NOT NULL;
-- One resend per action; and the foreign-key lookups of the links.
CREATE UNIQUE INDEX remote_actions_resent_from ON remote_actions (resent_from) WHERE resent_from IS NOT NULL;
CREATE INDEX remote_actions_resent_as ON remote_actions (resent_as) WHERE resent_as IS NOT NULL;
CREATE INDEX remote_actions_after ON remote_actions (after_id) WHERE after_id IS NOT NULL;
`;

export const actionQueue: Migration = {
  version: 10,
  name: 'action-queue',
  up(db) {
    db.exec(SQL);
  },
};
