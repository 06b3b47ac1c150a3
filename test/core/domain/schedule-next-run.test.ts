// When a schedule next runs: days and a wall-clock time in the site's time zone, with the two rules for
// daylight saving (a time in a gap runs at the end of the gap; a repeated hour runs once, the first time). Explicit
// cases for the transitions people meet, then properties over every zone this runtime knows and 1980–2037.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextRunAfter,
  offsetAt,
  plannedBetween,
  wallClockAt,
  type ScheduleRule,
} from '../../../main/core/domain/schedule/next-run.js';
import { WEEKDAYS, type Weekday } from '../../../preload/contract/vocabulary.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EVERY_DAY: Weekday[] = [...WEEKDAYS];

const next = (rule: ScheduleRule, zone: string, after: string) =>
  nextRunAfter(rule, zone, new Date(after)).toISOString();

describe('the next planned instant', () => {
  it('is today when the time is still ahead, else the next day of the rule, in the site’s zone', () => {
    const weekdays: ScheduleRule = { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], time: '06:30' };
    // Monday 5 January 2026, Paris is UTC+1: 06:30 local is 05:30Z.
    expect(next(weekdays, 'Europe/Paris', '2026-01-05T05:00:00Z')).toBe('2026-01-05T05:30:00.000Z');
    // Exactly at the planned instant: that one is not "after", the next is Tuesday's.
    expect(next(weekdays, 'Europe/Paris', '2026-01-05T05:30:00Z')).toBe('2026-01-06T05:30:00.000Z');
    // Friday evening: skips the weekend.
    expect(next(weekdays, 'Europe/Paris', '2026-01-09T18:00:00Z')).toBe('2026-01-12T05:30:00.000Z');
    // One day a week, time passed today: a week later.
    expect(next({ days: ['Mon'], time: '06:30' }, 'Europe/Paris', '2026-01-05T06:00:00Z')).toBe(
      '2026-01-12T05:30:00.000Z',
    );
    // The day is the site's: 23:30 on Sunday in New York is already Monday in UTC.
    expect(next({ days: ['Sun'], time: '23:30' }, 'America/New_York', '2026-01-04T12:00:00Z')).toBe(
      '2026-01-05T04:30:00.000Z',
    );
  });

  it('runs a time inside the spring-forward gap at the first instant after it (03:00 local, not 03:30)', () => {
    // Europe/Paris, Sunday 29 March 2026: 02:00 → 03:00; 02:30 does not exist.
    const paris = next({ days: ['Sun'], time: '02:30' }, 'Europe/Paris', '2026-03-28T12:00:00Z');
    expect(paris).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(paris).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' })).toBe('03:00:00');
    // The first minute of the gap too.
    expect(next({ days: ['Sun'], time: '02:00' }, 'Europe/Paris', '2026-03-28T12:00:00Z')).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // …and the day after is an ordinary day again.
    expect(next({ days: EVERY_DAY, time: '02:30' }, 'Europe/Paris', paris)).toBe('2026-03-30T00:30:00.000Z');
    // America/New_York, 8 March 2026: 02:00 EST → 03:00 EDT.
    expect(next({ days: ['Sun'], time: '02:30' }, 'America/New_York', '2026-03-07T12:00:00Z')).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // A half-hour change: Australia/Lord_Howe, 4 October 2026, 02:00 → 02:30 (+10:30 → +11).
    expect(next({ days: ['Sun'], time: '02:15' }, 'Australia/Lord_Howe', '2026-10-03T00:00:00Z')).toBe(
      '2026-10-03T15:30:00.000Z',
    );
    // A whole day skipped: Samoa moved across the date line, Friday 30 December 2011 never happened there.
    expect(next({ days: ['Fri'], time: '06:30' }, 'Pacific/Apia', '2011-12-28T12:00:00Z')).toBe(
      '2011-12-30T10:00:00.000Z', // Saturday 31 December, 00:00 local
    );
  });

  it('runs a repeated hour once, at its first occurrence', () => {
    const rule: ScheduleRule = { days: EVERY_DAY, time: '02:30' };
    // Europe/Paris, Sunday 25 October 2026: 03:00 → 02:00; 02:30 happens at 00:30Z (+2) and 01:30Z (+1).
    const first = next(rule, 'Europe/Paris', '2026-10-24T12:00:00Z');
    expect(first).toBe('2026-10-25T00:30:00.000Z');
    // After the first one, the second pass of 02:30 is not another run: the next is Monday's.
    expect(next(rule, 'Europe/Paris', first)).toBe('2026-10-26T01:30:00.000Z');
    // Nor when asked from between the two passes (a restart in the repeated hour).
    expect(next(rule, 'Europe/Paris', '2026-10-25T01:00:00Z')).toBe('2026-10-26T01:30:00.000Z');
    // America/New_York, 1 November 2026: 01:30 EDT (05:30Z) then 01:30 EST (06:30Z).
    expect(next({ days: ['Sun'], time: '01:30' }, 'America/New_York', '2026-10-31T12:00:00Z')).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // Lord Howe's half hour back, 5 April 2026: 01:45 at +11 (14:45Z) then at +10:30 (15:15Z).
    expect(next({ days: ['Sun'], time: '01:45' }, 'Australia/Lord_Howe', '2026-04-04T00:00:00Z')).toBe(
      '2026-04-04T14:45:00.000Z',
    );
    // The days around a change: exactly one run per day.
    const runs = plannedBetween(
      rule,
      'Europe/Paris',
      new Date('2026-10-23T00:00:00Z'),
      new Date('2026-10-28T00:00:00Z'),
    );
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-10-23T00:30:00.000Z',
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
    ]);
  });

  it('lists what fell due in a span, keeping the most recent when limited', () => {
    const rule: ScheduleRule = { days: ['Mon', 'Wed', 'Fri'], time: '18:00' };
    const span = [new Date('2026-01-05T00:00:00Z'), new Date('2026-01-12T17:00:00Z')] as const;
    expect(plannedBetween(rule, 'UTC', ...span).map((d) => d.toISOString())).toEqual([
      '2026-01-05T18:00:00.000Z',
      '2026-01-07T18:00:00.000Z',
      '2026-01-09T18:00:00.000Z',
    ]);
    expect(plannedBetween(rule, 'UTC', ...span, 2).map((d) => d.toISOString())).toEqual([
      '2026-01-07T18:00:00.000Z',
      '2026-01-09T18:00:00.000Z',
    ]);
    // The end is included, the start is not.
    expect(
      plannedBetween(rule, 'UTC', new Date('2026-01-05T18:00:00Z'), new Date('2026-01-07T18:00:00Z')),
    ).toEqual([new Date('2026-01-07T18:00:00Z')]);
  });
});

// ── properties ────────────────────────────────────────────────────────────────────────────────────────────

const ZONES = Intl.supportedValuesOf('timeZone');
const zone = fc.constantFrom(...ZONES);
// From 1980: older zone data has offsets with seconds (local mean time) that no depot schedules in.
const instant = fc.date({
  min: new Date('1980-01-01T00:00:00Z'),
  max: new Date('2037-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const rule: fc.Arbitrary<ScheduleRule> = fc.record({
  days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
});

const timeOfDay = (r: ScheduleRule) => Number(r.time.slice(0, 2)) * HOUR + Number(r.time.slice(3)) * MINUTE;
const weekdayOfWall = (wall: number): Weekday => WEEKDAYS[(new Date(wall).getUTCDay() + 6) % 7]!;
const midnightOf = (wall: number) => Math.floor(wall / DAY) * DAY;

/** A wall time on one of the rule's days at the rule's time. */
function isRuleWall(r: ScheduleRule, wall: number): boolean {
  return wall - midnightOf(wall) === timeOfDay(r) && r.days.includes(weekdayOfWall(wall));
}

/** Whether some earlier instant had the same wall clock (a repeated hour's second pass). */
function isSecondPass(t: number, z: string): boolean {
  const wall = wallClockAt(t, z);
  const offsets = new Set<number>();
  for (let k = 0; k <= 26; k++) offsets.add(offsetAt(t - k * HOUR, z));
  for (const o of offsets) {
    const earlier = wall - o;
    if (earlier < t && wallClockAt(earlier, z) === wall) return true;
  }
  return false;
}

/** The rule's wall times that a forward jump ending at `t` skipped (none when `t` is not such a jump). */
function skippedRuleWall(r: ScheduleRule, t: number, z: string): boolean {
  const before = offsetAt(t - 1, z);
  const after = offsetAt(t, z);
  if (after <= before) return false;
  const gapStart = wallClockAt(t - 1, z) + 1;
  const gapEnd = wallClockAt(t, z);
  for (let day = midnightOf(gapStart); day < gapEnd; day += DAY) {
    const wall = day + timeOfDay(r);
    if (wall >= gapStart && wall < gapEnd && r.days.includes(weekdayOfWall(day))) return true;
  }
  return false;
}

/** A planned instant, by the definition, checked without the code under test. */
function isPlanned(r: ScheduleRule, z: string, t: number): boolean {
  return (isRuleWall(r, wallClockAt(t, z)) && !isSecondPass(t, z)) || skippedRuleWall(r, t, z);
}

/** The zone's first change of offset after `from` within 400 days (to the millisecond), or null. */
function transitionAfter(z: string, from: number): number | null {
  const start = offsetAt(from, z);
  for (let day = 1; day <= 400; day++) {
    let hi = from + day * DAY;
    if (offsetAt(hi, z) === start) continue;
    let lo = hi - DAY;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid, z) === start) lo = mid;
      else hi = mid;
    }
    return hi;
  }
  return null;
}

/**
 * A rule whose time falls inside a zone's gap or repeated hour, with an instant a few hours to two days before the
 * change's range: random dates alone almost never meet a transition.
 */
const atTransition = fc
  .tuple(
    zone,
    instant,
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.subarray([...WEEKDAYS]),
  )
  .chain(([z, from, u, otherDays]) => {
    const t = transitionAfter(z, from.getTime());
    if (t === null || t % MINUTE !== 0) return fc.constant(null);
    const before = offsetAt(t - 1, z);
    const after = offsetAt(t, z);
    const width = Math.abs(after - before);
    // A wall time in the skipped (gap) or repeated (overlap) range, on the minute.
    const wall = t + Math.min(before, after) + Math.floor((u * width) / MINUTE) * MINUTE;
    const r: ScheduleRule = {
      days: [...new Set([weekdayOfWall(midnightOf(wall)), ...otherDays])],
      time: new Date(wall).toISOString().slice(11, 16),
    };
    // From before the change's whole width: a repeated range's first pass begins `width` before `t` (7 hours for
    // Antarctica/Vostok's +07 → -00 in 1994), and a start inside it would leave the first pass out of the window.
    return fc
      .integer({ min: 4 * HOUR, max: 2 * DAY })
      .map((lead) => ({ z, r, t, wall, gap: after > before, before, after, start: t - width - lead }));
  });

describe('properties at daylight-saving changes (every zone that has them)', () => {
  it('a time in a gap runs at the end of the gap; a repeated time runs at its first pass only', () => {
    fc.assert(
      fc.property(atTransition, (c) => {
        fc.pre(c !== null);
        const { z, r, t, wall, gap, before, after, start } = c!;
        const runs = plannedBetween(r, z, new Date(start), new Date(t + DAY)).map((d) => d.getTime());
        for (const run of runs) expect(isPlanned(r, z, run)).toBe(true);
        if (gap) {
          expect(runs).toContain(t);
        } else {
          expect(runs).toContain(wall - before);
          expect(runs).not.toContain(wall - after);
          // From between the two passes, the second is not a run either.
          expect(nextRunAfter(r, z, new Date(wall - before)).getTime()).not.toBe(wall - after);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no planned instant is skipped across a change', () => {
    fc.assert(
      fc.property(atTransition, (c) => {
        fc.pre(c !== null);
        const { z, r, start } = c!;
        const result = nextRunAfter(r, z, new Date(start)).getTime();
        for (let m = Math.floor(start / MINUTE) * MINUTE + MINUTE; m < result; m += MINUTE) {
          if (isPlanned(r, z, m)) throw new Error(`${new Date(m).toISOString()} was skipped in ${z}`);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('properties over every zone, 1980–2037', () => {
  it('the next run is after the instant given, within 8 days, and is a planned instant', () => {
    fc.assert(
      fc.property(rule, zone, instant, (r, z, after) => {
        const result = nextRunAfter(r, z, after).getTime();
        expect(result).toBeGreaterThan(after.getTime());
        expect(result - after.getTime()).toBeLessThanOrEqual(8 * DAY);
        expect(isPlanned(r, z, result)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('no planned instant is skipped: every minute in between is not one', () => {
    fc.assert(
      fc.property(rule, zone, instant, (r, z, after) => {
        const result = nextRunAfter(r, z, after).getTime();
        for (let m = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE; m < result; m += MINUTE) {
          if (isPlanned(r, z, m)) throw new Error(`${new Date(m).toISOString()} was skipped in ${z}`);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is a step function: from any instant before it, the next run is the same one', () => {
    fc.assert(
      fc.property(rule, zone, instant, fc.double({ min: 0, max: 1, noNaN: true }), (r, z, after, u) => {
        const result = nextRunAfter(r, z, after).getTime();
        const between = after.getTime() + Math.floor(u * (result - after.getTime() - 1));
        expect(nextRunAfter(r, z, new Date(between)).getTime()).toBe(result);
      }),
      { numRuns: 300 },
    );
  });

  it('never runs twice: successive runs strictly increase and each is a new planned instant', () => {
    fc.assert(
      fc.property(rule, zone, instant, (r, z, after) => {
        const runs = plannedBetween(r, z, after, new Date(after.getTime() + 21 * DAY));
        expect(runs.length).toBeGreaterThanOrEqual(2 * r.days.length);
        for (let i = 1; i < runs.length; i++) expect(+runs[i]!).toBeGreaterThan(+runs[i - 1]!);
        expect(new Set(runs.map((d) => +d)).size).toBe(runs.length);
      }),
      { numRuns: 150 },
    );
  });
});
