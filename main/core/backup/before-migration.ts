// Before a migration, a backup (issue 18): when the data folder's database is at an older schema than this build's,
// an archive of it is written into the backups folder first (depot-remote-before-schema-<N>-<time>.backup, N the
// schema this build migrates to; not counted in `keep`), so an upgrade that goes wrong can be undone. It runs before
// anything opens the database through openDatabase (which migrates). The caller refuses to start when it throws.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFile } from '../create-core.js';
import { MIGRATIONS } from '../db/index.js';
import { peekDatabase } from '../db/peek-database.js';
import type { SecretBox } from '../ports/secret-box.js';
import { BackupError } from './backup-error.js';
import { backupFileName } from './backup-files.js';
import {
  asStoredBackupSettings,
  backupSettingsOf,
  BACKUPS_PASSPHRASE_KEY,
  BACKUPS_SETTINGS_KEY,
  defaultBackupFolder,
} from './backup-settings.js';
import { createBackup } from './create-backup.js';

function peekSetting(file: string, key: string): unknown {
  try {
    return peekDatabase(file, key).setting;
  } catch {
    return undefined;
  }
}

export interface BeforeMigrationRequest {
  dataDir: string;
  appVersion: string;
  now: Date;
  /** Opens the saved passphrase, so the archive is encrypted like the scheduled ones; absent: written plain. */
  secrets?: SecretBox;
  /** Tests only: the schema this build migrates to (default: the last migration). */
  targetSchemaVersion?: number;
}

export interface BeforeMigrationResult {
  archive: string;
  fromVersion: number;
  toVersion: number;
  encrypted: boolean;
  /** The saved passphrase could not be opened: the archive was written without encryption. */
  passphraseUnreadable: boolean;
}

/**
 * Null when there is nothing to migrate (no database yet, or already at this build's schema; a newer one is the
 * start's own refusal).
 * @throws BackupError (params carry `folder`): ARCHIVE_NOT_WRITABLE, BACKUP_SOURCE_DAMAGED
 */
export async function backupBeforeMigration(
  request: BeforeMigrationRequest,
): Promise<BeforeMigrationResult | null> {
  const file = databaseFile(request.dataDir);
  if (!existsSync(file)) return null;
  const target = request.targetSchemaVersion ?? MIGRATIONS.length;
  let peek;
  try {
    peek = peekDatabase(file, BACKUPS_SETTINGS_KEY);
  } catch {
    // Not SQLite, damaged, locked: the start that follows refuses with the words for it (databaseFileProblem).
    return null;
  }
  // Version 0 is a file nothing was ever written to: nothing to keep.
  if (peek.schemaVersion === 0 || peek.schemaVersion >= target) return null;
  const { folder } = backupSettingsOf(asStoredBackupSettings(peek.setting), request.dataDir, false);

  let passphrase: string | null = null;
  let passphraseUnreadable = false;
  const sealed = peek.schemaVersion > 0 ? peekSetting(file, BACKUPS_PASSPHRASE_KEY) : undefined;
  if (typeof sealed === 'string' && sealed !== '' && request.secrets) {
    try {
      passphrase = await request.secrets.decrypt(sealed);
    } catch {
      // A lost key is the start's own refusal, right after; the backup is still worth having.
      passphraseUnreadable = true;
    }
  }

  const archive = join(folder, backupFileName('before-migration', request.now, target));
  try {
    if (folder === defaultBackupFolder(request.dataDir)) mkdirSync(folder, { recursive: true, mode: 0o700 });
    const result = await createBackup({
      dataDir: request.dataDir,
      archive,
      passphrase,
      appVersion: request.appVersion,
      now: request.now,
    });
    return {
      archive: result.archive,
      fromVersion: peek.schemaVersion,
      toVersion: target,
      encrypted: result.encrypted,
      passphraseUnreadable,
    };
  } catch (error) {
    if (error instanceof BackupError) {
      throw new BackupError(error.code, { ...error.params, folder }, { cause: error });
    }
    const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BackupError('ARCHIVE_NOT_WRITABLE', { file: archive, folder, detail }, { cause: error });
  }
}
