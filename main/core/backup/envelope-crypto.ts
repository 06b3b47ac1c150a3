// Encrypts a whole archive with a passphrase: AES-256-GCM (authenticated: a wrong passphrase and a changed byte are
// both refused) under a key derived with scrypt from the passphrase and a random salt. The header (magic, scrypt
// parameters, salt, IV) is authenticated too, as additional data.
//
// Layout: ENCRYPTED_MAGIC | log2(N) | r | p | salt (16) | IV (12) | ciphertext | tag (16).
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './backup-error.js';
import { readHead, readTail } from './file-bytes.js';

export const ENCRYPTED_MAGIC = Buffer.from('DRBKENC1', 'latin1');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = ENCRYPTED_MAGIC.length + 3 + SALT_BYTES + IV_BYTES;
/** 2^15 × 8: 32 MiB and a fraction of a second per attempt, OWASP's floor for scrypt. */
const WRITE_PARAMS = { logN: 15, r: 8, p: 1 };
/** What a header may ask of the reader before it is authenticated (a forged one must not exhaust the memory). */
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;

function deriveKey(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export function isEncryptedArchive(file: string): boolean {
  return readHead(file, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC);
}

export async function encryptFile(plainFile: string, outFile: string, passphrase: string): Promise<void> {
  const { logN, r, p } = WRITE_PARAMS;
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([ENCRYPTED_MAGIC, Buffer.from([logN, r, p]), salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, logN, r, p), iv);
  cipher.setAAD(header);
  const out = createWriteStream(outFile, { mode: 0o600 });
  out.write(header);
  await pipeline(createReadStream(plainFile), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) =>
    out.end(cipher.getAuthTag(), () => resolve()).on('error', reject),
  );
}

/**
 * Decrypts `file` into `outFile`. What is written is trusted only once this resolves: GCM checks the tag at the end.
 * @throws BackupError PASSPHRASE_WRONG (a wrong passphrase, or an altered file: GCM cannot tell them apart),
 *   ARCHIVE_DAMAGED when the header itself cannot be right.
 */
export async function decryptFile(file: string, outFile: string, passphrase: string): Promise<void> {
  const size = statSync(file).size;
  const header = readHead(file, HEADER_BYTES);
  const damaged = (detail: string) => new BackupError('ARCHIVE_DAMAGED', { file, detail });
  if (size <= HEADER_BYTES + TAG_BYTES) throw damaged('shorter than its header');
  const at = ENCRYPTED_MAGIC.length;
  const [logN, r, p] = [header[at]!, header[at + 1]!, header[at + 2]!];
  if (logN < 10 || logN > MAX_LOG_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) {
    throw damaged('key derivation parameters out of range');
  }
  const salt = header.subarray(at + 3, at + 3 + SALT_BYTES);
  const iv = header.subarray(at + 3 + SALT_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt, logN, r, p), iv);
  decipher.setAAD(header);
  decipher.setAuthTag(readTail(file, size, TAG_BYTES));
  const body = createReadStream(file, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 });
  try {
    await pipeline(body, decipher, createWriteStream(outFile, { mode: 0o600 }));
  } catch (error) {
    if (error instanceof Error && /unable to authenticate|bad decrypt/i.test(error.message)) {
      throw new BackupError('PASSPHRASE_WRONG', { file }, { cause: error });
    }
    throw error;
  }
}
