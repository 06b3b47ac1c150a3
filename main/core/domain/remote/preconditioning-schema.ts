// Preconditioning action (api-b2b.yaml `RemotePreconditioning`, `Program`, `PreconditioningProgram`): air
// conditioning now, or programs set and deleted by slot.
import { z } from 'zod';
import { describeValue, isPlainObject, must, requireOneOf, whenObject } from './remote-messages.js';
import { occurenceSchema, programList, slotSchema, timeOfDay } from './program-schema.js';

const preconditioningSetProgramSchema = z.strictObject({
  slot: slotSchema,
  actionsType: z.literal('Set').optional(), // the spec's default; not added when absent
  enabled: z.boolean(must('Enabled', 'true or false')),
  recurrence: z.enum(['None', 'Daily'], must('Recurrence', 'None or Daily')).optional(), // default Daily
  start: timeOfDay('Start time', 'PT7H15M (07:15)'),
  occurence: occurenceSchema,
});

// The spec's `Program` marks `start` required; a Delete needs only the slot (stellantis-api-notes.md T11).
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
