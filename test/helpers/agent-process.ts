// The built headless agent (out/main/agent.js) as a real child process, for end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const AGENT_ENTRY = 'out/main/agent.js';

export interface AgentProcess {
  child: ChildProcess;
  /** Resolves with the API base URL once the agent says it listens; rejects if it exits first. */
  listening: Promise<string>;
  exited: Promise<number | null>;
  output(): string;
  token(): string;
  /** GET/POST/PUT/DELETE a JSON route with the bearer token. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
  kill(signal?: NodeJS.Signals): void;
}

export function requireBuiltAgent() {
  if (!existsSync(AGENT_ENTRY))
    throw new Error(`${AGENT_ENTRY} is missing: run "npm run build" first (npm test does).`);
}

export function startAgentProcess(
  dataDir: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  /** cwd: where the agent is started from (default this process's folder, the repository). */
  options: { cwd?: string } = {},
): AgentProcess {
  const { DEPOT_REMOTE_API_TOKEN: _t, ...clean } = process.env;
  const child = spawn(process.execPath, [resolve(AGENT_ENTRY), '--data-dir', dataDir, ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let url = '';
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearInterval(timer);
        url = m[1]!;
        resolve(url);
      }
    }, 25);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`agent exited with ${code}: ${output}`));
    });
  });
  const token = () => readFileSync(join(dataDir, 'api-token'), 'utf8').trim();
  return {
    child,
    listening,
    exited,
    output: () => output,
    token,
    async api(method, path, body, headers = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as never };
    },
    kill: (signal = 'SIGTERM') => void child.kill(signal),
  };
}
