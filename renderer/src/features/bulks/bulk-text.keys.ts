// The bulks keys bulk-text.ts builds from codes (issue 17): each prefix with the exact codes appended.
import {
  BULK_ITEM_STATES,
  BULK_SKIP_REASONS,
  BULK_STATUSES,
} from '../../../../preload/contract/vocabulary.js';
import { BULK_OUTCOMES, FAILURE_CAUSES } from './bulk-codes.js';

export const dynamicKeys = {
  'bulks:itemState.': BULK_ITEM_STATES,
  'bulks:counts.part.': BULK_ITEM_STATES,
  'bulks:skipReason.': BULK_SKIP_REASONS,
  'bulks:status.': BULK_STATUSES,
  'bulks:outcome.': BULK_OUTCOMES,
  'bulks:cause.': FAILURE_CAUSES,
} satisfies Record<string, readonly string[]>;
