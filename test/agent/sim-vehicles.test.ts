// The built agent with --sim-vehicles: 2,000 simulated vehicles listed with their states, fast; a bad size refused
// in one line naming the option, exit code 2, whether given as a flag or as DEPOT_REMOTE_SIM_VEHICLES.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import { type AgentProcess, requireBuiltAgent, startAgentProcess } from '../helpers/agent-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const agents: AgentProcess[] = [];
const dirs: ReturnType<typeof tempDir>[] = [];
const PORTS = ['--api-port', '0', '--receiver-port', '0'];

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const dir = tempDir();
  dirs.push(dir);
  const agent = startAgentProcess(dir.path, [...PORTS, ...args], env);
  agents.push(agent);
  return agent;
}

beforeAll(requireBuiltAgent);
afterEach(() => {
  for (const a of agents.splice(0)) a.kill('SIGKILL');
  for (const d of dirs.splice(0)) d.remove();
});

describe('--sim-vehicles', () => {
  it('lists 2,000 vehicles, the 25 of the scenario among them, each with its states', async () => {
    const agent = start(['--sim-vehicles', '2000']);
    await agent.listening;
    const list = () =>
      agent.api<{ total: number; items: VehicleDto[] }>('GET', '/api/v1/vehicles?limit=5000');
    // The statuses are read in the background after the start.
    await expect
      .poll(async () => (await list()).body.items.filter((v) => v.statusAt !== null).length, {
        timeout: 30_000,
      })
      .toBe(2000);
    const started = performance.now();
    const { status, body } = await list();
    const ms = performance.now() - started;
    expect(status).toBe(200);
    expect(body.total).toBe(2000);
    expect(body.items).toHaveLength(2000);
    expect(ms).toBeLessThan(1000); // over a real socket, 5 MB of JSON
    const labels = new Set(body.items.map((v) => v.label));
    for (const label of ['Van 01', 'Site 17', 'Pool 25']) expect(labels).toContain(label);
    expect(body.items.find((v) => v.label === 'Site 17')!.states).toContain('Immobilized');
    expect(body.items.filter((v) => v.states.includes('DeepSleepRisk')).length).toBeGreaterThan(10);
  }, 60_000);

  it.each([
    [['--sim-vehicles', '0'], {}, '"0"'],
    [['--sim-vehicles', '5001'], {}, '"5001"'],
    [[], { DEPOT_REMOTE_SIM_VEHICLES: 'abc' }, '"abc"'],
  ])('refuses %j %j in one line, exit code 2', async (args, env, shown) => {
    const agent = start(args, env);
    agent.listening.catch(() => {});
    expect(await agent.exited).toBe(2);
    const lines = agent.output().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`--sim-vehicles must be a whole number from 1 to 5000, got ${shown}`);
  });
});
