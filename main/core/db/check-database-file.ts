// Looks at an existing database file before SQLite opens it, so a file that cannot be the app's database is refused
// with its reason instead of being silently recreated (zero bytes) or failing later with a raw SQLite error
// (truncated). Reads only; the file is left exactly as it was.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DatabaseFileError } from './errors.js';
import { SPACE_PROBE_FILE } from './write-guard.js';

const HEADER_BYTES = 100;
const MAGIC = 'SQLite format 3\0';

/** Files that belong to the database itself (or to its probe), not to the folder's other state. */
function isDatabaseCompanion(name: string, dbName: string): boolean {
  return (
    name === SPACE_PROBE_FILE ||
    name === dbName ||
    ['-wal', '-shm', '-journal'].some((suffix) => name === dbName + suffix)
  );
}

/**
 * Whether the folder held anything besides the database before `startedAt` (api-token, secret.key, logs…): then
 * it was in use, and an empty database means lost data rather than a new installation.
 */
function folderInUseBefore(file: string, startedAt: number): boolean {
  const dir = dirname(file);
  const dbName = basename(file);
  return readdirSync(dir).some((name) => {
    if (isDatabaseCompanion(name, dbName)) return false;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (!stat) return false;
    // Birth time where the file system keeps it: a file this start created does not count, whenever it changed.
    const created = stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
    return created < startedAt;
  });
}

/**
 * @throws DatabaseFileError when the file is zero bytes in a folder already in use, is not SQLite, or is shorter
 *   than its own header says (truncated).
 */
export function checkDatabaseFile(file: string, startedAt: number): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) return;
  if (stat.size === 0) {
    if (folderInUseBefore(file, startedAt)) throw new DatabaseFileError('DB_EMPTY_WITH_STATE', file);
    return;
  }
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (read < HEADER_BYTES || header.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new DatabaseFileError('DB_NOT_SQLITE', file, `no SQLite header; ${stat.size} bytes`);
  }
  // A WAL (or hot journal) beside it still holds pages the file lacks (a checkpoint the disk stopped half-way):
  // SQLite completes the file from it, so the file alone says nothing.
  if (
    ['-wal', '-journal'].some((suffix) => (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0) > 0)
  ) {
    return;
  }
  // The header's page count is trustworthy only when its "valid for" counter matches the change counter.
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countValid && pageSize >= 512 && stat.size < pageCount * pageSize) {
    throw new DatabaseFileError(
      'DB_CORRUPT',
      file,
      `truncated: ${stat.size} bytes where its header announces ${pageCount * pageSize}`,
    );
  }
}
