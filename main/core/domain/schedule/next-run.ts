// When a schedule's rule next falls: days of the week and a wall-clock time ("06:30"), read in the site's IANA time
// zone. The two rules of the issue that no library gives as such (docs/decisions.md, 24):
// - a time inside a daylight-saving gap (02:30 on the night clocks go forward) runs at the first instant after the
//   gap (03:00 local), i.e. at the transition itself — not "the same time shifted by the gap" (03:30);
// - a repeated hour (02:30 on the night clocks go back) runs once, at its first occurrence.
// Written over Intl alone: the domain imports no package (eslint.config.js), and the one thing a date library would
// add — the zone's offset at an instant — is a single formatToParts call; the gap and overlap rules are ours anyway.
import { WEEKDAYS, type Weekday } from '../../../../preload/contract/vocabulary.js';

export interface ScheduleRule {
  days: readonly Weekday[];
  /** "HH:MM", 24-hour, wall-clock time in the site's time zone. */
  time: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// Building a formatter is the costly part (tens of µs); one per zone, kept for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for a zone this runtime does not know (the setting is checked with the same test).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The wall clock at `instant` in `timeZone`, written as the milliseconds of the UTC date with the same fields
 * ("wall milliseconds"): calendar arithmetic on it is plain arithmetic, and `wall - instant` is the zone's offset.
 */
export function wallClockAt(instant: number, timeZone: string): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterOf(timeZone).formatToParts(instant)) {
    const n = Number(part.value);
    if (part.type === 'year') year = n;
    else if (part.type === 'month') month = n;
    else if (part.type === 'day') day = n;
    else if (part.type === 'hour') hour = n;
    else if (part.type === 'minute') minute = n;
    else if (part.type === 'second') second = n;
  }
  const ms = ((instant % 1000) + 1000) % 1000;
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, ms);
  return wall.getTime();
}

/** The zone's offset from UTC at `instant`, in milliseconds (Paris in winter: 3,600,000). */
export function offsetAt(instant: number, timeZone: string): number {
  return wallClockAt(instant, timeZone) - instant;
}

/**
 * The instant a wall-clock time stands for in `timeZone`: the first of two when the hour repeats, the end of the
 * gap (the transition instant) when that time does not exist.
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
  // Every real offset lies within −12 h and +14 h, so the instant is within [wall − 14 h, wall + 12 h]: the offsets
  // at the edges of that window (with a margin) are the only ones it can have, one transition at most between them.
  const before = offsetAt(wall - 15 * HOUR_MS, timeZone);
  const after = offsetAt(wall + 13 * HOUR_MS, timeZone);
  let first: number | null = null;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset;
    if (offsetAt(candidate, timeZone) === offset && (first === null || candidate < first)) first = candidate;
  }
  if (first !== null) return first;
  // A gap: the clocks jumped from `before` to `after` (forward, so after > before). Every instant in
  // [wall − after, wall − before] straddles the jump; the first one with the new offset is the transition.
  if (after <= before) return wall - after; // never seen in the zone data; the nearest sensible answer
  let lo = wall - after;
  let hi = wall - before;
  const late = offsetAt(hi, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === late) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Hours and minutes of an "HH:MM" rule time, as milliseconds after local midnight. */
function timeOfDayMs(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not an HH:MM time: ${time}`);
  return Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
}

/** ISO weekday of a wall-clock day (its midnight in wall milliseconds): Mon … Sun. */
function weekdayOf(wallMidnight: number): Weekday {
  return WEEKDAYS[(new Date(wallMidnight).getUTCDay() + 6) % 7]!;
}

/** The planned instant of the rule on one local day (the day's midnight in wall milliseconds). */
function plannedOn(wallMidnight: number, timeOfDay: number, timeZone: string): number {
  return instantOfWallClock(wallMidnight + timeOfDay, timeZone);
}

/**
 * The first planned instant of `rule` strictly after `after`, the rule read in `timeZone`. Each local day of the
 * rule has exactly one planned instant (see the rules at the top), so a run at that instant never meets the same
 * day's time again — the second pass of a repeated hour included.
 */
export function nextRunAfter(rule: ScheduleRule, timeZone: string, after: Date): Date {
  if (rule.days.length === 0) throw new RangeError('A rule needs at least one day.');
  const from = after.getTime();
  const timeOfDay = timeOfDayMs(rule.time);
  const today = Math.floor(wallClockAt(from, timeZone) / DAY_MS) * DAY_MS;
  // Today (if its time is still ahead) up to the same weekday next week; one more day in case a gap pushed a
  // planned instant past midnight (a zone that skipped a whole day, as Pacific/Apia did in 2011).
  for (let day = 0; day <= 8; day++) {
    const midnight = today + day * DAY_MS;
    if (!rule.days.includes(weekdayOf(midnight))) continue;
    const planned = plannedOn(midnight, timeOfDay, timeZone);
    if (planned > from) return new Date(planned);
  }
  throw new RangeError(`No planned instant within 9 days of ${after.toISOString()} in ${timeZone}.`);
}

/**
 * The planned instants of `rule` in (`from`, `to`], oldest first: what fell due while nothing ran them (the agent
 * was off, or the machine slept). At most `limit` of them, the most recent kept when there are more.
 */
export function plannedBetween(
  rule: ScheduleRule,
  timeZone: string,
  from: Date,
  to: Date,
  limit = Number.POSITIVE_INFINITY,
): Date[] {
  const due: Date[] = [];
  for (let next = nextRunAfter(rule, timeZone, from); next <= to; next = nextRunAfter(rule, timeZone, next)) {
    due.push(next);
    if (due.length > limit) due.shift();
  }
  return due;
}
