// Backups from Settings (issue 18): the core's backup service behind the operations, and the restore handed to
// the shell (AgentLifecycle) once the archive is proved: the shell stops the agent, restores and starts again.
import type { BackupService } from '../backup/backup-service.js';
import { ServiceError } from '../kernel/service-error.js';
import type { AgentLifecycle, OperationHandlers } from './ports.js';

export function backupHandlers(
  backups: BackupService,
  lifecycle: AgentLifecycle | undefined,
): Pick<OperationHandlers, 'getBackups' | 'putBackupSettings' | 'createBackupNow' | 'restoreFromBackup'> {
  return {
    getBackups: (_input, { actor }) => backups.overview(actor),
    putBackupSettings: ({ body }, { actor }) => backups.saveSettings(body, actor),
    createBackupNow: (_input, { actor }) => backups.backupNow(actor),
    restoreFromBackup: async ({ name, body }, { actor }) => {
      const passphrase = body.passphrase ?? null;
      // Proved before anything else, so every refusal (and the admin check) comes with nothing changed.
      const { archive, manifest } = await backups.prepareRestore(name, passphrase, actor);
      if (!lifecycle) throw new ServiceError(503, 'RESTORE_UNAVAILABLE');
      if (!lifecycle.restoreAndRestart({ archive, passphrase, actor, manifest })) {
        throw new ServiceError(409, 'RESTORE_RUNNING');
      }
      return {
        name,
        createdAt: manifest.createdAt,
        schemaVersion: manifest.schemaVersion,
        appVersion: manifest.appVersion,
      };
    },
  };
}
