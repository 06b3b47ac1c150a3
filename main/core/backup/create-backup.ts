// Writes one backup archive of a data folder: a consistent copy of the database taken with SQLite's online backup
// API (so the agent may keep running and writing), the key file that opens its sealed secrets, the API token, and
// a manifest with the release, the schema version, the time and each member's SHA-256. Optionally encrypted.
//
// Everything is staged in a private folder beside the archive and the archive appears by one rename, so a failed
// or interrupted backup never leaves a half-written file under the name given.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { create } from 'tar';
import { databaseFile } from '../create-core.js';
import { snapshotDatabase } from '../db/index.js';
import {
  DATABASE_MEMBER,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_NAME,
  MEMBER_NAMES,
  type BackupManifest,
  type ManifestMember,
} from './archive-layout.js';
import { BackupError } from './backup-error.js';
import { encryptFile } from './envelope-crypto.js';
import { sha256OfFile } from './file-bytes.js';
import { appendTrailer } from './plain-trailer.js';

export interface BackupRequest {
  dataDir: string;
  /** Where the archive goes (replaced if it exists). */
  archive: string;
  /** Encrypts the archive when given. */
  passphrase: string | null;
  /** The release writing it, for the manifest. */
  appVersion: string;
  now: Date;
}

export interface BackupResult {
  archive: string;
  manifest: BackupManifest;
  encrypted: boolean;
  /** The archive's size on disk. */
  bytes: number;
  /** Members the data folder did not have (no secret.key: nothing was ever sealed, or the key is lost). */
  absent: string[];
}

/** @throws BackupError BACKUP_NO_DATABASE, BACKUP_SOURCE_DAMAGED, ARCHIVE_NOT_WRITABLE */
export async function createBackup(request: BackupRequest): Promise<BackupResult> {
  const dataDir = resolve(request.dataDir);
  const archive = resolve(request.archive);
  const source = databaseFile(dataDir);
  if (!existsSync(source)) throw new BackupError('BACKUP_NO_DATABASE', { dataDir });

  // Private (0700): the staged files are the database and the key in clear.
  let staging: string;
  try {
    staging = mkdtempSync(join(dirname(archive), `.${basename(archive)}.staging-`));
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new BackupError('ARCHIVE_NOT_WRITABLE', { file: archive, detail }, { cause: error });
  }
  try {
    const copy = await snapshotDatabase(source, join(staging, DATABASE_MEMBER));
    if (!copy.intact) {
      throw new BackupError('BACKUP_SOURCE_DAMAGED', { file: source, detail: copy.problem ?? 'unknown' });
    }
    const absent: string[] = [];
    for (const name of MEMBER_NAMES) {
      if (name === DATABASE_MEMBER) continue;
      const from = join(dataDir, name);
      if (existsSync(from)) copyFileSync(from, join(staging, name));
      else absent.push(name);
    }
    const names = MEMBER_NAMES.filter((name) => !absent.includes(name));
    const members: ManifestMember[] = [];
    for (const name of names) {
      const file = join(staging, name);
      chmodSync(file, 0o600);
      members.push({ name, bytes: statSync(file).size, sha256: (await sha256OfFile(file)).toString('hex') });
    }
    const manifest: BackupManifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: request.appVersion,
      schemaVersion: copy.schemaVersion,
      createdAt: request.now.toISOString(),
      members,
    };
    writeFileSync(join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });

    // The manifest first, so a reader (or a person with `tar tf`) meets it before the rest.
    const tarFile = join(staging, 'archive.tar');
    await create({ file: tarFile, cwd: staging, portable: true, mode: 0o600 }, [MANIFEST_NAME, ...names]);
    await appendTrailer(tarFile);
    let finished = tarFile;
    if (request.passphrase !== null) {
      finished = join(staging, 'archive.enc');
      await encryptFile(tarFile, finished, request.passphrase);
    }
    chmodSync(finished, 0o600);
    renameSync(finished, archive);
    return {
      archive,
      manifest,
      encrypted: request.passphrase !== null,
      bytes: statSync(archive).size,
      absent,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
