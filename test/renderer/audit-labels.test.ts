// The audit page words every kind of act the core can write (the labels are keyed by the vocabulary's
// AUDIT_ACTIONS: a missing one fails the typecheck), offers each one in its filter, and shows an unknown kind
// (written by another version of the agent) as recorded.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditAction } from '../../preload/contract/vocabulary.js';
import {
  AUDIT_ACTION_CHOICES,
  AUDIT_ACTION_LABELS,
  auditActionLabel,
} from '../../renderer/src/features/audit/audit-labels.js';

describe('audit action labels', () => {
  it('cover every audit action, in words', () => {
    expectTypeOf(AUDIT_ACTION_LABELS).toEqualTypeOf<Readonly<Record<AuditAction, string>>>();
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionLabel(action)).not.toBe(action);
      expect(auditActionLabel(action).length).toBeGreaterThan(3);
    }
  });

  it('offer every audit action in the filter, and show an unknown one as recorded', () => {
    expect(AUDIT_ACTION_CHOICES.map((c) => c.value)).toEqual([...AUDIT_ACTIONS]);
    expect(auditActionLabel('remote.something-new')).toBe('remote.something-new');
  });
});
