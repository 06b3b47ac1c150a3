// A really full disk under the built agent: a 4 MiB tmpfs holds its data folder and a filler file takes the rest.
// API writes answer 507 DISK_FULL and /health says degraded; a restart on the full disk comes up degraded (not
// "ok"), even though the stop could not finish its checkpoint; once the filler is gone, writes resume without a
// restart. (The day's scheduled backup, taken at start, ends before the disk is filled.) Mounting needs root (these machines run everything as root); elsewhere the test says so and skips.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callbackBody } from '../helpers/api-harness.js';
import { type AgentProcess, requireBuiltAgent, startAgentProcess } from '../helpers/agent-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = tempDir();
const mnt = join(root.path, 'mnt');
let mounted = false;
try {
  mkdirSync(mnt);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt], { stdio: 'pipe' });
  mounted = true;
} catch (err) {
  console.warn(
    `disk-full-process: skipped, a small tmpfs cannot be mounted here (${(err as Error).message})`,
  );
}

const agents: AgentProcess[] = [];
beforeAll(() => {
  if (mounted) requireBuiltAgent();
});
afterEach(async () => {
  for (const a of agents.splice(0)) {
    a.kill('SIGKILL');
    await a.exited;
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mnt]);
  root.remove();
});

/** Fills what is left of the tmpfs (writing until ENOSPC). */
function fillDisk(): string {
  const filler = join(mnt, 'filler');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let i = 0; i < 1000; i++) writeFileSync(filler, chunk, { flag: 'a' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    return filler;
  }
  throw new Error('the tmpfs never filled up');
}

describe.skipIf(!mounted)('a full disk under the running agent', () => {
  it('507 and degraded while full, degraded again after a restart on it, ok once space is freed', async () => {
    const dataDir = join(mnt, 'data');
    const start = () => {
      const agent = startAgentProcess(dataDir, ['--api-port', '0', '--receiver-port', '0']);
      agents.push(agent);
      return agent;
    };
    const health = async (url: string) =>
      (
        await fetch(`${url}/api/v1/health`, {
          headers: { authorization: `Bearer ${readFileSync(join(dataDir, 'api-token'), 'utf8').trim()}` },
        })
      ).json();

    const first = start();
    const url = await first.listening;
    expect((await health(url)).status).toBe('ok');
    // The day's scheduled backup is taken at start: let it end first, or its staging files, removed when it ends,
    // would give back room after the disk was filled.
    type Backups = { backups: unknown[]; running: boolean };
    let backups = await first.api('GET', '/api/v1/backups');
    for (
      let i = 0;
      i < 100 && ((backups.body as Backups).running || (backups.body as Backups).backups.length === 0);
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      backups = await first.api('GET', '/api/v1/backups');
    }
    expect((backups.body as Backups).backups).toHaveLength(1);
    const filler = fillDisk();
    // A write that fits in the room the WAL already has (its pages were checkpointed, so it starts again from the
    // top) is stored, durably: the disk needs nothing more. Writes are refused once they need more room.
    let refused = await first.api('POST', '/api/v1/callbacks', callbackBody());
    for (let i = 0; i < 200 && refused.status === 201; i++)
      refused = await first.api('POST', '/api/v1/callbacks', callbackBody());
    expect(refused).toMatchObject({ status: 507, body: { code: 'DISK_FULL', errors: [] } });
    expect(await health(url)).toMatchObject({ status: 'degraded', reason: { code: 'DISK_FULL' } });
    first.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start();
    const url2 = await second.listening;
    expect(await health(url2)).toMatchObject({ status: 'degraded', reason: { code: 'DISK_FULL' } });
    expect(second.output()).toMatch(/started degraded: the disk is full/);

    rmSync(filler);
    const accepted = await second.api('POST', '/api/v1/callbacks', callbackBody());
    expect(accepted.status).toBe(201);
    expect((await health(url2)).status).toBe('ok');
  });
});
