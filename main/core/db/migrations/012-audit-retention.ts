import type { Migration } from './migration.js';

// Issue 18: a site may choose to keep audit entries for a number of days (the default stays "forever"). The log
// remains append-only for everything else: the delete trigger now lets through only entries older than the
// cutoff recorded in audit_retention, which the retention sweep moves forward (never back, by its own trigger)
// before it prunes. A bug or a hand-typed DELETE still cannot remove a recent entry.
const SQL = `
CREATE TABLE audit_retention (
  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  cutoff TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_retention_forward_only BEFORE UPDATE ON audit_retention
WHEN new.cutoff < old.cutoff
BEGIN
  SELECT RAISE(ABORT, 'audit_retention.cutoff only moves forward');
END;

CREATE TRIGGER audit_retention_kept BEFORE DELETE ON audit_retention
BEGIN
  SELECT RAISE(ABORT, 'audit_retention cannot be deleted');
END;

DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT (old.at < coalesce((SELECT cutoff FROM audit_retention WHERE id = 1), ''))
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: only entries older than the retention cutoff can be deleted');
END;

CREATE INDEX audit_log_by_at ON audit_log (at, seq);
`;

export const auditRetention: Migration = {
  version: 12,
  name: 'audit-retention',
  up(db) {
    db.exec(SQL);
  },
};
