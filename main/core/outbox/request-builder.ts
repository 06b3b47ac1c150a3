// One HTTP call of a delivery, as the fleet API posts notifications (stellantis-api-notes.md N5, N7): Header
// attributes as headers, Query attributes as query parameters, Body attributes in the payload's attributes[],
// with $vin, $callbackID, $remoteType and $fleetID substituted by the callback rules of domain/callback
// (attribute-values.ts: a whole-value variable only; a batch's distinct values, comma-separated); plus
// authentication and signing. A $vin Query attribute never meets a batch: it turns batching off (batching-rules.ts).
//
// Literal Header values are stored sealed ("••••" in the callback, the value in its secrets): they are opened here,
// at the last moment, and only in memory.
import {
  attributeValue,
  callbackVariables,
  isVariable,
  sentAttributes,
} from '../domain/callback/attribute-values.js';
import type { CallbackAttribute, CallbackSecrets } from '../domain/callback/callback-model.js';
import { openHeaderValues } from '../domain/callback/sealed-headers.js';
import type { CallbackView } from './callback-view.js';
import { activeSigningSecrets, webhookSignature } from './signing.js';

export interface OutgoingDelivery {
  id: string;
  kind: 'event' | 'batch' | 'test';
  vins: string[];
  remoteTypes: string[];
  /** The events[] JSON: a string, or its UTF-8 bytes as stored (a batch's, read where it is sent). */
  eventsJson: string | Buffer;
}

export interface OutgoingRequest {
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** The bytes sent and signed: made once, so neither the signature nor the HTTP client encodes a string again. */
  body: Buffer;
}

export interface RequestContext {
  fleetId: string | null;
  nowMs: number;
  userAgent: string;
}

/** Marks a test notification, in a header and as a Body attribute, so receivers can tell it from real news. */
export const TEST_MARKER_HEADER = 'x-depot-test';
export const TEST_MARKER_ATTRIBUTE = 'depotTest';

function authorization(secrets: CallbackSecrets): string | null {
  const auth = secrets.authentication;
  if (!auth) return null;
  return auth.type === 'Basic'
    ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`
    : `Bearer ${auth.token}`;
}

/**
 * What a callback's calls share, worked out once per callback view and secrets (both are new objects after any
 * change, so the cache cannot serve a stale one): its path, its headers and the JSON of its Body attributes,
 * with `vars` true where a `$variable` makes a part differ per delivery.
 */
interface Template {
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** The Header attributes whose value is a variable (sent per delivery). */
  headerVars: CallbackAttribute[];
  /** `{"callbackId":…,"attributes":[…],"events":` when no Body attribute is a variable, else null. */
  bodyHead: string | null;
  vars: boolean;
  /** With variables: what they made of the path, headers and body head, by the values they had (see varying()). */
  varied: Map<string, Varied>;
}

/** The parts of a call that depend on its variables' values. */
interface Varied {
  path: string;
  headers: [string, string][];
  head: string;
}

/** Variable values remembered per template: a vehicle's Pending and Done events, and most batches, repeat them. */
const VARIED_MAX = 256;

const templates = new WeakMap<CallbackView, WeakMap<CallbackSecrets, Map<boolean, Template>>>();

function templateOf(
  callback: CallbackView,
  secrets: CallbackSecrets,
  test: boolean,
  userAgent: string,
): Template {
  let bySecrets = templates.get(callback);
  if (!bySecrets) {
    bySecrets = new WeakMap();
    templates.set(callback, bySecrets);
  }
  let byKind = bySecrets.get(secrets);
  if (!byKind) {
    byKind = new Map();
    bySecrets.set(secrets, byKind);
  }
  let template = byKind.get(test);
  if (!template || template.headers['user-agent'] !== userAgent) {
    template = makeTemplate(callback, secrets, test, userAgent);
    byKind.set(test, template);
  }
  return template;
}

function makeTemplate(
  callback: CallbackView,
  secrets: CallbackSecrets,
  test: boolean,
  userAgent: string,
): Template {
  if (!callback.url || !callback.origin)
    throw new Error(`The webhook URL ${callback.target} cannot be used.`);
  const opened = openHeaderValues(callback.headers, secrets.headerValues);
  if (opened.missing.length > 0) {
    // Deliveries of such a callback are held (callback-view.ts); this guards a call already on its way.
    throw new Error(
      `The value of header ${opened.missing.join(', ')} was cleared (--forget-secrets): enter it again in the callback.`,
    );
  }
  const headers: Record<string, string> = {};
  // The last attribute of a name wins, as when each is assigned in turn; a variable is filled in per delivery.
  const last = new Map<string, CallbackAttribute>();
  for (const a of opened.headers) {
    headers[a.key] = a.value;
    last.set(a.key, a);
  }
  const headerVars = [...last.values()].filter((a) => isVariable(a.value));
  const auth = authorization(secrets);
  if (auth !== null) {
    // The helper wins over a Header attribute of the same name.
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];
    for (let i = headerVars.length - 1; i >= 0; i--)
      if (headerVars[i]!.key.toLowerCase() === 'authorization') headerVars.splice(i, 1);
    headers.authorization = auth;
  }
  if (test) headers[TEST_MARKER_HEADER] = 'true';
  headers['content-type'] = 'application/json';
  headers['user-agent'] = userAgent;
  for (let i = headerVars.length - 1; i >= 0; i--) {
    // A Header attribute overwritten by content-type or user-agent is not a variable any more.
    const key = headerVars[i]!.key;
    if (key === 'content-type' || key === 'user-agent' || key === TEST_MARKER_HEADER) headerVars.splice(i, 1);
  }
  const bodyVars = callback.body.some((a) => isVariable(a.value));
  return {
    origin: callback.origin,
    path: callback.url.pathname + callback.url.search,
    headers,
    headerVars,
    bodyHead: bodyVars ? null : bodyHeadOf(callback, callback.body, test),
    vars: bodyVars || headerVars.length > 0 || callback.query.length > 0,
    varied: new Map(),
  };
}

function bodyHeadOf(callback: CallbackView, attributes: readonly CallbackAttribute[], test: boolean): string {
  const sent = attributes.map((a) => ({ key: a.key, value: a.value }));
  if (test) sent.push({ key: TEST_MARKER_ATTRIBUTE, value: 'true' });
  return `{"callbackId":${JSON.stringify(callback.id)},"attributes":${JSON.stringify(sent)},"events":`;
}

const CLOSE = Buffer.from('}');

/**
 * The path, Header values and body head a delivery's variables make, remembered by the variables' values: made
 * again for a new vehicle, not for each of its events.
 */
function varying(
  template: Template,
  callback: CallbackView,
  delivery: OutgoingDelivery,
  fleetId: string | null,
  test: boolean,
): Varied {
  const vars = callbackVariables({
    vins: delivery.vins,
    remoteTypes: delivery.remoteTypes,
    callbackId: callback.id,
    fleetId,
  });
  // The key is the variables' values themselves ($callbackID is the template's own); NUL, which none holds,
  // separates them.
  const key = `${vars.$vin}\0${vars.$remoteType}\0${vars.$fleetID}`;
  let varied = template.varied.get(key);
  if (varied) return varied;
  let path = template.path;
  if (callback.query.length > 0) {
    const url = new URL(callback.url!.href);
    for (const a of callback.query) url.searchParams.append(a.key, attributeValue(a.value, vars));
    path = url.pathname + url.search;
  }
  varied = {
    path,
    headers: template.headerVars.map((a) => [a.key, attributeValue(a.value, vars)]),
    head: template.bodyHead ?? bodyHeadOf(callback, sentAttributes(callback.body, vars), test),
  };
  if (template.varied.size >= VARIED_MAX) template.varied.clear();
  template.varied.set(key, varied);
  return varied;
}

export function buildRequest(
  callback: CallbackView,
  delivery: OutgoingDelivery,
  secrets: CallbackSecrets,
  context: RequestContext,
): OutgoingRequest {
  const test = delivery.kind === 'test';
  const template = templateOf(callback, secrets, test, context.userAgent);
  let path = template.path;
  let head = template.bodyHead;
  const headers = { ...template.headers };
  if (template.vars) {
    const varied = varying(template, callback, delivery, context.fleetId, test);
    path = varied.path;
    head = varied.head;
    for (const [key, value] of varied.headers) headers[key] = value;
  }
  // Without a variable the template's head is set; with one it was made above.
  head ??= bodyHeadOf(callback, callback.body, test);
  const events = delivery.eventsJson;
  const body =
    typeof events === 'string'
      ? Buffer.from(`${head}${events}}`)
      : Buffer.concat([Buffer.from(head), events, CLOSE]);

  // webhook-id and webhook-timestamp go on every call (receivers dedupe on the id even unsigned).
  const timestamp = Math.floor(context.nowMs / 1000);
  headers['webhook-id'] = delivery.id;
  headers['webhook-timestamp'] = String(timestamp);
  const signing = activeSigningSecrets(secrets, context.nowMs);
  if (signing.length > 0)
    headers['webhook-signature'] = webhookSignature(delivery.id, timestamp, body, signing);
  return { origin: template.origin, path, headers, body };
}
