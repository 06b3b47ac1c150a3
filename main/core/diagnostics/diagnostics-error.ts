// Why a support bundle could not be made: a code and its values (the command words it, with the fix).

export type DiagnosticsProblem =
  /** The data folder does not exist (`dir`). */
  | 'DATA_DIR_MISSING'
  /** The data folder is a file (`dir`). */
  | 'DATA_DIR_NOT_A_FOLDER'
  /** A file of the data folder cannot be read (`file`, `reason`). */
  | 'FILE_UNREADABLE'
  /** The bundle cannot be written (`file`, `reason`). */
  | 'OUTPUT_NOT_WRITABLE';

/** What an OS error code says, in a word the command can render ('disk-full', 'permission'…); else the code. */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'disk-full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission';
  if (code === 'ENOENT') return 'missing';
  if (code === 'EISDIR') return 'is-a-folder';
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  return typeof code === 'string' ? code : 'unknown';
}

export class DiagnosticsError extends Error {
  override readonly name = 'DiagnosticsError';

  constructor(
    readonly code: DiagnosticsProblem,
    readonly params: { dir?: string; file?: string; reason?: string },
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
  }
}
