// The policy keys built at run time: each policy key's words, by the vocabulary's POLICY_KEYS.
import { POLICY_KEYS } from '../../../../preload/contract/vocabulary.js';

export const dynamicKeys = { 'policy:key.': POLICY_KEYS } satisfies Record<string, readonly string[]>;
