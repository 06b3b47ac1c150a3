// `npm run agent -- diagnostics <file>`, run in process: one line on success, one line with the fix on a fault
// (no data folder, an output path that cannot be written), and an exit code that says which.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commandOf } from '../../../main/headless/commands.js';
import { diagnosticsFaultLine } from '../../../main/headless/diagnostics-command.js';
import { DiagnosticsError } from '../../../main/core/diagnostics/index.js';
import { type Harness, startHarness } from '../../helpers/api-harness.js';
import { tempDir } from '../../helpers/temp-dir.js';

let out: ReturnType<typeof tempDir>;
let printed: string[];
let failed: string[];
beforeEach(() => {
  out = tempDir();
  printed = [];
  failed = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void failed.push(line));
});
afterEach(() => {
  vi.restoreAllMocks();
  out.remove();
});

async function diagnostics(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const load = commandOf(['diagnostics', ...argv]);
  expect(load).not.toBeNull();
  const command = (await load!()) as { run(argv: string[], env?: NodeJS.ProcessEnv): Promise<number> };
  return command.run(argv, env);
}

describe('the diagnostics command', () => {
  it('refuses a data folder that does not exist in one line naming it and the fix, writing nothing', async () => {
    const missing = join(out.path, 'no-such-folder');
    const file = join(out.path, 'bundle.json');
    expect(await diagnostics([file, '--data-dir', missing])).toBe(1);
    expect(failed).toEqual([
      `There is no data folder at ${missing}: give the agent's folder with --data-dir (or DEPOT_REMOTE_DATA_DIR).`,
    ]);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(missing)).toBe(false);
  });

  it('finds the data folder from DEPOT_REMOTE_DATA_DIR as the agent does', async () => {
    const missing = join(out.path, 'from-env');
    expect(await diagnostics([join(out.path, 'b.json')], { DEPOT_REMOTE_DATA_DIR: missing })).toBe(1);
    expect(failed[0]).toContain(`There is no data folder at ${missing}:`);
  });

  it('refuses bad arguments with the usage (exit 2)', async () => {
    expect(await diagnostics([])).toBe(2);
    expect(await diagnostics(['x.json', '--log-lines', 'many'])).toBe(2);
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/^Give one file to write the bundle to\. Usage: npm run agent -- diagnostics/);
    expect(failed[1]).toBe('--log-lines must be a whole number from 0 to 100000, got "many".');
  });

  describe('on a data folder in use', () => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness();
    });
    afterEach(async () => h.close());

    it('writes the bundle and says where in one line', async () => {
      const file = join(out.path, 'bundle.json');
      expect(await diagnostics([file, '--data-dir', h.dataDir, '--log-lines', '10'])).toBe(0);
      expect(printed).toHaveLength(1);
      expect(printed[0]).toMatch(
        new RegExp(`^Support bundle written to ${file} \\(\\d+ KiB, database ok\\); secrets are removed`),
      );
      const bundle = JSON.parse(readFileSync(file, 'utf8'));
      expect(bundle.versions.app).toMatch(/^\d+\.\d+\.\d+/);
      expect(bundle.log.requested).toBe(10);
      expect(readFileSync(file, 'utf8')).toMatch(/^\{\n {2}"format": 1,/);
    });

    it('says in one line when the bundle cannot be written, leaving no partial file', async () => {
      const file = join(out.path, 'missing-folder', 'bundle.json');
      expect(await diagnostics([file, '--data-dir', h.dataDir])).toBe(1);
      expect(failed).toEqual([
        `Cannot write ${file}: its folder does not exist. Create it or give another path.`,
      ]);
      const blocker = join(out.path, 'a-file');
      writeFileSync(blocker, '');
      expect(await diagnostics([join(blocker, 'bundle.json'), '--data-dir', h.dataDir])).toBe(1);
      expect(failed[1]).toMatch(
        /^Cannot write .*bundle\.json \(ENOTDIR\): give a path in a folder you can write to\.$/,
      );
      expect(readdirSync(out.path)).toEqual(['a-file']);
    });
  });

  it('words a full disk with its fix', () => {
    const full = new DiagnosticsError('OUTPUT_NOT_WRITABLE', {
      file: '/mnt/usb/b.json',
      reason: 'disk-full',
    });
    expect(diagnosticsFaultLine(full)).toBe(
      'Cannot write /mnt/usb/b.json: the disk is full. Free some space or give a path on another disk.',
    );
  });
});
