// What a restore refuses, with its code, before changing anything in the target folder: an altered archive, a wrong
// or missing passphrase, a database newer than this build, a folder a running agent uses, a folder holding data without force.
// With force, the folder's files are kept aside (renamed with the time), never deleted.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, type BackupProblem } from '../../../main/core/backup/backup-error.js';
import { createBackup } from '../../../main/core/backup/create-backup.js';
import { restoreBackup, type RestoreRequest } from '../../../main/core/backup/restore-backup.js';
import { MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startAgentOn } from './backup-world.js';

const PASSPHRASE = 'depot-backup-passphrase';
let dir: ReturnType<typeof tempDir>;
let source: string;
let target: string;
beforeEach(async () => {
  dir = tempDir('depot-remote-backup-refusals-');
  source = join(dir.path, 'source');
  target = join(dir.path, 'target');
  const db = openDatabase(join(source, 'depot-remote.sqlite'));
  const sealed = await createKeyFileSecretBox(source).encrypt('a sealed value');
  db.raw
    .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
    .run('backup.test', JSON.stringify(sealed), '2026-01-01T00:00:00.000Z');
  db.close();
  writeFileSync(join(source, 'api-token'), 'token-for-the-backup-tests-0123456789\n', { mode: 0o600 });
});
afterEach(() => dir.remove());

async function backup(passphrase: string | null = null, name = 'site.backup') {
  const archive = join(dir.path, name);
  await createBackup({ dataDir: source, archive, passphrase, appVersion: '1.0.0', now: new Date() });
  return archive;
}

const restore = (archive: string, extra: Partial<RestoreRequest> = {}) =>
  restoreBackup({ dataDir: target, archive, passphrase: null, force: false, now: new Date(), ...extra });

async function refusal(p: Promise<unknown>, code: BackupProblem): Promise<BackupError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe(code);
  return error as BackupError;
}

/** The target holds none of the archive's files (a refused restore wrote nothing). */
const targetUntouched = () => (existsSync(target) ? readdirSync(target) : []);

function flipByte(file: string, at: number) {
  const bytes = readFileSync(file);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(file, bytes);
}

describe('an altered archive', () => {
  it('is refused whichever byte changed: a member, the manifest, a tar header or padding, the trailer', async () => {
    const archive = await backup();
    const original = readFileSync(archive);
    const manifestAt = original.indexOf('"schemaVersion"');
    const paddingAt = original.indexOf(Buffer.alloc(64)); // zeros after a header's fields
    for (const at of [manifestAt, paddingAt, Math.floor(original.length / 2), original.length - 1]) {
      writeFileSync(archive, original);
      flipByte(archive, at);
      const error = await refusal(restore(archive), 'ARCHIVE_DAMAGED');
      expect(error.params.file).toBe(archive);
      expect(targetUntouched()).toEqual([]);
    }
  });

  it('says a file that is no backup at all is not one', async () => {
    const other = join(dir.path, 'notes.txt');
    writeFileSync(other, 'not a backup\n'.repeat(100));
    await refusal(restore(other), 'ARCHIVE_NOT_A_BACKUP');
    await refusal(restore(join(dir.path, 'missing.backup')), 'ARCHIVE_UNREADABLE');
  });
});

describe('an encrypted archive', () => {
  it('holds nothing readable in clear', async () => {
    const archive = await backup(PASSPHRASE);
    const bytes = readFileSync(archive);
    expect(bytes.includes('manifest.json')).toBe(false);
    expect(bytes.includes(readFileSync(join(source, 'secret.key')).subarray(0, 20))).toBe(false);
  });

  it('refuses a wrong passphrase, a missing one, and an altered byte', async () => {
    const archive = await backup(PASSPHRASE);
    await refusal(restore(archive, { passphrase: 'not the passphrase' }), 'PASSPHRASE_WRONG');
    await refusal(restore(archive), 'PASSPHRASE_MISSING');
    flipByte(archive, readFileSync(archive).length - 100);
    await refusal(restore(archive, { passphrase: PASSPHRASE }), 'PASSPHRASE_WRONG');
    expect(targetUntouched()).toEqual([]);
  });
});

describe('a database newer than this build', () => {
  it('is refused, naming both versions', async () => {
    const newer = MIGRATIONS.length + 1;
    const db = new Database(join(source, 'depot-remote.sqlite'));
    db.pragma(`user_version = ${newer}`);
    db.close();
    const archive = await backup();
    const error = await refusal(restore(archive), 'SCHEMA_TOO_NEW');
    expect(error.params).toMatchObject({
      archiveVersion: String(newer),
      knownVersion: String(MIGRATIONS.length),
    });
    expect(targetUntouched()).toEqual([]);
  });
});

describe('the target folder', () => {
  it('in use by a running agent is refused, even with force, and left as it was', async () => {
    const archive = await backup();
    const running = await startAgentOn(target);
    try {
      const error = await refusal(restore(archive, { force: true }), 'TARGET_IN_USE');
      expect(error.params.dataDir).toBe(target);
      expect(readdirSync(target).filter((n) => n.includes('replaced') || n.startsWith('.restore'))).toEqual(
        [],
      );
    } finally {
      await running.stop();
    }
    // Once it has stopped, the same restore goes through.
    expect((await restore(archive, { force: true })).keptAside.length).toBeGreaterThan(0);
  });

  it('holding data is refused without force; with force its files are kept aside and the archive restored', async () => {
    const archive = await backup();
    const old = openDatabase(join(target, 'depot-remote.sqlite'));
    old.raw
      .prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES ('old.folder', '1', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    old.close();
    writeFileSync(join(target, 'secret.key'), 'old key\n');
    const error = await refusal(restore(archive), 'TARGET_HAS_DATA');
    expect(error.params.files).toContain('depot-remote.sqlite');
    expect(error.params.files).toContain('secret.key');
    expect(readFileSync(join(target, 'secret.key'), 'utf8')).toBe('old key\n');

    const at = new Date('2026-05-06T07:08:09.010Z');
    const result = await restore(archive, { force: true, now: at });
    const stamp = '2026-05-06T07-08-09-010Z';
    expect(result.keptAside.map((k) => k.keptAs.slice(target.length + 1)).sort()).toEqual(
      [`depot-remote.sqlite.replaced-${stamp}`, `secret.key.replaced-${stamp}`].sort(),
    );
    expect(readFileSync(join(target, `secret.key.replaced-${stamp}`), 'utf8')).toBe('old key\n');
    const kept = new Database(join(target, `depot-remote.sqlite.replaced-${stamp}`), { readonly: true });
    expect(kept.prepare("SELECT value FROM settings WHERE key = 'old.folder'").pluck().get()).toBe('1');
    kept.close();
    expect(readFileSync(join(target, 'secret.key'))).toEqual(readFileSync(join(source, 'secret.key')));
    const restored = openDatabase(join(target, 'depot-remote.sqlite'));
    expect(
      restored.raw.prepare("SELECT count(*) FROM settings WHERE key = 'backup.test'").pluck().get(),
    ).toBe(1);
    restored.close();
    // No staging folder left behind.
    expect(readdirSync(target).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
