// The Standard Webhooks signing secret, a local extension of the callback body: its format, how a new one is
// made, how it may be shown, and its schema.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { coded } from '../coded-issue.js';

const SIGNING_SECRET_MESSAGE = coded('callback.signingSecret');

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

export const signingSecretSchema = z
  .string({ error: SIGNING_SECRET_MESSAGE })
  .refine(isSigningSecret, { error: SIGNING_SECRET_MESSAGE })
  .nullable()
  .optional()
  .describe('Standard Webhooks signing secret (whsec_…). null removes it; absent keeps the current one.');
