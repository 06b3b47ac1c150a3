import type { Migration } from './migration.js';

// Issue 14: the people and systems that use the agent, and who did what.
// - operators: local accounts. The PIN or password is kept only as an scrypt hash (secrets/credential-hash.ts);
//   failures and the lock live in the row so a restart does not reset them. Never deleted (the audit log names
//   them): removed ones keep their row with `deleted_at`.
// - api_tokens: site systems' scoped tokens, stored as the SHA-256 of the secret (high-entropy, so a fast hash
//   is enough; it is what is compared).
// - browser_enrolments: browsers an admin allowed to sign operators in with a PIN (the cookie's SHA-256).
// - who: each audit entry and each action records its actor as JSON (kind, id, name, role, onBehalfOf), and
//   `actor_id` for the audit log's filter by operator; an action records its approver too.

const isoUtc = (column: string, nullable = false): string => {
  const glob = `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;
  return `CONSTRAINT ${column}_iso_utc CHECK (${nullable ? `${column} IS NULL OR ` : ''}${glob})`;
};
const ROLE = (column: string) =>
  `CONSTRAINT ${column}_role CHECK (${column} IN ('viewer', 'technician', 'supervisor', 'admin'))`;

const SQL = `
CREATE TABLE operators (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  credential TEXT NOT NULL CHECK (credential IN ('pin', 'password')),
  secret_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_sign_in_at TEXT,
  deleted_at TEXT,
  ${ROLE('role')},
  ${isoUtc('locked_until', true)},
  ${isoUtc('created_at')},
  ${isoUtc('updated_at')},
  ${isoUtc('last_sign_in_at', true)},
  ${isoUtc('deleted_at', true)}
) STRICT;
-- One live operator per name, whatever its case: the sign-in picker and {operator, pin} go by name.
CREATE UNIQUE INDEX operators_live_name ON operators (lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY NOT NULL,
  label TEXT NOT NULL,
  role TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT,
  ${ROLE('role')},
  ${isoUtc('created_at')},
  ${isoUtc('expires_at', true)},
  ${isoUtc('revoked_at', true)},
  ${isoUtc('last_used_at', true)}
) STRICT;

CREATE TABLE browser_enrolments (
  id TEXT PRIMARY KEY NOT NULL,
  cookie_sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  ${isoUtc('created_at')}
) STRICT;

ALTER TABLE audit_log ADD COLUMN actor TEXT CHECK (actor IS NULL OR json_valid(actor));
ALTER TABLE audit_log ADD COLUMN actor_id TEXT;
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, seq) WHERE actor_id IS NOT NULL;

ALTER TABLE remote_actions ADD COLUMN actor TEXT CHECK (actor IS NULL OR json_valid(actor));
ALTER TABLE remote_actions ADD COLUMN approved_by TEXT CHECK (approved_by IS NULL OR json_valid(approved_by));
`;

export const operators: Migration = {
  version: 9,
  name: 'operators',
  up(db) {
    db.exec(SQL);
  },
};
