// Settings saved through the API become the agent's options at its next start (under flags and env).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AgentProcess, requireBuiltAgent, startAgentProcess } from '../helpers/agent-process.js';
import { tempDir } from '../helpers/temp-dir.js';

let agents: AgentProcess[] = [];
let dir: ReturnType<typeof tempDir>;

beforeAll(requireBuiltAgent);
afterEach(() => {
  for (const a of agents) a.kill('SIGKILL');
  agents = [];
  dir?.remove();
});

async function up(args = ['--api-port', '0', '--receiver-port', '0']) {
  const a = startAgentProcess(dir.path, args);
  agents.push(a);
  await a.listening;
  return a;
}

interface Settings {
  connector: string;
  publicReceiverUrl: string | null;
  receiver: { port: number; bind: string; tls: unknown };
  stellantis: Record<string, unknown>;
  notifications: { desktop: boolean };
  restartRequired: boolean;
  lockedBy: { setting: string; source: string }[];
  secretStorage: string;
}

const input = (s: Settings, changes: Partial<Settings> = {}) => {
  const { restartRequired: _r, lockedBy: _l, secretStorage: _s, ...rest } = { ...s, ...changes };
  const { hasPassword: _h, ...stellantis } = rest.stellantis;
  return { ...rest, stellantis };
};

describe('settings', () => {
  it('shows what the agent runs with, refuses bad values field by field, and applies saved ones at the next start', async () => {
    dir = tempDir();
    let agent = await up();
    const first = await agent.api<Settings>('GET', '/api/v1/settings');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      connector: 'simulator',
      publicReceiverUrl: null,
      receiver: { port: 0, bind: '127.0.0.1', tls: null },
      restartRequired: false,
      secretStorage: 'key-file',
    });
    expect(first.body.lockedBy).toEqual(
      expect.arrayContaining([{ setting: 'receiver-port', source: '--receiver-port' }]),
    );

    const badPort = await agent.api<{ errors: { field: string }[] }>('PUT', '/api/v1/settings', {
      ...input(first.body),
      receiver: { port: 70000, bind: '127.0.0.1', tls: null },
    });
    expect(badPort.status).toBe(400);
    expect(badPort.body.errors[0]!.field).toBe('receiver.port');

    const badUrl = await agent.api<{ errors: { field: string; message: string }[] }>(
      'PUT',
      '/api/v1/settings',
      {
        ...input(first.body, { publicReceiverUrl: 'http://depot.example/recv' }),
      },
    );
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors[0]).toMatchObject({
      field: 'publicReceiverUrl',
      message: expect.stringMatching(/https/),
    });

    const incomplete = await agent.api<{ errors: { field: string }[] }>('PUT', '/api/v1/settings', {
      ...input(first.body, { connector: 'stellantis' }),
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['stellantis.fleetId', 'stellantis.user', 'stellantis.certFile']),
    );
    // Nothing of the refused attempts was saved.
    expect((await agent.api<Settings>('GET', '/api/v1/settings')).body).toEqual(first.body);

    const saved = await agent.api<Settings>('PUT', '/api/v1/settings', {
      ...input(first.body, { publicReceiverUrl: 'https://depot.example/recv' }),
      stellantis: { ...input(first.body).stellantis, user: 'MZP0001', password: 'not-in-clear-anywhere' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      publicReceiverUrl: 'https://depot.example/recv',
      restartRequired: true,
    });
    expect(saved.body.stellantis).toMatchObject({ user: 'MZP0001', hasPassword: true });
    expect(JSON.stringify(saved.body)).not.toContain('not-in-clear-anywhere');
    const audit = await agent.api<{ items: { action: string }[] }>(
      'GET',
      '/api/v1/audit?action=settings.change',
    );
    expect(audit.body.items).toHaveLength(1);

    agent.kill('SIGTERM');
    await agent.exited;
    agent = await up();
    const after = await agent.api<Settings>('GET', '/api/v1/settings');
    expect(after.body).toMatchObject({
      publicReceiverUrl: 'https://depot.example/recv',
      restartRequired: false,
    });
    expect(agent.output()).not.toContain('not-in-clear-anywhere');
  });
});
