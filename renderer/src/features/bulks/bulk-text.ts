// The words of bulk commands and schedules: each code the agent answers (item states, skip reasons, outcomes, run
// statuses and their reasons) said for the person at the screen. Keyed by the vocabulary, so a new code fails to
// compile until it is worded.
import type { BulkCountsDto, BulkItemDto } from '../../../../preload/contract/routines.js';
import type {
  BulkItemState,
  BulkSkipReason,
  BulkStatus,
  ScheduleRunStatus,
  ScheduleStatus,
  Weekday,
} from '../../../../preload/contract/vocabulary.js';
import { BULK_FINAL_ITEM_STATES, BULK_ITEM_STATES } from '../../../../preload/contract/vocabulary.js';

export const BULK_ITEM_STATE_LABELS: Readonly<Record<BulkItemState, string>> = {
  queued: 'Waiting its turn',
  skipped: 'Skipped',
  sent: 'Sent',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** Colour goes with the words, never instead of them. */
export const BULK_ITEM_STATE_COLORS: Readonly<Record<BulkItemState, string>> = {
  queued: 'gray',
  skipped: 'orange',
  sent: 'blue',
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
  expired: 'yellow',
};

export const BULK_SKIP_REASON_LABELS: Readonly<Record<BulkSkipReason, string>> = {
  NOT_CAPABLE: 'Cannot do this command',
  STOLEN_MODE: 'In stolen mode',
  BUSY: 'Same command already in progress',
  NO_WAKE_UPS_LEFT: 'Asleep, no wake-ups left this month',
  VEHICLE_GONE: 'No longer in the fleet',
  REFUSED: 'Refused by a check',
};

export const BULK_STATUS_LABELS: Readonly<Record<BulkStatus, string>> = {
  running: 'Running',
  finished: 'Finished',
  cancelled: 'Cancelled',
};

export const BULK_STATUS_COLORS: Readonly<Record<BulkStatus, string>> = {
  running: 'blue',
  finished: 'green',
  cancelled: 'gray',
};

const OUTCOME_LABELS: Readonly<Record<NonNullable<BulkItemDto['outcome']>, string>> = {
  Success: 'Success',
  AlreadyDone: 'Already done',
  Failed: 'Failed',
  Refused: 'Refused by the network',
  TimedOut: 'No answer',
  Expired: 'Expired in the queue',
  Cancelled: 'Cancelled',
};

export function outcomeLabel(outcome: BulkItemDto['outcome']): string {
  return outcome ? OUTCOME_LABELS[outcome] : '';
}

/** Why a vehicle was skipped, with the check's own code when the agent gives one ("Refused by a check: …"). */
export function skipReasonText(item: Pick<BulkItemDto, 'reason' | 'detail'>): string {
  if (!item.reason) return '';
  const words = BULK_SKIP_REASON_LABELS[item.reason] ?? item.reason;
  return item.detail && item.reason === 'REFUSED' ? `${words} (${item.detail})` : words;
}

/** How many vehicles are settled (nothing changes them any more): the progress bar's part. */
export function settledCount(counts: BulkCountsDto): number {
  return BULK_FINAL_ITEM_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** "8 done · 1 failed · 2 skipped", in the vocabulary's order, leaving out the states no vehicle is in. */
export function bulkCountsText(counts: BulkCountsDto): string {
  const parts = BULK_ITEM_STATES.filter((state) => counts[state] > 0).map(
    (state) => `${counts[state].toLocaleString()} ${BULK_ITEM_STATE_LABELS[state].toLowerCase()}`,
  );
  return parts.length > 0 ? parts.join(' · ') : 'No vehicle';
}

/** An estimate for people: "under a minute", "about 3 min", "about 1 h 40 min". */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest ? ` ${rest} min` : ''}`;
}

export const SCHEDULE_STATUS_LABELS: Readonly<Record<ScheduleStatus, string>> = {
  Running: 'Active',
  Paused: 'Paused',
};

export const SCHEDULE_RUN_LABELS: Readonly<Record<ScheduleRunStatus, string>> = {
  ran: 'Ran',
  missed: 'Missed (agent was off)',
  failed: 'Could not start',
};

export const SCHEDULE_RUN_COLORS: Readonly<Record<ScheduleRunStatus, string>> = {
  ran: 'green',
  missed: 'orange',
  failed: 'red',
};

/** Why a run could not start, from the error code the agent recorded; an unknown code is shown as recorded. */
const RUN_REASONS: Readonly<Record<string, string>> = {
  FORBIDDEN: 'Its creator no longer has the role this command needs',
  OPERATOR_DISABLED: 'Its creator is disabled',
  OPERATOR_NOT_FOUND: 'Its creator was deleted',
  GROUP_NOT_FOUND: 'Its group was deleted',
  GROUP_EMPTY: 'Its group has no vehicle',
  VEHICLE_NOT_FOUND: 'None of its vehicles is in the fleet any more',
  CALLBACK_NOT_FOUND: 'Its callback was deleted',
  CALLBACK_PAUSED: 'Its callback is paused',
  REMOTE_TYPE_NOT_SUBSCRIBED: 'Its callback no longer receives this command',
  VALIDATION_FAILED: 'Its command is no longer valid',
  NOT_SCHEDULABLE: 'This command cannot be scheduled',
};

export function runReasonText(code: string | null): string {
  if (!code) return '';
  return RUN_REASONS[code] ?? `Could not start (${code})`;
}

export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};
