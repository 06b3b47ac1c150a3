// When the Electron tests run and when they skip: the runtime lookup they (and npm start) rely on.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { findElectronRuntime } from './electron-runtime.js';

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir?.remove());

const executableName =
  process.platform === 'darwin'
    ? 'Electron.app/Contents/MacOS/Electron'
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';

function fakeBinary(path: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
}

describe('finding an Electron runtime', () => {
  it('reports none, with the reason, where the package has no binary', () => {
    dir = tempDir('depot-remote-runtime-');
    mkdirSync(join(dir.path, 'node_modules', 'electron'), { recursive: true });
    const runtime = findElectronRuntime(dir.path, {});
    expect(runtime).toEqual({ ok: false, reason: expect.stringContaining('path.txt is missing') });
  });

  it('uses the package’s binary when path.txt names an existing file', () => {
    dir = tempDir('depot-remote-runtime-');
    const electronDir = join(dir.path, 'node_modules', 'electron');
    mkdirSync(electronDir, { recursive: true });
    writeFileSync(join(electronDir, 'path.txt'), executableName);
    expect(findElectronRuntime(dir.path, {}).ok).toBe(false);
    fakeBinary(join(electronDir, 'dist', executableName));
    expect(findElectronRuntime(dir.path, {})).toEqual({
      ok: true,
      executable: join(electronDir, 'dist', executableName),
    });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, and says when it points nowhere', () => {
    dir = tempDir('depot-remote-runtime-');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: join(dir.path, 'electron-dist') };
    expect(findElectronRuntime(dir.path, env)).toEqual({
      ok: false,
      reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH is set'),
    });
    fakeBinary(join(dir.path, 'electron-dist', executableName));
    expect(findElectronRuntime(dir.path, env)).toMatchObject({ ok: true });
  });

  it('finds none on this machine unless one was provided', () => {
    const here = findElectronRuntime();
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !here.ok)
      expect(here.reason).toMatch(/no Electron runtime/);
  });
});
