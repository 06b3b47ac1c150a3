// The keys the desktop's notifications build at run time (notifier.ts); the explanations' own keys are declared with
// their codes, in main/core/domain/explanations.keys.ts.
import { BULK_ITEM_STATES, REMOTE_TYPES } from '../../preload/contract/vocabulary.js';

export const dynamicKeys = {
  'notices:bulk.count.': BULK_ITEM_STATES,
  'vocab:feature.': REMOTE_TYPES,
} satisfies Record<string, readonly string[]>;
