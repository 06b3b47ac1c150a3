// Before a migration, a backup: an agent started on a database at an older schema writes
// depot-remote-before-schema-<N>-<time>.backup into the backups folder before migrating (and the archive restores
// to the old schema); one at this build's schema takes none; and when the backup cannot be written the start is
// refused with one line naming the folder, the database left unmigrated.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../main/core/backup/restore-backup.js';
import { MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { AgentStartError } from '../../../main/headless/start-agent.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startAgentOn, type Agent } from './backup-world.js';

const OLD = 9;

let dirs: ReturnType<typeof tempDir>[] = [];
let agents: Agent[] = [];
afterEach(async () => {
  for (const agent of agents) await agent.stop();
  agents = [];
  for (const dir of dirs) dir.remove();
  dirs = [];
});

function folder(): string {
  const dir = tempDir('depot-remote-premigration-');
  dirs.push(dir);
  return dir.path;
}

/** A data folder whose database stopped at schema OLD, with a row to recognise. */
function oldFolder(): string {
  const dataDir = folder();
  const db = openDatabase(join(dataDir, 'depot-remote.sqlite'), { migrations: MIGRATIONS.slice(0, OLD) });
  db.raw
    .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('marker', '\"from schema 9\"', ?)")
    .run('2026-01-01T00:00:00.000Z');
  db.close();
  return dataDir;
}

const schemaOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('the backup before a migration', () => {
  it('is written before an older database is migrated, and restores to the old schema', async () => {
    const dataDir = oldFolder();
    const agent = await startAgentOn(dataDir);
    agents.push(agent);
    const backups = readdirSync(join(dataDir, 'backups'));
    const before = backups.filter((n) => n.startsWith(`depot-remote-before-schema-${MIGRATIONS.length}-`));
    expect(before).toHaveLength(1);
    expect(schemaOf(join(dataDir, 'depot-remote.sqlite'))).toBe(MIGRATIONS.length);
    // Listed as such, and not counted among the daily ones.
    const overview = agent.core.services.backups.overview({
      operator: 'test',
      kind: 'machine',
      id: null,
      role: 'admin',
    });
    expect(overview.backups.find((b) => b.name === before[0])?.kind).toBe('before-migration');

    const target = folder();
    const restored = await restoreBackup({
      dataDir: target,
      archive: join(dataDir, 'backups', before[0]!),
      passphrase: null,
      force: false,
      now: new Date(),
    });
    expect(restored.manifest.schemaVersion).toBe(OLD);
    expect(schemaOf(join(target, 'depot-remote.sqlite'))).toBe(OLD);
    const db = new Database(join(target, 'depot-remote.sqlite'), { readonly: true });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe(
      '"from schema 9"',
    );
    db.close();
  });

  it('is not taken when the database is already at this build’s schema', async () => {
    const dataDir = folder();
    const first = await startAgentOn(dataDir);
    await first.stop();
    const again = await startAgentOn(dataDir);
    agents.push(again);
    const backups = join(dataDir, 'backups');
    const names = existsSync(backups) ? readdirSync(backups) : [];
    expect(names.filter((n) => n.includes('before-schema'))).toEqual([]);
  });

  it('refuses to start, naming the folder, when the backup cannot be written; nothing is migrated', async () => {
    const dataDir = oldFolder();
    // A file where the backups folder should be: it cannot be made.
    writeFileSync(join(dataDir, 'backups'), 'in the way');
    const refused = await startAgentOn(dataDir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AgentStartError);
    const message = (refused as Error).message;
    expect(message).toContain(join(dataDir, 'backups'));
    expect(message).toMatch(/cannot write the backup/);
    expect(message.split('\n')).toHaveLength(1);
    expect(schemaOf(join(dataDir, 'depot-remote.sqlite'))).toBe(OLD);

    // A folder a person chose that exists: the start goes on and the backup lands there.
    const chosen = folder();
    const db = new Database(join(dataDir, 'depot-remote.sqlite'));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('backups', ?, ?)").run(
      JSON.stringify({ folder: chosen }),
      '2026-01-01T00:00:00.000Z',
    );
    db.close();
    mkdirSync(chosen, { recursive: true });
    const agent = await startAgentOn(dataDir);
    agents.push(agent);
    expect(readdirSync(chosen).filter((n) => n.includes('before-schema'))).toHaveLength(1);
  });
});
