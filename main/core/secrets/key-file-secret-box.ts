// Headless secret storage: AES-256-GCM with a random key kept in <data-dir>/secret.key (mode 0600).
// Protects secrets in the database file and its backups; a reader of the data dir itself can decrypt.
//
// Making the box writes nothing: the key is read when first needed, and written only by prepareKey() (at a first
// start, once the start-up check found no sealed value in the database), by the first encrypt(), or by renewKey()
// (--forget-secrets). decrypt() never writes one: a missing key over sealed data is an error, not a fresh start.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from '../ports/secret-box.js';
import { SecretKeyError } from './secret-key-error.js';

export const KEY_FILE_NAME = 'secret.key';
export const KEY_FILE_PREFIX = 'kf1:';
const KEY_BYTES = 32;
/** 32 bytes in standard base64: 43 characters and one `=`. */
const KEY_TEXT = /^[A-Za-z0-9+/]{43}=$/;

/** The key in the file, null when there is no file; SECRET_KEY_MALFORMED when it is not a key. */
function readKey(file: string): Buffer | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8').trim();
  if (!KEY_TEXT.test(text)) throw new SecretKeyError('SECRET_KEY_MALFORMED', file);
  chmodSync(file, 0o600);
  return Buffer.from(text, 'base64');
}

function writeNewKey(file: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  try {
    writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    // Another process of this data folder wrote it first: use that one.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file)!;
    throw err;
  }
}

/** A file-system-safe stamp: 2026-01-02T03-04-05-678Z. */
const stamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

export type KeyFileSecretBox = SecretBox & Required<Pick<SecretBox, 'keyFile' | 'prepareKey' | 'renewKey'>>;

export function createKeyFileSecretBox(dataDir: string): KeyFileSecretBox {
  const file = join(dataDir, KEY_FILE_NAME);
  let key: Buffer | null = null;
  const existing = (): Buffer | null => (key ??= readKey(file));
  const existingOrNew = (): Buffer => (key ??= readKey(file) ?? writeNewKey(file));

  return {
    kind: 'key-file',
    keyFile: file,
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', existingOrNew(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return KEY_FILE_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(sealed) {
      if (!sealed.startsWith(KEY_FILE_PREFIX)) {
        throw new SecretKeyError(
          'SECRETS_UNREADABLE',
          null,
          sealed.startsWith('ss1:')
            ? 'they were sealed by the desktop app with the system keychain; the headless agent cannot open them'
            : 'a value is in no known sealed format',
        );
      }
      const current = existing();
      if (!current) throw new SecretKeyError('SECRET_KEY_MISSING', file);
      const raw = Buffer.from(sealed.slice(KEY_FILE_PREFIX.length), 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', current, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        // GCM authenticates: a value that does not open was sealed with another key (or altered).
        throw new SecretKeyError('SECRET_KEY_WRONG', file);
      }
    },
    async prepareKey() {
      existingOrNew();
    },
    async renewKey(at) {
      let keptAs: string | null = null;
      if (existsSync(file)) {
        // Kept aside rather than deleted: it may still open an older backup of the database.
        keptAs = `${file}.replaced-${stamp(at)}`;
        renameSync(file, keptAs);
      }
      key = null;
      key = writeNewKey(file);
      return keptAs;
    },
  };
}
