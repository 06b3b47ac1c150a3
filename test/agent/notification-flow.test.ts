// The whole notification path with real processes and sockets: the built agent runs the simulator, which
// posts every event over HTTP to the agent's receiver; the agent stores it and forwards it to the local
// callback's own webhook (a real HTTP server here) with its attributes and signature. Then the same with
// the webhook down, and the agent killed with SIGKILL in the middle of draining the backlog.
import { REMOTE_TYPES } from '../../main/core/domain/remote-type.js';
import { createHmac } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AgentProcess, requireBuiltAgent, startAgentProcess } from '../helpers/agent-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { freePort, type SinkRequest, startSink, waitFor, type WebhookSink } from '../helpers/webhook-sink.js';

const SECRET = 'whsec_' + Buffer.alloc(32, 3).toString('base64');
const ARGS = ['--api-port', '0', '--receiver-port', '0', '--sim-speed', '200', '--sim-seed', '7'];

const FEATURES: { body: Record<string, unknown>; dangerous?: boolean }[] = [
  { body: { door: { state: 'Locked' } } },
  { body: { horn: { state: 'Activated' } } },
  { body: { lights: { on: true } } },
  { body: { wakeUp: { action: 'WakeUp' } } },
  { body: { charging: { immediate: true } } },
  { body: { preconditioning: { airConditioning: { immediate: true } } } },
  { body: { navigation: { positions: [{ type: 'Point', coordinates: [2.3522, 48.8566] }] } } },
  { body: { immobilization: { activate: true } }, dangerous: true },
  { body: { stolen: { stolen: true } }, dangerous: true },
];

let agents: AgentProcess[] = [];
let sinks: WebhookSink[] = [];
let dir: ReturnType<typeof tempDir>;

beforeAll(requireBuiltAgent);
afterEach(async () => {
  for (const a of agents) a.kill('SIGKILL');
  for (const s of sinks) await s.close();
  agents = [];
  sinks = [];
  dir?.remove();
});

async function agentUp() {
  const agent = startAgentProcess(dir.path, ARGS);
  agents.push(agent);
  await agent.listening;
  return agent;
}

async function createCallback(agent: AgentProcess, target: string) {
  const res = await agent.api<{ id: string }>('POST', '/api/v1/callbacks', {
    label: 'depot systems',
    callback: {
      webhook: {
        target: `${target}/hooks/stellantis`,
        name: 'depot',
        attributes: [
          { type: 'Header', key: 'X-Vin', value: '$vin' },
          { type: 'Query', key: 'type', value: '$remoteType' },
          { type: 'Body', key: 'site', value: 'depot-42' },
        ],
      },
    },
    retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 1 },
    remoteTypes: [...REMOTE_TYPES],
    signingSecret: SECRET,
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Sends every feature to the simulator's reference van and waits for each to be Done; returns their events. */
async function sendAllFeatures(agent: AgentProcess, cbid: string) {
  const vehicles = await agent.api<{ items: { id: string; vin: string; label: string }[] }>(
    'GET',
    '/api/v1/vehicles?search=Van%2001',
  );
  const van = vehicles.body.items[0]!;
  const actions: {
    id: string;
    type: string;
    events: { eventType: string; status: string; source: string }[];
    outcome: string;
  }[] = [];
  for (const f of FEATURES) {
    const headers: Record<string, string> = f.dangerous
      ? { 'x-depot-reason': 'End-to-end test of the pipeline' }
      : {};
    const sent = await agent.api<{ remoteActionId: string }>(
      'POST',
      `/api/v1/vehicles/${van.id}/callbacks/${cbid}/remotes`,
      f.body,
      headers,
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const done = await waitFor(`${Object.keys(f.body)[0]} done`, async () => {
      const a = await agent.api<{
        phase: string;
        type: string;
        outcome: string;
        events: { eventType: string; status: string; source: string }[];
      }>('GET', `/api/v1/remotes/${sent.body.remoteActionId}`);
      return a.body.phase === 'Done' ? a.body : undefined;
    });
    actions.push({
      id: sent.body.remoteActionId,
      type: done.type,
      events: done.events,
      outcome: done.outcome,
    });
  }
  return { van, actions };
}

function verifySignature(r: SinkRequest): boolean {
  const id = r.headers['webhook-id'] as string;
  const ts = r.headers['webhook-timestamp'] as string;
  const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${r.body}`).digest('base64');
  return (r.headers['webhook-signature'] as string).split(' ').includes(`v1,${expected}`);
}

describe('notifications from the network to the depot system', () => {
  it('each of the nine features goes Pending → Done through the receiver and is forwarded, signed, with its attributes', async () => {
    dir = tempDir();
    const sink = await startSink();
    sinks.push(sink);
    const agent = await agentUp();
    const cbid = await createCallback(agent, sink.url);
    const { van, actions } = await sendAllFeatures(agent, cbid);

    for (const a of actions) {
      expect(a.events.at(-1)?.eventType, a.type).toBe('Done');
      expect(a.events.length).toBeGreaterThanOrEqual(2);
      // Every event came in through the receiver: the simulator posts over HTTP like the real network.
      expect(new Set(a.events.map((e) => e.source))).toEqual(new Set(['receiver']));
    }
    expect(actions.find((a) => a.type === 'Navigation')!.events.map((e) => e.status)).not.toContain(
      'Accepted',
    );
    const expected = actions.reduce((n, a) => n + a.events.length, 0);
    await waitFor('every event forwarded', () => sink.requests.length >= expected || undefined);
    expect(sink.requests).toHaveLength(expected);

    for (const r of sink.requests) {
      expect(r.method).toBe('POST');
      expect(r.headers['x-vin']).toBe(van.vin);
      expect(verifySignature(r)).toBe(true);
      const events = r.json.events as {
        remoteActionId: string;
        remoteType: string;
        eventStatus: { type: string };
      }[];
      expect(events).toHaveLength(1);
      expect(new URL(r.url, sink.url).searchParams.get('type')).toBe(events[0]!.remoteType);
      expect(r.json.callbackId).toBe(cbid);
      expect(r.json.attributes).toEqual([{ key: 'site', value: 'depot-42' }]);
    }
    const forwarded = new Set(
      sink.requests.flatMap((r) =>
        (r.json.events as { remoteActionId: string }[]).map((e) => e.remoteActionId),
      ),
    );
    expect([...forwarded].sort()).toEqual(actions.map((a) => a.id).sort());
  });

  it('with the webhook down, every notification arrives after it returns, even across a SIGKILL mid-drain', async () => {
    dir = tempDir();
    const port = await freePort();
    let agent = await agentUp();
    const cbid = await createCallback(agent, `http://127.0.0.1:${port}`);
    const { actions } = await sendAllFeatures(agent, cbid);
    const expected = actions.reduce((n, a) => n + a.events.length, 0);

    // The webhook comes back, slowly; the agent is killed while it drains the backlog.
    const sink = await startSink(port);
    sinks.push(sink);
    sink.respond.delayMs = 40;
    await waitFor('the drain to start', () => sink.requests.length >= 3 || undefined);
    agent.kill('SIGKILL');
    await agent.exited;
    const before = sink.requests.length;
    expect(before).toBeLessThan(expected);

    sink.respond.delayMs = 0;
    agent = await agentUp();
    await waitFor(
      'every notification delivered',
      () => new Set(sink.requests.map((r) => r.headers['webhook-id'])).size >= expected || undefined,
      30_000,
    );
    const byId = new Map<string, SinkRequest[]>();
    for (const r of sink.requests)
      byId.set(r.headers['webhook-id'] as string, [
        ...(byId.get(r.headers['webhook-id'] as string) ?? []),
        r,
      ]);
    expect(byId.size).toBe(expected);
    // The only duplicates are deliveries that were in flight at the kill, and they carry the same webhook-id.
    for (const copies of byId.values()) {
      for (const c of copies) expect(c.body).toBe(copies[0]!.body);
    }
    const events = [...byId.values()].map(
      (c) => (c[0]!.json.events as { remoteActionId: string; eventStatus: { status: string } }[])[0]!,
    );
    for (const a of actions) {
      expect(
        events
          .filter((e) => e.remoteActionId === a.id)
          .map((e) => e.eventStatus.status)
          .sort(),
      ).toEqual(a.events.map((e) => e.status).sort());
    }
    // Recorded Delivered once the outbox's commit follows the last answers (milliseconds after the sink has them).
    const states = async () =>
      (
        await agent.api<{ items: { state: string }[] }>(
          'GET',
          `/api/v1/deliveries?callback=${cbid}&limit=100`,
        )
      ).body.items.map((d) => d.state);
    await waitFor(
      'every delivery recorded Delivered',
      async () => (await states()).every((state) => state === 'Delivered') || undefined,
    );
    expect(new Set(await states())).toEqual(new Set(['Delivered']));
  });
});
