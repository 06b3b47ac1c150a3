// What each kind of audit entry is called on the audit page, from the `audit` catalog (keys `action.<act>`, one
// per the vocabulary's AUDIT_ACTIONS: audit-labels.keys.ts declares them, and the catalog test checks each exists).
import { AUDIT_ACTIONS, type AuditAction } from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';

const isAuditAction = (action: string): action is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);

/** An entry's kind in words; one written by another version of the agent shows as recorded. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? t(`audit:action.${action}`) : action;
}

/** The choices of the "What" filter, in the vocabulary's order and the language shown now. */
export function auditActionChoices(): { value: AuditAction; label: string }[] {
  return AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(value) }));
}
