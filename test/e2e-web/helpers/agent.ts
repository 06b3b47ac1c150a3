// The BUILT headless agent (out/main/agent.js) as a real process on 127.0.0.1, started through the shared
// test/helpers/agent-process.ts: API and webhook receiver on ports the OS chooses, a temporary data dir, and the
// fleet simulator at high speed with a fixed seed (lifecycles end in well under a second, the same way every
// run). It serves the renderer build on its API port (web mode).
import { existsSync } from 'node:fs';
import { type AgentProcess, requireBuiltAgent, startAgentProcess } from '../../helpers/agent-process.js';
import { tempDir } from '../../helpers/temp-dir.js';

export const RENDERER = 'out/renderer/index.html';
/** Simulator time runs this many times faster: a 25 s wake-up takes 0.25 s, a deep-sleep timeout 1.3 s. */
export const SIM_SPEED = 100;
export const SIM_SEED = 42;

export interface RunningAgent {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  process: AgentProcess;
  api: AgentProcess['api'];
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL) and keeps the data dir. */
  stop(): Promise<void>;
  /** Stops it and removes the data dir. */
  dispose(): Promise<void>;
}

export function requireBuild() {
  requireBuiltAgent();
  if (!existsSync(RENDERER))
    throw new Error(`${RENDERER} is missing: run "npx electron-vite build" first (npm test does).`);
}

/** Agents still running when this test process ends (a timeout, a crash) are killed, never left holding ports. */
const running = new Set<AgentProcess>();
process.once('exit', () => {
  for (const agent of running) agent.kill('SIGKILL');
});

/**
 * Starts an agent; with `dataDir` (e.g. to restart on the same data) the caller removes the folder; `args` go after
 * the usual ones (e.g. `--sim-vehicles 2000`).
 */
export async function startAgent(
  options: { port?: number; dataDir?: string; args?: string[] } = {},
): Promise<RunningAgent> {
  const dir = options.dataDir ? { path: options.dataDir, remove() {} } : tempDir('depot-remote-e2e-');
  const agent = startAgentProcess(dir.path, [
    '--api-port',
    String(options.port ?? 0),
    '--receiver-port',
    '0',
    '--sim-speed',
    String(SIM_SPEED),
    '--sim-seed',
    String(SIM_SEED),
    ...(options.args ?? []),
  ]);
  running.add(agent);
  void agent.exited.then(() => running.delete(agent));
  let url: string;
  try {
    url = await agent.listening;
  } catch (error) {
    dir.remove();
    throw error;
  }
  const stop = async () => {
    if (agent.child.exitCode !== null || agent.child.signalCode !== null) return;
    agent.kill('SIGTERM');
    const killer = setTimeout(() => agent.kill('SIGKILL'), 5000);
    await agent.exited;
    clearTimeout(killer);
  };
  return {
    url,
    port: Number(new URL(url).port),
    token: agent.token(),
    dataDir: dir.path,
    process: agent,
    api: agent.api,
    output: agent.output,
    stop,
    async dispose() {
      await stop();
      dir.remove();
    },
  };
}
