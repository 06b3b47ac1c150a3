// The data folder is made (or found) and checked for writing before anything is put in it, so a folder that
// cannot be used is refused with one line naming it and the way out, instead of a raw ENOTDIR or EACCES later.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultDataDir } from '../core/config/agent-options.js';

export type DataFolderProblem = 'DATA_DIR_NOT_CREATABLE' | 'DATA_DIR_NOT_A_FOLDER' | 'DATA_DIR_NOT_WRITABLE';

/**
 * The data folder as the agent finds it, for the one-off commands (backup, restore, diagnostics, update-info): the
 * flag, else DEPOT_REMOTE_DATA_DIR, else the per-user default.
 */
export function dataDirFrom(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const given = flag ?? env.DEPOT_REMOTE_DATA_DIR;
  return resolve(given === undefined || given === '' ? defaultDataDir(process.platform, env) : given);
}

const CHOOSE = 'choose another folder with --data-dir or DEPOT_REMOTE_DATA_DIR';

export class DataFolderError extends Error {
  override readonly name = 'DataFolderError';

  constructor(
    readonly code: DataFolderProblem,
    readonly dir: string,
    /** What is in the way, in words (e.g. "/srv/depot is a file"). */
    readonly detail: string,
  ) {
    super(
      code === 'DATA_DIR_NOT_WRITABLE'
        ? `The data folder ${dir} is not writable (${detail}): make it writable for this user, or ${CHOOSE}.`
        : code === 'DATA_DIR_NOT_A_FOLDER'
          ? `The data folder ${dir} is a file, not a folder: move that file away, or ${CHOOSE}.`
          : `The data folder ${dir} cannot be created (${detail}): ${CHOOSE}.`,
    );
  }
}

/** The nearest existing ancestor of `dir` when it is a file (what makes mkdir fail with ENOTDIR). */
function fileInTheWay(dir: string): string | null {
  for (let path = dirname(dir); path !== dirname(path); path = dirname(path)) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat) return stat.isDirectory() ? null : path;
  }
  return null;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
};

/** Creates the folder (mode 0700) if needed and checks it takes writes. @throws DataFolderError */
export function prepareDataFolder(dir: string): void {
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new DataFolderError('DATA_DIR_NOT_A_FOLDER', dir, '');
  if (!existing) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
      const blocker = code === 'ENOTDIR' || code === 'EEXIST' ? fileInTheWay(dir) : null;
      throw new DataFolderError(
        'DATA_DIR_NOT_CREATABLE',
        dir,
        blocker ? `${blocker} is a file, not a folder` : (REASONS[code] ?? code),
      );
    }
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new DataFolderError('DATA_DIR_NOT_WRITABLE', dir, REASONS[code] ?? code);
  }
}
