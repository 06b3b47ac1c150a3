// Times as a technician reads them: "2 min ago", and the exact local time on hover — in the chosen language, the
// site's time zone (renderer/src/i18n/format.ts holds the one format of every screen; these are its short names).
import { formatDateTime, formatRelative, formatShortDateTime, formatTime } from '../i18n/format.js';
import { t } from '../i18n/index.js';

/** "just now", "2 min ago" — or, for a time to come (a next try, a next check), "in 2 min". */
export function ageText(iso: string | null | undefined, now: number): string {
  if (!iso) return t('common:time.never');
  return Number.isFinite(Date.parse(iso)) ? formatRelative(iso, now) : t('common:time.unknown');
}

/** The full date and time ("3 Dec 2026, 14:02:55"). */
export function clockText(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatDateTime(iso) || iso;
}

/** The time of day ("14:02:55"). */
export function timeText(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatTime(iso) || iso;
}

/** Compact, for tables: "22 Nov, 16:54:00". */
export function shortClockText(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatShortDateTime(iso) || iso;
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\b/g;

/** A sentence from the agent with its RFC 3339 times read as local clock times ("since 17:26:10"). */
export function localTimesIn(text: string): string {
  return text.replace(ISO_TIME, (iso) => timeText(iso));
}
