// Standard Webhooks signing (https://www.standardwebhooks.com/): computed when a call is sent, never when the
// delivery is queued, so a rotated secret applies to everything still waiting.
import { createHmac } from 'node:crypto';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';

const keys = new Map<string, Buffer>();

/** The HMAC key of a `whsec_<base64>` secret: the decoded bytes after the prefix. */
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
    if (keys.size > 1000) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/** The secrets to sign with now: the current one, and during a rotation the previous one while still valid. */
export function activeSigningSecrets(secrets: CallbackSecrets, nowMs: number): string[] {
  const active: string[] = [];
  if (secrets.signingSecret) active.push(secrets.signingSecret);
  const previous = secrets.previousSigningSecret;
  if (previous && Date.parse(previous.validUntil) > nowMs && previous.secret !== secrets.signingSecret) {
    active.push(previous.secret);
  }
  return active;
}

/**
 * The `webhook-signature` header value: `v1,<base64 HMAC-SHA256>` of `<id>.<timestamp>.<body>` per secret,
 * space-separated. The body is hashed as the bytes sent (a batch's is tens of kilobytes: no string is made of it).
 */
export function webhookSignature(id: string, timestamp: number, body: Buffer, secrets: string[]): string {
  const prefix = `${id}.${timestamp}.`;
  return secrets
    .map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(prefix).update(body).digest('base64')}`)
    .join(' ');
}
