// How a callback's notifications are delivered (api-b2b.yaml CallbackSubscribe.retryPolicy and .batchNotify):
// retries after a failed delivery, and batching of events into one call.
import { z } from 'zod';
import { coded, shownParams } from '../coded-issue.js';
import { required, strict } from './callback-messages.js';

/** Spec field defaults (CallbackSubscribe.retryPolicy). */
export const DEFAULT_RETRY_NUMBER = 3;
export const DEFAULT_RETRY_DELAY = 10;
/** Spec field default (CallbackSubscribe.batchNotify.timeWindow). */
export const DEFAULT_BATCH_WINDOW = 60;

const RETRY_NUMBER_MESSAGE = coded('callback.retry.number');
const RETRY_DELAY_MESSAGE = coded('callback.retry.delay');

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
            ? coded('callback.retry.policyMissing')
            : coded('callback.retry.policy', shownParams(iss.input)),
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
        'callback.retry.missing',
        'callback.retry.notObject',
      ),
    },
  )
  .default({ policy: 'Bounded', retryNumber: DEFAULT_RETRY_NUMBER, retryDelay: DEFAULT_RETRY_DELAY });

const BATCH_SIZE_MESSAGE = coded('callback.batch.size');
const BATCH_WINDOW_MESSAGE = coded('callback.batch.windowMin');

export const batchNotifySchema = z.strictObject(
  {
    size: z
      .int({ error: required('callback.batch.sizeMissing', 'callback.batch.size') })
      .min(1, { error: BATCH_SIZE_MESSAGE }),
    timeWindow: z
      .int({ error: coded('callback.batch.window') })
      .min(5, { error: BATCH_WINDOW_MESSAGE })
      .default(DEFAULT_BATCH_WINDOW),
  },
  {
    error: strict(['size', 'timeWindow'], 'callback.batch.missing', 'callback.batch.notObject'),
  },
);
