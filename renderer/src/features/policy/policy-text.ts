// The words of the Access policy page: each policy key as a depot says it, from the `policy` catalog (keys
// `key.<PolicyKey>`, declared in policy-text.keys.ts: a key the agent adds fails the catalog test until it has words).
import { POLICY_KEYS, type PolicyKey } from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';

export const policyKeyLabel = (key: PolicyKey): string => t(`policy:key.${key}`);

export const isPolicyKey = (value: unknown): value is PolicyKey =>
  typeof value === 'string' && (POLICY_KEYS as readonly string[]).includes(value);

/** The page's title, for the admin-only guard around it (app/Routes.tsx): read at each use. */
export const POLICY_TEXT = {
  get title(): string {
    return t('policy:title');
  },
};
