// What to do with the planned instants of a schedule that have come: run one, record the others missed. The same
// rule at the planned time (the timer fired), on start (the agent was off) and on waking (the machine slept), so
// there is one path and no special case for "late".

/**
 * However small the grace setting (0 included), a run this close to its planned instant is on time: timers fire a
 * little late, and a start takes a moment. A minute is far inside any depot routine's tolerance.
 */
export const ON_TIME_MS = 60_000;

export interface DueRuns {
  /** The planned instant to run now: the most recent one, when it is within the grace window. */
  run: Date | null;
  /** Every other planned instant that came: each is recorded `missed`, never run later. */
  missed: Date[];
}

/**
 * `due` are the planned instants that came since the schedule last ran (oldest first). Only the most recent may
 * run — a routine is about now, and two doors-locks for one evening are one too many — and only within the grace
 * window; everything else is missed, one record per planned instant.
 */
export function dueRuns(due: readonly Date[], now: Date, graceMinutes: number): DueRuns {
  const latest = due.at(-1);
  if (!latest) return { run: null, missed: [] };
  const window = Math.max(graceMinutes * 60_000, ON_TIME_MS);
  if (now.getTime() - latest.getTime() <= window) return { run: latest, missed: due.slice(0, -1) };
  return { run: null, missed: [...due] };
}
