// The BUILT headless agent (out/main/agent.js) as a real process on 127.0.0.1, port 0, with a temporary data dir;
// it serves the renderer build on its API port (web mode).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir.js';

export const AGENT = 'out/main/agent.js';
export const RENDERER = 'out/renderer/index.html';

export interface RunningAgent {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL) and keeps the data dir. */
  stop(): Promise<void>;
  /** Stops it and removes the data dir. */
  dispose(): Promise<void>;
}

export function requireBuild() {
  for (const file of [AGENT, RENDERER]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run "npx electron-vite build" first (npm test does).`);
  }
}

export async function startAgent(options: { port?: number; dataDir?: string } = {}): Promise<RunningAgent> {
  const dir = options.dataDir ? { path: options.dataDir, remove() {} } : tempDir('depot-remote-e2e-');
  const { DEPOT_REMOTE_API_TOKEN: _t, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [AGENT, '--data-dir', dir.path, '--api-port', String(options.port ?? 0)],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 25);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`agent exited: ${output}`));
    });
  });
  const token = readFileSync(join(dir.path, 'api-token'), 'utf8').trim();
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  return {
    url,
    port: Number(new URL(url).port),
    token,
    dataDir: dir.path,
    child,
    output: () => output,
    stop,
    async dispose() {
      await stop();
      dir.remove();
    },
  };
}
