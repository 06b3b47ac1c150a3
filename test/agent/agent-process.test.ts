// The built headless agent as a real process: starts with no configuration but a data dir, serves the
// API on 127.0.0.1, and stops cleanly on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const AGENT = 'out/main/agent.js';
let child: ChildProcess | null = null;
let dir: ReturnType<typeof tempDir>;

beforeAll(() => {
  if (!existsSync(AGENT)) throw new Error(`${AGENT} is missing: run "npm run build" first (npm test does).`);
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  dir?.remove();
});

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  dir = tempDir();
  const { DEPOT_REMOTE_API_TOKEN: _t, ...clean } = process.env;
  child = spawn(process.execPath, [AGENT, '--data-dir', dir.path, ...args], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`agent exited with ${code}: ${output}`));
    });
  });
  return { listening, exited, output: () => output };
}

describe('npm run agent', () => {
  it('starts, serves the API with the generated token, logs to the data dir, stops cleanly on SIGTERM', async () => {
    const agent = start(['--api-port', '0']);
    const url = await agent.listening;
    const token = readFileSync(join(dir.path, 'api-token'), 'utf8').trim();
    const health = await fetch(`${url}/api/v1/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', connector: 'in-process' });
    const vehicles = await fetch(`${url}/api/v1/vehicles`, { headers: { authorization: `Bearer ${token}` } });
    expect(vehicles.status).toBe(200);
    expect((await vehicles.json()).total).toBeGreaterThan(0);
    expect((await fetch(`${url}/api/v1/vehicles`)).status).toBe(401);

    child!.kill('SIGTERM');
    expect(await agent.exited).toBe(0);
    expect(agent.output()).toMatch(/stopped cleanly/);
    const log = readFileSync(join(dir.path, 'logs', 'agent.log'), 'utf8');
    expect(log).toMatch(/listening on/);
    expect(log).not.toContain(token);
    expect(statSync(join(dir.path, 'depot-remote.sqlite')).size).toBeGreaterThan(0);
  });

  it('refuses a bad option with a message and exit code 2', async () => {
    const agent = start(['--api-port', 'eighty']);
    await expect(agent.listening).rejects.toThrow(/--api-port must be a port number/);
    expect(await agent.exited).toBe(2);
  });

  it('says plainly when the port is taken', async () => {
    const first = start(['--api-port', '0']);
    const url = await first.listening;
    const port = new URL(url).port;
    const firstChild = child;
    const firstDir = dir;
    const second = start(['--api-port', port]);
    await expect(second.listening).rejects.toThrow(/already in use/);
    firstChild!.kill('SIGKILL');
    firstDir.remove();
  });
});
