// Why a backup or a restore could not be done: a stable code and the values the words need. The core says no
// more; the edge (the agent's commands) turns them into the line a person reads, with the fix.

export type BackupProblem =
  /** Backup: the data folder holds no database. Params: dataDir. */
  | 'BACKUP_NO_DATABASE'
  /** Backup: the copy of the database fails SQLite's check (the live file is damaged). Params: file, detail. */
  | 'BACKUP_SOURCE_DAMAGED'
  /** Backup: the archive cannot be written where asked (no such folder, permissions, disk full). Params: file, detail. */
  | 'ARCHIVE_NOT_WRITABLE'
  /** Restore: the archive cannot be read (missing, a folder, permissions). Params: file, detail. */
  | 'ARCHIVE_UNREADABLE'
  /** Restore: the file is not a Depot Remote backup at all. Params: file. */
  | 'ARCHIVE_NOT_A_BACKUP'
  /** Restore: a checksum does not match or the archive does not parse (altered or damaged). Params: file, detail. */
  | 'ARCHIVE_DAMAGED'
  /** Restore: the archive was written by a newer release in a format this one cannot read. Params: file, format. */
  | 'ARCHIVE_FORMAT_TOO_NEW'
  /** Restore: the archive is encrypted and no passphrase was given. Params: file. */
  | 'PASSPHRASE_MISSING'
  /** Restore: the passphrase does not open the archive (or the encrypted archive was altered). Params: file. */
  | 'PASSPHRASE_WRONG'
  /** Restore: the database in the archive is newer than this build knows. Params: file, archiveVersion, knownVersion. */
  | 'SCHEMA_TOO_NEW'
  /** Restore: a process (a running agent, the desktop app) holds the target's database open. Params: dataDir. */
  | 'TARGET_IN_USE'
  /** Restore: the target folder already holds data and --force was not given. Params: dataDir, files. */
  | 'TARGET_HAS_DATA'
  /** Scheduled or "back up now": the saved passphrase does not open with the agent's key. Params: none. */
  | 'BACKUP_PASSPHRASE_UNREADABLE';

export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly code: BackupProblem,
    readonly params: Readonly<Record<string, string>>,
    options?: { cause?: unknown },
  ) {
    // The code only: the words belong to the edge (main/headless/backup-command.ts).
    super(code, options);
  }
}
