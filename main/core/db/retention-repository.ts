// Retention (issue 18): removes settled actions with their events, and delivered notifications with their
// attempts and payload, older than a cutoff, a bounded batch per call so each transaction stays short. Open actions
// and deliveries not yet delivered are never touched. Audit entries go only when a site chose a number of days: the
// cutoff is recorded first (audit_retention), since the log's delete trigger lets through only entries older than it.
import { ACTION_PHASES, isSettled } from '../../../preload/contract/vocabulary.js';
import type { Db } from './open-database.js';

const settled = ACTION_PHASES.filter((p) => isSettled(p))
  .map((p) => `'${p}'`)
  .join(', ');
const open = ACTION_PHASES.filter((p) => !isSettled(p))
  .map((p) => `'${p}'`)
  .join(', ');

// Oldest first through remote_actions_by_created; an action still waited on by an open one (its queue predecessor)
// stays until that one settles.
const OLD_ACTIONS_SQL = `SELECT id FROM remote_actions
  WHERE created_at < @cutoff AND phase IN (${settled}) AND coalesce(done_at, updated_at) < @cutoff
    AND NOT EXISTS (SELECT 1 FROM remote_actions w WHERE w.after_id = remote_actions.id AND w.phase IN (${open}))
  ORDER BY created_at, id LIMIT @limit`;

// Oldest first through deliveries_by_created; only the final Delivered state.
const OLD_DELIVERIES_SQL = `SELECT id FROM deliveries
  WHERE created_at < @cutoff AND state = 'Delivered' AND delivered_at < @cutoff
  ORDER BY created_at, id LIMIT @limit`;

const inIds = `IN (SELECT value FROM json_each(@ids))`;

export interface RetentionRepository {
  /** Deletes up to `limit` settled actions last changed before `cutoff` (ISO), with their events; returns how many. */
  pruneActions(cutoff: string, limit: number): number;
  /** Deletes up to `limit` deliveries delivered before `cutoff` (ISO), with their attempts, payload and events. */
  pruneDeliveredNotifications(cutoff: string, limit: number): number;
  /** Moves the audit cutoff forward to `cutoff` and deletes up to `limit` entries older than it, oldest first. */
  pruneAudit(cutoff: string, limit: number): number;
}

export function createRetentionRepository(db: Db): RetentionRepository {
  const oldActions = db.raw.prepare<{ cutoff: string; limit: number }, string>(OLD_ACTIONS_SQL).pluck();
  // Rows that point at a removed action lose the pointer, not their own content (a bulk item keeps its outcome).
  const unlinkAction = [
    `UPDATE remote_actions SET after_id = NULL WHERE after_id ${inIds}`,
    `UPDATE remote_actions SET resent_from = NULL WHERE resent_from ${inIds}`,
    `UPDATE remote_actions SET resent_as = NULL WHERE resent_as ${inIds}`,
    `UPDATE bulk_items SET remote_action_id = NULL WHERE remote_action_id ${inIds}`,
    `DELETE FROM action_events WHERE remote_action_id ${inIds}`,
    `DELETE FROM remote_actions WHERE id ${inIds}`,
  ].map((sql) => db.raw.prepare<{ ids: string }>(sql));

  const oldDeliveries = db.raw.prepare<{ cutoff: string; limit: number }, string>(OLD_DELIVERIES_SQL).pluck();
  // delivery_attempts and delivery_payloads go by ON DELETE CASCADE; delivery_events has no cascade.
  const removeDeliveries = [
    `DELETE FROM delivery_events WHERE delivery_id ${inIds}`,
    `DELETE FROM deliveries WHERE id ${inIds}`,
  ].map((sql) => db.raw.prepare<{ ids: string }>(sql));

  // Forward only (max): a shorter retention set later must not reopen entries a longer one already protects… and
  // the table's own trigger refuses a move back anyway.
  const setAuditCutoff = db.raw.prepare<{ cutoff: string }>(
    `INSERT INTO audit_retention (id, cutoff) VALUES (1, @cutoff)
     ON CONFLICT (id) DO UPDATE SET cutoff = max(cutoff, excluded.cutoff)`,
  );
  const oldAudit = db.raw.prepare<{ cutoff: string; limit: number }>(
    `DELETE FROM audit_log WHERE seq IN (
       SELECT seq FROM audit_log WHERE at < @cutoff ORDER BY at, seq LIMIT @limit)`,
  );

  const batch = (
    select: typeof oldActions,
    steps: typeof removeDeliveries,
    cutoff: string,
    limit: number,
  ): number =>
    db.transaction(() => {
      const found = select.all({ cutoff, limit });
      if (found.length === 0) return 0;
      const ids = JSON.stringify(found);
      for (const step of steps) step.run({ ids });
      return found.length;
    });

  return {
    pruneActions: (cutoff, limit) => batch(oldActions, unlinkAction, cutoff, limit),
    pruneDeliveredNotifications: (cutoff, limit) => batch(oldDeliveries, removeDeliveries, cutoff, limit),
    pruneAudit: (cutoff, limit) =>
      db.transaction(() => {
        setAuditCutoff.run({ cutoff });
        return oldAudit.run({ cutoff, limit }).changes;
      }),
  };
}
