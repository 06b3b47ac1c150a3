// Pieces shared by the program lists of charging (BasicProgram) and preconditioning (PreconditioningProgram):
// time of day, slot, days of the week and the list itself.
import { z } from 'zod';
import type { Weekday } from './remote-body.js';
import { TIME_OF_DAY, isMalformedOrBeforeMidnight } from './remote-formats.js';
import { custom, describeValue, isPlainObject, must, orList, whenArray } from './remote-messages.js';

export const WEEKDAYS = [
  'Mon',
  'Tue',
  'Wed',
  'Thu',
  'Fri',
  'Sat',
  'Sun',
] as const satisfies readonly Weekday[];
const MAX_PROGRAMS = 4;

export function timeOfDay(name: string, example: string) {
  const what = `a time of day like ${example}`;
  return z
    .string(must(name, what))
    .regex(TIME_OF_DAY)
    .refine(isMalformedOrBeforeMidnight, {
      error: (iss) => `${name} must be before 24 hours (PT24H), got ${describeValue(iss.input)}.`,
    })
    .meta({ description: `ISO-8601 duration from 00:00, e.g. ${example}.` });
}

export const slotSchema = z
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

export const occurenceSchema = z
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
export function programList<T extends z.ZodType>(program: T) {
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
