// The period an export form asks for, in the person's own days: from the start of the first day to the end of the
// last (both included), sent to the agent as instants; and the name the file is saved under.
import type { ExportFormat } from '../../../../preload/contract/export.js';

/** A local day as the date field holds it: YYYY-MM-DD. */
export type DayText = string;

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: Date): DayText => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The last 30 days, today included. */
export function defaultPeriod(today = new Date()): { from: DayText; to: DayText } {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: dayText(start), to: dayText(today) };
}

/** Local midnight of a day, `days` later; null when the text is not a day. */
function midnight(day: DayText, days = 0): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The instants the agent is asked for: the first day's start, and the start of the day after the last. A day that
 * is not one is sent as the typed text, for the agent to refuse with its field error.
 */
export function periodQuery(from: DayText, to: DayText): { from: string; to: string } {
  return {
    from: midnight(from)?.toISOString() ?? from,
    to: midnight(to, 1)?.toISOString() ?? to,
  };
}

/** audit-2026-01-01-2026-01-31.csv: the days as the person chose them. */
export function exportFileName(what: 'audit' | 'history', from: DayText, to: DayText, format: ExportFormat) {
  const safe = (text: string) => text.replace(/[^\w-]/g, '_');
  return `${what}-${safe(from)}-${safe(to)}.${format}`;
}
