// Restores a backup archive into a data folder. Nothing in the folder changes until the archive is proved whole
// (unpack-backup.ts), its database is one this build can open, no process holds the folder's database open, and
// the folder is empty of data or --force was given; then the folder's current files are kept aside (renamed with
// the time, never deleted) and the archive's files put in their place. The agent started on the folder next opens
// them as usual (and migrates an older database).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { databaseFile } from '../create-core.js';
import { databaseInUse, MIGRATIONS } from '../db/index.js';
import { DATABASE_MEMBER, MEMBER_NAMES, type BackupManifest } from './archive-layout.js';
import { BackupError } from './backup-error.js';
import { unpackProved } from './prove-archive.js';

export interface RestoreRequest {
  dataDir: string;
  archive: string;
  /** Needed when the archive is encrypted; ignored otherwise. */
  passphrase: string | null;
  /** Restore over a folder that holds data (its files are kept aside). */
  force: boolean;
  now: Date;
  /** Tests only: the newest schema this build knows (default: the last migration). */
  knownSchemaVersion?: number;
}

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  encrypted: boolean;
  /** Each file of the folder that was in the way, and the name it was kept under. */
  keptAside: { file: string; keptAs: string }[];
}

/** The database's companions: moved with it so the copy kept aside still opens with its journal. */
const DATABASE_COMPANIONS = ['-wal', '-shm', '-journal'];

/** A file-system-safe stamp, as secret.key.replaced-<time> uses: 2026-01-02T03-04-05-678Z. */
const stamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

/** Every file a restore at `at` would keep aside, with the name it would be kept under (present or not). */
export function keptAsideNames(dataDir: string, at: Date): { file: string; keptAs: string }[] {
  const suffix = `.replaced-${stamp(at)}`;
  const db = databaseFile(dataDir);
  return [
    { file: db, keptAs: db + suffix },
    ...DATABASE_COMPANIONS.map((c) => ({ file: db + c, keptAs: db + suffix + c })),
    ...MEMBER_NAMES.filter((name) => name !== DATABASE_MEMBER).map((name) => {
      const file = join(dataDir, name);
      return { file, keptAs: file + suffix };
    }),
  ];
}

/** The folder's files a restore would replace, with the name each is kept under. */
function filesInTheWay(dataDir: string, at: Date): { file: string; keptAs: string }[] {
  return keptAsideNames(dataDir, at).filter(({ file }) => existsSync(file));
}

function checkTarget(dataDir: string, force: boolean, now: Date): { file: string; keptAs: string }[] {
  const db = databaseFile(dataDir);
  if (existsSync(db) && databaseInUse(db)) throw new BackupError('TARGET_IN_USE', { dataDir });
  const inTheWay = filesInTheWay(dataDir, now);
  if (inTheWay.length > 0 && !force) {
    throw new BackupError('TARGET_HAS_DATA', {
      dataDir,
      files: inTheWay.map(({ file }) => file.slice(dataDir.length + 1)).join(', '),
    });
  }
  return inTheWay;
}

/**
 * @throws BackupError TARGET_IN_USE, TARGET_HAS_DATA, SCHEMA_TOO_NEW, and the archive's refusals (unpackBackup)
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreResult> {
  const dataDir = resolve(request.dataDir);
  const archive = resolve(request.archive);
  const known = request.knownSchemaVersion ?? MIGRATIONS.length;
  // Checked first, before the archive is decrypted and read: a refusal here is quick and changes nothing.
  checkTarget(dataDir, request.force, request.now);

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // In the folder itself, so the files reach their place by rename; private (0700) like the files it holds.
  const staging = mkdtempSync(join(dataDir, '.restore-'));
  try {
    const { manifest, encrypted } = await unpackProved(archive, staging, request.passphrase, known);

    // Again, now that the archive took its time to check: an agent may have started meanwhile.
    const inTheWay = checkTarget(dataDir, request.force, request.now);
    for (const { file, keptAs } of inTheWay) renameSync(file, keptAs);
    // The database last: a folder with a key and no database yet is a first start, never a mismatch.
    const order = [...manifest.members].sort((a, b) =>
      a.name === DATABASE_MEMBER ? 1 : b.name === DATABASE_MEMBER ? -1 : 0,
    );
    for (const member of order) {
      const target = join(dataDir, member.name);
      renameSync(join(staging, member.name), target);
      chmodSync(target, 0o600);
    }
    return { dataDir, manifest, encrypted, keptAside: inTheWay };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
