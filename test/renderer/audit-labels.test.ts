// The audit page words every kind of act the core can write (the labels are catalog keys built from the
// vocabulary's AUDIT_ACTIONS: the catalog test fails on a missing one), offers each one in its filter, shows an
// unknown kind (written by another version of the agent) as recorded, and follows the language chosen.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../preload/contract/vocabulary.js';
import { auditActionChoices, auditActionLabel } from '../../renderer/src/features/audit/audit-labels.js';
import { chooseLanguage, startI18n } from '../../renderer/src/i18n/index.js';

// No DOM here: the catalogs are started by hand (test/setup.ts starts them where a DOM exists).
beforeAll(() => startI18n('en'));
afterEach(async () => {
  await chooseLanguage('en');
});

describe('audit action labels', () => {
  it('cover every audit action, in words', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionLabel(action)).not.toBe(action);
      expect(auditActionLabel(action).length).toBeGreaterThan(3);
    }
    expect(auditActionLabel('access.denied')).toBe('Refused: role not enough');
  });

  it('offer every audit action in the filter, and show an unknown one as recorded', () => {
    expect(auditActionChoices().map((c) => c.value)).toEqual([...AUDIT_ACTIONS]);
    expect(auditActionLabel('remote.something-new')).toBe('remote.something-new');
  });

  it('are read in the language chosen, the filter too', async () => {
    await chooseLanguage('fr');
    expect(auditActionLabel('access.denied')).toBe('Refusé : rôle insuffisant');
    expect(auditActionChoices().find((c) => c.value === 'token.revoke')?.label).toBe('Jeton révoqué');
  });
});
