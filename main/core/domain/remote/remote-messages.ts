// How the `Remote` schemas report their issues: as a rule and its values (coded-issue.ts), never as words — the
// per-field error map `must()` and the refinement helpers that add custom issues. The sentences are the `errors`
// catalog's `rule.*` messages; the field names (`field.*`) and descriptions (`what.*`) are catalog terms too.
//
// A check inherits the error map of the schema it is attached to (zod ≥ 4.6), so `must()` on the base type also
// reports its .min()/.max()/.regex().
import type { z } from 'zod';
import { coded, gotParams, listParam } from '../coded-issue.js';
import type { ErrorKey, MessageParams } from '../field-error.js';
import type { FieldRule } from '../field-rules.js';

export type RawIssue = z.core.$ZodRawIssue;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Error map for one field: `required` ("<Name> is required: <what>.") when missing, otherwise `mustBe` ("<Name> must
 * be <what> (got x).") — or `mustBeComma` ("…, got x.") when `what` ends in an example in parentheses. Leaves
 * unknown-key and union issues to parse-remote.ts, which reports them per key and per branch. `params` are the
 * values the `what` term names.
 */
export function must(
  fieldKey: ErrorKey,
  whatKey: ErrorKey,
  options: { comma?: boolean; params?: MessageParams } = {},
): { error: (iss: RawIssue) => string | undefined } {
  return {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys' || iss.code === 'invalid_union') return undefined;
      const terms = { fieldKey, whatKey, ...options.params };
      if (iss.input === undefined) return coded('required', terms);
      return coded(options.comma ? 'mustBeComma' : 'mustBe', { ...terms, ...gotParams(iss.input) });
    },
  };
}

export function custom(
  rule: FieldRule,
  params?: MessageParams,
  path: PropertyKey[] = [],
): z.core.$ZodSuperRefineIssue {
  return { code: 'custom', message: coded(rule, params), path };
}

export const whenObject = { when: (payload: { value: unknown }) => isPlainObject(payload.value) };
export const whenArray = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

/** Refinement for "at least one of these keys"; runs even when a sibling field is invalid, so all errors show. */
export function requireOneOf(keys: readonly string[], rule: FieldRule) {
  return (value: object, ctx: z.core.$RefinementCtx) => {
    const present = Object.entries(value).some(([key, field]) => keys.includes(key) && field !== undefined);
    if (!present) ctx.addIssue(custom(rule));
  };
}

/** Issue of a union whose branches are told apart by which one key is present (stolen, schedule). */
export function oneKeyOf(fieldKey: ErrorKey, keys: readonly string[], exampleKey: ErrorKey) {
  return (iss: RawIssue): string => {
    const input = iss.input;
    const keysOrList = listParam(keys);
    if (!isPlainObject(input))
      return coded('oneKeyOf.notObject', { fieldKey, exampleKey, ...gotParams(input) });
    const present = keys.filter((key) => input[key] !== undefined);
    if (present.length > 1)
      return coded('oneKeyOf.several', { fieldKey, keysOrList, presentAndList: listParam(present) });
    const unknown = Object.keys(input).filter((key) => !keys.includes(key));
    if (unknown.length === 0) return coded('oneKeyOf.none', { fieldKey, keysOrList });
    const unknownAndList = listParam(unknown.map((key) => `"${key}"`));
    return coded('oneKeyOf.unknown', { fieldKey, keysOrList, unknownAndList });
  };
}
