// At start, before anything migrates the database: the pre-migration backup (main/core/backup/before-migration.ts),
// and the start-up refusal when it cannot be written — an upgrade never migrates without a way back.
import { BackupError } from '../core/backup/backup-error.js';
import { backupBeforeMigration } from '../core/backup/before-migration.js';
import type { Logger } from '../core/ports/logger.js';
import type { SecretBox } from '../core/ports/secret-box.js';
import { backupProblemText } from './backup-command.js';
import { packageVersion } from './package-version.js';
import { AgentStartError } from './start-agent.js';

export async function backUpBeforeMigrating(
  dataDir: string,
  logger: Logger,
  now: Date,
  secrets?: SecretBox,
): Promise<void> {
  let result;
  try {
    result = await backupBeforeMigration({
      dataDir,
      appVersion: packageVersion(),
      now,
      ...(secrets ? { secrets } : {}),
    });
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    const folder = error.params.folder ?? dataDir;
    if (error.code === 'ARCHIVE_NOT_WRITABLE') {
      throw new AgentStartError(
        `Depot Remote backs up the database before updating it, but cannot write the backup to ${folder} (${error.params.detail ?? 'unknown'}): free space there or let this user write to it (or create the folder), then start again. Nothing was changed.`,
      );
    }
    throw new AgentStartError(`${backupProblemText(error)} The database was not updated.`);
  }
  if (!result) return;
  logger.info(
    `database at schema ${result.fromVersion}, this release uses ${result.toVersion}: backed up first to ${result.archive}`,
  );
  if (result.passphraseUnreadable) {
    logger.warn('the backup passphrase could not be opened: the pre-migration backup is not encrypted');
  }
}
