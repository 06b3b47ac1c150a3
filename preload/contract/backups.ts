// Backups as the local API answers them (issue 18): the `backups` settings (the passphrase never leaves the agent:
// only whether one is set), the last result of a backup, and the archives in the backups folder.
import { z } from 'zod';

export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 365;
export const DEFAULT_BACKUP_KEEP = 7;
/** A passphrase shorter than this protects little: scrypt slows guessing, it cannot make "1234" strong. */
export const BACKUP_PASSPHRASE_MIN = 8;
export const BACKUP_PASSPHRASE_MAX = 1024;

/** scheduled: the daily backup (counted in `keep`); manual: "Back up now"; before-migration: taken at an upgrade. */
export const BACKUP_KINDS = ['scheduled', 'manual', 'before-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const backupSettingsSchema = z.object({
  folder: z.string().describe('Absolute path of the folder the backups are written to'),
  keep: z.number().int().min(BACKUP_KEEP_MIN).max(BACKUP_KEEP_MAX).describe('Scheduled backups kept'),
  enabled: z.boolean().describe('One scheduled backup a day'),
  passphraseSet: z.boolean().describe('The backups are encrypted with a passphrase (never shown)'),
});
export type BackupSettingsDto = z.infer<typeof backupSettingsSchema>;

export const backupSettingsInputSchema = z.strictObject({
  folder: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'), {
      message: 'an absolute path',
    })
    .optional(),
  keep: z.number().int().min(BACKUP_KEEP_MIN).max(BACKUP_KEEP_MAX).optional(),
  enabled: z.boolean().optional(),
  /** A new passphrase (absent: keep the current one). */
  passphrase: z.string().min(BACKUP_PASSPHRASE_MIN).max(BACKUP_PASSPHRASE_MAX).optional(),
  /** true: forget the passphrase (the next backups are not encrypted). */
  clearPassphrase: z.boolean().optional(),
});
export type BackupSettingsInputDto = z.infer<typeof backupSettingsInputSchema>;

export const backupEntrySchema = z.object({
  name: z.string().describe('The file name in the backups folder'),
  createdAt: z.string().describe('When it was taken (UTC, ISO 8601, from its name)'),
  bytes: z.number().int().nonnegative(),
  encrypted: z.boolean(),
  kind: z.enum(BACKUP_KINDS),
});
export type BackupEntryDto = z.infer<typeof backupEntrySchema>;

export const backupResultSchema = z.object({
  at: z.string().describe('When it ended (UTC)'),
  kind: z.enum(BACKUP_KINDS),
  ok: z.boolean(),
  /** The archive written, when ok. */
  name: z.string().nullable(),
  /** Why it failed: a code of the errors catalog, and its values. */
  code: z.string().nullable(),
  params: z.record(z.string(), z.string()),
});
export type BackupResultDto = z.infer<typeof backupResultSchema>;

export const backupsOverviewSchema = z.object({
  settings: backupSettingsSchema,
  /** The last backup's outcome since the agent started (null: none yet). */
  lastResult: backupResultSchema.nullable(),
  /** A backup is being written now. */
  running: z.boolean(),
  /** Newest first. */
  backups: z.array(backupEntrySchema),
});
export type BackupsOverviewDto = z.infer<typeof backupsOverviewSchema>;

export const restoreStartedSchema = z.object({
  name: z.string(),
  /** The manifest's time and schema: what the agent comes back with. */
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
});
export type RestoreStartedDto = z.infer<typeof restoreStartedSchema>;
