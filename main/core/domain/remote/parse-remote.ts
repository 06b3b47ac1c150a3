// The public entry for a POSTed fleet API `Remote` body (stellantis-api-notes.md N3): returns the body in
// spec form with its RemoteType, or every problem found, each worded for a depot technician.
//
// 1. Fold the documented aliases into the spec form (T9, T10; N12.2): the schemas only know the spec form.
// 2. Check the envelope here rather than in zod, so a mistyped action key is named ("Unknown field "lihgts"")
//    instead of being reported as "no action".
// 3. Validate with remote-schema.ts and turn every zod issue into a FieldError on the normalised body.
import { z } from 'zod';
import { fail, ok } from '../field-error.js';
import type { FieldError, Result } from '../field-error.js';
import { REMOTE_BODY_KEYS, REMOTE_TYPES } from '../remote-type.js';
import type { RemoteBodyKey, RemoteType } from '../remote-type.js';
import type { RemoteBody } from './remote-body.js';
import { describeValue, isPlainObject, orList } from './remote-messages.js';
import {
  NOT_AN_OBJECT_MESSAGE,
  isRemoteActionKey,
  labelSchema,
  noActionMessage,
  remoteActionSchemas,
  remoteBodySchema,
  tooManyActionsMessage,
  unknownTopLevelFieldMessage,
} from './remote-schema.js';

export interface ParsedRemote {
  body: RemoteBody;
  type: RemoteType;
}

/** Validates a fleet API `Remote` body; accepts the documented aliases and returns the spec form. */
export function parseRemote(input: unknown): Result<ParsedRemote> {
  if (!isPlainObject(input)) return fail([{ field: '', message: NOT_AN_OBJECT_MESSAGE }]);
  const { body, errors: aliasErrors } = normaliseAliases(input);
  const envelopeErrors = checkEnvelope(body);
  if (aliasErrors.length > 0 || envelopeErrors.length > 0) {
    // Still check the label and every action given, so one round trip shows everything to fix.
    return fail([...envelopeErrors, ...aliasErrors, ...contentErrors(body)]);
  }
  const parsed = remoteBodySchema.safeParse(body, { error: plainMessage });
  if (!parsed.success) return fail(toFieldErrors(parsed.error.issues, body));
  const wire = toWireBody(parsed.data);
  return ok({ body: wire, type: remoteTypeOfBody(wire) });
}

/** The RemoteType of a validated body, from its one action key. */
export function remoteTypeOfBody(body: RemoteBody): RemoteType {
  const type = REMOTE_TYPES.find((candidate) => REMOTE_BODY_KEYS[candidate] in body);
  if (type === undefined) throw new Error('A RemoteBody always holds exactly one action key.');
  return type;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Aliases (stellantis-api-notes.md T9, T10)

// A Map, not an object literal, so that keys like "toString" are not found on the prototype.
const ACTION_ALIASES: ReadonlyMap<string, RemoteBodyKey> = new Map([
  ['preonditionning', 'preconditioning'],
  ['ligths', 'lights'],
  ['state', 'wakeUp'], // the 2020 draft's `{"state": {"action": "state"}}`, RemoteType `State` (N12.3)
]);

function canonicalActionKey(key: string): RemoteBodyKey | undefined {
  return isRemoteActionKey(key) ? key : ACTION_ALIASES.get(key);
}

interface Normalised {
  body: Record<string, unknown>;
  errors: FieldError[];
}

function normaliseAliases(input: Record<string, unknown>): Normalised {
  // Object.fromEntries defines own properties, so a "__proto__" key stays a key (and is reported as unknown).
  // Keys set to undefined are dropped, as JSON.stringify would drop them.
  const body = Object.fromEntries(
    Object.entries(input).flatMap(([key, value]): [string, unknown][] => {
      if (value === undefined) return [];
      const spec = ACTION_ALIASES.get(key);
      const specValue = key === 'state' ? legacyStateToWakeUp(value) : value;
      // An alias next to its own spec key is left as given, so that the envelope reports two actions.
      return [spec !== undefined && input[spec] === undefined ? [spec, specValue] : [key, specValue]];
    }),
  );
  if (!isPlainObject(body.charging) || body.charging.nextDelayedTime === undefined)
    return { body, errors: [] };
  const { charging, errors } = moveDeprecatedNextDelayedTime(body.charging);
  return { body: { ...body, charging }, errors };
}

function legacyStateToWakeUp(value: unknown): unknown {
  if (!isPlainObject(value) || (value.action !== 'state' && value.action !== 'State')) return value;
  return { ...value, action: 'WakeUp' };
}

/** Root `charging.nextDelayedTime` is deprecated for `charging.schedule.nextDelayedTime` (T10). */
function moveDeprecatedNextDelayedTime(input: Record<string, unknown>): {
  charging: Record<string, unknown>;
  errors: FieldError[];
} {
  const { nextDelayedTime, ...charging } = input;
  const schedule = charging.schedule;
  if (schedule === undefined) return { charging: { ...charging, schedule: { nextDelayedTime } }, errors: [] };
  if (!isPlainObject(schedule)) return { charging, errors: [] }; // the schedule's own error says what to fix
  if (schedule.nextDelayedTime === undefined) {
    // Merged even next to programs, so the schedule reports "only one of nextDelayedTime or programs".
    return { charging: { ...charging, schedule: { ...schedule, nextDelayedTime } }, errors: [] };
  }
  const message =
    'nextDelayedTime is given twice, in charging and in charging.schedule: send it only in schedule.';
  return { charging, errors: [{ field: 'charging.nextDelayedTime', message }] };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Envelope (Remote: optional label, exactly one action)

function checkEnvelope(body: Record<string, unknown>): FieldError[] {
  const keys = Object.keys(body);
  const actions = keys.filter((key) => canonicalActionKey(key) !== undefined);
  const errors: FieldError[] = [];
  if (actions.length === 0) errors.push({ field: '', message: noActionMessage() });
  if (actions.length > 1) errors.push({ field: '', message: tooManyActionsMessage(actions) });
  for (const key of keys) {
    if (key !== 'label' && !actions.includes(key))
      errors.push({ field: key, message: unknownTopLevelFieldMessage(key) });
  }
  return errors;
}

/** Errors in the label and in each action, validated one by one (used when the envelope itself is wrong). */
function contentErrors(body: Record<string, unknown>): FieldError[] {
  return Object.keys(body).flatMap((key) => {
    const canonical = canonicalActionKey(key);
    const schema: z.ZodType | undefined =
      key === 'label' ? labelSchema : canonical && remoteActionSchemas[canonical];
    if (schema === undefined) return [];
    const result = schema.safeParse(body[key], { error: plainMessage });
    return result.success ? [] : toFieldErrors(result.error.issues, body, [key]);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Zod issues → FieldErrors

/** `['charging', 'schedule', 'programs', 1, 'slot']` → `charging.schedule.programs[1].slot` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? String(segment) : `${text}.${String(segment)}`;
  }, '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isPlainObject(value) && typeof segment === 'string' && Object.hasOwn(value, segment))
      value = value[segment];
    else return undefined;
  }
  return value;
}

function toFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  base: PropertyKey[] = [],
): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: formatPath([...path, key]),
        message: unknownFieldMessage(path, key, valueAt(root, path), issue.message),
      }));
    }
    if (issue.code === 'invalid_union') {
      // Our unions are told apart by shape (which key is present, how many coordinates). When exactly one branch
      // fits the input's shape, its issues are the useful ones; otherwise the union's own message says what to send.
      const value = valueAt(root, path);
      const fitting = issue.errors.filter((branch) => fitsShape(branch, value));
      const [branch] = fitting;
      if (fitting.length === 1 && branch) return toFieldErrors(branch, root, path);
    }
    return [{ field: formatPath(path), message: issue.message }];
  });
}

/** A branch fits unless it rejects the value as a whole (type, length) or misses one of its own keys. */
function fitsShape(branch: readonly z.core.$ZodIssue[], value: unknown): boolean {
  return branch.every((issue) => {
    if (issue.path.length === 0) return issue.code === 'unrecognized_keys';
    return !(issue.path.length === 1 && valueAt(value, issue.path) === undefined);
  });
}

// stellantis-api-notes.md T11, T12: fields people send because older docs had them.
function removedFieldMessage(where: string, key: string, object: unknown): string | undefined {
  if (where === 'lights' && key === 'duration') {
    return 'The fleet API has no duration for lights: send only "on" (true or false); the vehicle decides how long.';
  }
  if (where === 'horn' && (key === 'number' || key === 'count')) {
    return `The fleet API has no horn ${key}: send only "state" (Activated or Unactivated).`;
  }
  if (
    where.endsWith('airConditioning.programs') &&
    isPlainObject(object) &&
    object.actionsType === 'Delete'
  ) {
    return `A Delete program needs only its slot: remove "${key}".`;
  }
  return undefined;
}

function unknownFieldMessage(
  path: readonly PropertyKey[],
  key: string,
  object: unknown,
  allowed: string,
): string {
  const where = path.filter((segment) => typeof segment === 'string').join('.');
  return (
    removedFieldMessage(where, key, object) ??
    `Unknown field "${key}" in ${formatPath(path) || 'the request'}: check the spelling. ${allowed}`.trim()
  );
}

/** `["occurence", "day", 2]` → `"day[2]"` */
function fieldName(path: readonly PropertyKey[]): string {
  const lastName = path.findLastIndex((segment) => typeof segment !== 'number');
  return lastName < 0 ? 'This value' : `"${formatPath(path.slice(lastName))}"`;
}

const EXPECTED_IN_WORDS: Readonly<Record<string, string>> = {
  boolean: 'true or false',
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'an object',
  array: 'a list',
  tuple: 'a list',
};

const UNITS: Readonly<Record<string, string>> = { array: ' items', set: ' items', string: ' characters' };

/**
 * Per-parse error map: words whatever a schema left unworded, so zod's default English never reaches a
 * technician. Every field in the *-schema.ts files has its own message; this is the safety net, plus the list of
 * allowed fields that unknownFieldMessage() appends.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string {
  const name = fieldName(issue.path ?? []);
  const got = `(got ${describeValue(issue.input)})`;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.inst instanceof z.ZodObject
        ? `Allowed fields: ${Object.keys(issue.inst.shape).join(', ')}.`
        : '';
    case 'invalid_type': {
      const expected = Object.hasOwn(EXPECTED_IN_WORDS, issue.expected)
        ? EXPECTED_IN_WORDS[issue.expected]
        : null;
      const words = expected ?? issue.expected;
      return issue.input === undefined
        ? `${name} is required: ${words}.`
        : `${name} must be ${words} ${got}.`;
    }
    case 'invalid_value':
      return `${name} must be ${orList(issue.values.map((value) => JSON.stringify(value)))} ${got}.`;
    case 'too_small':
      return `${name} must be at least ${issue.minimum}${UNITS[issue.origin] ?? ''} ${got}.`;
    case 'too_big':
      return `${name} must be at most ${issue.maximum}${UNITS[issue.origin] ?? ''} ${got}.`;
    default:
      return `${name} is not valid ${got}.`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Output

/** `navigation.driverApproval` is deprecated (since 3.2.0) and absent from the wire type: validated, then dropped. */
function toWireBody(parsed: z.output<typeof remoteBodySchema>): RemoteBody {
  if (!('navigation' in parsed)) return parsed;
  const { driverApproval: _deprecated, ...navigation } = parsed.navigation;
  return { ...parsed, navigation };
}
