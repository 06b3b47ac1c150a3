// The `callback` object of a callback body (api-b2b.yaml RemoteCallbackSubscribe.callback): one webhook with its
// target, name and attributes.
import { z } from 'zod';
import { ATTRIBUTE_TYPES } from './callback-model.js';
import { coded, shownParams } from '../coded-issue.js';
import { codedProblem, required, strict } from './callback-messages.js';
import {
  VARIABLES,
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
            ? coded('callback.attribute.typeMissing')
            : coded('callback.attribute.type', shownParams(iss.input)),
      }),
      key: z
        .string({ error: required('callback.attribute.keyMissing', 'callback.attribute.keyNotText') })
        .min(1, { error: coded('callback.attribute.keyMissing') }),
      value: z
        .string({
          error: required(
            { rule: 'callback.attribute.valueMissing', params: VARIABLES },
            { rule: 'callback.attribute.valueNotText', params: VARIABLES },
          ),
        })
        .superRefine((value, ctx) => {
          const problem = attributeValueProblem(value);
          if (problem !== null) ctx.addIssue({ code: 'custom', message: codedProblem(problem) });
        }),
    },
    {
      error: strict(['type', 'key', 'value'], 'callback.attribute.missing', 'callback.attribute.notObject'),
    },
  )
  .superRefine(
    (attribute, ctx) => {
      // Runs even when a sibling field failed, so every problem is reported at once; hence the defensive reads.
      const { type, key, value } = attribute as { type?: unknown; key?: unknown; value?: unknown };
      if (type !== 'Header') return;
      const keyProblem = typeof key === 'string' && key !== '' ? headerNameProblem(key) : null;
      if (keyProblem !== null)
        ctx.addIssue({ code: 'custom', path: ['key'], message: codedProblem(keyProblem) });
      // The mask stands for the stored value (a GET → edit → PUT sends it back); the service resolves it.
      const valueProblem =
        typeof value === 'string' && value !== SEALED_MASK ? headerValueProblem(value) : null;
      if (valueProblem !== null)
        ctx.addIssue({ code: 'custom', path: ['value'], message: codedProblem(valueProblem) });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

const webhookSchema = z.strictObject(
  {
    target: targetSchema,
    name: z
      .string({ error: required('callback.webhook.nameMissing', 'callback.webhook.nameNotText') })
      .refine((name) => name.trim() !== '', { error: coded('callback.webhook.nameMissing') }),
    attributes: z.array(attributeSchema, { error: coded('callback.webhook.attributesNotList') }).optional(),
  },
  {
    error: strict(['target', 'name', 'attributes'], 'callback.webhook.missing', 'callback.webhook.notObject'),
  },
);

export const callbackObjectSchema = z.strictObject(
  { webhook: webhookSchema },
  {
    error: strict(['webhook'], 'callback.callback.missing', 'callback.callback.notObject'),
  },
);
