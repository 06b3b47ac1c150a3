// Times as a technician reads them: "2 min ago", and the exact local time on hover.

function spanText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** "just now", "2 min ago" — or, for a time to come (a next try, a next check), "in 2 min". */
export function ageText(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return 'unknown';
  // A few seconds either way read as now (the agent's clock and this one may differ a little).
  if (Math.abs(seconds) < 10) return 'just now';
  return seconds > 0 ? `${spanText(seconds)} ago` : `in ${spanText(-seconds)}`;
}

export function clockText(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * One formatter per format, made on first use: toLocaleString with options builds a new one on every call (a
 * fraction of a millisecond each, and a table row shows two dates).
 */
function formatter(options: Intl.DateTimeFormatOptions): (date: Date) => string {
  let format: Intl.DateTimeFormat | null = null;
  return (date) => (format ??= new Intl.DateTimeFormat(undefined, options)).format(date);
}

const timeOfDay = formatter({ hour: '2-digit', minute: '2-digit', second: '2-digit' });
const shortClock = formatter({
  day: '2-digit',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function timeText(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeOfDay(date);
}

/** Compact, for tables: "22 Nov, 16:54:00". */
export function shortClockText(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortClock(date);
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\b/g;

/** A sentence from the agent with its RFC 3339 times read as local clock times ("since 17:26:10"). */
export function localTimesIn(text: string): string {
  return text.replace(ISO_TIME, (iso) => timeText(iso));
}
