// Backups from Settings (issue 18), admins only: the settings and the archives in the backups folder, saving the
// settings, backing up now, and restoring one of the folder's archives (the agent stops its work, restores and
// starts again; the answer comes before the stop).
import { z } from 'zod';
import {
  backupEntrySchema,
  backupSettingsInputSchema,
  backupsOverviewSchema,
  BACKUP_PASSPHRASE_MAX,
  restoreStartedSchema,
} from '../backups.js';
import { defineOperation } from './define.js';

const tags = ['backups'];

export const getBackups = defineOperation({
  name: 'getBackups',
  summary: 'The backup settings (no passphrase), the last result and the backups in the folder (admin)',
  tags,
  http: { method: 'GET', path: '/backups', status: 200 },
  output: backupsOverviewSchema,
  errors: [401, 403],
});

export const putBackupSettings = defineOperation({
  name: 'putBackupSettings',
  summary:
    'Change the backups folder, how many are kept, the daily backup, or the passphrase (admin, audited)',
  description:
    'Only the fields given change. `passphrase` sets or replaces it (it is sealed and never returned); ' +
    '`clearPassphrase: true` removes it (the next backups are not encrypted).',
  tags,
  http: { method: 'PUT', path: '/backups/settings', status: 200 },
  input: { body: backupSettingsInputSchema, headers: { operator: true, reason: true } },
  output: backupsOverviewSchema,
  errors: [400, 401, 403],
  events: ['audit.appended'],
});

export const createBackupNow = defineOperation({
  name: 'createBackupNow',
  summary: 'Back up now into the backups folder (admin, audited)',
  description:
    '409 BACKUP_RUNNING while another backup is written; 503 with the reason when it cannot be written.',
  tags,
  http: { method: 'POST', path: '/backups', status: 201 },
  input: { headers: { operator: true, reason: true } },
  output: backupEntrySchema,
  errors: [401, 403, 409, 503],
  events: ['audit.appended'],
});

export const restoreFromBackup = defineOperation({
  name: 'restoreFromBackup',
  summary: 'Restore a backup of the folder: the agent stops, restores and starts again (admin, audited)',
  description:
    'The archive is proved first (passphrase, checksums, schema not newer): a refusal answers 422 with its code ' +
    'and nothing changes. Then 202, and once the answer is sent the agent stops its work, keeps the current files ' +
    'aside (renamed with the time), restores and starts again; every session must sign in again. 409 ' +
    'RESTORE_RUNNING while another restore is under way.',
  tags,
  http: { method: 'POST', path: '/backups/{name}/restore', status: 202 },
  input: {
    params: z.object({ name: z.string().min(1).max(255) }),
    body: z.strictObject({ passphrase: z.string().min(1).max(BACKUP_PASSPHRASE_MAX).optional() }),
    headers: { operator: true, reason: true },
  },
  output: restoreStartedSchema,
  errors: [400, 401, 403, 404, 409, 422, 503],
});
