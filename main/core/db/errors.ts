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
