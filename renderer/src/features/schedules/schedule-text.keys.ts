// The schedules keys schedule-text.ts builds from codes (issue 17): each prefix with the exact codes appended.
import { SCHEDULE_RUN_STATUSES, SCHEDULE_STATUSES } from '../../../../preload/contract/vocabulary.js';
import { RUN_REASON_CODES } from './run-reasons.js';

export const dynamicKeys = {
  'schedules:status.': SCHEDULE_STATUSES,
  'schedules:run.': SCHEDULE_RUN_STATUSES,
  'schedules:runReason.': RUN_REASON_CODES,
} satisfies Record<string, readonly string[]>;
