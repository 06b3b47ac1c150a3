// A validation problem on one field, as data: the rule it breaks and the values the rule's sentence names. The words
// live in the `errors` catalogs (resources/locales/<lang>/errors.json, key `rule.<rule>`); the edges render them in
// the reader's language (main/core/api/api-error.ts, the renderer's field-errors.ts). Issue 17: no English here.
import type errorsCatalog from '../../../resources/locales/en/errors.json';
import type { FieldRule } from './field-rules.js';

/** A key of the `errors` catalog, e.g. `errors:field.label`: a term a message names, translated by the edge. */
export type ErrorKey = `errors:${Extract<keyof typeof errorsCatalog, string>}`;

/**
 * The values a message names. A value under a name ending in `Key` is itself an ErrorKey: the edge translates it
 * (with the same values) and passes the words under the name without `Key` (`fieldKey` → `{field}`).
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** `field` is a dotted path, e.g. `charging.schedule.programs[1].slot`. */
export interface FieldError {
  field: string;
  rule: FieldRule;
  params?: MessageParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(errors: FieldError[]): Result<T> => ({ ok: false, errors });
