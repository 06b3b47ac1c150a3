// Headless secret storage: AES-256-GCM with a random key kept in <data-dir>/secret.key (mode 0600).
// Protects secrets in the database file and its backups; a reader of the data dir itself can decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from '../ports/secret-box.js';

const PREFIX = 'kf1:';
const KEY_BYTES = 32;

export class SecretKeyFileError extends Error {}

function loadOrCreateKey(file: string): Buffer {
  if (!existsSync(file)) {
    const key = randomBytes(KEY_BYTES);
    writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new SecretKeyFileError(
      `${file} is not a valid secret key (expected ${KEY_BYTES} bytes in base64). ` +
        'Restore it from a backup: the stored secrets cannot be read without it.',
    );
  }
  chmodSync(file, 0o600);
  return key;
}

export function createKeyFileSecretBox(dataDir: string): SecretBox {
  const key = loadOrCreateKey(join(dataDir, 'secret.key'));
  return {
    kind: 'key-file',
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new SecretKeyFileError('Unknown secret format');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
