// The plain archive's trailer: PLAIN_MAGIC and the SHA-256 of every byte before it (archive-layout.ts).
import { appendFileSync, statSync } from 'node:fs';
import { PLAIN_MAGIC, TRAILER_BYTES } from './archive-layout.js';
import { BackupError } from './backup-error.js';
import { readTail, sha256OfFile } from './file-bytes.js';

export async function appendTrailer(tarFile: string): Promise<void> {
  appendFileSync(tarFile, Buffer.concat([PLAIN_MAGIC, await sha256OfFile(tarFile)]));
}

/**
 * Checks the trailer of a plain archive and returns the length of the tar before it.
 * @throws BackupError ARCHIVE_NOT_A_BACKUP (no trailer: not written by this app), ARCHIVE_DAMAGED (the digest differs)
 */
export async function checkTrailer(plainFile: string, named: string): Promise<number> {
  const size = statSync(plainFile).size;
  if (size <= TRAILER_BYTES) throw new BackupError('ARCHIVE_NOT_A_BACKUP', { file: named });
  const trailer = readTail(plainFile, size, TRAILER_BYTES);
  if (!trailer.subarray(0, PLAIN_MAGIC.length).equals(PLAIN_MAGIC)) {
    throw new BackupError('ARCHIVE_NOT_A_BACKUP', { file: named });
  }
  const tarBytes = size - TRAILER_BYTES;
  if (!(await sha256OfFile(plainFile, tarBytes)).equals(trailer.subarray(PLAIN_MAGIC.length))) {
    throw new BackupError('ARCHIVE_DAMAGED', { file: named, detail: 'the archive checksum does not match' });
  }
  return tarBytes;
}
