// Invalid action bodies, feature by feature (stellantis-api-notes.md N3, N12.4, N12.5): each case lists EVERY
// error expected, as [field, part of the message], in order. Fields are paths in the normalised (spec-form)
// body.
import { describe, expect, it } from 'vitest';
import { parseRemote } from '../../../main/core/domain/remote/index.js';
import { worded } from '../../helpers/field-errors.js';

type Expected = [field: string, messagePart: string][];
interface InvalidCase {
  name: string;
  input: unknown;
  errors: Expected;
}

// zod's own English must never reach a technician.
const ZOD_DEFAULT_ENGLISH =
  /Invalid input|Invalid option|expected \w+, received|Unrecognized key|Too (big|small)|Invalid string/;

function expectErrors(input: unknown, expected: Expected): void {
  const result = parseRemote(input);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const errors = worded(result.errors);
  expect(errors).toEqual(
    expected.map(([field, part]) => ({ field, message: expect.stringContaining(part) as unknown })),
  );
  for (const { message } of errors) {
    expect(message).not.toMatch(ZOD_DEFAULT_ENGLISH);
    expect(message).toMatch(/[.]$/);
  }
}

const program = (fields: Record<string, unknown>) => ({ charging: { schedule: { programs: [fields] } } });
const ac = (airConditioning: unknown) => ({ preconditioning: { airConditioning } });
const setProgram = { slot: 1, enabled: true, start: 'PT7H', occurence: { day: ['Mon'] } };
const points = (...coordinates: unknown[]) => ({
  navigation: { positions: coordinates.map((c) => ({ type: 'Point', coordinates: c })) },
});

const CHARGING: InvalidCase[] = [
  { name: 'not an object', input: { charging: true }, errors: [['charging', 'Charging must be an object']] },
  {
    name: 'no immediate, schedule or preferences',
    input: { charging: {} },
    errors: [['charging', 'Charging needs one of immediate (start or stop now), schedule or preferences.']],
  },
  {
    name: 'immediate not a boolean',
    input: { charging: { immediate: 'yes' } },
    errors: [
      [
        'charging.immediate',
        'Immediate must be true (start charging now) or false (stop charging), got "yes"',
      ],
    ],
  },
  {
    name: 'preferences with immediate',
    input: { charging: { immediate: true, preferences: { level: 'Level1' } } },
    errors: [['charging.preferences', 'Preferences cannot be combined with schedule or immediate']],
  },
  {
    name: 'preferences with schedule',
    input: { charging: { schedule: { nextDelayedTime: 'PT6H' }, preferences: { type: 'Full' } } },
    errors: [['charging.preferences', 'Preferences cannot be combined with schedule or immediate']],
  },
  {
    name: 'empty preferences',
    input: { charging: { preferences: {} } },
    errors: [
      ['charging.preferences', 'Preferences need a level (Level1 to Level5) or a type (Partial or Full).'],
    ],
  },
  {
    name: 'unknown level',
    input: { charging: { preferences: { level: 'Level6' } } },
    errors: [['charging.preferences.level', 'Level must be one of Level1 to Level5 (got "Level6").']],
  },
  {
    name: 'unknown type',
    input: { charging: { preferences: { type: 'Half' } } },
    errors: [['charging.preferences.type', 'Charging type must be Partial or Full (got "Half").']],
  },
  {
    name: 'empty schedule',
    input: { charging: { schedule: {} } },
    errors: [['charging.schedule', 'Schedule needs one of nextDelayedTime or programs.']],
  },
  {
    name: 'schedule with both modes',
    input: { charging: { schedule: { nextDelayedTime: 'PT6H', programs: [{ slot: 1, start: 'PT1H' }] } } },
    errors: [
      [
        'charging.schedule',
        'Schedule takes only one of nextDelayedTime or programs: found nextDelayedTime and programs.',
      ],
    ],
  },
  {
    name: 'schedule with a mistyped mode',
    input: { charging: { schedule: { nextDelayTime: 'PT6H' } } },
    errors: [
      [
        'charging.schedule',
        'Schedule needs one of nextDelayedTime or programs ("nextDelayTime" is not one of them).',
      ],
    ],
  },
  {
    name: 'schedule with an extra field',
    input: { charging: { schedule: { nextDelayedTime: 'PT6H', repeat: true } } },
    errors: [['charging.schedule.repeat', 'Unknown field "repeat" in charging.schedule']],
  },
  {
    name: 'no programs',
    input: { charging: { schedule: { programs: [] } } },
    errors: [['charging.schedule.programs', 'Give at least one program (up to 4, one per slot).']],
  },
  {
    name: 'five programs (a too-long list is reported alone)',
    input: {
      charging: { schedule: { programs: [1, 2, 3, 4, 5].map((slot) => ({ slot, start: 'PT1H' })) } },
    },
    errors: [['charging.schedule.programs', 'At most 4 programs, one per slot 1–4 (got 5).']],
  },
  {
    name: 'missing slot',
    input: program({ start: 'PT1H' }),
    errors: [['charging.schedule.programs[0].slot', 'Slot is required: a whole number from 1 to 4.']],
  },
  {
    name: 'slot 0',
    input: program({ slot: 0, start: 'PT1H' }),
    errors: [
      [
        'charging.schedule.programs[0].slot',
        'Slot must be a whole number from 1 to 4 (got 0; slots start at 1).',
      ],
    ],
  },
  {
    name: 'slot 5',
    input: program({ slot: 5, start: 'PT1H' }),
    errors: [['charging.schedule.programs[0].slot', 'Slot must be a whole number from 1 to 4 (got 5).']],
  },
  {
    name: 'slot 1.5',
    input: program({ slot: 1.5, start: 'PT1H' }),
    errors: [['charging.schedule.programs[0].slot', '(got 1.5)']],
  },
  {
    name: 'slot as text',
    input: program({ slot: '1', start: 'PT1H' }),
    errors: [['charging.schedule.programs[0].slot', '(got "1")']],
  },
  {
    name: 'a slot used twice',
    input: {
      charging: {
        schedule: {
          programs: [
            { slot: 2, start: 'PT1H' },
            { slot: 2, start: 'PT2H' },
          ],
        },
      },
    },
    errors: [
      ['charging.schedule.programs[1].slot', 'Slot 2 is used twice: each program needs its own slot (1–4).'],
    ],
  },
  {
    name: 'missing start',
    input: program({ slot: 1 }),
    errors: [
      ['charging.schedule.programs[0].start', 'Start time is required: a time of day like PT22H30M (22:30).'],
    ],
  },
  {
    name: 'start as a clock time',
    input: program({ slot: 1, start: '22:30' }),
    errors: [
      [
        'charging.schedule.programs[0].start',
        'Start time must be a time of day like PT22H30M (22:30), got "22:30".',
      ],
    ],
  },
  {
    name: 'start with a date part',
    input: program({ slot: 1, start: 'P1DT2H' }),
    errors: [
      ['charging.schedule.programs[0].start', 'Start time must be a time of day like PT22H30M (22:30)'],
    ],
  },
  {
    name: 'start at 24 h or later',
    input: program({ slot: 1, start: 'PT24H' }),
    errors: [
      ['charging.schedule.programs[0].start', 'Start time must be before 24 hours (PT24H), got "PT24H".'],
    ],
  },
  {
    name: 'end without unit',
    input: program({ slot: 1, start: 'PT1H', end: 'PT6' }),
    errors: [
      ['charging.schedule.programs[0].end', 'End time must be a time of day like PT6H (06:00), got "PT6".'],
    ],
  },
  {
    name: 'enabled as text',
    input: program({ slot: 1, start: 'PT1H', enabled: 'yes' }),
    errors: [['charging.schedule.programs[0].enabled', 'Enabled must be true or false (got "yes").']],
  },
  {
    name: 'occurence without day',
    input: program({ slot: 1, start: 'PT1H', occurence: {} }),
    errors: [
      ['charging.schedule.programs[0].occurence.day', 'Day list is required: a list like ["Mon", "Tue"].'],
    ],
  },
  {
    name: 'occurence with no days',
    input: program({ slot: 1, start: 'PT1H', occurence: { day: [] } }),
    errors: [['charging.schedule.programs[0].occurence.day', 'Choose at least one day']],
  },
  {
    name: 'an unknown day',
    input: program({ slot: 1, start: 'PT1H', occurence: { day: ['Monday'] } }),
    errors: [
      [
        'charging.schedule.programs[0].occurence.day[0]',
        'Day must be one of Mon, Tue, Wed, Thu, Fri, Sat or Sun (got "Monday").',
      ],
    ],
  },
  {
    name: 'a day listed twice',
    input: program({ slot: 1, start: 'PT1H', occurence: { day: ['Mon', 'Tue', 'Mon'] } }),
    errors: [['charging.schedule.programs[0].occurence.day[2]', 'Mon is listed twice: list each day once.']],
  },
  {
    name: 'a preconditioning field in a charging program',
    input: program({ slot: 1, start: 'PT1H', recurrence: 'Daily' }),
    errors: [
      [
        'charging.schedule.programs[0].recurrence',
        'Unknown field "recurrence" in charging.schedule.programs[0]',
      ],
    ],
  },
  {
    name: 'a mistyped field',
    input: { charging: { imediate: true } },
    errors: [
      [
        'charging.imediate',
        'Unknown field "imediate" in charging: check the spelling. Allowed fields: immediate',
      ],
      ['charging', 'Charging needs one of immediate'],
    ],
  },
];

// T14: a timestamp (RFC 3339) or a duration from midnight; anything else is refused at the same field.
const BAD_NEXT_DELAYED_TIMES: unknown[] = [
  'tomorrow',
  '22:30',
  '2024-05-01',
  '2024-05-01T22:30Z', // no seconds
  '2024-05-01T22:30:00', // no offset
  '2024-05-01 22:30:00Z',
  '2024-02-30T22:30:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01T22:30:00+25:00',
  'PT24H',
  'PT',
  'P1D',
  1714602600,
];

const STOLEN: InvalidCase[] = [
  {
    name: 'not an object',
    input: { stolen: true },
    errors: [['stolen', 'Stolen must be an object like {"stolen": true}']],
  },
  {
    name: 'empty',
    input: { stolen: {} },
    errors: [['stolen', 'Stolen needs one of stolen, trackingPeriod or immobilization.']],
  },
  {
    name: 'two at once',
    input: { stolen: { stolen: true, trackingPeriod: { running: 30 } } },
    errors: [
      [
        'stolen',
        'Stolen takes only one of stolen, trackingPeriod or immobilization: found stolen and trackingPeriod.',
      ],
    ],
  },
  {
    name: 'three at once',
    input: { stolen: { stolen: true, trackingPeriod: { running: 30 }, immobilization: { activate: true } } },
    errors: [['stolen', 'found stolen, trackingPeriod and immobilization.']],
  },
  {
    name: 'stolen as text',
    input: { stolen: { stolen: 'yes' } },
    errors: [
      [
        'stolen.stolen',
        'Stolen must be true (declare the vehicle stolen) or false (clear the declaration), got "yes".',
      ],
    ],
  },
  {
    name: 'empty tracking period',
    input: { stolen: { trackingPeriod: {} } },
    errors: [
      ['stolen.trackingPeriod', 'Tracking period needs running (at least 5) or shutdown (at least 60).'],
    ],
  },
  {
    name: 'running below 5',
    input: { stolen: { trackingPeriod: { running: 4 } } },
    errors: [
      [
        'stolen.trackingPeriod.running',
        'Running period (ignition on) must be a whole number of at least 5 (got 4).',
      ],
    ],
  },
  {
    name: 'running not whole',
    input: { stolen: { trackingPeriod: { running: 5.5 } } },
    errors: [['stolen.trackingPeriod.running', 'must be a whole number of at least 5 (got 5.5).']],
  },
  {
    name: 'shutdown below 60',
    input: { stolen: { trackingPeriod: { running: 30, shutdown: 59 } } },
    errors: [
      [
        'stolen.trackingPeriod.shutdown',
        'Shutdown period (ignition off) must be a whole number of at least 60 (got 59).',
      ],
    ],
  },
  {
    name: 'immobilization without activate',
    input: { stolen: { immobilization: {} } },
    errors: [
      [
        'stolen.immobilization.activate',
        'Activate is required: true to immobilize the vehicle, false to lift it.',
      ],
    ],
  },
  {
    name: 'an unknown field next to stolen',
    input: { stolen: { stolen: true, reason: 'theft' } },
    errors: [['stolen.reason', 'Unknown field "reason" in stolen']],
  },
];

const LIGHTS: InvalidCase[] = [
  {
    name: 'missing on',
    input: { lights: {} },
    errors: [['lights.on', '"on" is required: true to switch the lights on, false to switch them off.']],
  },
  { name: 'on as text', input: { lights: { on: 'true' } }, errors: [['lights.on', '(got "true")']] },
  {
    name: 'a duration (N12.4)',
    input: { lights: { on: true, duration: 'PT10S' } },
    errors: [['lights.duration', 'The fleet API has no duration for lights']],
  },
  {
    name: 'an unknown field',
    input: { lights: { on: true, colour: 'red' } },
    errors: [['lights.colour', 'Unknown field "colour"']],
  },
];

const WAKE_UP: InvalidCase[] = [
  {
    name: 'not an object',
    input: { wakeUp: 'WakeUp' },
    errors: [['wakeUp', 'Wake-up must be an object like {"action": "WakeUp"}']],
  },
  {
    name: 'another action',
    input: { wakeUp: { action: 'Wake' } },
    errors: [['wakeUp.action', 'Wake-up action must be "WakeUp" (got "Wake").']],
  },
  {
    name: 'the legacy action under the spec key',
    input: { wakeUp: { action: 'State' } },
    errors: [['wakeUp.action', 'Wake-up action must be "WakeUp" (got "State").']],
  },
  {
    name: 'an unknown field',
    input: { wakeUp: { delay: 5 } },
    errors: [['wakeUp.delay', 'Unknown field "delay" in wakeUp']],
  },
];

const DOORS: InvalidCase[] = [
  {
    name: 'missing state',
    input: { door: {} },
    errors: [['door.state', 'Door state is required: Locked or Unlocked.']],
  },
  {
    name: 'lower-case state',
    input: { door: { state: 'locked' } },
    errors: [['door.state', 'Door state must be Locked or Unlocked (got "locked").']],
  },
  {
    name: 'forced as text',
    input: { door: { state: 'Locked', forced: 'yes' } },
    errors: [['door.forced', 'Forced must be true or false (got "yes").']],
  },
  {
    name: 'an unknown field',
    input: { door: { state: 'Locked', doors: 'all' } },
    errors: [['door.doors', 'Unknown field "doors"']],
  },
];

const HORN: InvalidCase[] = [
  {
    name: 'missing state',
    input: { horn: {} },
    errors: [['horn.state', 'Horn state is required: Activated or Unactivated.']],
  },
  {
    name: 'unknown state',
    input: { horn: { state: 'On' } },
    errors: [['horn.state', 'Horn state must be Activated or Unactivated (got "On").']],
  },
  {
    name: 'a number of honks (N12.4)',
    input: { horn: { state: 'Activated', number: 3 } },
    errors: [
      ['horn.number', 'The fleet API has no horn number: send only "state" (Activated or Unactivated).'],
    ],
  },
  {
    name: 'a count (N12.4)',
    input: { horn: { state: 'Activated', count: 3 } },
    errors: [['horn.count', 'The fleet API has no horn count']],
  },
];

const IMMOBILIZATION: InvalidCase[] = [
  {
    name: 'missing activate',
    input: { immobilization: {} },
    errors: [
      ['immobilization.activate', 'Activate is required: true to immobilize the vehicle, false to lift it.'],
    ],
  },
  {
    name: 'activate as text',
    input: { immobilization: { activate: 'yes' } },
    errors: [
      [
        'immobilization.activate',
        'Activate must be true to immobilize the vehicle, false to lift it (got "yes").',
      ],
    ],
  },
  {
    name: 'an unknown field',
    input: { immobilization: { activate: true, reason: 'x' } },
    errors: [['immobilization.reason', 'Unknown field "reason" in immobilization']],
  },
];

const PRECONDITIONING: InvalidCase[] = [
  {
    name: 'missing airConditioning',
    input: { preconditioning: {} },
    errors: [
      [
        'preconditioning.airConditioning',
        'Air conditioning is required: an object like {"immediate": true}.',
      ],
    ],
  },
  {
    name: 'empty airConditioning',
    input: ac({}),
    errors: [['preconditioning.airConditioning', 'Air conditioning needs immediate or programs.']],
  },
  {
    name: 'immediate as a number',
    input: ac({ immediate: 1 }),
    errors: [
      ['preconditioning.airConditioning.immediate', 'Immediate must be true (start now) or false (got 1).'],
    ],
  },
  {
    name: 'a temperature (the API has none)',
    input: ac({ immediate: true, temperature: 21 }),
    errors: [['preconditioning.airConditioning.temperature', 'Unknown field "temperature"']],
  },
  {
    name: 'no programs',
    input: ac({ programs: [] }),
    errors: [['preconditioning.airConditioning.programs', 'Give at least one program']],
  },
  {
    name: 'five programs',
    input: ac({ programs: [1, 2, 3, 4, 1].map((slot) => ({ slot, actionsType: 'Delete' })) }),
    errors: [['preconditioning.airConditioning.programs', 'At most 4 programs, one per slot 1–4 (got 5).']],
  },
  {
    name: 'a program that is not an object',
    input: ac({ programs: [5] }),
    errors: [
      ['preconditioning.airConditioning.programs[0]', 'Each program must be an object like {"slot": 1'],
    ],
  },
  {
    name: 'Set (by default) needs enabled, start and occurence',
    input: ac({ programs: [{ slot: 1 }] }),
    errors: [
      ['preconditioning.airConditioning.programs[0].enabled', 'Enabled is required: true or false.'],
      [
        'preconditioning.airConditioning.programs[0].start',
        'Start time is required: a time of day like PT7H15M (07:15).',
      ],
      [
        'preconditioning.airConditioning.programs[0].occurence',
        'Occurence is required: an object like {"day": ["Mon", "Tue"]}.',
      ],
    ],
  },
  {
    name: 'Set needs a slot',
    input: ac({ programs: [{ ...setProgram, slot: undefined, actionsType: 'Set' }] }),
    errors: [['preconditioning.airConditioning.programs[0].slot', 'Slot is required']],
  },
  {
    name: 'slot 0 from the docs example (T13)',
    input: ac({ programs: [{ ...setProgram, slot: 0 }] }),
    errors: [
      [
        'preconditioning.airConditioning.programs[0].slot',
        'Slot must be a whole number from 1 to 4 (got 0; slots start at 1).',
      ],
    ],
  },
  {
    name: 'Delete needs a slot',
    input: ac({ programs: [{ actionsType: 'Delete' }] }),
    errors: [
      ['preconditioning.airConditioning.programs[0].slot', 'Slot is required: a whole number from 1 to 4.'],
    ],
  },
  {
    name: 'Delete with other fields',
    input: ac({ programs: [{ ...setProgram, actionsType: 'Delete' }] }),
    errors: [
      [
        'preconditioning.airConditioning.programs[0].enabled',
        'A Delete program needs only its slot: remove "enabled".',
      ],
      [
        'preconditioning.airConditioning.programs[0].start',
        'A Delete program needs only its slot: remove "start".',
      ],
      [
        'preconditioning.airConditioning.programs[0].occurence',
        'A Delete program needs only its slot: remove "occurence".',
      ],
    ],
  },
  {
    name: 'a slot used twice across Set and Delete',
    input: ac({ programs: [setProgram, { slot: 1, actionsType: 'Delete' }] }),
    errors: [
      [
        'preconditioning.airConditioning.programs[1].slot',
        'Slot 1 is used twice: each program needs its own slot (1–4).',
      ],
    ],
  },
  {
    name: 'an unknown actionsType',
    input: ac({ programs: [{ slot: 1, actionsType: 'Remove' }] }),
    errors: [
      [
        'preconditioning.airConditioning.programs[0].actionsType',
        'actionsType must be Set or Delete (got "Remove").',
      ],
    ],
  },
  {
    name: 'an unknown recurrence',
    input: ac({ programs: [{ ...setProgram, recurrence: 'Weekly' }] }),
    errors: [
      [
        'preconditioning.airConditioning.programs[0].recurrence',
        'Recurrence must be None or Daily (got "Weekly").',
      ],
    ],
  },
  {
    name: 'no days',
    input: ac({ programs: [{ ...setProgram, occurence: { day: [] } }] }),
    errors: [['preconditioning.airConditioning.programs[0].occurence.day', 'Choose at least one day']],
  },
  {
    name: 'start after midnight',
    input: ac({ programs: [{ ...setProgram, start: 'PT25H' }] }),
    errors: [
      [
        'preconditioning.airConditioning.programs[0].start',
        'Start time must be before 24 hours (PT24H), got "PT25H".',
      ],
    ],
  },
];

const NAVIGATION: InvalidCase[] = [
  {
    name: 'missing positions',
    input: { navigation: {} },
    errors: [
      [
        'navigation.positions',
        'Position list is required: a list of 1 to 10 points, the last one being the destination.',
      ],
    ],
  },
  {
    name: 'no positions',
    input: points(),
    errors: [['navigation.positions', 'Give at least one position: the destination.']],
  },
  {
    name: 'eleven positions',
    input: points(...Array.from({ length: 11 }, () => [2.35, 48.85])),
    errors: [['navigation.positions', 'At most 10 positions: 9 waypoints + the destination (got 11).']],
  },
  {
    name: 'a lower-case type',
    input: { navigation: { positions: [{ type: 'point', coordinates: [2.35, 48.85] }] } },
    errors: [['navigation.positions[0].type', 'Point type must be "Point" (got "point").']],
  },
  {
    name: 'missing type',
    input: { navigation: { positions: [{ coordinates: [2.35, 48.85] }] } },
    errors: [['navigation.positions[0].type', 'Point type is required: "Point".']],
  },
  {
    name: 'missing coordinates',
    input: { navigation: { positions: [{ type: 'Point' }] } },
    errors: [
      [
        'navigation.positions[0].coordinates',
        'Coordinates are required: [longitude, latitude] or [longitude, latitude, altitude].',
      ],
    ],
  },
  {
    name: 'one coordinate',
    input: points([2.35]),
    errors: [
      [
        'navigation.positions[0].coordinates',
        'Coordinates must be [longitude, latitude] or [longitude, latitude, altitude] (got a list of 1 item).',
      ],
    ],
  },
  {
    name: 'four coordinates',
    input: points([2.35, 48.85, 35, 1]),
    errors: [['navigation.positions[0].coordinates', '(got a list of 4 items).']],
  },
  {
    name: 'longitude out of range',
    input: points([180.5, 48.85]),
    errors: [
      ['navigation.positions[0].coordinates[0]', 'Longitude must be between -180 and 180 (got 180.5).'],
    ],
  },
  {
    name: 'latitude out of range',
    input: points([120, -90.5]),
    errors: [['navigation.positions[0].coordinates[1]', 'Latitude must be between -90 and 90 (got -90.5).']],
  },
  {
    name: 'a likely swapped pair',
    input: points([48.85, 123.4]),
    errors: [
      ['navigation.positions[0].coordinates[1]', 'Latitude must be between -90 and 90 (got 123.4).'],
      [
        'navigation.positions[0].coordinates',
        'coordinates are [longitude, latitude], so try [123.4, 48.85].',
      ],
    ],
  },
  {
    name: 'a coordinate as text',
    input: points(['2.35', 48.85]),
    errors: [
      [
        'navigation.positions[0].coordinates[0]',
        'Longitude must be a number between -180 and 180 (got "2.35").',
      ],
    ],
  },
  {
    name: 'a non-finite coordinate',
    input: points([Number.POSITIVE_INFINITY, 48.85]),
    errors: [
      ['navigation.positions[0].coordinates[0]', 'Longitude must be between -180 and 180 (got Infinity).'],
    ],
  },
  {
    name: 'NaN',
    input: points([2.35, Number.NaN]),
    errors: [['navigation.positions[0].coordinates[1]', '(got NaN)']],
  },
  {
    name: 'altitude as text',
    input: points([2.35, 48.85, 'high']),
    errors: [['navigation.positions[0].coordinates[2]', 'Altitude must be a number (got "high").']],
  },
  {
    name: 'the errors of the right point',
    input: points([2.35, 48.85], [120, 95]),
    errors: [['navigation.positions[1].coordinates[1]', 'Latitude must be between -90 and 90 (got 95).']],
  },
  {
    name: 'driverApproval as text',
    input: {
      navigation: { driverApproval: 'yes', positions: [{ type: 'Point', coordinates: [2.35, 48.85] }] },
    },
    errors: [['navigation.driverApproval', 'Driver approval must be true or false (got "yes").']],
  },
  {
    name: 'GeoJSON properties (not part of a Point here)',
    input: { navigation: { positions: [{ type: 'Point', coordinates: [2.35, 48.85], properties: {} }] } },
    errors: [['navigation.positions[0].properties', 'Unknown field "properties" in navigation.positions[0]']],
  },
];

describe('parseRemote: invalid bodies', () => {
  describe('charging', () => {
    it.each(CHARGING)('$name', ({ input, errors }) => expectErrors(input, errors));
    it.each(BAD_NEXT_DELAYED_TIMES)('nextDelayedTime %j', (nextDelayedTime) =>
      expectErrors({ charging: { schedule: { nextDelayedTime } } }, [
        [
          'charging.schedule.nextDelayedTime',
          'Next delayed time must be a date and time like 2024-05-01T22:30:00Z or a time of day like PT22H30M (22:30), got',
        ],
      ]),
    );
  });
  describe('stolen', () => it.each(STOLEN)('$name', ({ input, errors }) => expectErrors(input, errors)));
  describe('lights', () => it.each(LIGHTS)('$name', ({ input, errors }) => expectErrors(input, errors)));
  describe('wakeUp', () => it.each(WAKE_UP)('$name', ({ input, errors }) => expectErrors(input, errors)));
  describe('door', () => it.each(DOORS)('$name', ({ input, errors }) => expectErrors(input, errors)));
  describe('horn', () => it.each(HORN)('$name', ({ input, errors }) => expectErrors(input, errors)));
  describe('immobilization', () =>
    it.each(IMMOBILIZATION)('$name', ({ input, errors }) => expectErrors(input, errors)));
  describe('preconditioning', () =>
    it.each(PRECONDITIONING)('$name', ({ input, errors }) => expectErrors(input, errors)));
  describe('navigation', () =>
    it.each(NAVIGATION)('$name', ({ input, errors }) => expectErrors(input, errors)));

  it('returns every error, not only the first', () => {
    expectErrors(
      {
        charging: {
          schedule: {
            programs: [
              { slot: 1, start: '22:30', occurence: { day: ['Mon', 'Mon'] } },
              { slot: 1, start: 'PT6H', end: 'PT30H', enabled: 'no' },
            ],
          },
        },
      },
      [
        ['charging.schedule.programs[0].start', 'Start time must be a time of day'],
        ['charging.schedule.programs[0].occurence.day[1]', 'Mon is listed twice'],
        ['charging.schedule.programs[1].enabled', 'Enabled must be true or false'],
        ['charging.schedule.programs[1].end', 'End time must be before 24 hours'],
        ['charging.schedule.programs[1].slot', 'Slot 1 is used twice'],
      ],
    );
  });
});
