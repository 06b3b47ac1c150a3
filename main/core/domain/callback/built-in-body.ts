// The body of a PUT on the built-in callback ("This workstation", built-in.ts): its name, and remoteTypes still all
// nine. What describes a webhook and delivering to it is refused by name (422 CALLBACK_BUILT_IN), the rest is
// validated as usual (400). OpenAPI documents it beside a site callback's body.
import { z } from 'zod';
import type { FieldError } from '../field-error.js';
import type { FieldRule } from '../field-rules.js';
import { REMOTE_TYPES } from '../remote-type.js';
import { builtInSubscribe, type BuiltInSubscribe } from './built-in.js';
import { callbackBodySchema } from './callback-schema.js';

/** Fields of a callback body about a webhook and delivering to it, with the rule saying why the built-in has none. */
const DELIVERY_FIELDS: Record<string, FieldRule> = {
  callback: 'builtIn.callback',
  retryPolicy: 'builtIn.retryPolicy',
  batchNotify: 'builtIn.batchNotify',
  signingSecret: 'builtIn.signingSecret',
  authentication: 'builtIn.authentication',
};

/**
 * Why all nine, not fewer: the built-in's notifications never leave the workstation, so subscribing to fewer types
 * would spare no one any traffic; it would only make some commands impossible to send out of the box.
 */
const ALL_TYPES = { rule: 'builtIn.allTypes', params: { types: REMOTE_TYPES.join(', ') } } as const;
const ALLOWED = ['label', 'remoteTypes'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export type BuiltInBodyResult =
  | { ok: true; value: BuiltInSubscribe }
  /** What the built-in cannot have (a webhook, delivery settings, fewer types): 422 CALLBACK_BUILT_IN. */
  | { ok: false; refused: FieldError[] }
  /** A body that is not valid at all: 400 VALIDATION_FAILED. */
  | { ok: false; errors: FieldError[] };

/**
 * Reads the body of a PUT on the built-in callback: `{label, remoteTypes?}` (a GET → edit → PUT of its `subscribe`
 * works). Its name is the one thing a PUT changes; remoteTypes, when given, must still be all nine.
 */
export function parseBuiltInBody(input: unknown): BuiltInBodyResult {
  if (!isObject(input)) return { ok: false, errors: [{ field: '', rule: 'callback.notObject' }] };
  const { body, errors } = withoutAlias(input);
  const refused: FieldError[] = [];
  for (const [field, rule] of Object.entries(DELIVERY_FIELDS)) {
    if (!(field in body)) continue;
    const named = field === 'callback' && isObject(body.callback) && 'webhook' in body.callback;
    refused.push({ field: named ? 'callback.webhook' : field, rule });
  }
  const types = body.remoteTypes;
  const known = Array.isArray(types) && types.every((t) => (REMOTE_TYPES as readonly unknown[]).includes(t));
  const all = known && new Set(types).size === REMOTE_TYPES.length && types.length === REMOTE_TYPES.length;
  if (types !== undefined && known && !all) refused.push({ field: 'remoteTypes', ...ALL_TYPES });
  if (refused.length > 0) return { ok: false, refused };

  for (const key of Object.keys(body)) {
    if (!ALLOWED.includes(key))
      errors.push({ field: key, rule: 'callback.unknownField', params: { key, fields: ALLOWED.join(', ') } });
  }
  if (types !== undefined && !known) errors.push({ field: 'remoteTypes', ...ALL_TYPES });
  const label = typeof body.label === 'string' ? body.label.trim() : '';
  if (body.label !== undefined && typeof body.label !== 'string')
    errors.push({ field: 'label', rule: 'builtIn.nameNotText' });
  else if (label === '') errors.push({ field: 'label', rule: 'builtIn.nameMissing' });
  else if (label.length > 200)
    errors.push({ field: 'label', rule: 'builtIn.nameTooLong', params: { max: 200 } });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: builtInSubscribe(label) };
}

/** The body of a PUT on the built-in callback, for OpenAPI (parseBuiltInBody is what checks it). */
export const builtInBodySchema = z
  .strictObject({
    label: z.string().min(1).max(200).describe('Its name, e.g. "Front desk"'),
    remoteTypes: z
      .array(z.enum(REMOTE_TYPES))
      .optional()
      .describe('All nine, in any order, when given: the built-in callback receives every remote type'),
    notificationTypes: z
      .array(z.enum(REMOTE_TYPES))
      .optional()
      .meta({ deprecated: true })
      .describe(
        'Alias of remoteTypes, accepted as the Stellantis documentation writes it; answers use remoteTypes.',
      ),
  })
  .describe(
    'The built-in callback ("This workstation") only: its name. It has no webhook, retryPolicy, batchNotify, ' +
      'signingSecret or authentication (422 CALLBACK_BUILT_IN names each one sent).',
  );

/** The body of PUT /callbacks/{id}, for OpenAPI: a site system's callback, or the built-in one's name. */
export const callbackReplaceBodySchema = z.union([callbackBodySchema, builtInBodySchema]);

/** As for a site callback: a single remote type reads as a one-item list. */
const asList = (value: unknown) => (typeof value === 'string' ? [value] : value);
const sameTypes = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) && JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** notificationTypes, the documentation's name of remoteTypes, is read as remoteTypes (as for site callbacks). */
function withoutAlias(input: Record<string, unknown>): {
  body: Record<string, unknown>;
  errors: FieldError[];
} {
  const { notificationTypes, ...body } = input;
  const errors: FieldError[] = [];
  if ('remoteTypes' in body) body.remoteTypes = asList(body.remoteTypes);
  if (notificationTypes === undefined) return { body, errors };
  if (!('remoteTypes' in body)) body.remoteTypes = asList(notificationTypes);
  else if (!sameTypes(body.remoteTypes, asList(notificationTypes))) {
    errors.push({
      field: 'remoteTypes',
      rule: 'callback.aliasDiffers',
      params: { canonical: 'remoteTypes', alias: 'notificationTypes' },
    });
  }
  return { body, errors };
}
