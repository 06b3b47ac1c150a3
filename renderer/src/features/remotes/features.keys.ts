// The catalog keys the remote screens build from the contract's lists (checked by test/i18n/catalogs.test.ts):
// the feature names (shared with the notifier and every list), their summaries, why a queued command waits, and
// the days of the week of the program editors.
import { QUEUE_REASONS, REMOTE_TYPES, WEEKDAYS } from '../../../../preload/contract/vocabulary.js';

export const dynamicKeys = {
  'vocab:feature.': REMOTE_TYPES,
  'vocab:weekday.short.': WEEKDAYS,
  'vocab:weekday.long.': WEEKDAYS,
  'remotes:feature.summary.': REMOTE_TYPES,
  'remotes:queue.reason.': QUEUE_REASONS,
} satisfies Record<string, readonly string[]>;
