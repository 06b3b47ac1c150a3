import type { Migration } from './migration.js';

// Every action keeps the id the agent gave it when it was created; the id the network answered (202
// `remoteActionId`) is stored beside it. Notifications name actions by that upstream id, and the network may
// issue an id again: `upstream_released_at` marks a row that no longer answers to its upstream id (a newer
// action took it over, or it arrived already in use), so exactly one row holds each upstream id at a time.

const SQL = `
ALTER TABLE remote_actions ADD COLUMN upstream_id TEXT;
ALTER TABLE remote_actions ADD COLUMN upstream_released_at TEXT
  CONSTRAINT upstream_released_at_iso_utc CHECK (upstream_released_at IS NULL OR upstream_released_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
  CONSTRAINT upstream_released_needs_id CHECK (upstream_released_at IS NULL OR upstream_id IS NOT NULL);

-- Until now an accepted action was re-keyed to the network's id, so for those rows the id IS the upstream id.
-- Rows the network never accepted (Sending, Refused, Expired) kept their local id: they have none.
UPDATE remote_actions SET upstream_id = id WHERE phase IN ('Pending', 'Done', 'TimedOut');

-- The holder of an upstream id: what notifications naming it reach.
CREATE UNIQUE INDEX remote_actions_upstream_holder ON remote_actions (upstream_id)
  WHERE upstream_id IS NOT NULL AND upstream_released_at IS NULL;
-- Every row that ever carried an upstream id (earlier holders, to recognise a repeat of their notifications).
CREATE INDEX remote_actions_by_upstream ON remote_actions (upstream_id) WHERE upstream_id IS NOT NULL;
`;

export const upstreamActionIds: Migration = {
  version: 6,
  name: 'upstream-action-ids',
  up(db) {
    db.exec(SQL);
  },
};
