// The access policy's defaults: which lowest role may send each remote. How a remote body maps to its keys
// (policyKeysOf) and the role they need (roleNeeded) live in the contract's vocabulary, shared with the UI.
import { POLICY_KEYS, type PolicyKey, type Role } from '../../../../preload/contract/vocabulary.js';

export type PolicyRules = Record<PolicyKey, Role>;

export const DEFAULT_RULES: Readonly<PolicyRules> = Object.freeze(
  Object.fromEntries(
    POLICY_KEYS.map((key) => [
      key,
      key === 'Stolen' || key.startsWith('Immobilization.') ? 'supervisor' : 'technician',
    ]),
  ) as PolicyRules,
);

/** Minutes without input before the UI locks to the operator picker. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

// One rule for the agent and the UI: defined beside the words they share.
export { policyKeysOf, roleNeeded } from '../../../../preload/contract/vocabulary.js';
