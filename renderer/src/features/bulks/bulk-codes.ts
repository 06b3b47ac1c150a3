// The codes a bulk command's lines carry: how a vehicle's command ended, and the network's failure causes (the
// contract's vocabulary). Plain lists (no words here), so the catalog test can import them through
// bulk-text.keys.ts without starting i18next.
import type { BulkItemDto } from '../../../../preload/contract/routines.js';
import { DONE_STATUSES, FAILURE_CAUSES, type FailureCause } from '../../../../preload/contract/vocabulary.js';

export type BulkOutcome = NonNullable<BulkItemDto['outcome']>;

export const BULK_OUTCOMES = [
  ...DONE_STATUSES,
  'Refused',
  'TimedOut',
  'Expired',
  'Cancelled',
] as const satisfies readonly BulkOutcome[];

export { FAILURE_CAUSES, type FailureCause };

export function isFailureCause(value: string): value is FailureCause {
  return (FAILURE_CAUSES as readonly string[]).includes(value);
}
