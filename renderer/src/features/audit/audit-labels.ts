// What each kind of audit entry is called on the audit page. Keyed by the vocabulary's AUDIT_ACTIONS, so an act the
// core can write but the UI cannot word fails to compile.
import { AUDIT_ACTIONS, type AuditAction } from '../../../../preload/contract/vocabulary.js';

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'remote.send': 'Command sent',
  'remote.queue': 'Command queued (waits its turn)',
  'remote.cancel': 'Queued command cancelled',
  'remote.expire': 'Queued command expired (never sent)',
  'remote.resend': 'Command sent again',
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
  'access.denied': 'Refused: role not enough',
  'session.sign-in': 'Signed in',
  'session.sign-in-failed': 'Sign-in refused (wrong PIN)',
  'session.enrol': 'Browser enrolled for PIN sign-in',
  'operator.create': 'Operator added',
  'operator.change': 'Operator changed',
  'operator.disable': 'Operator disabled',
  'operator.delete': 'Operator deleted',
  'operator.locked': 'Operator locked (too many wrong PINs)',
  'operator.unlock': 'Operator unlocked',
  'operator.pin-change': 'PIN changed',
  'token.create': 'Token created',
  'token.revoke': 'Token revoked',
  'policy.change': 'Access policy changed',
  'group.create': 'Vehicle group created',
  'group.change': 'Vehicle group changed',
  'group.delete': 'Vehicle group deleted',
  'bulk.start': 'Bulk command started',
  'bulk.cancel': 'Bulk command cancelled',
  'bulk.finish': 'Bulk command finished',
  'schedule.create': 'Schedule created',
  'schedule.change': 'Schedule changed',
  'schedule.pause': 'Schedule paused',
  'schedule.resume': 'Schedule resumed',
  'schedule.delete': 'Schedule deleted',
  'schedule.run': 'Schedule ran (bulk command started)',
  'schedule.missed': 'Schedule run missed (agent was off)',
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
