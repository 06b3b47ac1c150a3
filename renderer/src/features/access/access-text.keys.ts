// The access keys built at run time: a role's name, by the vocabulary's ROLES, and the agent's parts (test/i18n/catalogs.test.ts checks
// each exists).
import { ROLES } from '../../../../preload/contract/vocabulary.js';

/** The agent's own parts that act in its name (main/core: systemActor(...)), as the audit log records them. */
export const SYSTEM_PARTS = ['queue', 'schedules', 'bulk', 'outbox', 'system'] as const;

export const dynamicKeys = {
  'access:role.': ROLES,
  'access:actor.part.': SYSTEM_PARTS,
} satisfies Record<string, readonly string[]>;
