// Errors the database layer raises on open. Each carries a stable `code` so the composition root can turn it
// into a message for the technician (or an exit code for the headless agent) without matching on text.

/** The file was written by a newer Depot Remote: opening it could corrupt data the newer schema relies on. */
export class DatabaseTooNewError extends Error {
  readonly code = 'DB_TOO_NEW';
  override readonly name = 'DatabaseTooNewError';

  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `Database ${file} is at schema version ${fileVersion}, but this version of Depot Remote only knows up to ` +
        `version ${knownVersion}. Update Depot Remote, or point it at another data directory; the file was left untouched.`,
    );
  }
}

/** A migration failed (or the migration list itself is malformed); nothing was applied. */
export class MigrationError extends Error {
  readonly code = 'DB_MIGRATION_FAILED';
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    /** The migration that failed, when one did (absent for a malformed list). */
    readonly version?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Why a database file cannot be used; each names the file and what to do about it. */
export type DatabaseFileProblem =
  /** Not an SQLite file at all (a wrong file copied in, or overwritten). */
  | 'DB_NOT_SQLITE'
  /** An SQLite file whose pages are missing or damaged (a truncated copy, a failing disk). */
  | 'DB_CORRUPT'
  /** Zero bytes although the data folder was in use before: data was lost, recreating it would hide that. */
  | 'DB_EMPTY_WITH_STATE'
  /** The file or its folder refuses writes (read-only file system, permissions). */
  | 'DB_NOT_WRITABLE';

const FILE_PROBLEM_TEXT: Record<DatabaseFileProblem, (file: string, detail: string) => string> = {
  DB_NOT_SQLITE: (file, detail) =>
    `Database ${file} is not an SQLite database${detail}. Restore it from a backup, or move it aside to start with an empty database.`,
  DB_CORRUPT: (file, detail) =>
    `Database ${file} is damaged${detail}. Restore it from a backup, or move it aside to start with an empty database.`,
  DB_EMPTY_WITH_STATE: (file) =>
    `Database ${file} is empty (0 bytes) although its folder was already in use: its data was lost (an interrupted copy or a full disk?). ` +
    'Restore it from a backup, or delete it to start with an empty database.',
  DB_NOT_WRITABLE: (file, detail) =>
    `Database ${file} cannot be written${detail}. Make it and its folder writable, or choose another data folder with --data-dir.`,
};

/** The database file cannot be opened as it is; the file was left untouched. */
export class DatabaseFileError extends Error {
  override readonly name = 'DatabaseFileError';

  constructor(
    readonly code: DatabaseFileProblem,
    readonly file: string,
    /** What SQLite or the check found, for the message (e.g. "file is not a database"). */
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(FILE_PROBLEM_TEXT[code](file, detail ? ` (${detail})` : ''), options);
  }
}

/**
 * A write was refused because the disk (or the database's size limit) is full. Nothing of the write was kept;
 * the same write succeeds once there is room again.
 */
export class StorageFullError extends Error {
  readonly code = 'DISK_FULL';
  override readonly name = 'StorageFullError';

  constructor(
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`No space left to write to ${file}: free space on its disk; writes resume by themselves.`, options);
  }
}

/**
 * Committed, but the WAL holding the commit could not be synced to the disk (Db.deferSync): it may not survive a
 * power loss, so what it stored is not acknowledged.
 */
export class WalSyncError extends Error {
  readonly code = 'DB_SYNC_FAILED';
  override readonly name = 'WalSyncError';

  constructor(
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Writes to ${file} could not be synced to its disk: check the disk; they are not acknowledged.`,
      options,
    );
  }
}
