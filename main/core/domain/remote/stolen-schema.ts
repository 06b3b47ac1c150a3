// Stolen action (api-b2b.yaml `RemoteStolen`) and immobilization (`RemoteSetImmobilization`), which the stolen
// action can also carry.
import { z } from 'zod';
import { must, oneKeyOf, requireOneOf, whenObject } from './remote-messages.js';

const immobilizationSchema = z.strictObject(
  { activate: z.boolean(must('errors:field.activate', 'errors:what.activate')) },
  must('errors:field.immobilization', 'errors:what.objectLike', {
    params: { example: '{"activate": true}' },
  }),
);

const trackingPeriodSchema = z
  .strictObject(
    {
      running: z
        .int(must('errors:field.running', 'errors:what.wholeAtLeast', { params: { min: 5 } }))
        .min(5)
        .optional(),
      shutdown: z
        .int(must('errors:field.shutdown', 'errors:what.wholeAtLeast', { params: { min: 60 } }))
        .min(60)
        .optional(),
    },
    must('errors:field.trackingPeriod', 'errors:what.objectLike', {
      params: { example: '{"running": 30, "shutdown": 120}' },
    }),
  )
  .superRefine(requireOneOf(['running', 'shutdown'], 'stolen.trackingNeedsOne'), whenObject);

export const remoteStolenSchema = z.xor(
  [
    z.strictObject({
      stolen: z.boolean(must('errors:field.stolen', 'errors:what.stolen', { comma: true })),
    }),
    z.strictObject({ trackingPeriod: trackingPeriodSchema }),
    z.strictObject({ immobilization: immobilizationSchema }),
  ],
  {
    error: oneKeyOf(
      'errors:field.stolen',
      ['stolen', 'trackingPeriod', 'immobilization'],
      'errors:example.stolen',
    ),
  },
);

export const remoteImmobilizationSchema = immobilizationSchema;
