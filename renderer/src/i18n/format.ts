// One format for every screen (issue 17): dates, times, durations, numbers and lists through Intl, in the chosen
// language's locale and the site's time zone (the routines setting; the browser's zone until the settings are read).
// Lengths of time use the catalog's short units (common:time.*).
// Formatters are made once per locale, zone and style: building one costs a fraction of a millisecond, and a table
// row shows several values.

import i18next from 'i18next';

let locale = 'en';
let timeZone: string | undefined;
const cache = new Map<string, unknown>();

export function setFormatLocale(next: string): void {
  if (next === locale) return;
  locale = next;
  cache.clear();
}

/** The site's IANA time zone (settings.routines.timeZone); undefined keeps the browser's. */
export function setSiteTimeZone(next: string | undefined): void {
  if (next === timeZone) return;
  timeZone = next;
  cache.clear();
}

export function formatLocale(): string {
  return locale;
}

function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const dateFormat = (name: string, options: Intl.DateTimeFormatOptions) =>
  cached(`date:${name}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 déc. 2026, 14:02:55": a full date and time. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date ? dateFormat('dateTime', { dateStyle: 'medium', timeStyle: 'medium' }).format(date) : '';
}

/** "3 déc., 14:02:55": for tables, where the year is this year's. */
export function formatShortDateTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date
    ? dateFormat('short', {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(date)
    : '';
}

/** "14:02:55". */
export function formatTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date
    ? dateFormat('time', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date)
    : '';
}

/** "3 déc. 2026". */
export function formatDate(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date ? dateFormat('date', { dateStyle: 'medium' }).format(date) : '';
}

/** A date and time with its zone's short name ("3 déc. 2026, 07:00 UTC+1"): for schedules, whose zone matters. */
export function formatDateTimeWithZone(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date
    ? dateFormat('zoned', { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' }).format(date)
    : '';
}

/** "1 234" / "1,234" / "1.234". */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = `number:${options ? JSON.stringify(options) : ''}`;
  return cached(key, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** A share from 0 to 1: "42 %". */
export function formatPercent(fraction: number): string {
  return formatNumber(fraction, { style: 'percent', maximumFractionDigits: 0 });
}

const UNITS = [
  { unit: 'second', seconds: 1, upTo: 60 },
  { unit: 'minute', seconds: 60, upTo: 60 * 60 },
  { unit: 'hour', seconds: 60 * 60, upTo: 48 * 60 * 60 },
  { unit: 'day', seconds: 24 * 60 * 60, upTo: Infinity },
] as const;

function largestUnit(seconds: number) {
  const abs = Math.abs(seconds);
  return UNITS.find((u) => abs < u.upTo) ?? UNITS[UNITS.length - 1]!;
}

/**
 * A length of time in its largest sensible unit: "45 s", "2 min", "3 h", "4 days" — the catalog's words (the
 * short units a technician reads on a busy screen), the number in the locale's digits.
 */
export function formatDuration(seconds: number): string {
  const { unit, seconds: size } = largestUnit(seconds);
  const n = Math.round(Math.abs(seconds) / size);
  switch (unit) {
    case 'second':
      return i18next.t('common:time.span.seconds', { n });
    case 'minute':
      return i18next.t('common:time.span.minutes', { n });
    case 'hour':
      return i18next.t('common:time.span.hours', { n });
    case 'day':
      return i18next.t('common:time.span.days', { n });
  }
}

/**
 * How long ago (or how soon): "2 min ago", "in 3 h", "just now"; a few seconds either way read as now (the agent's
 * clock and this one may differ a little).
 */
export function formatRelative(value: string | number | Date, now: number): string {
  const date = toDate(value);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 10) return i18next.t('common:time.now');
  const span = formatDuration(seconds);
  return seconds < 0 ? i18next.t('common:time.ago', { span }) : i18next.t('common:time.in', { span });
}

/** "a, b et c". */
export function formatList(
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  return cached(`list:${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(items);
}
