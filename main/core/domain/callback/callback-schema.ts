// Zod schemas of a callback body in the spec form (api-b2b.yaml RemoteCallbackSubscribe; stellantis-api.md §4.1)
// plus Depot Remote's local extensions. No transforms, so `z.toJSONSchema(…, { io: 'input' })` can document
// them in OpenAPI; aliases and the docs' variants (§13) are mapped before these run, in parse-callback.ts.
// Every message is written for a depot technician: zod's default English never reaches the user.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { REMOTE_TYPES } from '../remote-type.js';
import { ATTRIBUTE_TYPES, CALLBACK_VARIABLES } from './callback-model.js';

type RawIssue = { code?: string; input?: unknown };

/** Quotes a received value in a message without dumping a whole object into it. */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

/** Error map for a required field: one message when it is missing, another when it has the wrong type. */
const required = (missing: string, wrong: string) => (iss: RawIssue) =>
  iss.input === undefined ? missing : wrong;

/**
 * Error map for a strict object. `unrecognized_keys` gets the list of allowed fields; parse-callback.ts turns it
 * into one error per unknown key, each naming the key.
 */
const strict = (allowed: readonly string[], missing: string, wrong: string) => (iss: RawIssue) => {
  if (iss.code === 'unrecognized_keys') return `Allowed fields here: ${allowed.join(', ')}.`;
  return iss.input === undefined ? missing : wrong;
};

// ---------------------------------------------------------------------------------------------------------------
// Webhook target

const MAX_URL_LENGTH = 2048;

/** Why `target` is not a usable webhook URL, or null. RFC 3986 `scheme://host[:port][/path]`, http or https. */
export function webhookTargetProblem(target: string): string | null {
  if (target.length > MAX_URL_LENGTH)
    return `The webhook URL is too long (at most ${MAX_URL_LENGTH} characters).`;
  // WHATWG URL silently strips spaces and line breaks; a target that needs that is a typo, not a URL.
  if (/[\s\p{Cc}]/u.test(target)) return 'The webhook URL must not contain spaces or line breaks.';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target)?.[1];
  if (scheme === undefined || !target.slice(scheme.length + 1).startsWith('//')) {
    return 'The webhook URL must be a full address starting with https:// (or http:// for a system on the local network).';
  }
  // Stellantis itself only posts to HTTPS, but a depot system on the local network often speaks plain HTTP.
  if (!['http', 'https'].includes(scheme.toLowerCase())) {
    return `The webhook URL must start with https:// (or http:// for a system on the local network), not ${scheme}://.`;
  }
  const authority = target.slice(scheme.length + 3).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) {
    return 'Do not put a user name or password in the webhook URL: use authentication (Basic or Bearer) or a Header attribute instead.';
  }
  if (target.includes('#')) return 'Remove the #… part from the webhook URL: it is never sent to the server.';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'The webhook URL is not a valid address: check the host name and the port.';
  }
  if (url.hostname === '') return 'The webhook URL needs a host name.';
  return null;
}

const targetSchema = z
  .string({
    error: required(
      'Enter the webhook URL, e.g. https://depot.example.net/stellantis/events.',
      'The webhook URL must be text, e.g. https://depot.example.net/stellantis/events.',
    ),
  })
  .superRefine((target, ctx) => {
    const problem = webhookTargetProblem(target);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('Absolute http(s) URL, RFC 3986 `scheme://host[:port][/path]`, without credentials or fragment.');

// ---------------------------------------------------------------------------------------------------------------
// Attributes

const VARIABLES_TEXT = `${CALLBACK_VARIABLES.slice(0, -1).join(', ')} or ${CALLBACK_VARIABLES.at(-1)}`;

/** RFC 7230 `token`: what an HTTP header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Headers a Header attribute may not set: message framing and hop-by-hop headers belong to the HTTP client
 * (undici refuses several of them outright), and the Standard Webhooks headers are set by the agent when it signs.
 */
const RESERVED_HEADERS = new Map<string, string>([
  ...[
    'host',
    'content-length',
    'content-type',
    'transfer-encoding',
    'connection',
    'keep-alive',
    'proxy-connection',
    'te',
    'trailer',
    'upgrade',
    'expect',
  ].map((name): [string, string] => [
    name,
    'is set by Depot Remote when it delivers and cannot be an attribute.',
  ]),
  ...['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name): [string, string] => [
    name,
    'is a Standard Webhooks header that Depot Remote sets itself: give the callback a signingSecret to sign deliveries.',
  ]),
]);

/** Why `key` cannot be a Header attribute's name, or null. */
export function headerNameProblem(key: string): string | null {
  if (!HEADER_NAME.test(key)) {
    return "Header names may only contain letters, digits and - _ . ! # $ % & ' * + ^ ` | ~ (no spaces or colons).";
  }
  const reserved = RESERVED_HEADERS.get(key.toLowerCase());
  return reserved === undefined ? null : `${key} ${reserved}`;
}

/** Why `value` cannot be sent as an HTTP header value, or null (Node's own rule: tab, printable Latin-1). */
export function headerValueProblem(value: string): string | null {
  if (/[\r\n]/.test(value)) return 'Header values cannot contain line breaks.';
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
    return 'This header value contains a character that cannot be sent in an HTTP header (a control character or a symbol outside Latin-1).';
  }
  return null;
}

/** Why `value` is not a literal or a known variable, or null. A leading `$` always means a variable (§4.1). */
export function attributeValueProblem(value: string): string | null {
  if (!value.startsWith('$') || (CALLBACK_VARIABLES as readonly string[]).includes(value)) return null;
  const sameButCase = CALLBACK_VARIABLES.find((known) => known.toLowerCase() === value.toLowerCase());
  const hint = sameButCase === undefined ? '' : ` (variables are case-sensitive: ${sameButCase})`;
  return `Unknown variable ${value}: use ${VARIABLES_TEXT}${hint}.`;
}

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
      const valueProblem = typeof value === 'string' ? headerValueProblem(value) : null;
      if (valueProblem !== null) ctx.addIssue({ code: 'custom', path: ['value'], message: valueProblem });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

// ---------------------------------------------------------------------------------------------------------------
// Webhook, retry policy, batching, remote types

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

const callbackObjectSchema = z.strictObject(
  { webhook: webhookSchema },
  {
    error: strict(
      ['webhook'],
      'Add callback.webhook with the target URL and a name.',
      'callback must be an object holding the webhook.',
    ),
  },
);

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
// retries earlier, as it does upstream (§12.1).
const retryPolicySchema = z
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

const batchNotifySchema = z.strictObject(
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

const REMOTE_TYPES_MISSING = `Choose at least one remote type this callback receives: ${REMOTE_TYPES.join(', ')}.`;

const remoteTypesSchema = z
  .array(
    z.enum(REMOTE_TYPES, {
      error: (iss) => `Unknown remote type ${show(iss.input)}: use ${REMOTE_TYPES.join(', ')}.`,
    }),
    { error: required(REMOTE_TYPES_MISSING, 'Remote types must be a list, e.g. ["Doors", "Horn"].') },
  )
  .min(1, { error: REMOTE_TYPES_MISSING })
  .superRefine(
    (types, ctx) => {
      const seen = new Set<unknown>();
      (types as unknown[]).forEach((type, index) => {
        if (seen.has(type) && typeof type === 'string') {
          ctx.addIssue({ code: 'custom', path: [index], message: `${type} is listed twice.` });
        }
        seen.add(type);
      });
    },
    { when: (payload) => Array.isArray(payload.value) },
  );

// ---------------------------------------------------------------------------------------------------------------
// Local extensions

const SIGNING_SECRET_MESSAGE =
  'The signing secret must be whsec_ followed by the base64 of 24 to 64 random bytes (Standard Webhooks), or null to remove it.';

/** Standard Webhooks secret: `whsec_` + base64 of 24–64 bytes. */
export function isSigningSecret(value: string): boolean {
  const body = value.startsWith('whsec_') ? value.slice('whsec_'.length) : null;
  if (body === null || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  const bytes = Buffer.from(body, 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

/** A fresh Standard Webhooks signing secret: whsec_ + base64 of 32 random bytes. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * A secret as it may be shown or logged: `whsec_****abcd`. Only the last 4 characters are kept, and only when the
 * secret is long enough (16+ characters after the prefix) that they give nothing useful away.
 */
export function maskSecret(secret: string): string {
  const prefix = secret.startsWith('whsec_') ? 'whsec_' : '';
  const body = secret.slice(prefix.length);
  return `${prefix}****${body.length >= 16 ? body.slice(-4) : ''}`;
}

const signingSecretSchema = z
  .string({ error: SIGNING_SECRET_MESSAGE })
  .refine(isSigningSecret, { error: SIGNING_SECRET_MESSAGE })
  .nullable()
  .optional()
  .describe('Standard Webhooks signing secret (whsec_…). null removes it; absent keeps the current one.');

/** A credential that ends up in an Authorization header. */
const credential = (what: string) =>
  z
    .string({ error: required(`Enter the ${what}.`, `The ${what} must be text.`) })
    .min(1, { error: `Enter the ${what}.` })
    .refine((value) => !/[\r\n]/.test(value), { error: `The ${what} cannot contain line breaks.` });

const authenticationSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject(
        {
          type: z.literal('Basic'),
          username: credential('user name').refine((value) => !value.includes(':'), {
            error: 'The user name cannot contain a colon (:) in Basic authentication.',
          }),
          password: credential('password'),
        },
        {
          error: strict(
            ['type', 'username', 'password'],
            'Basic authentication needs a user name and a password.',
            'Basic authentication needs a user name and a password.',
          ),
        },
      ),
      z.strictObject(
        { type: z.literal('Bearer'), token: credential('token') },
        {
          error: strict(
            ['type', 'token'],
            'Bearer authentication needs a token.',
            'Bearer authentication needs a token.',
          ),
        },
      ),
    ],
    {
      error: (iss) =>
        iss.code === 'invalid_union'
          ? 'The authentication type must be Basic or Bearer.'
          : 'Authentication must be {"type": "Basic", "username", "password"}, {"type": "Bearer", "token"} or null.',
    },
  )
  .nullable()
  .optional()
  .describe('Adds an Authorization header to every delivery. null removes it; absent keeps the current one.');

// ---------------------------------------------------------------------------------------------------------------
// Bodies

const specShape = {
  label: z
    .string({ error: 'The label must be text.' })
    .max(200, { error: 'The label must be at most 200 characters.' })
    .optional(),
  callback: callbackObjectSchema,
  retryPolicy: retryPolicySchema,
  batchNotify: batchNotifySchema.optional(),
  remoteTypes: remoteTypesSchema,
};

const NOT_AN_OBJECT = 'The callback must be a JSON object.';

/** The fleet API's RemoteCallbackSubscribe, spec form only: what is sent upstream and returned as `subscribe`. */
export const callbackSubscribeSchema = z.strictObject(specShape, {
  error: strict(Object.keys(specShape), NOT_AN_OBJECT, NOT_AN_OBJECT),
});

const bodyShape = { ...specShape, signingSecret: signingSecretSchema, authentication: authenticationSchema };

/** Body of POST/PUT /callbacks in the local API: the spec form plus the local extensions. */
export const callbackBodySchema = z
  .strictObject(bodyShape, { error: strict(Object.keys(bodyShape), NOT_AN_OBJECT, NOT_AN_OBJECT) })
  .superRefine(
    (body, ctx) => {
      // Both would set Authorization; refuse rather than pick one silently. Defensive reads: this also runs when
      // other fields failed, so that every problem is reported at once.
      const { authentication, callback } = body as { authentication?: unknown; callback?: unknown };
      const attributes = (callback as { webhook?: { attributes?: unknown } } | undefined)?.webhook
        ?.attributes;
      if (typeof authentication !== 'object' || authentication === null || !Array.isArray(attributes)) return;
      const index = attributes.findIndex((attribute: unknown) => {
        const { type, key } = (attribute ?? {}) as { type?: unknown; key?: unknown };
        return type === 'Header' && typeof key === 'string' && key.toLowerCase() === 'authorization';
      });
      if (index >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['callback', 'webhook', 'attributes', index, 'key'],
          message: 'Authorization is already set by the authentication setting: remove one of the two.',
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** Body of PUT /callbacks/{id}/status. `Failed` is only ever set by the network. */
export const callbackStatusSetterSchema = z.strictObject(
  {
    status: z.enum(['Running', 'Paused'], {
      error: (iss) =>
        iss.input === undefined
          ? 'Give the status: Running or Paused.'
          : `The status must be Running or Paused, not ${show(iss.input)}.`,
    }),
  },
  {
    error: strict(
      ['status'],
      'Give the status: Running or Paused.',
      'The body must be {"status": "Running"}.',
    ),
  },
);
export type CallbackStatusSetter = z.infer<typeof callbackStatusSetterSchema>;
