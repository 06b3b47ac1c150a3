// The public entry for a POSTed fleet API `Remote` body (stellantis-api-notes.md N3): returns the body in
// spec form with its RemoteType, or every problem found, each as a rule with its values (worded by the edges).
// Past 300 lines: the envelope check, the union's per-branch issue choice and the rule mapping read in one order.
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
import { coded, decoded, gotParams, listParam } from '../coded-issue.js';
import type { ErrorKey, MessageParams } from '../field-error.js';
import { isPlainObject } from './remote-messages.js';
import {
  NOT_AN_OBJECT,
  isRemoteActionKey,
  labelSchema,
  noAction,
  remoteActionSchemas,
  remoteBodySchema,
  tooManyActions,
  unknownTopLevelField,
} from './remote-schema.js';

export interface ParsedRemote {
  body: RemoteBody;
  type: RemoteType;
}

/** Validates a fleet API `Remote` body; accepts the documented aliases and returns the spec form. */
export function parseRemote(input: unknown): Result<ParsedRemote> {
  if (!isPlainObject(input)) return fail([{ field: '', ...NOT_AN_OBJECT }]);
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
  return { charging, errors: [{ field: 'charging.nextDelayedTime', rule: 'remote.nextDelayedTimeTwice' }] };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Envelope (Remote: optional label, exactly one action)

function checkEnvelope(body: Record<string, unknown>): FieldError[] {
  const keys = Object.keys(body);
  const actions = keys.filter((key) => canonicalActionKey(key) !== undefined);
  const errors: FieldError[] = [];
  if (actions.length === 0) errors.push({ field: '', ...noAction() });
  if (actions.length > 1) errors.push({ field: '', ...tooManyActions(actions) });
  for (const key of keys) {
    if (key !== 'label' && !actions.includes(key)) errors.push({ field: key, ...unknownTopLevelField(key) });
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
        ...unknownField(path, key, valueAt(root, path), issue.message),
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
    return [{ field: formatPath(path), ...decoded(issue.message, 'plain.notValid') }];
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
function removedField(where: string, key: string, object: unknown): Omit<FieldError, 'field'> | undefined {
  if (where === 'lights' && key === 'duration') return { rule: 'remote.lightsDuration' };
  if (where === 'horn' && (key === 'number' || key === 'count'))
    return { rule: 'remote.hornCount', params: { key } };
  if (
    where.endsWith('airConditioning.programs') &&
    isPlainObject(object) &&
    object.actionsType === 'Delete'
  ) {
    return { rule: 'remote.deleteOnlySlot', params: { key } };
  }
  return undefined;
}

/** `allowed` is the message plainMessage() gave the unrecognized_keys issue: the object's allowed fields. */
function unknownField(
  path: readonly PropertyKey[],
  key: string,
  object: unknown,
  allowed: string,
): Omit<FieldError, 'field'> {
  const where = path.filter((segment) => typeof segment === 'string').join('.');
  const fields = decoded(allowed, 'remote.unknownField').params?.fields;
  const place = formatPath(path);
  const at: MessageParams = place === '' ? { whereKey: 'errors:where.request' } : { where: place };
  return (
    removedField(where, key, object) ??
    (fields === undefined
      ? { rule: 'remote.unknownField', params: { key, ...at } }
      : { rule: 'remote.unknownFieldOf', params: { key, ...at, fields } })
  );
}

/** `["occurence", "day", 2]` → `"day[2]"`; a bare list item is "This value". */
function fieldName(path: readonly PropertyKey[]): MessageParams {
  const lastName = path.findLastIndex((segment) => typeof segment !== 'number');
  return lastName < 0
    ? { fieldKey: 'errors:field.thisValue' }
    : { field: `"${formatPath(path.slice(lastName))}"` };
}

const EXPECTED_IN_WORDS: Readonly<Record<string, ErrorKey>> = {
  boolean: 'errors:what.trueOrFalse',
  number: 'errors:what.number',
  int: 'errors:what.wholeNumber',
  string: 'errors:what.text',
  object: 'errors:what.object',
  array: 'errors:what.list',
  tuple: 'errors:what.list',
};

const UNITS: Readonly<Record<string, string>> = { array: 'items', set: 'items', string: 'characters' };

/**
 * Per-parse error map: reports whatever a schema left unreported, so zod's default English never reaches a
 * technician. Every field in the *-schema.ts files has its own rule; this is the safety net, plus the list of
 * allowed fields that unknownField() passes on.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string {
  const name = fieldName(issue.path ?? []);
  const got = gotParams(issue.input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.inst instanceof z.ZodObject
        ? coded('remote.unknownFieldOf', { fields: Object.keys(issue.inst.shape).join(', ') })
        : '';
    case 'invalid_type': {
      const what: MessageParams = Object.hasOwn(EXPECTED_IN_WORDS, issue.expected)
        ? { whatKey: EXPECTED_IN_WORDS[issue.expected] ?? 'errors:what.text' }
        : { what: issue.expected };
      return issue.input === undefined
        ? coded('required', { ...name, ...what })
        : coded('mustBe', { ...name, ...what, ...got });
    }
    case 'invalid_value':
      return coded('mustBe', {
        ...name,
        whatOrList: listParam(issue.values.map((value) => JSON.stringify(value))),
        ...got,
      });
    case 'too_small':
      return coded('plain.atLeast', {
        ...name,
        limit: String(issue.minimum),
        unit: UNITS[issue.origin] ?? 'none',
        ...got,
      });
    case 'too_big':
      return coded('plain.atMost', {
        ...name,
        limit: String(issue.maximum),
        unit: UNITS[issue.origin] ?? 'none',
        ...got,
      });
    default:
      return coded('plain.notValid', { ...name, ...got });
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
