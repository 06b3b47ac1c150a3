// Stolen action (api-b2b.yaml `RemoteStolen`) and immobilization (`RemoteSetImmobilization`), which the stolen
// action can also carry.
import { z } from 'zod';
import { must, oneKeyOf, requireOneOf, whenObject } from './remote-messages.js';

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
