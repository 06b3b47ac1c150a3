// Two formats schedules need that renderer/src/i18n/format.ts does not offer (issue 17): the days' names ("Mon" /
// "Monday", "lun." / "lundi"), and an instant on a given zone's clock — each schedule carries its own zone, and a
// list may hold two. Both in the chosen language's locale (formatLocale()), made once per locale and zone.
import { WEEKDAYS, type Weekday } from '../../../../preload/contract/vocabulary.js';
import { formatDateTimeWithZone, formatLocale } from '../../i18n/format.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const full = `${formatLocale()}|${key}`;
  let made = cache.get(full);
  if (!made) {
    made = new Intl.DateTimeFormat(formatLocale(), options);
    cache.set(full, made);
  }
  return made;
}

/** 1 January 2024 was a Monday: the week from it, at noon UTC, names the days in WEEKDAYS' order. */
const A_MONDAY = Date.UTC(2024, 0, 1, 12);
const DAY_MS = 24 * 60 * 60 * 1000;

function weekdayName(day: Weekday, width: 'short' | 'long'): string {
  return formatter(`weekday:${width}`, { weekday: width, timeZone: 'UTC' }).format(
    A_MONDAY + WEEKDAYS.indexOf(day) * DAY_MS,
  );
}

/** A day's short name in the chosen language ("Mon", "lun."): on the toggles and in lists of days. */
export const weekdayShort = (day: Weekday) => weekdayName(day, 'short');

/** A day's whole name ("Monday", "lundi"): the toggles' description. */
export const weekdayLong = (day: Weekday) => weekdayName(day, 'long');

/**
 * An instant as the site's clock shows it: "Mon 12 Jan, 18:00 CET" (the zone said, as it may not be this PC's). A
 * zone this browser does not know: the app's own zone, which says its name.
 */
export function siteTimeText(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatter(`zoned:${timeZone}`, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      // The same 24-hour clock as the rule's HH:MM.
      hourCycle: 'h23',
      timeZoneName: 'short',
    }).format(date);
  } catch {
    return formatDateTimeWithZone(date);
  }
}
