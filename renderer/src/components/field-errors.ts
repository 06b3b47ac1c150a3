// The API's field errors ({field: "charging.schedule.programs[1].slot", message, rule, params}) placed next to the
// inputs they concern. Paths are the core's, so a form asks for exactly the path its input produces in the body.
// Issue 17: a field error with a rule, and a refusal with a code, are worded here in the interface's language from
// the `errors` catalog; the message received is the fallback (a rule or code this build has no words for).
import i18next from 'i18next';
import type { ErrorBody } from '../../../preload/contract/dto.js';
import { codeKey, messageValues, ruleKey } from '../../../preload/contract/error-words.js';
import { formatList } from '../i18n/format.js';

export interface FieldError {
  field: string;
  message: string;
  rule?: string;
  params?: ErrorBody['params'];
}

/** A catalog key built from data (a code, a rule): i18next's typed `t` only takes literal keys. */
const translate = (key: string, values: Record<string, string | number>): string =>
  i18next.t(key as never, values as never) as unknown as string;

function worded(key: string, params: ErrorBody['params'], fallback: string): string {
  if (!i18next.exists(key)) return fallback;
  return translate(key, messageValues(params, translate, formatList));
}

/** One field error in the interface's language (its rule's words), or as received. */
export const fieldMessage = (e: FieldError): string =>
  e.rule ? worded(ruleKey(e.rule), e.params, e.message) : e.message;

/**
 * A refusal's message in the interface's language. The bridge answers in English and the HTTP API in the language
 * the request asked for (http-request.ts sends it), so the code's words are used only when the message received is
 * the code's own English one: a code with several messages (VALIDATION_FAILED: "The callback is not valid.", …) keeps
 * the agent's words, as does a message already in the reader's language.
 */
export function failureMessage(failure: Pick<ErrorBody, 'code' | 'message' | 'params'>): string {
  const key = codeKey(failure.code);
  if (!i18next.exists(key)) return failure.message;
  const en = i18next.getFixedT('en');
  const enTranslate = (k: string, values: Record<string, string | number>): string =>
    en(k as never, values as never) as unknown as string;
  // Codes' messages name no lists: joining is enough to compare.
  const english = enTranslate(
    key,
    messageValues(failure.params, enTranslate, (items) => items.join(', ')),
  );
  return english === failure.message ? worded(key, failure.params, failure.message) : failure.message;
}

/** The message(s) for one field, joined; undefined when it has none. */
export function errorAt(errors: readonly FieldError[], path: string): string | undefined {
  const messages = errors.filter((e) => e.field === path).map(fieldMessage);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** Messages for a field and everything inside it (`navigation.positions[2]` covers its coordinates). */
export function errorUnder(errors: readonly FieldError[], prefix: string): string | undefined {
  const messages = errors
    .filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`) || e.field.startsWith(`${prefix}[`))
    .map(fieldMessage);
  return messages.length > 0 ? messages.join(' ') : undefined;
}
