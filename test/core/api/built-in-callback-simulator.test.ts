// Out of the box: a fresh agent (started in-process, real sockets) on the built-in simulator takes a horn to
// "Van 01" through the built-in callback, with no callback created; the simulator posts every notification over
// HTTP to the agent's own receiver, authenticated with the built-in's x-depot-secret, and the command reaches Done.
// Nothing is forwarded anywhere. The next start on the same folder keeps it, renamed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../../main/core/config/agent-options.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { startAgent } from '../../../main/headless/start-agent.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { waitFor } from '../../helpers/webhook-sink.js';

const dir = tempDir();
type Agent = Awaited<ReturnType<typeof startAgent>>;
let agent: Agent;

async function start(): Promise<Agent> {
  const parsed = parseAgentOptions(
    ['--data-dir', dir.path, '--api-port', '0', '--receiver-port', '0', '--sim-speed', '100'],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  return startAgent(parsed.options, silentLogger);
}

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
  const res = await fetch(`${agent.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${agent.token.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  agent = await start();
});
afterAll(async () => {
  await agent?.stop();
  dir.remove();
});

describe('a horn to Van 01 on a fresh agent, through "This workstation"', () => {
  it('reaches Done through the receiver with no callback created, and nothing is delivered', async () => {
    const callbacks = await api<{ items: { id: string; builtIn?: boolean }[] }>('GET', '/api/v1/callbacks');
    expect(callbacks.body.items.map((c) => [c.id, c.builtIn])).toEqual([['workstation', true]]);
    const vans = await api<{ items: { id: string; label: string }[] }>(
      'GET',
      '/api/v1/vehicles?search=Van%2001',
    );
    const van = vans.body.items.find((v) => v.label === 'Van 01')!;

    const sent = await api<{ remoteActionId: string }>(
      'POST',
      `/api/v1/vehicles/${van.id}/callbacks/workstation/remotes`,
      { horn: { state: 'Activated' } },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const done = await waitFor('the horn Done', async () => {
      const a = await api<{ phase: string; outcome: string; events: { status: string; source: string }[] }>(
        'GET',
        `/api/v1/remotes/${sent.body.remoteActionId}`,
      );
      return a.body.phase === 'Done' ? a.body : undefined;
    });
    expect(done.outcome).toBe('Success');
    // Every step came over HTTP to the receiver, which knew the built-in's secret.
    expect(done.events.map((e) => [e.status, e.source])).toEqual([
      ['Accepted', 'receiver'],
      ['SentToVehicle', 'receiver'],
      ['Success', 'receiver'],
    ]);
    expect((await api<{ total: number }>('GET', '/api/v1/deliveries')).body.total).toBe(0);
  });

  it('is still there at the next start, with its new name', async () => {
    const renamed = await api('PUT', '/api/v1/callbacks/workstation', { label: 'Front desk' });
    expect(renamed.status).toBe(200);
    await agent.stop();
    agent = await start();
    const callbacks = await api<{ items: { id: string; subscribe: { label: string } }[] }>(
      'GET',
      '/api/v1/callbacks',
    );
    expect(callbacks.body.items.map((c) => [c.id, c.subscribe.label])).toEqual([
      ['workstation', 'Front desk'],
    ]);
    // And still works: the simulator (which forgets registrations between runs) was told again at start.
    const vans = await api<{ items: { id: string; label: string }[] }>(
      'GET',
      '/api/v1/vehicles?search=Van%2001',
    );
    const van = vans.body.items.find((v) => v.label === 'Van 01')!;
    const sent = await api<{ remoteActionId: string }>(
      'POST',
      `/api/v1/vehicles/${van.id}/callbacks/workstation/remotes`,
      { lights: { on: true } },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await waitFor('the lights Done', async () => {
      const a = await api<{ phase: string }>('GET', `/api/v1/remotes/${sent.body.remoteActionId}`);
      return a.body.phase === 'Done' ? a.body : undefined;
    });
  });
});
