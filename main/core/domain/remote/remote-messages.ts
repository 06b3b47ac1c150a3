// How the `Remote` schemas word their issues for a depot technician: value rendering, word lists, the per-field
// error map `must()` and the refinement helpers that add custom issues.
//
// A check inherits the error map of the schema it is attached to (zod ≥ 4.6), so `must()` on the base type also
// words its .min()/.max()/.regex().
import type { z } from 'zod';

export type RawIssue = z.core.$ZodRawIssue;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, quoted rendering of a received value for "(got …)". */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** "a, b or c" */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** "a, b and c" */
export function andList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** `what` may end in an example in parentheses; avoid "(22:30) (got …)". */
export const got = (what: string, input: unknown): string =>
  what.endsWith(')') ? `${what}, got ${describeValue(input)}.` : `${what} (got ${describeValue(input)}).`;

/**
 * Error map for one field: "<Name> is required: <what>." when missing, otherwise "<Name> must be <what> (got x)."
 * Leaves unknown-key and union issues to parse-remote.ts, which words them per key and per branch.
 */
export function must(name: string, what: string): { error: (iss: RawIssue) => string | undefined } {
  return {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys' || iss.code === 'invalid_union') return undefined;
      if (iss.input === undefined) return `${name} is required: ${what}.`;
      return `${name} must be ${got(what, iss.input)}`;
    },
  };
}

export function custom(message: string, path: PropertyKey[] = []): z.core.$ZodSuperRefineIssue {
  return { code: 'custom', message, path };
}

export const whenObject = { when: (payload: { value: unknown }) => isPlainObject(payload.value) };
export const whenArray = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

/** Refinement for "at least one of these keys"; runs even when a sibling field is invalid, so all errors show. */
export function requireOneOf(keys: readonly string[], message: string) {
  return (value: object, ctx: z.core.$RefinementCtx) => {
    const present = Object.entries(value).some(([key, field]) => keys.includes(key) && field !== undefined);
    if (!present) ctx.addIssue(custom(message));
  };
}

/** Message of a union whose branches are told apart by which one key is present (stolen, schedule). */
export function oneKeyOf(name: string, keys: readonly string[], example: string) {
  return (iss: RawIssue): string => {
    const input = iss.input;
    if (!isPlainObject(input))
      return `${name} must be an object like ${example} (got ${describeValue(input)}).`;
    const present = keys.filter((key) => input[key] !== undefined);
    if (present.length > 1) return `${name} takes only one of ${orList(keys)}: found ${andList(present)}.`;
    const unknown = Object.keys(input).filter((key) => !keys.includes(key));
    const hint =
      unknown.length > 0 ? ` (${andList(unknown.map((key) => `"${key}"`))} is not one of them)` : '';
    return `${name} needs one of ${orList(keys)}${hint}.`;
  };
}
