// The built headless agent as a real process: starts with no configuration but a data dir, serves the
// API on 127.0.0.1 with the simulator, and stops cleanly on SIGTERM.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AgentProcess, requireBuiltAgent, startAgentProcess } from '../helpers/agent-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const agents: AgentProcess[] = [];
const dirs: ReturnType<typeof tempDir>[] = [];

function start(args: string[]) {
  const dir = tempDir();
  dirs.push(dir);
  const agent = startAgentProcess(dir.path, args);
  agents.push(agent);
  return { agent, dir };
}

beforeAll(requireBuiltAgent);
afterEach(() => {
  for (const a of agents.splice(0)) a.kill('SIGKILL');
  for (const d of dirs.splice(0)) d.remove();
});

describe('npm run agent', () => {
  it('starts with the simulator, serves the API with the generated token, logs, stops cleanly on SIGTERM', async () => {
    const { agent, dir } = start(['--api-port', '0', '--receiver-port', '0']);
    const url = await agent.listening;
    const health = await agent.api<Record<string, unknown>>('GET', '/api/v1/health');
    expect(health.body).toMatchObject({ status: 'ok', connector: 'simulator' });
    const vehicles = await agent.api<{ total: number; items: { brand: string }[] }>(
      'GET',
      '/api/v1/vehicles?limit=100',
    );
    expect(vehicles.status).toBe(200);
    expect(vehicles.body.total).toBeGreaterThanOrEqual(20);
    expect(new Set(vehicles.body.items.map((v) => v.brand)).size).toBeGreaterThanOrEqual(6);
    expect((await fetch(`${url}/api/v1/vehicles`)).status).toBe(401);

    agent.kill('SIGTERM');
    expect(await agent.exited).toBe(0);
    expect(agent.output()).toMatch(/stopped cleanly/);
    const log = readFileSync(join(dir.path, 'logs', 'agent.log'), 'utf8');
    expect(log).toMatch(/listening on/);
    expect(log).not.toContain(agent.token());
    expect(statSync(join(dir.path, 'depot-remote.sqlite')).size).toBeGreaterThan(0);
  });

  it('refuses a bad option with a message and exit code 2', async () => {
    const { agent } = start(['--api-port', 'eighty']);
    await expect(agent.listening).rejects.toThrow(/--api-port must be a port number/);
    expect(await agent.exited).toBe(2);
  });

  it('says plainly when the port is taken: one line, exit code 2', async () => {
    const first = start(['--api-port', '0', '--receiver-port', '0']).agent;
    const port = new URL(await first.listening).port;
    const second = start(['--api-port', port, '--receiver-port', '0']).agent;
    await expect(second.listening).rejects.toThrow(/already in use/);
    expect(await second.exited).toBe(2);
    expect(second.output().trim()).toBe(
      `Port ${port} on 127.0.0.1 (API) is already in use: is another agent running? Choose another with --api-port.`,
    );
  });

  it('says what is missing when the Stellantis connector is chosen without its configuration', async () => {
    const { agent } = start(['--connector', 'stellantis', '--api-port', '0', '--receiver-port', '0']);
    await expect(agent.listening).rejects.toThrow(
      /Stellantis connector is not configured[\s\S]*DEPOT_REMOTE_STELLANTIS/,
    );
    expect(await agent.exited).toBe(2);
  });
});
