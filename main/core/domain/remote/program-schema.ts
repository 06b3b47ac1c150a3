// Pieces shared by the program lists of charging (BasicProgram) and preconditioning (PreconditioningProgram):
// time of day, slot, days of the week and the list itself.
import { z } from 'zod';
import type { Weekday } from './remote-body.js';
import { TIME_OF_DAY, isMalformedOrBeforeMidnight } from './remote-formats.js';
import { coded, gotParams } from '../coded-issue.js';
import type { ErrorKey } from '../field-error.js';
import { custom, isPlainObject, must, whenArray } from './remote-messages.js';

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

/** `example` ends in the time in parentheses, e.g. `PT22H30M (22:30)`: hence the comma form of `must`. */
export function timeOfDay(fieldKey: ErrorKey, example: string) {
  return z
    .string(must(fieldKey, 'errors:what.timeOfDay', { comma: true, params: { example } }))
    .regex(TIME_OF_DAY)
    .refine(isMalformedOrBeforeMidnight, {
      error: (iss) => coded('timeOfDay.beforeMidnight', { fieldKey, ...gotParams(iss.input) }),
    })
    .meta({ description: `ISO-8601 duration from 00:00, e.g. ${example}.` });
}

export const slotSchema = z
  .int({
    error: (iss) =>
      iss.input === undefined
        ? coded('slot.required')
        : coded(iss.input === 0 ? 'slot.zero' : 'slot.invalid', gotParams(iss.input)),
  })
  .min(1)
  .max(MAX_PROGRAMS)
  .meta({ description: 'Program number 1–4, used once per list.' });

const daySchema = z.enum(WEEKDAYS, must('errors:field.day', 'errors:what.weekday'));

export const occurenceSchema = z
  .strictObject(
    {
      day: z
        .array(daySchema, must('errors:field.dayList', 'errors:what.dayList'))
        .min(1, { error: coded('program.noDay', { days: WEEKDAYS.join(', ') }) })
        .superRefine((days, ctx) => {
          const seen = new Set<unknown>();
          const items: readonly unknown[] = days;
          items.forEach((day, index) => {
            if (seen.has(day)) ctx.addIssue(custom('program.dayTwice', { day: String(day) }, [index]));
            seen.add(day);
          });
        }, whenArray),
    },
    must('errors:field.occurence', 'errors:what.objectLike', {
      params: { example: '{"day": ["Mon", "Tue"]}' },
    }),
  )
  .meta({ description: 'Days the program runs on (the spec spells it "occurence").' });

/** A program list: 1–4 items, each slot used once. */
export function programList<T extends z.ZodType>(program: T) {
  return z
    .array(program, must('errors:field.programList', 'errors:what.programList'))
    .min(1, { error: coded('program.none') })
    .max(MAX_PROGRAMS, {
      error: (iss) => coded('program.tooMany', { count: Array.isArray(iss.input) ? iss.input.length : 0 }),
    })
    .superRefine((programs, ctx) => {
      const seen = new Set<number>();
      const items: readonly unknown[] = programs;
      items.forEach((item, index) => {
        const slot = isPlainObject(item) ? item.slot : undefined;
        if (typeof slot !== 'number') return;
        if (seen.has(slot)) {
          ctx.addIssue(custom('program.slotTwice', { slot }, [index, 'slot']));
        }
        seen.add(slot);
      });
    }, whenArray);
}
