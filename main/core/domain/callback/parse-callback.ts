// Turns the body of POST/PUT /callbacks into a validated CallbackInput in the spec form. The rule of
// stellantis-api-notes.md N12.2: accept the docs' variants on input (N10), always produce the spec form. The
// variants are mapped first, so every error names the field as it is in the normalised form.
import type { z } from 'zod';
import { coded, decoded } from '../coded-issue.js';
import type { FieldError, Result } from '../field-error.js';
import { fail, ok } from '../field-error.js';
import type { CallbackInput, CallbackSubscribe, RetryPolicy } from './callback-model.js';
import { RETRY_CAP_SECONDS } from './callback-model.js';
import type { CallbackStatusSetter } from './callback-schema.js';
import { callbackBodySchema, callbackStatusSetterSchema } from './callback-schema.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Remote types compare as sets: the order of the list carries no meaning. */
const sameTypes = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? sameJson([...a].sort(), [...b].sort()) : sameJson(a, b);

/**
 * Moves `object[alias]` to `object[canonical]`. Both present and equal is fine; both present and different is an
 * error on the canonical field, since picking one would silently drop what the sender meant.
 */
function renameAlias(
  object: Json,
  alias: string,
  canonical: string,
  field: string,
  errors: FieldError[],
  same: (a: unknown, b: unknown) => boolean = sameJson,
): void {
  if (!(alias in object)) return;
  const aliased = object[alias];
  delete object[alias];
  if (!(canonical in object)) object[canonical] = aliased;
  else if (!same(object[canonical], aliased)) {
    errors.push({ field, rule: 'callback.aliasDiffers', params: { canonical, alias } });
  }
}

/** A POST-style single remote type is read as a one-item list. */
const asList = (value: unknown) => (typeof value === 'string' ? [value] : value);

interface Normalised {
  body: unknown;
  errors: FieldError[];
  /** `policy: Always` was given: retry every retryDelay until the 3-day cap (stellantis-api-notes.md T4). */
  retryUntilCap: boolean;
}

/** Maps the docs' variants (stellantis-api-notes.md T2–T7) onto the spec form. Copies; never mutates. */
function normaliseVariants(input: unknown): Normalised {
  const errors: FieldError[] = [];
  if (!isObject(input)) return { body: input, errors, retryUntilCap: false };
  const body: Json = { ...input };

  if ('status' in body) {
    delete body.status;
    errors.push({ field: 'status', rule: 'callback.statusInBody' });
  }

  if ('remoteTypes' in body) body.remoteTypes = asList(body.remoteTypes);
  if ('notificationTypes' in body) body.notificationTypes = asList(body.notificationTypes);
  renameAlias(body, 'notificationTypes', 'remoteTypes', 'remoteTypes', errors, sameTypes);

  let retryUntilCap = false;
  if (isObject(body.retryPolicy)) {
    const retryPolicy: Json = { ...body.retryPolicy };
    renameAlias(retryPolicy, 'maxRetryNumber', 'retryNumber', 'retryPolicy.retryNumber', errors);
    if (retryPolicy.policy === 'Always') {
      // Never sent upstream; the attempt count is derived from the validated delay afterwards.
      retryPolicy.policy = 'Bounded';
      delete retryPolicy.retryNumber;
      retryUntilCap = true;
    }
    body.retryPolicy = retryPolicy;
  }

  if (isObject(body.batchNotify) && body.batchNotify.size === 0) delete body.batchNotify; // T7

  if (isObject(body.callback) && isObject(body.callback.webhook)) {
    const webhook: Json = { ...body.callback.webhook };
    delete webhook.batch; // T6: the docs' batching switch; batchNotify is the real one
    renameAlias(webhook, 'attributres', 'attributes', 'callback.webhook.attributes', errors);
    body.callback = { ...body.callback, webhook };
  }

  return { body, errors, retryUntilCap };
}

/** `callback.webhook.attributes[2].value` from zod's path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    const name = String(part);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** Only used where a schema has no rule of its own, so zod's default English never reaches the user. */
function fallbackMessage(issue: { code?: string; input?: unknown }): string {
  if (issue.code === 'invalid_type') {
    return coded(issue.input === undefined ? 'callback.fallback.required' : 'callback.fallback.wrongType');
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') return coded('callback.fallback.range');
  return coded('callback.fallback.invalid');
}

function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const fields = decoded(issue.message, 'callback.unknownField').params?.fields ?? '';
      for (const key of issue.keys) {
        errors.push({
          field: formatPath([...issue.path, key]),
          rule: 'callback.unknownField',
          params: { key, fields },
        });
      }
    } else {
      errors.push({ field, ...decoded(issue.message, 'callback.fallback.invalid') });
    }
  }
  return errors;
}

/** One error per field, the first: zod may report a wrong type and then a length check on the same value. */
const firstPerField = (errors: FieldError[]) =>
  errors.filter((error, index) => errors.findIndex((e) => e.field === error.field) === index);

type ParsedBody = z.output<typeof callbackBodySchema>;

function toRetryPolicy(parsed: ParsedBody['retryPolicy'], retryUntilCap: boolean): RetryPolicy {
  if (parsed.policy === 'None') return { policy: 'None' };
  if (retryUntilCap) {
    // One first try, then one every retryDelay (default 10 s) until the cap.
    const { retryDelay } = parsed;
    return { policy: 'Bounded', retryNumber: Math.floor(RETRY_CAP_SECONDS / retryDelay) + 1, retryDelay };
  }
  return { policy: 'Bounded', retryNumber: parsed.retryNumber, retryDelay: parsed.retryDelay };
}

function toCallbackInput(parsed: ParsedBody, retryUntilCap: boolean): CallbackInput {
  const { target, name, attributes } = parsed.callback.webhook;
  const subscribe: CallbackSubscribe = {
    ...(parsed.label !== undefined && { label: parsed.label }),
    callback: { webhook: { target, name, ...(attributes !== undefined && { attributes }) } },
    retryPolicy: toRetryPolicy(parsed.retryPolicy, retryUntilCap),
    ...(parsed.batchNotify !== undefined && {
      batchNotify: { size: parsed.batchNotify.size, timeWindow: parsed.batchNotify.timeWindow },
    }),
    remoteTypes: parsed.remoteTypes,
  };
  const input: CallbackInput = { subscribe };
  // Absent means "keep the current one" on PUT, so only copy what was given (null included).
  if (parsed.signingSecret !== undefined) input.signingSecret = parsed.signingSecret;
  if (parsed.authentication !== undefined) input.authentication = parsed.authentication;
  return input;
}

/** Validates the body of POST/PUT /callbacks and returns it in the spec form, or every problem found. */
export function parseCallbackInput(input: unknown): Result<CallbackInput> {
  const normalised = normaliseVariants(input);
  const parsed = callbackBodySchema.safeParse(normalised.body, { error: fallbackMessage });
  const errors = firstPerField([
    ...normalised.errors,
    ...(parsed.success ? [] : toFieldErrors(parsed.error.issues)),
  ]);
  if (errors.length > 0 || !parsed.success) return fail(errors);
  return ok(toCallbackInput(parsed.data, normalised.retryUntilCap));
}

/** Validates the body of PUT /callbacks/{id}/status. */
export function parseCallbackStatusInput(input: unknown): Result<CallbackStatusSetter> {
  const parsed = callbackStatusSetterSchema.safeParse(input, { error: fallbackMessage });
  return parsed.success ? ok(parsed.data) : fail(firstPerField(toFieldErrors(parsed.error.issues)));
}

/** A `$vin` Query attribute turns batching off upstream (stellantis-api-notes.md N7). */
export function batchingDisabled(subscribe: CallbackSubscribe): boolean {
  return (subscribe.callback.webhook.attributes ?? []).some(
    (attribute) => attribute.type === 'Query' && attribute.value === '$vin',
  );
}
