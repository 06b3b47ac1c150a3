// The restore a running agent asked for (POST /api/v1/backups/{name}/restore), once the shell has stopped it:
// restoreBackup with --force (the current files kept aside, renamed with the time), then the marker the next start
// audits as `backup.restore`. A restore that fails after the stop puts the kept-aside files back, so the shell
// starts again on the data it had; one log line says why.
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { BackupError } from '../core/backup/backup-error.js';
import { restoreBackup, keptAsideNames } from '../core/backup/restore-backup.js';
import { writeRestoreMarker } from '../core/backup/restore-marker.js';
import { actorRef } from '../core/kernel/actor.js';
import type { AgentLifecycle } from '../core/operations/ports.js';
import type { Logger } from '../core/ports/logger.js';

export type RestoreRequest = Parameters<AgentLifecycle['restoreAndRestart']>[0];

/** The answer must leave before the stop closes the API that sends it. */
export const RESTORE_AFTER_MS = 250;

/** Puts back what a restore at `at` kept aside, where nothing took its place (a restore that stopped half-way). */
export function putBackKeptAside(dataDir: string, at: Date): number {
  let moved = 0;
  for (const { file, keptAs } of keptAsideNames(dataDir, at)) {
    if (existsSync(keptAs) && !existsSync(file)) {
      renameSync(keptAs, file);
      moved++;
    }
  }
  return moved;
}

export async function restoreInPlace(
  dataDir: string,
  request: RestoreRequest,
  logger: Logger,
  now = new Date(),
): Promise<boolean> {
  const archive = basename(request.archive);
  const actor = actorRef(request.actor);
  const base = {
    archive,
    at: now.toISOString(),
    actor,
    reason: request.actor.reason ?? null,
    createdAt: request.manifest.createdAt,
    schemaVersion: request.manifest.schemaVersion,
  };
  try {
    const result = await restoreBackup({
      dataDir,
      archive: request.archive,
      passphrase: request.passphrase,
      force: true,
      now,
    });
    writeRestoreMarker(dataDir, {
      ...base,
      ok: true,
      code: null,
      keptAside: result.keptAside.map(({ keptAs }) => basename(keptAs)),
    });
    logger.info(`restored ${archive} (taken ${request.manifest.createdAt}); starting again`);
    return true;
  } catch (error) {
    const code = error instanceof BackupError ? error.code : 'INTERNAL';
    let putBack = 0;
    try {
      putBack = putBackKeptAside(dataDir, now);
    } catch {
      // Nothing more to do here: the start that follows names what is missing.
    }
    logger.error(
      `restore of ${archive} failed (${code}${error instanceof BackupError ? '' : `: ${(error as Error).message}`}); starting again on the current files${putBack > 0 ? ` (${putBack} put back)` : ''}`,
    );
    writeRestoreMarker(dataDir, { ...base, ok: false, code, keptAside: [] });
    return false;
  }
}
