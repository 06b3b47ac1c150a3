// How a callback's notifications are delivered (api-b2b.yaml CallbackSubscribe.retryPolicy and .batchNotify):
// retries after a failed delivery, and batching of events into one call.
import { z } from 'zod';
import { required, show, strict } from './callback-messages.js';

/** Spec field defaults (CallbackSubscribe.retryPolicy). */
export const DEFAULT_RETRY_NUMBER = 3;
export const DEFAULT_RETRY_DELAY = 10;
/** Spec field default (CallbackSubscribe.batchNotify.timeWindow). */
export const DEFAULT_BATCH_WINDOW = 60;

const RETRY_NUMBER_MESSAGE = 'The number of attempts must be a whole number, at least 1.';
const RETRY_DELAY_MESSAGE = 'The retry delay must be a whole number of seconds, at least 1.';

// The spec gives no default for an absent retryPolicy. We default to Bounded with the spec's own field defaults
// (3 attempts, 10 s apart) rather than None, because a depot system that is briefly down should not lose a
// notification. Any (retryNumber − 1) × retryDelay is accepted: the 3-day cap (RETRY_CAP_SECONDS) simply stops
// retries earlier, as it does upstream (stellantis-api-notes.md N6).
export const retryPolicySchema = z
  .strictObject(
    {
      policy: z.enum(['None', 'Bounded'], {
        error: (iss) =>
          iss.input === undefined
            ? 'Choose a retry policy: None (a single try) or Bounded (a limited number of tries).'
            : `The retry policy must be None (a single try) or Bounded (a limited number of tries), not ${show(iss.input)}.`,
      }),
      retryNumber: z
        .int({ error: RETRY_NUMBER_MESSAGE })
        .min(1, { error: RETRY_NUMBER_MESSAGE })
        .default(DEFAULT_RETRY_NUMBER)
        .describe('Maximum number of attempts (Bounded only).'),
      retryDelay: z
        .int({ error: RETRY_DELAY_MESSAGE })
        .min(1, { error: RETRY_DELAY_MESSAGE })
        .default(DEFAULT_RETRY_DELAY)
        .describe('Seconds between attempts (ignored for None).'),
    },
    {
      error: strict(
        ['policy', 'retryNumber', 'retryDelay'],
        'Choose a retry policy.',
        'The retry policy must be an object such as {"policy": "Bounded", "retryNumber": 3, "retryDelay": 10}.',
      ),
    },
  )
  .default({ policy: 'Bounded', retryNumber: DEFAULT_RETRY_NUMBER, retryDelay: DEFAULT_RETRY_DELAY });

const BATCH_SIZE_MESSAGE = 'The batch size must be a whole number of events, at least 1.';
const BATCH_WINDOW_MESSAGE = 'Batch window must be at least 5 seconds.';

export const batchNotifySchema = z.strictObject(
  {
    size: z
      .int({ error: required('Enter the batch size: the most events sent in one call.', BATCH_SIZE_MESSAGE) })
      .min(1, { error: BATCH_SIZE_MESSAGE }),
    timeWindow: z
      .int({ error: 'The batch window must be a whole number of seconds, at least 5.' })
      .min(5, { error: BATCH_WINDOW_MESSAGE })
      .default(DEFAULT_BATCH_WINDOW),
  },
  {
    error: strict(
      ['size', 'timeWindow'],
      'Give the batch size.',
      'batchNotify must be an object such as {"size": 10, "timeWindow": 60}.',
    ),
  },
);
