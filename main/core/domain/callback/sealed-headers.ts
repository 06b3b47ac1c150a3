// Header attributes whose value is a literal (an API key for the site's system, typically) are secrets: they are
// kept sealed with the callback's other secrets, and the stored `subscribe` holds SEALED_MASK in their place.
// The clear values travel in CallbackSecrets.headerValues, aligned with the Header attributes in their order
// (entry n belongs to the n-th Header attribute; null where that one is not sealed). `$variables` stay as they are.
//
// The mask doubles as "keep the stored value" in a request: GET → edit → PUT sends it back unchanged. It cannot be
// a real header value (• is outside Latin-1, which HTTP header values are limited to), so it is never ambiguous.
import type { FieldError, Result } from '../field-error.js';
import { fail, ok } from '../field-error.js';
import type { CallbackAttribute, CallbackSubscribe } from './callback-model.js';

/** What a sealed value looks like in answers, and what a request sends back to keep it. */
export const SEALED_MASK = '••••';

/** Sealed at rest: a Header attribute whose value is a literal, not a `$variable`. */
export const isSealedAttribute = (a: CallbackAttribute): boolean =>
  a.type === 'Header' && !a.value.startsWith('$');

const attributesOf = (s: CallbackSubscribe): CallbackAttribute[] => s.callback.webhook.attributes ?? [];

function withAttributes(s: CallbackSubscribe, attributes: CallbackAttribute[]): CallbackSubscribe {
  if (s.callback.webhook.attributes === undefined) return s;
  return { ...s, callback: { ...s.callback, webhook: { ...s.callback.webhook, attributes } } };
}

/** Whether the stored subscribe holds sealed values (masks). */
export const hasSealedHeaders = (s: CallbackSubscribe): boolean =>
  attributesOf(s).some((a) => a.type === 'Header' && a.value === SEALED_MASK);

/** Whether the subscribe still holds literal header values in clear (stored before they were sealed). */
export const hasClearHeaderLiterals = (s: CallbackSubscribe): boolean =>
  attributesOf(s).some((a) => isSealedAttribute(a) && a.value !== SEALED_MASK);

/**
 * Splits a subscribe with clear values into what is stored (literal header values masked) and the values to seal.
 * An attribute already masked keeps `kept[n]` (its stored value), or null when that is lost.
 */
export function sealHeaderValues(
  subscribe: CallbackSubscribe,
  kept: readonly (string | null)[] = [],
): { stored: CallbackSubscribe; headerValues: (string | null)[] } {
  const headerValues: (string | null)[] = [];
  const attributes = attributesOf(subscribe).map((a) => {
    if (a.type !== 'Header') return a;
    const n = headerValues.length;
    if (a.value === SEALED_MASK) {
      headerValues.push(kept[n] ?? null);
      return a;
    }
    if (!isSealedAttribute(a)) {
      headerValues.push(null);
      return a;
    }
    headerValues.push(a.value);
    return { ...a, value: SEALED_MASK };
  });
  return { stored: withAttributes(subscribe, attributes), headerValues };
}

/**
 * The Header attributes (in their order) with their sealed values back, for sending. `missing` names the headers
 * whose value is masked but not stored (cleared by --forget-secrets): such a callback cannot be delivered.
 */
export function openHeaderValues(
  headers: readonly CallbackAttribute[],
  headerValues: readonly (string | null)[] | undefined,
): { headers: CallbackAttribute[]; missing: string[] } {
  const missing: string[] = [];
  const opened = headers.map((a, n) => {
    if (a.value !== SEALED_MASK) return a;
    const value = headerValues?.[n];
    if (typeof value !== 'string') {
      missing.push(a.key);
      return a;
    }
    return { ...a, value };
  });
  return { headers: opened, missing };
}

/** The n-th Header attribute named `key` (case-insensitive), with its position among the Header attributes. */
function nthHeader(attributes: readonly CallbackAttribute[], key: string, occurrence: number) {
  let seen = 0;
  let headerIndex = 0;
  for (const a of attributes) {
    if (a.type !== 'Header') continue;
    if (a.key.toLowerCase() === key.toLowerCase()) {
      if (seen === occurrence) return { attribute: a, headerIndex };
      seen += 1;
    }
    headerIndex += 1;
  }
  return null;
}

/**
 * Replaces the mask in a request's Header attributes by the value stored for the same header (same name, same
 * occurrence), so a whole-object PUT of what GET showed keeps the secrets. A mask with no stored value behind it
 * (a new header, a renamed one, or one cleared by --forget-secrets) is an error on that field.
 */
export function resolveMaskedHeaders(
  incoming: CallbackSubscribe,
  stored: CallbackSubscribe | null,
  storedValues: readonly (string | null)[] | undefined,
): Result<CallbackSubscribe> {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const attributes = attributesOf(incoming).map((a, index) => {
    if (a.type !== 'Header') return a;
    const name = a.key.toLowerCase();
    const occurrence = seen.get(name) ?? 0;
    seen.set(name, occurrence + 1);
    if (a.value !== SEALED_MASK) return a;
    const match = stored ? nthHeader(attributesOf(stored), a.key, occurrence) : null;
    const value = match?.attribute.value === SEALED_MASK ? storedValues?.[match.headerIndex] : undefined;
    if (typeof value === 'string') return { ...a, value };
    errors.push({
      field: `callback.webhook.attributes[${index}].value`,
      rule: 'callback.header.maskWithoutValue',
      params: { mask: SEALED_MASK, key: a.key },
    });
    return a;
  });
  return errors.length > 0 ? fail(errors) : ok(withAttributes(incoming, attributes));
}

/**
 * The stored (masked) subscribe, with the header values this very request set shown in clear: the answer to the
 * request that set a secret is the one place it is shown again.
 */
export function revealHeadersSetBy(stored: CallbackSubscribe, request: CallbackSubscribe): CallbackSubscribe {
  const sent = attributesOf(request);
  const attributes = attributesOf(stored).map((a, index) => {
    const given = sent[index];
    return a.value === SEALED_MASK && given && given.value !== SEALED_MASK ? { ...a, value: given.value } : a;
  });
  return withAttributes(stored, attributes);
}
