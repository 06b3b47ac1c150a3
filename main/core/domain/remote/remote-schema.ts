// Zod schemas of the fleet API `Remote` body in its spec form (api-b2b.yaml `Remote*`, `Point`, `BasicProgram`,
// `Program`, `PreconditioningProgram`; stellantis-api.md §5). Aliases from the docs are NOT accepted here:
// parse-remote.ts normalises them first, so this file stays transform-free and `z.toJSONSchema` can publish it.
//
// Every schema carries its own message, worded for a depot technician. A check inherits the error map of the
// schema it is attached to (zod ≥ 4.6), so `must()` on the base type also words its .min()/.max()/.regex().
import { z } from 'zod';
import type { Weekday } from './remote-body.js';
import { REMOTE_BODY_KEYS, REMOTE_TYPES } from '../remote-type.js';
import type { RemoteBodyKey } from '../remote-type.js';

type RawIssue = z.core.$ZodRawIssue;

/** The nine action keys of a `Remote` body, in the order of REMOTE_TYPES. */
export const REMOTE_ACTION_KEYS: readonly RemoteBodyKey[] = REMOTE_TYPES.map(
  (type) => REMOTE_BODY_KEYS[type],
);
const actionKeys: ReadonlySet<string> = new Set(REMOTE_ACTION_KEYS);

export function isRemoteActionKey(key: string): key is RemoteBodyKey {
  return actionKeys.has(key);
}

export const WEEKDAYS = [
  'Mon',
  'Tue',
  'Wed',
  'Thu',
  'Fri',
  'Sat',
  'Sun',
] as const satisfies readonly Weekday[];
const CHARGE_LEVELS = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'] as const;
export const LABEL_MAX_LENGTH = 200;
const MAX_PROGRAMS = 4;
const MAX_POSITIONS = 10;

// ---------------------------------------------------------------------------------------------------------------
// Value formats

// PT[nH][nM][nS]: an ISO-8601 duration measured from 00:00. The lookahead demands at least one component.
const TIME_OF_DAY = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;
const SECONDS_PER_DAY = 24 * 60 * 60;

/** Seconds after midnight of a `PT22H30M`-style duration, or undefined if the text is not one. */
export function timeOfDaySeconds(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

const isTimeOfDay = (text: string): boolean => (timeOfDaySeconds(text) ?? SECONDS_PER_DAY) < SECONDS_PER_DAY;
/** For a refinement after `.regex(TIME_OF_DAY)`: a malformed text is already reported, do not report it twice. */
const isMalformedOrBeforeMidnight = (text: string): boolean =>
  (timeOfDaySeconds(text) ?? 0) < SECONDS_PER_DAY;

// RFC 3339 `date-time`: seconds required, offset required (Z or ±hh:mm), fraction optional.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** The regex alone would let 2024-02-30T25:61:00Z through; check the calendar and the clock too. */
export function isRfc3339DateTime(text: string): boolean {
  const match = RFC3339.exec(text);
  if (!match) return false;
  // Absent offset parts (a `Z` offset) count as 0.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] =
    match.slice(1).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 && // 60: a leap second, allowed by RFC 3339
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

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
const got = (what: string, input: unknown): string =>
  what.endsWith(')') ? `${what}, got ${describeValue(input)}.` : `${what} (got ${describeValue(input)}).`;

/**
 * Error map for one field: "<Name> is required: <what>." when missing, otherwise "<Name> must be <what> (got x)."
 * Leaves unknown-key and union issues to parse-remote.ts, which words them per key and per branch.
 */
function must(name: string, what: string): { error: (iss: RawIssue) => string | undefined } {
  return {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys' || iss.code === 'invalid_union') return undefined;
      if (iss.input === undefined) return `${name} is required: ${what}.`;
      return `${name} must be ${got(what, iss.input)}`;
    },
  };
}

function custom(message: string, path: PropertyKey[] = []): z.core.$ZodSuperRefineIssue {
  return { code: 'custom', message, path };
}

const whenObject = { when: (payload: { value: unknown }) => isPlainObject(payload.value) };
const whenArray = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

/** Refinement for "at least one of these keys"; runs even when a sibling field is invalid, so all errors show. */
function requireOneOf(keys: readonly string[], message: string) {
  return (value: object, ctx: z.core.$RefinementCtx) => {
    const present = Object.entries(value).some(([key, field]) => keys.includes(key) && field !== undefined);
    if (!present) ctx.addIssue(custom(message));
  };
}

/** Message of a union whose branches are told apart by which one key is present (stolen, schedule). */
function oneKeyOf(name: string, keys: readonly string[], example: string) {
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

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

function timeOfDay(name: string, example: string) {
  const what = `a time of day like ${example}`;
  return z
    .string(must(name, what))
    .regex(TIME_OF_DAY)
    .refine(isMalformedOrBeforeMidnight, {
      error: (iss) => `${name} must be before 24 hours (PT24H), got ${describeValue(iss.input)}.`,
    })
    .meta({ description: `ISO-8601 duration from 00:00, e.g. ${example}.` });
}

const slotSchema = z
  .int({
    error: (iss) =>
      iss.input === undefined
        ? 'Slot is required: a whole number from 1 to 4.'
        : `Slot must be a whole number from 1 to 4 (got ${describeValue(iss.input)}${iss.input === 0 ? '; slots start at 1' : ''}).`,
  })
  .min(1)
  .max(MAX_PROGRAMS)
  .meta({ description: 'Program number 1–4, used once per list.' });

const daySchema = z.enum(WEEKDAYS, must('Day', `one of ${orList(WEEKDAYS)}`));

const occurenceSchema = z
  .strictObject(
    {
      day: z
        .array(daySchema, must('Day list', 'a list like ["Mon", "Tue"]'))
        .min(1, { error: `Choose at least one day (${WEEKDAYS.join(', ')}).` })
        .superRefine((days, ctx) => {
          const seen = new Set<unknown>();
          const items: readonly unknown[] = days;
          items.forEach((day, index) => {
            if (seen.has(day))
              ctx.addIssue(custom(`${String(day)} is listed twice: list each day once.`, [index]));
            seen.add(day);
          });
        }, whenArray),
    },
    must('Occurence', 'an object like {"day": ["Mon", "Tue"]}'),
  )
  .meta({ description: 'Days the program runs on (the spec spells it "occurence").' });

/** A program list: 1–4 items, each slot used once. */
function programList<T extends z.ZodType>(program: T) {
  return z
    .array(program, must('Program list', 'a list of 1 to 4 programs'))
    .min(1, { error: 'Give at least one program (up to 4, one per slot).' })
    .max(MAX_PROGRAMS, {
      error: (iss) =>
        `At most 4 programs, one per slot 1–4 (got ${Array.isArray(iss.input) ? iss.input.length : 0}).`,
    })
    .superRefine((programs, ctx) => {
      const seen = new Set<number>();
      const items: readonly unknown[] = programs;
      items.forEach((item, index) => {
        const slot = isPlainObject(item) ? item.slot : undefined;
        if (typeof slot !== 'number') return;
        if (seen.has(slot)) {
          ctx.addIssue(
            custom(`Slot ${slot} is used twice: each program needs its own slot (1–4).`, [index, 'slot']),
          );
        }
        seen.add(slot);
      });
    }, whenArray);
}

// ---------------------------------------------------------------------------------------------------------------
// Charging (RemoteCharging, BasicProgram)

const chargingProgramSchema = z.strictObject(
  {
    slot: slotSchema,
    enabled: z.boolean(must('Enabled', 'true or false')).optional(),
    start: timeOfDay('Start time', 'PT22H30M (22:30)'),
    end: timeOfDay('End time', 'PT6H (06:00)').optional(),
    occurence: occurenceSchema.optional(),
  },
  must('Each program', 'an object like {"slot": 1, "start": "PT22H30M"}'),
);

// Decision D5: the spec says RFC 3339, community clients send a duration from midnight; accept both, keep as given.
const NEXT_DELAYED_TIME = 'a date and time like 2024-05-01T22:30:00Z or a time of day like PT22H30M (22:30)';
const nextDelayedTimeSchema = z
  .xor(
    [
      z.string().refine(isRfc3339DateTime).meta({ format: 'date-time' }),
      z.string().regex(TIME_OF_DAY).refine(isTimeOfDay),
    ],
    { error: (iss) => `Next delayed time must be ${got(NEXT_DELAYED_TIME, iss.input)}` },
  )
  .meta({ description: 'RFC 3339 timestamp of the next charge start, or an ISO-8601 duration from 00:00.' });

const chargingScheduleSchema = z.xor(
  [
    z.strictObject({ nextDelayedTime: nextDelayedTimeSchema }),
    z.strictObject({ programs: programList(chargingProgramSchema) }),
  ],
  {
    error: oneKeyOf(
      'Schedule',
      ['nextDelayedTime', 'programs'],
      '{"nextDelayedTime": "2024-05-01T22:30:00Z"} or {"programs": […]}',
    ),
  },
);

const chargingPreferencesSchema = z
  .strictObject(
    {
      level: z.enum(CHARGE_LEVELS, must('Level', 'one of Level1 to Level5')).optional(),
      type: z.enum(['Partial', 'Full'], must('Charging type', 'Partial or Full')).optional(),
    },
    must('Preferences', 'an object like {"level": "Level3", "type": "Partial"}'),
  )
  .superRefine(
    requireOneOf(
      ['level', 'type'],
      'Preferences need a level (Level1 to Level5) or a type (Partial or Full).',
    ),
    whenObject,
  );

export const remoteChargingSchema = z
  .strictObject(
    {
      immediate: z
        .boolean(must('Immediate', 'true (start charging now) or false (stop charging)'))
        .optional(),
      schedule: chargingScheduleSchema.optional(),
      preferences: chargingPreferencesSchema.optional(),
    },
    must('Charging', 'an object like {"immediate": true}'),
  )
  .superRefine((charging, ctx) => {
    requireOneOf(
      ['immediate', 'schedule', 'preferences'],
      'Charging needs one of immediate (start or stop now), schedule or preferences.',
    )(charging, ctx);
    if (
      charging.preferences !== undefined &&
      (charging.schedule !== undefined || charging.immediate !== undefined)
    ) {
      ctx.addIssue(
        custom(
          'Preferences cannot be combined with schedule or immediate: send them in a separate request.',
          ['preferences'],
        ),
      );
    }
  }, whenObject);

// ---------------------------------------------------------------------------------------------------------------
// Stolen (RemoteStolen), Immobilization (RemoteSetImmobilization)

const immobilizationSchema = z.strictObject(
  { activate: z.boolean(must('Activate', 'true to immobilize the vehicle, false to lift it')) },
  must('Immobilization', 'an object like {"activate": true}'),
);

const trackingPeriodSchema = z
  .strictObject(
    {
      running: z.int(must('Running period (ignition on)', 'a whole number of at least 5')).min(5).optional(),
      shutdown: z
        .int(must('Shutdown period (ignition off)', 'a whole number of at least 60'))
        .min(60)
        .optional(),
    },
    must('Tracking period', 'an object like {"running": 30, "shutdown": 120}'),
  )
  .superRefine(
    requireOneOf(
      ['running', 'shutdown'],
      'Tracking period needs running (at least 5) or shutdown (at least 60).',
    ),
    whenObject,
  );

export const remoteStolenSchema = z.xor(
  [
    z.strictObject({
      stolen: z.boolean(must('Stolen', 'true (declare the vehicle stolen) or false (clear the declaration)')),
    }),
    z.strictObject({ trackingPeriod: trackingPeriodSchema }),
    z.strictObject({ immobilization: immobilizationSchema }),
  ],
  { error: oneKeyOf('Stolen', ['stolen', 'trackingPeriod', 'immobilization'], '{"stolen": true}') },
);

export const remoteImmobilizationSchema = immobilizationSchema;

// ---------------------------------------------------------------------------------------------------------------
// Lights, WakeUp, Doors, Horn

// Decision D4: no `duration` (removed from the spec in 3.0.4); parse-remote.ts explains it when sent.
export const remoteLightsSchema = z.strictObject(
  { on: z.boolean(must('"on"', 'true to switch the lights on, false to switch them off')) },
  must('Lights', 'an object like {"on": true}'),
);

export const remoteWakeUpSchema = z.strictObject(
  { action: z.literal('WakeUp', must('Wake-up action', '"WakeUp"')).default('WakeUp') },
  must('Wake-up', 'an object like {"action": "WakeUp"}'),
);

export const remoteDoorsSchema = z.strictObject(
  {
    state: z.enum(['Locked', 'Unlocked'], must('Door state', 'Locked or Unlocked')),
    // Deprecated by the spec but still honoured by some vehicles when locking, so it is kept and sent.
    forced: z
      .boolean(must('Forced', 'true or false'))
      .optional()
      .meta({ deprecated: true, description: 'Force the lock (ignored when unlocking).' }),
  },
  must('Door', 'an object like {"state": "Locked"}'),
);

// Decision D4: no `number` or `count` (commented out in the spec); parse-remote.ts explains it when sent.
export const remoteHornSchema = z.strictObject(
  { state: z.enum(['Activated', 'Unactivated'], must('Horn state', 'Activated or Unactivated')) },
  must('Horn', 'an object like {"state": "Activated"}'),
);

// ---------------------------------------------------------------------------------------------------------------
// Preconditioning (RemotePreconditioning, Program, PreconditioningProgram)

const preconditioningSetProgramSchema = z.strictObject({
  slot: slotSchema,
  actionsType: z.literal('Set').optional(), // the spec's default; not added when absent
  enabled: z.boolean(must('Enabled', 'true or false')),
  recurrence: z.enum(['None', 'Daily'], must('Recurrence', 'None or Daily')).optional(), // default Daily
  start: timeOfDay('Start time', 'PT7H15M (07:15)'),
  occurence: occurenceSchema,
});

// §13 #13: the `Program` schema lists `start` as required, but a Delete needs only the slot.
const preconditioningDeleteProgramSchema = z.strictObject({
  slot: slotSchema,
  actionsType: z.literal('Delete'),
});

const preconditioningProgramSchema = z.discriminatedUnion(
  'actionsType',
  [preconditioningSetProgramSchema, preconditioningDeleteProgramSchema],
  {
    error: (iss) =>
      isPlainObject(iss.input)
        ? `actionsType must be Set or Delete (got ${describeValue(iss.input.actionsType)}).`
        : `Each program must be an object like {"slot": 1, "enabled": true, "start": "PT7H15M", "occurence": {"day": ["Mon"]}} (got ${describeValue(iss.input)}).`,
  },
);

const airConditioningSchema = z
  .strictObject(
    {
      immediate: z.boolean(must('Immediate', 'true (start now) or false')).optional(),
      programs: programList(preconditioningProgramSchema).optional(),
    },
    must('Air conditioning', 'an object like {"immediate": true}'),
  )
  .superRefine(
    requireOneOf(['immediate', 'programs'], 'Air conditioning needs immediate or programs.'),
    whenObject,
  );

export const remotePreconditioningSchema = z.strictObject(
  { airConditioning: airConditioningSchema },
  must('Preconditioning', 'an object like {"airConditioning": {"immediate": true}}'),
);

// ---------------------------------------------------------------------------------------------------------------
// Navigation (RemoteNavigation, Point)

function coordinate(name: string, limit: number) {
  return z
    .number({
      error: (iss) => {
        if (iss.input === undefined) return `${name} is required: a number between -${limit} and ${limit}.`;
        const kind = typeof iss.input === 'number' ? '' : 'a number ';
        return `${name} must be ${kind}between -${limit} and ${limit} (got ${describeValue(iss.input)}).`;
      },
    })
    .min(-limit)
    .max(limit);
}

const longitudeSchema = coordinate('Longitude', 180);
const latitudeSchema = coordinate('Latitude', 90);
const altitudeSchema = z.number(must('Altitude', 'a number'));

const coordinatesSchema = z
  .xor(
    [z.tuple([longitudeSchema, latitudeSchema]), z.tuple([longitudeSchema, latitudeSchema, altitudeSchema])],
    {
      error: (iss) =>
        iss.input === undefined
          ? 'Coordinates are required: [longitude, latitude] or [longitude, latitude, altitude].'
          : `Coordinates must be [longitude, latitude] or [longitude, latitude, altitude] (got ${describeValue(iss.input)}).`,
    },
  )
  .superRefine((coordinates, ctx) => {
    // [48.85, 123.4] is most likely [latitude, longitude]: say so next to the range error.
    const [first, second]: readonly unknown[] = coordinates;
    if (typeof first !== 'number' || typeof second !== 'number') return;
    if (Math.abs(first) <= 90 && Math.abs(second) > 90 && Math.abs(second) <= 180) {
      ctx.addIssue(
        custom(`These look swapped: coordinates are [longitude, latitude], so try [${second}, ${first}].`),
      );
    }
  }, whenArray)
  .meta({ description: '[longitude, latitude] or [longitude, latitude, altitude] (RFC 7946).' });

const pointSchema = z.strictObject(
  { type: z.literal('Point', must('Point type', '"Point"')), coordinates: coordinatesSchema },
  must('Each position', 'a point like {"type": "Point", "coordinates": [2.3522, 48.8566]}'),
);

export const remoteNavigationSchema = z.strictObject(
  {
    // Deprecated since 3.2.0 and absent from the wire type: accepted, then dropped by parse-remote.ts.
    driverApproval: z
      .boolean(must('Driver approval', 'true or false'))
      .optional()
      .meta({ deprecated: true, description: 'Ignored and not sent.' }),
    positions: z
      .array(
        pointSchema,
        must('Position list', 'a list of 1 to 10 points, the last one being the destination'),
      )
      .min(1, { error: 'Give at least one position: the destination.' })
      .max(MAX_POSITIONS, {
        error: (iss) =>
          `At most 10 positions: 9 waypoints + the destination (got ${Array.isArray(iss.input) ? iss.input.length : 0}).`,
      }),
  },
  must('Navigation', 'an object like {"positions": [{"type": "Point", "coordinates": [2.3522, 48.8566]}]}'),
);

// ---------------------------------------------------------------------------------------------------------------
// Envelope (Remote)

export const labelSchema = z
  .string(must('Label', `text of at most ${LABEL_MAX_LENGTH} characters`))
  .max(LABEL_MAX_LENGTH, {
    error: (iss) =>
      `Label must be at most ${LABEL_MAX_LENGTH} characters (got ${typeof iss.input === 'string' ? iss.input.length : 0}).`,
  });

/** The schema of each action object, by body key. */
export const remoteActionSchemas = {
  charging: remoteChargingSchema,
  stolen: remoteStolenSchema,
  lights: remoteLightsSchema,
  wakeUp: remoteWakeUpSchema,
  preconditioning: remotePreconditioningSchema,
  door: remoteDoorsSchema,
  horn: remoteHornSchema,
  immobilization: remoteImmobilizationSchema,
  navigation: remoteNavigationSchema,
} as const satisfies Record<RemoteBodyKey, z.ZodType>;

export const NOT_AN_OBJECT_MESSAGE =
  'The request must be a JSON object like {"horn": {"state": "Activated"}}.';

export const noActionMessage = (): string => `Choose one action: ${orList(REMOTE_ACTION_KEYS)}.`;

export const tooManyActionsMessage = (found: readonly string[]): string =>
  `Only one action per request: found ${andList(found)}.`;

export const unknownTopLevelFieldMessage = (key: string): string =>
  `Unknown field "${key}": a request holds an optional label and one action (${orList(REMOTE_ACTION_KEYS)}).`;

function envelopeMessage(iss: RawIssue): string {
  const input = iss.input;
  if (!isPlainObject(input)) return NOT_AN_OBJECT_MESSAGE;
  const actions = Object.keys(input).filter(isRemoteActionKey);
  if (actions.length === 0) return noActionMessage();
  if (actions.length > 1) return tooManyActionsMessage(actions);
  const unknown = Object.keys(input).find((key) => key !== 'label' && key !== actions[0]);
  return unknownTopLevelFieldMessage(unknown ?? '');
}

const label = labelSchema.optional();

/**
 * The whole `Remote` body in spec form: an optional label and exactly one action. Exported for OpenAPI; to
 * validate a request, use parseRemote(), which also accepts the documented aliases and words every error.
 */
export const remoteBodySchema = z
  .xor(
    [
      z.strictObject({ label, charging: remoteChargingSchema }),
      z.strictObject({ label, stolen: remoteStolenSchema }),
      z.strictObject({ label, lights: remoteLightsSchema }),
      z.strictObject({ label, wakeUp: remoteWakeUpSchema }),
      z.strictObject({ label, preconditioning: remotePreconditioningSchema }),
      z.strictObject({ label, door: remoteDoorsSchema }),
      z.strictObject({ label, horn: remoteHornSchema }),
      z.strictObject({ label, immobilization: remoteImmobilizationSchema }),
      z.strictObject({ label, navigation: remoteNavigationSchema }),
    ],
    { error: envelopeMessage },
  )
  .meta({ title: 'Remote', description: 'Remote vehicle action: an optional label and exactly one action.' });
