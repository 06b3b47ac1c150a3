// Reading parts of a file: its SHA-256 as a stream (a database can be large), its first or last bytes.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

/** The digest of `file`'s bytes [0, length) (the whole file when length is absent). */
export async function sha256OfFile(file: string, length?: number): Promise<Buffer> {
  const hash = createHash('sha256');
  if (length === 0) return hash.digest();
  const stream = createReadStream(file, length === undefined ? {} : { start: 0, end: length - 1 });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest();
}

/** `bytes` bytes of `file` from `position` (fewer when the file ends first). */
function readAt(file: string, position: number, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, position));
  } finally {
    closeSync(fd);
  }
}

export const readHead = (file: string, bytes: number): Buffer => readAt(file, 0, bytes);

/** The last `bytes` bytes of a file of `size` bytes. */
export const readTail = (file: string, size: number, bytes: number): Buffer =>
  readAt(file, Math.max(0, size - bytes), bytes);
