// Error lists with a ceiling. One authenticated 1 MB body of 500,000 bad items used to store 500,000 errors
// (~54 MB of quarantine, over a second of blocked event loop): only the first MAX_KEPT_ERRORS are worked out
// and kept, the others are only counted, so the cost of a bad body is bounded by what is kept, not by its items.
import { QUARANTINE_MAX_ERRORS } from '../db/quarantine-repository.js';
import type { NotificationProblem } from '../db/quarantine-repository.js';
import type { NotificationRule } from '../../../preload/contract/notification-rules.js';

/** The errors kept with a quarantined request (its error count covers all of them). */
export const MAX_KEPT_ERRORS = QUARANTINE_MAX_ERRORS;

/** A problem as found: the rule it breaks and the values its message names (worded by the clients). */
export interface Problem {
  rule: NotificationRule;
  params?: Readonly<Record<string, string | number>>;
}

export interface BoundedErrors {
  /** The first errors, at most the limit. */
  readonly kept: NotificationProblem[];
  /** Every error, kept or not. */
  readonly count: number;
  /**
   * Records an error. `field` (and `problem` when it is a function) are only worked out while there is room:
   * past the limit an error costs one increment.
   */
  add(field: () => string, problem: Problem | (() => Problem)): void;
}

export function boundedErrors(limit = MAX_KEPT_ERRORS): BoundedErrors {
  const kept: NotificationProblem[] = [];
  let count = 0;
  return {
    kept,
    get count() {
      return count;
    },
    add(field, problem) {
      count += 1;
      if (kept.length < limit) {
        kept.push({ field: field(), ...(typeof problem === 'function' ? problem() : problem) });
      }
    },
  };
}

/** A value quoted in a problem's values, cut so that an error can never be larger than a line. */
export function quoted(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
