// Preconditioning action (api-b2b.yaml `RemotePreconditioning`, `Program`, `PreconditioningProgram`): air
// conditioning now, or programs set and deleted by slot.
import { z } from 'zod';
import { coded, gotParams } from '../coded-issue.js';
import { isPlainObject, must, requireOneOf, whenObject } from './remote-messages.js';
import { occurenceSchema, programList, slotSchema, timeOfDay } from './program-schema.js';

const preconditioningSetProgramSchema = z.strictObject({
  slot: slotSchema,
  actionsType: z.literal('Set').optional(), // the spec's default; not added when absent
  enabled: z.boolean(must('errors:field.enabled', 'errors:what.trueOrFalse')),
  recurrence: z
    .enum(['None', 'Daily'], must('errors:field.recurrence', 'errors:what.noneOrDaily'))
    .optional(), // default Daily
  start: timeOfDay('errors:field.startTime', 'PT7H15M (07:15)'),
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
        ? coded('preconditioning.actionsType', gotParams(iss.input.actionsType))
        : coded('preconditioning.program', gotParams(iss.input)),
  },
);

const airConditioningSchema = z
  .strictObject(
    {
      immediate: z.boolean(must('errors:field.immediate', 'errors:what.immediateNow')).optional(),
      programs: programList(preconditioningProgramSchema).optional(),
    },
    must('errors:field.airConditioning', 'errors:what.objectLike', {
      params: { example: '{"immediate": true}' },
    }),
  )
  .superRefine(requireOneOf(['immediate', 'programs'], 'preconditioning.needsOne'), whenObject);

export const remotePreconditioningSchema = z.strictObject(
  { airConditioning: airConditioningSchema },
  must('errors:field.preconditioning', 'errors:what.objectLike', {
    params: { example: '{"airConditioning": {"immediate": true}}' },
  }),
);
