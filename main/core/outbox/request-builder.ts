// One HTTP call of a delivery, as the fleet API posts notifications (stellantis-api-notes.md N5, N7): Header
// attributes as headers, Query attributes as query parameters, Body attributes in the payload's attributes[],
// with $vin, $callbackID, $remoteType and $fleetID substituted by the callback rules of domain/callback
// (attribute-values.ts: a whole-value variable only; a batch's distinct values, comma-separated); plus
// authentication and signing. A $vin Query attribute never meets a batch: it turns batching off (batching-rules.ts).
//
// Literal Header values are stored sealed ("••••" in the callback, the value in its secrets): they are opened here,
// at the last moment, and only in memory.
import { attributeValue, callbackVariables } from '../domain/callback/attribute-values.js';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';
import { openHeaderValues } from '../domain/callback/sealed-headers.js';
import type { CallbackView } from './callback-view.js';
import { activeSigningSecrets, webhookSignature } from './signing.js';

export interface OutgoingDelivery {
  id: string;
  kind: 'event' | 'batch' | 'test';
  vins: string[];
  remoteTypes: string[];
  eventsJson: string;
}

export interface OutgoingRequest {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: string;
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

export function buildRequest(
  callback: CallbackView,
  delivery: OutgoingDelivery,
  secrets: CallbackSecrets,
  context: RequestContext,
): OutgoingRequest {
  if (!callback.url || !callback.origin)
    throw new Error(`The webhook URL ${callback.target} cannot be used.`);
  const vars = callbackVariables({
    vins: delivery.vins,
    remoteTypes: delivery.remoteTypes,
    callbackId: callback.id,
    fleetId: context.fleetId,
  });

  let path = callback.url.pathname + callback.url.search;
  if (callback.query.length > 0) {
    const url = new URL(callback.url.href);
    for (const a of callback.query) url.searchParams.append(a.key, attributeValue(a.value, vars));
    path = url.pathname + url.search;
  }

  const attributes = callback.body.map((a) => ({ key: a.key, value: attributeValue(a.value, vars) }));
  if (delivery.kind === 'test') attributes.push({ key: TEST_MARKER_ATTRIBUTE, value: 'true' });
  const body = `{"callbackId":${JSON.stringify(callback.id)},"attributes":${JSON.stringify(attributes)},"events":${delivery.eventsJson}}`;

  const opened = openHeaderValues(callback.headers, secrets.headerValues);
  if (opened.missing.length > 0) {
    // Deliveries of such a callback are held (callback-view.ts); this guards a call already on its way.
    throw new Error(
      `The value of header ${opened.missing.join(', ')} was cleared (--forget-secrets): enter it again in the callback.`,
    );
  }
  const headers: Record<string, string> = {};
  for (const a of opened.headers) headers[a.key] = attributeValue(a.value, vars);
  const auth = authorization(secrets);
  if (auth !== null) {
    // The helper wins over a Header attribute of the same name.
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];
    headers.authorization = auth;
  }
  if (delivery.kind === 'test') headers[TEST_MARKER_HEADER] = 'true';
  headers['content-type'] = 'application/json';
  headers['user-agent'] = context.userAgent;

  // webhook-id and webhook-timestamp go on every call (receivers dedupe on the id even unsigned).
  const timestamp = Math.floor(context.nowMs / 1000);
  headers['webhook-id'] = delivery.id;
  headers['webhook-timestamp'] = String(timestamp);
  const signing = activeSigningSecrets(secrets, context.nowMs);
  if (signing.length > 0)
    headers['webhook-signature'] = webhookSignature(delivery.id, timestamp, body, signing);
  return { origin: callback.origin, path, headers, body };
}
