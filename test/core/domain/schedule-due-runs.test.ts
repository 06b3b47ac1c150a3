// What becomes of the planned instants that came: the most recent runs when within the grace window, everything
// else is missed — one rule for the timer, a start after a stop, and a machine waking from sleep.
import { describe, expect, it } from 'vitest';
import { dueRuns, ON_TIME_MS } from '../../../main/core/domain/schedule/due-runs.js';

const at = (iso: string) => new Date(iso);
const MON = at('2026-01-05T05:30:00Z');
const TUE = at('2026-01-06T05:30:00Z');

describe('due runs', () => {
  it('runs nothing when nothing came', () => {
    expect(dueRuns([], at('2026-01-05T06:00:00Z'), 30)).toEqual({ run: null, missed: [] });
  });

  it('runs the planned instant on time, and within the grace window after it', () => {
    expect(dueRuns([MON], MON, 30)).toEqual({ run: MON, missed: [] });
    expect(dueRuns([MON], at('2026-01-05T06:00:00Z'), 30)).toEqual({ run: MON, missed: [] });
  });

  it('records it missed past the grace window', () => {
    expect(dueRuns([MON], at('2026-01-05T06:00:01Z'), 30)).toEqual({ run: null, missed: [MON] });
  });

  it('runs only the most recent of several; the older ones are missed, each of them', () => {
    expect(dueRuns([MON, TUE], at('2026-01-06T05:45:00Z'), 30)).toEqual({ run: TUE, missed: [MON] });
    expect(dueRuns([MON, TUE], at('2026-01-06T07:00:00Z'), 30)).toEqual({ run: null, missed: [MON, TUE] });
  });

  it('keeps a minute of tolerance even with no grace at all (timers fire a little late)', () => {
    expect(dueRuns([MON], new Date(+MON + ON_TIME_MS), 0)).toEqual({ run: MON, missed: [] });
    expect(dueRuns([MON], new Date(+MON + ON_TIME_MS + 1), 0)).toEqual({ run: null, missed: [MON] });
  });
});
