// What a webhook attribute may hold: a literal or a known variable as its value, and for a Header attribute a
// valid, non-reserved header name and a value HTTP can carry.
import { CALLBACK_VARIABLES } from './callback-model.js';

/** "$vin, $callbackID, $remoteType or $fleetID", for messages. */
export const VARIABLES_TEXT = `${CALLBACK_VARIABLES.slice(0, -1).join(', ')} or ${CALLBACK_VARIABLES.at(-1)}`;

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

/**
 * Why `value` is not a literal or a known variable, or null. A leading `$` always means a variable
 * (stellantis-api-notes.md N7).
 */
export function attributeValueProblem(value: string): string | null {
  if (!value.startsWith('$') || (CALLBACK_VARIABLES as readonly string[]).includes(value)) return null;
  const sameButCase = CALLBACK_VARIABLES.find((known) => known.toLowerCase() === value.toLowerCase());
  const hint = sameButCase === undefined ? '' : ` (variables are case-sensitive: ${sameButCase})`;
  return `Unknown variable ${value}: use ${VARIABLES_TEXT}${hint}.`;
}
