// The `callback` object of a callback body (api-b2b.yaml RemoteCallbackSubscribe.callback): one webhook with its
// target, name and attributes.
import { z } from 'zod';
import { ATTRIBUTE_TYPES } from './callback-model.js';
import { required, show, strict } from './callback-messages.js';
import {
  VARIABLES_TEXT,
  attributeValueProblem,
  headerNameProblem,
  headerValueProblem,
} from './attribute-rules.js';
import { SEALED_MASK } from './sealed-headers.js';
import { targetSchema } from './webhook-target.js';

const attributeSchema = z
  .strictObject(
    {
      type: z.enum(ATTRIBUTE_TYPES, {
        error: (iss) =>
          iss.input === undefined
            ? 'Choose the attribute type: Header, Body or Query.'
            : `Attribute type must be Header, Body or Query, not ${show(iss.input)}.`,
      }),
      key: z
        .string({ error: required('Enter the attribute key.', 'The attribute key must be text.') })
        .min(1, { error: 'Enter the attribute key.' }),
      value: z
        .string({
          error: required(
            `Enter the attribute value: text, or one of the variables ${VARIABLES_TEXT}.`,
            `The attribute value must be text, or one of the variables ${VARIABLES_TEXT}.`,
          ),
        })
        .superRefine((value, ctx) => {
          const problem = attributeValueProblem(value);
          if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
        }),
    },
    {
      error: strict(
        ['type', 'key', 'value'],
        'Each attribute needs a type, a key and a value.',
        'Each attribute must be an object with a type, a key and a value.',
      ),
    },
  )
  .superRefine(
    (attribute, ctx) => {
      // Runs even when a sibling field failed, so every problem is reported at once; hence the defensive reads.
      const { type, key, value } = attribute as { type?: unknown; key?: unknown; value?: unknown };
      if (type !== 'Header') return;
      const keyProblem = typeof key === 'string' && key !== '' ? headerNameProblem(key) : null;
      if (keyProblem !== null) ctx.addIssue({ code: 'custom', path: ['key'], message: keyProblem });
      // The mask stands for the stored value (a GET → edit → PUT sends it back); the service resolves it.
      const valueProblem =
        typeof value === 'string' && value !== SEALED_MASK ? headerValueProblem(value) : null;
      if (valueProblem !== null) ctx.addIssue({ code: 'custom', path: ['value'], message: valueProblem });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

const webhookSchema = z.strictObject(
  {
    target: targetSchema,
    name: z
      .string({ error: required('Enter a webhook name.', 'The webhook name must be text.') })
      .refine((name) => name.trim() !== '', { error: 'Enter a webhook name.' }),
    attributes: z
      .array(attributeSchema, { error: 'Attributes must be a list of {type, key, value} objects.' })
      .optional(),
  },
  {
    error: strict(
      ['target', 'name', 'attributes'],
      'Add a webhook with its target URL and a name.',
      'The webhook must be an object with a target URL and a name.',
    ),
  },
);

export const callbackObjectSchema = z.strictObject(
  { webhook: webhookSchema },
  {
    error: strict(
      ['webhook'],
      'Add callback.webhook with the target URL and a name.',
      'callback must be an object holding the webhook.',
    ),
  },
);
