// Is there an Electron binary to launch? The npm package's binary (node_modules/electron/path.txt naming a
// file in node_modules/electron/dist) or ELECTRON_OVERRIDE_DIST_PATH. Neither exists on the development and
// CI machines (its download fails there): the tests that need one skip themselves and say why.
// scripts/start.mjs asks the same.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PLATFORM_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

export type ElectronRuntime = { ok: true; executable: string } | { ok: false; reason: string };

export function findElectronRuntime(root = process.cwd(), env = process.env): ElectronRuntime {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = join(override, PLATFORM_EXECUTABLE[process.platform] ?? 'electron');
    return existsSync(executable)
      ? { ok: true, executable }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${executable} does not exist` };
  }
  const pathTxt = resolve(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathTxt)) {
    return {
      ok: false,
      reason:
        'no Electron runtime on this machine (node_modules/electron/path.txt is missing: the Electron binary ' +
        'could not be downloaded; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run these)',
    };
  }
  const executable = resolve(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(executable)
    ? { ok: true, executable }
    : { ok: false, reason: `node_modules/electron/path.txt names ${executable}, which does not exist` };
}

/** A display for a headful Electron on Linux: the current one, or an Xvfb started here (stop() kills it by PID). */
export async function ensureDisplay(): Promise<
  { display: string | undefined; stop(): void } | { error: string }
> {
  if (process.platform !== 'linux' || process.env.DISPLAY) return { display: process.env.DISPLAY, stop() {} };
  if (spawnSync('sh', ['-c', 'command -v Xvfb']).status !== 0) {
    return { error: 'no DISPLAY and no Xvfb (apt-get install xvfb)' };
  }
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 500));
  if (xvfb.exitCode !== null) return { error: `Xvfb could not start on ${display}` };
  return {
    display,
    stop() {
      xvfb.kill('SIGTERM');
    },
  };
}
