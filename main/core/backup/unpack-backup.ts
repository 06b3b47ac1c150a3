// Opens a backup archive into a private folder and proves it whole before anything is restored: the passphrase
// opens it (encrypted), the trailer's digest covers every byte (plain), the tar parses, it holds only the expected
// files, and each file has the size and SHA-256 its manifest says.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from 'tar';
import {
  DATABASE_MEMBER,
  MANIFEST_NAME,
  MEMBER_NAMES,
  manifestHeadSchema,
  manifestSchema,
  type BackupManifest,
} from './archive-layout.js';
import { BackupError } from './backup-error.js';
import { decryptFile, isEncryptedArchive } from './envelope-crypto.js';
import { sha256OfFile } from './file-bytes.js';
import { checkTrailer } from './plain-trailer.js';

const ALLOWED = new Set<string>([MANIFEST_NAME, ...MEMBER_NAMES]);

export interface UnpackedBackup {
  manifest: BackupManifest;
  /** The folder holding the members, verified. */
  dir: string;
  encrypted: boolean;
}

function checkReadable(file: string): void {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new BackupError('ARCHIVE_UNREADABLE', {
      file,
      detail: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (!stat.isFile()) throw new BackupError('ARCHIVE_UNREADABLE', { file, detail: 'not a file' });
}

/** Extracts the tar's first `tarBytes` bytes into `dir`; refuses anything but the expected plain files. */
async function extractMembers(
  plainFile: string,
  tarBytes: number,
  dir: string,
  named: string,
): Promise<void> {
  const unexpected: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const unpack = extract({
      cwd: dir,
      strict: true,
      // The restored files belong to whoever restores them, whatever the archive's headers say.
      preserveOwner: false,
      filter: (path, entry) => {
        const ok = ALLOWED.has(path) && 'type' in entry && entry.type === 'File';
        if (!ok) unexpected.push(path);
        return ok;
      },
    });
    unpack.on('close', () => resolve());
    unpack.on('error', reject);
    const input = createReadStream(plainFile, { start: 0, end: tarBytes - 1 });
    input.on('error', reject);
    input.pipe(unpack);
  }).catch((error: unknown) => {
    throw new BackupError(
      'ARCHIVE_DAMAGED',
      { file: named, detail: (error as Error).message },
      { cause: error },
    );
  });
  if (unexpected.length > 0) {
    throw new BackupError('ARCHIVE_DAMAGED', { file: named, detail: `unexpected entry ${unexpected[0]}` });
  }
}

function readManifest(dir: string, named: string): BackupManifest {
  const damaged = (detail: string) => new BackupError('ARCHIVE_DAMAGED', { file: named, detail });
  const file = join(dir, MANIFEST_NAME);
  if (!existsSync(file)) throw damaged('no manifest');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw damaged('the manifest is not JSON');
  }
  const head = manifestHeadSchema.safeParse(json);
  if (!head.success) throw new BackupError('ARCHIVE_NOT_A_BACKUP', { file: named });
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    if (head.data.formatVersion > 1) {
      throw new BackupError('ARCHIVE_FORMAT_TOO_NEW', {
        file: named,
        format: String(head.data.formatVersion),
      });
    }
    throw damaged('the manifest is not valid');
  }
  return parsed.data;
}

async function checkMembers(manifest: BackupManifest, dir: string, named: string): Promise<void> {
  const damaged = (detail: string) => new BackupError('ARCHIVE_DAMAGED', { file: named, detail });
  const listed = new Set(manifest.members.map((m) => m.name));
  if (!listed.has(DATABASE_MEMBER)) throw damaged('no database');
  for (const name of MEMBER_NAMES) {
    if (!listed.has(name) && existsSync(join(dir, name))) throw damaged(`${name} is not in the manifest`);
  }
  for (const member of manifest.members) {
    const file = join(dir, member.name);
    if (!existsSync(file)) throw damaged(`${member.name} is missing`);
    const digest = (await sha256OfFile(file)).toString('hex');
    if (statSync(file).size !== member.bytes || digest !== member.sha256) {
      throw damaged(`the checksum of ${member.name} does not match`);
    }
  }
}

/**
 * Unpacks `archive` into `dir` (an empty private folder the caller removes).
 * @throws BackupError ARCHIVE_UNREADABLE, ARCHIVE_NOT_A_BACKUP, ARCHIVE_DAMAGED, ARCHIVE_FORMAT_TOO_NEW,
 *   PASSPHRASE_MISSING, PASSPHRASE_WRONG
 */
export async function unpackBackup(
  archive: string,
  dir: string,
  passphrase: string | null,
): Promise<UnpackedBackup> {
  checkReadable(archive);
  const encrypted = isEncryptedArchive(archive);
  let plain = archive;
  if (encrypted) {
    if (passphrase === null) throw new BackupError('PASSPHRASE_MISSING', { file: archive });
    plain = join(dir, '.archive.tar');
    await decryptFile(archive, plain, passphrase);
  }
  const tarBytes = await checkTrailer(plain, archive);
  await extractMembers(plain, tarBytes, dir, archive);
  const manifest = readManifest(dir, archive);
  await checkMembers(manifest, dir, archive);
  return { manifest, dir, encrypted };
}
