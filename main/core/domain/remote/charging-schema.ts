// Charging action (api-b2b.yaml `RemoteCharging`, `BasicProgram`): start or stop now, a schedule, or preferences.
import { z } from 'zod';
import { TIME_OF_DAY, isRfc3339DateTime, isTimeOfDay } from './remote-formats.js';
import { coded, gotParams } from '../coded-issue.js';
import { custom, must, oneKeyOf, requireOneOf, whenObject } from './remote-messages.js';
import { occurenceSchema, programList, slotSchema, timeOfDay } from './program-schema.js';

const CHARGE_LEVELS = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'] as const;

const chargingProgramSchema = z.strictObject(
  {
    slot: slotSchema,
    enabled: z.boolean(must('errors:field.enabled', 'errors:what.trueOrFalse')).optional(),
    start: timeOfDay('errors:field.startTime', 'PT22H30M (22:30)'),
    end: timeOfDay('errors:field.endTime', 'PT6H (06:00)').optional(),
    occurence: occurenceSchema.optional(),
  },
  must('errors:field.eachProgram', 'errors:what.objectLike', {
    params: { example: '{"slot": 1, "start": "PT22H30M"}' },
  }),
);

// stellantis-api-notes.md T14: the spec says RFC 3339, community clients send a duration from midnight;
// accept both, keep as given.
const nextDelayedTimeSchema = z
  .xor(
    [
      z.string().refine(isRfc3339DateTime).meta({ format: 'date-time' }),
      z.string().regex(TIME_OF_DAY).refine(isTimeOfDay),
    ],
    {
      error: (iss) =>
        coded('mustBeComma', {
          fieldKey: 'errors:field.nextDelayedTime',
          whatKey: 'errors:what.nextDelayedTime',
          ...gotParams(iss.input),
        }),
    },
  )
  .meta({ description: 'RFC 3339 timestamp of the next charge start, or an ISO-8601 duration from 00:00.' });

const chargingScheduleSchema = z.xor(
  [
    z.strictObject({ nextDelayedTime: nextDelayedTimeSchema }),
    z.strictObject({ programs: programList(chargingProgramSchema) }),
  ],
  {
    error: oneKeyOf('errors:field.schedule', ['nextDelayedTime', 'programs'], 'errors:example.schedule'),
  },
);

const chargingPreferencesSchema = z
  .strictObject(
    {
      level: z.enum(CHARGE_LEVELS, must('errors:field.level', 'errors:what.chargeLevel')).optional(),
      type: z
        .enum(['Partial', 'Full'], must('errors:field.chargingType', 'errors:what.partialOrFull'))
        .optional(),
    },
    must('errors:field.preferences', 'errors:what.objectLike', {
      params: { example: '{"level": "Level3", "type": "Partial"}' },
    }),
  )
  .superRefine(requireOneOf(['level', 'type'], 'charging.preferencesNeedOne'), whenObject);

export const remoteChargingSchema = z
  .strictObject(
    {
      immediate: z
        .boolean(must('errors:field.immediate', 'errors:what.immediateCharging', { comma: true }))
        .optional(),
      schedule: chargingScheduleSchema.optional(),
      preferences: chargingPreferencesSchema.optional(),
    },
    must('errors:field.charging', 'errors:what.objectLike', { params: { example: '{"immediate": true}' } }),
  )
  .superRefine((charging, ctx) => {
    requireOneOf(['immediate', 'schedule', 'preferences'], 'charging.needsOne')(charging, ctx);
    if (
      charging.preferences !== undefined &&
      (charging.schedule !== undefined || charging.immediate !== undefined)
    ) {
      ctx.addIssue(custom('charging.preferencesAlone', undefined, ['preferences']));
    }
  }, whenObject);
