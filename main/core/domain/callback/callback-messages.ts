// How the callback schemas report their issues: as a rule and its values (coded-issue.ts), worded by the edges from
// the `errors` catalog for a depot technician, so zod's default English never reaches the user.
import { coded } from '../coded-issue.js';
import type { FieldError } from '../field-error.js';
import type { FieldRule } from '../field-rules.js';

type RawIssue = { code?: string; input?: unknown };

/** What a schema reports: a rule alone, or a rule with its values. */
export type Problem = FieldRule | Omit<FieldError, 'field'>;

export const codedProblem = (problem: Problem): string =>
  typeof problem === 'string' ? coded(problem) : coded(problem.rule, problem.params);

/** Error map for a required field: one rule when it is missing, another when it has the wrong type. */
export const required = (missing: Problem, wrong: Problem) => (iss: RawIssue) =>
  codedProblem(iss.input === undefined ? missing : wrong);

/**
 * Error map for a strict object. `unrecognized_keys` gets the list of allowed fields; parse-callback.ts turns it
 * into one error per unknown key, each naming the key.
 */
export const strict = (allowed: readonly string[], missing: Problem, wrong: Problem) => (iss: RawIssue) => {
  if (iss.code === 'unrecognized_keys') return coded('callback.unknownField', { fields: allowed.join(', ') });
  return codedProblem(iss.input === undefined ? missing : wrong);
};
