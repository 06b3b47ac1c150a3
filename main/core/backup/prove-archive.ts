// Proves an archive would restore, changing nothing: it opens with the passphrase, every checksum matches, and its
// database is intact and not newer than this build. The restore from the UI runs this before it answers 202 and
// stops anything, so a refusal (wrong passphrase, damage, too new) leaves the running agent as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inspectDatabaseCopy, MIGRATIONS } from '../db/index.js';
import { DATABASE_MEMBER, type BackupManifest } from './archive-layout.js';
import { BackupError } from './backup-error.js';
import { unpackBackup } from './unpack-backup.js';

/**
 * Unpacks the archive into `dir` and checks what it holds: its database is intact, the version its manifest says,
 * and not newer than `knownSchemaVersion`. Shared by the proof below and the restore itself (restore-backup.ts).
 * @throws BackupError the archive's refusals (unpackBackup), SCHEMA_TOO_NEW, ARCHIVE_DAMAGED
 */
export async function unpackProved(
  archive: string,
  dir: string,
  passphrase: string | null,
  knownSchemaVersion: number,
): Promise<{ manifest: BackupManifest; encrypted: boolean }> {
  const { manifest, encrypted } = await unpackBackup(archive, dir, passphrase);
  const copy = inspectDatabaseCopy(join(dir, DATABASE_MEMBER));
  // The file's own version decides (the manifest's could be edited to slip a newer database past this check).
  const version = Math.max(copy.schemaVersion, manifest.schemaVersion);
  if (version > knownSchemaVersion) {
    throw new BackupError('SCHEMA_TOO_NEW', {
      file: archive,
      archiveVersion: String(version),
      knownVersion: String(knownSchemaVersion),
    });
  }
  if (!copy.intact || copy.schemaVersion !== manifest.schemaVersion) {
    throw new BackupError('ARCHIVE_DAMAGED', {
      file: archive,
      detail: copy.intact ? 'the database is not the version its manifest says' : (copy.problem ?? 'unknown'),
    });
  }
  return { manifest, encrypted };
}

/**
 * `scratch` is a private folder the files are opened into (in clear for a moment), then removed: the data folder,
 * which holds the same files in clear anyway.
 * @throws BackupError the archive's refusals (unpackBackup), SCHEMA_TOO_NEW, ARCHIVE_DAMAGED
 */
export async function proveArchive(
  archive: string,
  passphrase: string | null,
  scratch: string,
  knownSchemaVersion = MIGRATIONS.length,
): Promise<{ manifest: BackupManifest; encrypted: boolean }> {
  const dir = mkdtempSync(join(scratch, '.restore-check-'));
  try {
    return await unpackProved(archive, dir, passphrase, knownSchemaVersion);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
