// The notices keys the browser notifications build at run time (app/bulk-notifier.ts): one count per bulk item state.
import { BULK_ITEM_STATES } from '../../../preload/contract/vocabulary.js';

export const dynamicKeys = {
  'notices:bulk.count.': BULK_ITEM_STATES,
} satisfies Record<string, readonly string[]>;
