// Server-sent events over a real socket on 127.0.0.1.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { callbackBody, type Harness, startHarness, TOKEN } from '../../helpers/api-harness.js';

let h: Harness;
let base: string;
beforeEach(async () => {
  h = await startHarness();
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => h.close());

async function readEvents(res: Response, until: (names: string[]) => boolean, timeoutMs = 5000) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { name: string; data: unknown }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(events.map((e) => e.name)) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (name && data) events.push({ name, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

it('streams callback, audit and action changes as they are committed', async () => {
  const stream = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);

  const cb = await fetch(`${base}/api/v1/callbacks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(callbackBody()),
  }).then((r) => r.json());
  const sent = await fetch(`${base}/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lights: { on: true } }),
  }).then((r) => r.json());
  h.clock.advance(5_000);

  const events = await readEvents(stream, (names) => names.filter((n) => n === 'action.changed').length >= 4);
  expect(events.slice(0, 2)).toMatchObject([
    { name: 'audit.appended', data: { entry: { action: 'callback.create', callbackId: cb.id } } },
    { name: 'callback.changed', data: { callbackId: cb.id } },
  ]);
  expect(
    events.find((e) => e.name === 'audit.appended' && JSON.stringify(e.data).includes('remote.send')),
  ).toBeDefined();
  const phases = events
    .filter((e) => e.name === 'action.changed')
    .map((e) => (e.data as { action: { phase: string; status: string | null } }).action)
    .map((a) => `${a.phase}:${a.status}`);
  // Sending is stored but not published: its local id is replaced by the network's a moment later.
  expect(phases).toEqual(['Pending:null', 'Pending:Accepted', 'Pending:SentToVehicle', 'Done:Success']);
  const last = events.filter((e) => e.name === 'action.changed').at(-1)!.data as {
    action: { remoteActionId: string };
  };
  expect(last.action.remoteActionId).toBe(sent.remoteActionId);
});

it('refuses the stream without a token', async () => {
  const res = await fetch(`${base}/api/v1/events`);
  expect(res.status).toBe(401);
});

it('closing the API ends open event streams instead of waiting for the clients', async () => {
  const stream = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(stream.status).toBe(200);
  const started = Date.now();
  await h.app.close();
  expect(Date.now() - started).toBeLessThan(2000);
});
