import type { Migration } from './migration.js';

// Requests the webhook receiver authenticated but could not apply. Value lists are written out (not imported)
// for the same reason as in 001: a released migration describes the schema as it was.

const isoUtc = (column: string, nullable = false): string => {
  const glob = `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;
  return `CONSTRAINT ${column}_iso_utc CHECK (${nullable ? `${column} IS NULL OR ` : ''}${glob})`;
};

const SQL = `
CREATE TABLE quarantine (
  -- Arrival order: newest first is id DESC.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  callback_id TEXT NOT NULL REFERENCES callbacks (id),
  received_at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('MALFORMED_JSON', 'SCHEMA_MISMATCH', 'UNKNOWN_ACTION')),
  -- [{field, message}]: what did not fit, or which actions were unknown.
  errors TEXT NOT NULL,
  content_type TEXT,
  -- The headers that help support (allow-listed by the receiver: never the secret).
  headers TEXT NOT NULL,
  remote_address TEXT,
  -- Byte for byte as received (a BLOB, so a body that is not UTF-8 survives too).
  body BLOB NOT NULL,
  -- UNKNOWN_ACTION: the remote action ids not known, so they can be replayed once the action exists.
  action_ids TEXT NOT NULL DEFAULT '[]',
  replays INTEGER NOT NULL DEFAULT 0 CHECK (replays >= 0),
  last_replay_at TEXT,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('Replayed', 'Dismissed')),
  CONSTRAINT quarantine_resolution_whole CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
  CONSTRAINT errors_json CHECK (json_valid(errors)),
  CONSTRAINT headers_json CHECK (json_valid(headers)),
  CONSTRAINT action_ids_json CHECK (json_valid(action_ids)),
  ${isoUtc('received_at')},
  ${isoUtc('last_replay_at', true)},
  ${isoUtc('resolved_at', true)}
) STRICT;

-- What needs attention is few rows among many handled ones.
CREATE INDEX quarantine_unresolved ON quarantine (id) WHERE resolved_at IS NULL;
`;

export const quarantine: Migration = {
  version: 3,
  name: 'quarantine',
  up(db) {
    db.exec(SQL);
  },
};
