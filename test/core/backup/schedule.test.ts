// The daily backup on a clock the test moves: one a day into the backups folder, none doubled by a restart, a
// missed day caught up once, only the last `keep` scheduled archives kept (other files left alone), and a failure
// reported as the last result while the agent goes on and the next hour tries again.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adminActor } from '../../helpers/actors.js';
import { startHarness, type Harness } from '../../helpers/api-harness.js';
import { tempDir } from '../../helpers/temp-dir.js';

const HOUR = 60 * 60 * 1000;
const ADMIN = adminActor('Alex');

let harnesses: Harness[] = [];
let dirs: ReturnType<typeof tempDir>[] = [];
afterEach(async () => {
  for (const h of harnesses) await h.close();
  harnesses = [];
  for (const dir of dirs) dir.remove();
  dirs = [];
});

async function start(dataDir: string): Promise<Harness> {
  const h = await startHarness({ dataDir, keepDir: true });
  harnesses.push(h);
  return h;
}

async function stop(h: Harness): Promise<void> {
  harnesses = harnesses.filter((x) => x !== h);
  await h.close();
}

/** Moves the clock and lets a backup it started finish (and the next look be scheduled). */
async function advance(h: Harness, ms: number): Promise<void> {
  h.clock.advance(ms);
  await h.core.services.backups.idle();
  await new Promise((resolve) => setImmediate(resolve));
}

const scheduled = (folder: string) =>
  readdirSync(folder)
    .filter((name) => /^depot-remote-\d{4}-\d\d-\d\dT[\d-]+Z\.backup$/.test(name))
    .sort();

function dataDir(): string {
  const dir = tempDir('depot-remote-schedule-');
  dirs.push(dir);
  return dir.path;
}

describe('the daily backup', () => {
  it('takes one at start, then one a day; a restart neither doubles it nor misses a day', async () => {
    const dir = dataDir();
    const folder = join(dir, 'backups');
    let h = await start(dir);
    await advance(h, 0);
    expect(scheduled(folder)).toEqual(['depot-remote-2026-01-05T08-00-00-000Z.backup']);
    for (let i = 0; i < 23; i++) await advance(h, HOUR);
    expect(scheduled(folder)).toHaveLength(1);
    await advance(h, HOUR);
    expect(scheduled(folder)).toEqual([
      'depot-remote-2026-01-05T08-00-00-000Z.backup',
      'depot-remote-2026-01-06T08-00-00-000Z.backup',
    ]);
    expect(h.core.services.backups.overview(ADMIN).lastResult).toMatchObject({ ok: true, kind: 'scheduled' });

    // Restarted 12 hours after the last one: nothing is due.
    await stop(h);
    h = await start(dir);
    h.clock.set('2026-01-06T20:00:00.000Z');
    await advance(h, 0);
    expect(scheduled(folder)).toHaveLength(2);

    // Off for two days: the missed day is caught up once, at start, not once per missed day.
    await stop(h);
    h = await start(dir);
    h.clock.set('2026-01-08T09:30:00.000Z');
    await advance(h, 0);
    await advance(h, HOUR);
    expect(scheduled(folder)).toEqual([
      'depot-remote-2026-01-05T08-00-00-000Z.backup',
      'depot-remote-2026-01-06T08-00-00-000Z.backup',
      'depot-remote-2026-01-08T09-30-00-000Z.backup',
    ]);
  });

  it('keeps the last N scheduled backups and leaves every other file of the folder alone', async () => {
    const dir = dataDir();
    const folder = join(dir, 'backups');
    mkdirSync(folder);
    const foreign = ['notes.txt', 'depot-remote-copy.backup', 'depot-remote-2020-01-01.backup'];
    for (const name of foreign) writeFileSync(join(folder, name), 'mine');
    const h = await start(dir);
    await h.core.services.backups.saveSettings({ keep: 2 }, ADMIN);
    await h.core.services.backups.backupNow(ADMIN);
    await advance(h, 0);
    for (let hour = 0; hour < 3 * 24; hour++) await advance(h, HOUR);
    expect(scheduled(folder)).toEqual([
      'depot-remote-2026-01-07T08-00-00-000Z.backup',
      'depot-remote-2026-01-08T08-00-00-000Z.backup',
    ]);
    for (const name of foreign) expect(existsSync(join(folder, name)), name).toBe(true);
    // The backup taken by hand is not counted in `keep`.
    expect(readdirSync(folder).filter((n) => n.startsWith('depot-remote-manual-'))).toHaveLength(1);
    const listed = h.core.services.backups.overview(ADMIN).backups;
    expect(listed.map((b) => b.kind)).toEqual(['scheduled', 'scheduled', 'manual']);
    expect(listed[0]!.createdAt).toBe('2026-01-08T08:00:00.000Z');
  });

  it('reports a folder it cannot write to, goes on, and succeeds the next hour once it can', async () => {
    const dir = dataDir();
    const gone = join(dir, 'mounted-share');
    const h = await start(dir);
    await h.core.services.backups.saveSettings({ folder: gone }, ADMIN);
    await advance(h, 0);
    const failed = h.core.services.backups.overview(ADMIN).lastResult;
    expect(failed).toMatchObject({ ok: false, kind: 'scheduled', code: 'ARCHIVE_NOT_WRITABLE', name: null });
    expect(failed!.params.folder).toBe(gone);
    // The agent still answers.
    expect((await h.call({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);

    mkdirSync(gone);
    await advance(h, HOUR);
    expect(h.core.services.backups.overview(ADMIN).lastResult).toMatchObject({ ok: true });
    expect(scheduled(gone)).toHaveLength(1);
    rmSync(gone, { recursive: true, force: true });
  });

  it('takes none while the daily backup is off', async () => {
    const dir = dataDir();
    const h = await start(dir);
    await h.core.services.backups.saveSettings({ enabled: false }, ADMIN);
    await advance(h, 0);
    await advance(h, 48 * HOUR);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(h.core.services.backups.overview(ADMIN).lastResult).toBeNull();
  });
});
