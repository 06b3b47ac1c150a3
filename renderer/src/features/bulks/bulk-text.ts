// The words of bulk commands: each code the agent answers (item states, skip reasons, outcomes, failure causes,
// statuses) said for the person at the screen, in the chosen language (the `bulks` catalog). Functions, not maps:
// the language can change while the app runs. Keyed by the vocabulary, so a new code fails to compile until the
// English catalog words it. The schedules' words are in ../schedules/schedule-text.ts.
import type { BulkCountsDto, BulkItemDto } from '../../../../preload/contract/routines.js';
import type { BulkItemState, BulkSkipReason, BulkStatus } from '../../../../preload/contract/vocabulary.js';
import {
  BULK_FINAL_ITEM_STATES,
  BULK_ITEM_STATES,
  BULK_STATUSES,
} from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';
import { isFailureCause } from './bulk-codes.js';

export function bulkItemStateLabel(state: BulkItemState): string {
  return t(`bulks:itemState.${state}`);
}

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

export function skipReasonLabel(reason: BulkSkipReason): string {
  return t(`bulks:skipReason.${reason}`);
}

export function bulkStatusLabel(status: BulkStatus): string {
  return t(`bulks:status.${status}`);
}

/**
 * The old map's name, for app/bulk-notifier.ts (outside this feature) until it calls bulkStatusLabel(): each read
 * is a getter, so it says the current language.
 */
export const BULK_STATUS_LABELS: Readonly<Record<BulkStatus, string>> = Object.defineProperties(
  {},
  Object.fromEntries(
    BULK_STATUSES.map((status) => [status, { enumerable: true, get: () => bulkStatusLabel(status) }]),
  ),
) as Record<BulkStatus, string>;

export const BULK_STATUS_COLORS: Readonly<Record<BulkStatus, string>> = {
  running: 'blue',
  finished: 'green',
  cancelled: 'gray',
};

export function outcomeLabel(outcome: BulkItemDto['outcome']): string {
  return outcome ? t(`bulks:outcome.${outcome}`) : '';
}

/** The network's failure cause in words; a cause it added since is shown as it came. */
export function failureCauseText(cause: string | null): string {
  if (!cause) return '';
  return isFailureCause(cause) ? t(`bulks:cause.${cause}`) : cause;
}

/** Why a vehicle was skipped, with the check's own code when the agent gives one ("Refused by a check (…)"). */
export function skipReasonText(item: Pick<BulkItemDto, 'reason' | 'detail'>): string {
  if (!item.reason) return '';
  const words = skipReasonLabel(item.reason);
  return item.detail && item.reason === 'REFUSED'
    ? t('bulks:skipReason.withDetail', { reason: words, detail: item.detail })
    : words;
}

/** Why a vehicle did not go or did not succeed, in words: the skip reason, else the network's failure cause. */
export function whyText(item: Pick<BulkItemDto, 'reason' | 'detail' | 'failureCause'>): string {
  return skipReasonText(item) || failureCauseText(item.failureCause);
}

/** How many vehicles are settled (nothing changes them any more): the progress bar's part. */
export function settledCount(counts: BulkCountsDto): number {
  return BULK_FINAL_ITEM_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/**
 * "8 done · 1 failed · 2 skipped", in the vocabulary's order, leaving out the states no vehicle is in. Each part is
 * its own message (number and words agree in every language); the dots only separate them.
 */
export function bulkCountsText(counts: BulkCountsDto): string {
  const parts = BULK_ITEM_STATES.filter((state) => counts[state] > 0).map((state) =>
    t(`bulks:counts.part.${state}`, { count: counts[state] }),
  );
  return parts.length > 0 ? parts.join(' · ') : t('bulks:counts.none');
}

/** An estimate for people: "under a minute", "about 3 min", "about 1 h 40 min". */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return t('bulks:duration.underMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('bulks:duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest
    ? t('bulks:duration.hoursMinutes', { hours, minutes: rest })
    : t('bulks:duration.hours', { hours });
}
