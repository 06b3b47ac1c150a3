// A zod error map returns a string; the schemas return a FieldError's rule and values in it, as JSON behind a mark,
// and parse-remote.ts / parse-callback.ts read them back. No words cross: the edges render the rule (issue 17).
import type { FieldError, MessageParams } from './field-error.js';
import type { FieldRule } from './field-rules.js';

const MARK = '\u0001rule:';

export function coded(rule: FieldRule, params?: MessageParams): string {
  return MARK + JSON.stringify(params === undefined ? { rule } : { rule, params });
}

/** The rule a schema's message carries; `fallback` when zod worded it itself (a message no schema set). */
export function decoded(message: string, fallback: FieldRule): Omit<FieldError, 'field'> {
  if (!message.startsWith(MARK)) return { rule: fallback };
  return JSON.parse(message.slice(MARK.length)) as Omit<FieldError, 'field'>;
}

/** Separates the items of a `…OrList` / `…AndList` value; the edge joins them with the reader's "or" / "and". */
export const LIST_SEPARATOR = '\n';
export const listParam = (items: readonly string[]): string => items.join(LIST_SEPARATOR);

/**
 * A received value in a message, as values: a text, number, boolean or null is shown as is (`got`); a list or an
 * object is named (`gotKey`, with `count` for a list), so that "a list of 3 items" is worded by the edge.
 */
export function gotParams(value: unknown): MessageParams {
  if (typeof value === 'string')
    return { got: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) };
  if (Array.isArray(value)) return { gotKey: 'errors:value.list', count: value.length };
  if (value === null) return { got: 'null' };
  if (typeof value === 'object') return { gotKey: 'errors:value.object' };
  return { got: String(value) };
}

/** The callback forms' shorter rendering: a text in plain quotes, "a list" without its length. */
export function shownParams(value: unknown): MessageParams {
  if (typeof value === 'string') return { got: `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` };
  if (value === null || typeof value === 'number' || typeof value === 'boolean')
    return { got: String(value) };
  if (Array.isArray(value)) return { gotKey: 'errors:value.aList' };
  return typeof value === 'object' ? { gotKey: 'errors:value.object' } : { got: typeof value };
}
