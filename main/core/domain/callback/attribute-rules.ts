// What a webhook attribute may hold: a literal or a known variable as its value, and for a Header attribute a
// valid, non-reserved header name and a value HTTP can carry.
import { listParam } from '../coded-issue.js';
import type { FieldError } from '../field-error.js';
import { CALLBACK_VARIABLES } from './callback-model.js';

/** "$vin, $callbackID, $remoteType or $fleetID" in a message (the edge joins them with the reader's "or"). */
export const VARIABLES = { variablesOrList: listParam(CALLBACK_VARIABLES) } as const;

type Problem = Omit<FieldError, 'field'>;

/** RFC 7230 `token`: what an HTTP header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Headers a Header attribute may not set: message framing and hop-by-hop headers belong to the HTTP client
 * (undici refuses several of them outright), and the Standard Webhooks headers are set by the agent when it signs.
 */
const RESERVED_HEADERS = new Map<string, Problem['rule']>([
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
  ].map((name): [string, Problem['rule']] => [name, 'callback.header.reserved']),
  ...['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name): [string, Problem['rule']] => [
    name,
    'callback.header.standardWebhooks',
  ]),
]);

/** Why `key` cannot be a Header attribute's name, or null. */
export function headerNameProblem(key: string): Problem | null {
  if (!HEADER_NAME.test(key)) return { rule: 'callback.header.nameCharacters' };
  const reserved = RESERVED_HEADERS.get(key.toLowerCase());
  return reserved === undefined ? null : { rule: reserved, params: { key } };
}

/** Why `value` cannot be sent as an HTTP header value, or null (Node's own rule: tab, printable Latin-1). */
export function headerValueProblem(value: string): Problem | null {
  if (/[\r\n]/.test(value)) return { rule: 'callback.header.valueLineBreak' };
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) return { rule: 'callback.header.valueCharacter' };
  return null;
}

/**
 * Why `value` is not a literal or a known variable, or null. A leading `$` always means a variable
 * (stellantis-api-notes.md N7).
 */
export function attributeValueProblem(value: string): Problem | null {
  if (!value.startsWith('$') || (CALLBACK_VARIABLES as readonly string[]).includes(value)) return null;
  const sameButCase = CALLBACK_VARIABLES.find((known) => known.toLowerCase() === value.toLowerCase());
  return sameButCase === undefined
    ? { rule: 'callback.attribute.unknownVariable', params: { value, ...VARIABLES } }
    : { rule: 'callback.attribute.variableCase', params: { value, ...VARIABLES, known: sameButCase } };
}
