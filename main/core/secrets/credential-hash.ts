// Operators' PINs and passwords, kept only as scrypt hashes (Node's crypto.scrypt: memory-hard, no dependency).
// A 6-digit PIN has a million values, so what protects it is the cost of each guess — 32 MiB and tens of
// milliseconds here — plus the lock after a few wrong tries (services/operators-service.ts). The parameters are
// stored with each hash, so they can be raised later without locking anyone out.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { CredentialHasher } from '../ports/credential-hasher.js';

/** N = 2^15, r = 8: 32 MiB per hash (OWASP's minimum for scrypt is N = 2^17 with r = 8 for passwords; a PIN's
 * strength comes from the lock, and the sign-in must stay under a second on a depot PC). */
const DEFAULTS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      secret.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url): never the secret itself. */
export async function hashCredential(secret: string, options: ScryptOptions = DEFAULTS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, options);
  return [
    'scrypt',
    options.N,
    options.r,
    options.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Whether `secret` is the one hashed; false for a malformed hash (never throws on input). */
export async function verifyCredential(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(secret, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The agent's hasher; tests may pass cheaper parameters (never the agent). */
export function scryptHasher(options: ScryptOptions = DEFAULTS): CredentialHasher {
  return { hash: (secret) => hashCredential(secret, options), verify: verifyCredential };
}
