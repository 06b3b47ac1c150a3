// Launching the built desktop app (out/) for the Playwright _electron suites: each launch gets its own data folder
// and its own Chromium user-data folder (which scopes the single-instance lock), so suites never meet each other or
// a copy of the app the developer is running. A second launch on the same folders is what a user's second click is.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { findElectronRuntime, type ElectronRuntime } from './electron-runtime.js';

/**
 * The runtime a suite runs on, and its title. Without one the suite skips and its title says why, except under
 * DEPOT_REMOTE_E2E_STRICT=1 (the desktop workflow's runners, which download Electron): there it fails to load.
 */
export function suiteRuntime(title: string): { runtime: ElectronRuntime; suite: string } {
  const runtime = findElectronRuntime();
  if (runtime.ok) return { runtime, suite: title };
  if (strictE2E()) throw new Error(`DEPOT_REMOTE_E2E_STRICT is set but ${runtime.reason}`);
  console.warn(`[e2e-electron] skipped: ${runtime.reason}`);
  return { runtime, suite: `${title} — SKIPPED: ${runtime.reason}` };
}

/** The desktop workflow's runners: everything the suites use must be there (Electron, a keyring). */
export const strictE2E = () => process.env.DEPOT_REMOTE_E2E_STRICT === '1';

export interface DesktopFolders {
  dataDir: string;
  userDataDir: string;
}

export function desktopFolders(): DesktopFolders {
  const dataDir = mkdtempSync(join(tmpdir(), 'depot-remote-electron-'));
  return { dataDir, userDataDir: join(dataDir, 'electron-user-data') };
}

export function assertBuilt() {
  for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run "npx electron-vite build" first (npm test does).`);
  }
}

function launchArgs(folders: DesktopFolders): string[] {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '.',
    `--user-data-dir=${folders.userDataDir}`,
    '--api-port',
    '0',
    '--receiver-port',
    '0',
    '--sim-speed',
    '100',
  ];
}

function launchEnv(folders: DesktopFolders, display: string | undefined): Record<string, string> {
  const { ELECTRON_RUN_AS_NODE: _n, DEPOT_REMOTE_API_TOKEN: _t, ...env } = process.env;
  return {
    ...(env as Record<string, string>),
    DEPOT_REMOTE_DATA_DIR: folders.dataDir,
    ...(display ? { DISPLAY: display } : {}),
  };
}

export function launchDesktop(
  executable: string,
  folders: DesktopFolders,
  display: string | undefined,
): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: executable,
    args: launchArgs(folders),
    env: launchEnv(folders, display),
    timeout: 30_000,
  });
}

/** Starts the app again on the same folders, as a second click would, and waits for that process to end. */
export function launchAgain(
  executable: string,
  folders: DesktopFolders,
  display: string | undefined,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(executable, launchArgs(folders), {
    env: launchEnv(folders, display),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the second launch was still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}
