// The `backups` settings (issue 18), kept in the database's settings table apart from the agent's own: where the
// backups go, how many scheduled ones are kept, whether the daily one runs, and the passphrase, sealed with the
// core's SecretBox like the Stellantis password and never returned (only whether one is set).
import { join } from 'node:path';
import { DEFAULT_BACKUP_KEEP, type BackupSettingsDto } from '../../../preload/contract/backups.js';

export const BACKUPS_SETTINGS_KEY = 'backups';
// Kept with the other sealed settings' keys: the start-up's check of sealed values (secrets/) reads it too.
export { BACKUPS_PASSPHRASE_KEY } from '../config/stored-settings.js';

/** What is stored under BACKUPS_SETTINGS_KEY: only what was set (the defaults follow the data folder). */
export interface StoredBackupSettings {
  folder?: string;
  keep?: number;
  enabled?: boolean;
}

export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups');

export function backupSettingsOf(
  stored: StoredBackupSettings | null | undefined,
  dataDir: string,
  passphraseSet: boolean,
): BackupSettingsDto {
  return {
    folder: stored?.folder ?? defaultBackupFolder(dataDir),
    keep: stored?.keep ?? DEFAULT_BACKUP_KEEP,
    enabled: stored?.enabled ?? true,
    passphraseSet,
  };
}

/** A stored value read back loosely (a hand-edited or older row must not stop the agent). */
export function asStoredBackupSettings(value: unknown): StoredBackupSettings {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.folder === 'string' && v.folder !== '' ? { folder: v.folder } : {}),
    ...(typeof v.keep === 'number' && Number.isInteger(v.keep) && v.keep >= 1 ? { keep: v.keep } : {}),
    ...(typeof v.enabled === 'boolean' ? { enabled: v.enabled } : {}),
  };
}
