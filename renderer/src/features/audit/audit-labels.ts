// What each kind of audit entry is called on the audit page. Keyed by the vocabulary's AUDIT_ACTIONS, so an act the
// core can write but the UI cannot word fails to compile.
import { AUDIT_ACTIONS, type AuditAction } from '../../../../preload/contract/vocabulary.js';

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'remote.send': 'Command sent',
  'remote.upstream-id-reassigned': 'Network id reused from an earlier command',
  'callback.create': 'Callback created',
  'callback.replace': 'Callback changed',
  'callback.pause': 'Callback paused',
  'callback.resume': 'Callback resumed',
  'callback.delete': 'Callback deleted',
  'callback.test-notification': 'Test notification sent',
  'delivery.retry': 'Delivery sent again',
  'delivery.retry-all': 'Failed deliveries sent again',
  'quarantine.replay': 'Kept notification replayed',
  'quarantine.resolve': 'Kept notification resolved',
  'quarantine.drop': 'Kept notification dropped (quarantine size cap)',
  'settings.change': 'Settings changed',
  'secrets.forgotten': 'Lost secrets cleared (--forget-secrets)',
};

/** The choices of the "What" filter, in the vocabulary's order. */
export const AUDIT_ACTION_CHOICES = AUDIT_ACTIONS.map((value) => ({
  value,
  label: AUDIT_ACTION_LABELS[value],
}));

/** An entry's kind in words; one written by another version of the agent shows as recorded. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
