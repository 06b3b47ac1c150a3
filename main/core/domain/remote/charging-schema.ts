// Charging action (api-b2b.yaml `RemoteCharging`, `BasicProgram`): start or stop now, a schedule, or preferences.
import { z } from 'zod';
import { TIME_OF_DAY, isRfc3339DateTime, isTimeOfDay } from './remote-formats.js';
import { custom, got, must, oneKeyOf, requireOneOf, whenObject } from './remote-messages.js';
import { occurenceSchema, programList, slotSchema, timeOfDay } from './program-schema.js';

const CHARGE_LEVELS = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'] as const;

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

// stellantis-api-notes.md T14: the spec says RFC 3339, community clients send a duration from midnight;
// accept both, keep as given.
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
