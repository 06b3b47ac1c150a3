import type { Migration } from './migration.js';

// Issue 16: depot routines. Everything a bulk command or a schedule needs to resume after a restart lives here, so
// nothing is only in memory: a bulk's items are its plan and its progress (a vehicle is marked `sent` with its
// action id in the same transaction that stores the action, which is what keeps a restart from sending it twice),
// and a schedule's runs are keyed by their planned instant (UNIQUE), so a planned time runs or is missed once.
// - vehicle_groups: explicit members (vehicle_ids, JSON array) or a saved filter (filter, JSON), exactly one. A
//   deleted group keeps its row (deleted_at): schedules deleted since, and bulk commands, still name it.
// - bulk_remotes: one per command; `remote` is the body each vehicle gets, `actor` who started it (a schedule's run:
//   its creator as they are at that time). bulk_items: one per vehicle, `seq` the sending order.
//   bulk_remotes.approved_by: the supervisor who approved a technician's bulk on their screen (checked once, at
//   start: the PIN is never stored), which each vehicle's command then carries.
// - schedules: the rule (days, HH:MM) read in the site's time zone at each computation; schedule_runs: one per
//   planned instant: ran (bulk_id), missed or failed (reason, an error code).

const SQL = `
CREATE TABLE vehicle_groups (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  vehicle_ids TEXT CHECK (vehicle_ids IS NULL OR json_valid(vehicle_ids)),
  filter TEXT CHECK (filter IS NULL OR json_valid(filter)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT CHECK (created_by IS NULL OR json_valid(created_by)),
  deleted_at TEXT,
  CHECK ((vehicle_ids IS NULL) <> (filter IS NULL))
);
CREATE UNIQUE INDEX vehicle_groups_name ON vehicle_groups (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE bulk_remotes (
  id TEXT PRIMARY KEY NOT NULL,
  type TEXT NOT NULL,
  remote TEXT NOT NULL CHECK (json_valid(remote)),
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  group_id TEXT,
  schedule_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled')),
  when_busy TEXT CHECK (when_busy IS NULL OR when_busy IN ('refuse', 'queue')),
  expires_in_seconds INTEGER,
  actor TEXT NOT NULL CHECK (json_valid(actor)),
  approved_by TEXT CHECK (approved_by IS NULL OR json_valid(approved_by)),
  created_at TEXT NOT NULL,
  finished_at TEXT
);
-- Not over yet (running, or cancelled with vehicles still going), oldest first: what the runner sends and follows.
CREATE INDEX bulk_remotes_unfinished ON bulk_remotes (created_at, id) WHERE finished_at IS NULL;
CREATE INDEX bulk_remotes_by_created ON bulk_remotes (created_at, id);
-- A schedule's runs find the bulk they started.
CREATE INDEX bulk_remotes_by_schedule ON bulk_remotes (schedule_id, created_at) WHERE schedule_id IS NOT NULL;

CREATE TABLE bulk_items (
  bulk_id TEXT NOT NULL REFERENCES bulk_remotes (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  vehicle_id TEXT NOT NULL,
  vin TEXT NOT NULL,
  label TEXT,
  state TEXT NOT NULL CHECK (state IN ('queued', 'skipped', 'sent', 'done', 'failed', 'cancelled', 'expired')),
  reason TEXT,
  detail TEXT,
  remote_action_id TEXT REFERENCES remote_actions (id),
  outcome TEXT,
  failure_cause TEXT,
  sent_at TEXT,
  ended_at TEXT,
  PRIMARY KEY (bulk_id, seq),
  UNIQUE (bulk_id, vehicle_id)
);
-- What is left to send, in order; and the action → item lookup when an action settles.
CREATE INDEX bulk_items_queued ON bulk_items (bulk_id, seq) WHERE state = 'queued';
CREATE UNIQUE INDEX bulk_items_by_action ON bulk_items (remote_action_id) WHERE remote_action_id IS NOT NULL;
-- At start: the vehicles sent whose action may have settled while the agent was off.
CREATE INDEX bulk_items_sent ON bulk_items (bulk_id, seq) WHERE state = 'sent';

CREATE TABLE schedules (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  remote TEXT NOT NULL CHECK (json_valid(remote)),
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  group_id TEXT REFERENCES vehicle_groups (id),
  vehicle_ids TEXT CHECK (vehicle_ids IS NULL OR json_valid(vehicle_ids)),
  rule TEXT NOT NULL CHECK (json_valid(rule)),
  status TEXT NOT NULL CHECK (status IN ('Running', 'Paused')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL CHECK (json_valid(created_by)),
  deleted_at TEXT,
  CHECK ((group_id IS NULL) <> (vehicle_ids IS NULL))
);

CREATE TABLE schedule_runs (
  id TEXT PRIMARY KEY NOT NULL,
  schedule_id TEXT NOT NULL REFERENCES schedules (id),
  planned_for TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ran', 'missed', 'failed')),
  at TEXT NOT NULL,
  bulk_id TEXT REFERENCES bulk_remotes (id),
  reason TEXT,
  UNIQUE (schedule_id, planned_for)
);
CREATE INDEX schedule_runs_by_schedule ON schedule_runs (schedule_id, planned_for DESC);
`;

export const routines: Migration = {
  version: 11,
  name: 'routines',
  up(db) {
    db.exec(SQL);
  },
};
