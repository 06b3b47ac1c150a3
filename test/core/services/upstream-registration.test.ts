// Every local callback has a twin on the network pointing at this agent's receiver, the built-in one ("This
// workstation") included: it has no webhook of its own, but upstream it is registered like any other.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import { REMOTE_TYPES } from '../../../main/core/domain/remote-type.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';
import { tempDir } from '../../helpers/temp-dir.js';

const RECEIVER = 'https://depot.example/recv/';
const BUILT_IN = 'workstation';

let h: Harness | undefined;
let net: ScriptedConnector;
const start = async (dataDir?: string) => {
  net = scriptedConnector();
  h = await startHarness({
    connector: () => net,
    receiverBaseUrl: RECEIVER,
    ...(dataDir ? { dataDir } : {}),
  });
  return h;
};
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The callback's twin on the network, found through the upstream id the agent stored for it. */
const twinOf = (callbackId: string) => net.upstream.get(h!.core.upstreamIdOf(callbackId) ?? '');

describe('upstream twin of a callback', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });

  it('is registered on create with our receiver URL, the receiver secret header, and a Bounded retry', async () => {
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    // Beside the built-in callback's twin, registered at start.
    expect(net.upstream.size).toBe(2);
    const twin = twinOf(cb.id)!.callback;
    expect(twin.callback.webhook.target).toBe(`https://depot.example/recv/webhooks/stellantis/${cb.id}`);
    const [secretHeader] = twin.callback.webhook.attributes!;
    expect(secretHeader).toMatchObject({ type: 'Header', key: 'x-depot-secret' });
    expect(secretHeader!.value).toBe(await h.core.services.callbacks.openReceiverSecret(cb.id));
    expect(twin.retryPolicy).toEqual({ policy: 'Bounded', retryNumber: 4320, retryDelay: 60 });
    expect(twin.remoteTypes).toEqual(callbackBody().remoteTypes);
    // The local callback's own webhook never goes upstream: only our receiver does.
    expect(JSON.stringify(twin)).not.toContain('/depot42/events');
  });

  it('follows replace, pause and delete', async () => {
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    const upstreamId = h.core.upstreamIdOf(cb.id)!;
    await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}`,
      payload: callbackBody({ remoteTypes: ['Horn'] }),
    });
    expect(net.upstream.get(upstreamId)!.callback.remoteTypes).toEqual(['Horn']);
    await h.call({ method: 'PUT', url: `/api/v1/callbacks/${cb.id}/status`, payload: { status: 'Paused' } });
    expect(net.upstream.get(upstreamId)!.status).toBe('Paused');
    expect((await h.call({ method: 'DELETE', url: `/api/v1/callbacks/${cb.id}` })).statusCode).toBe(204);
    expect(net.upstream.has(upstreamId)).toBe(false);
    expect([...net.upstream.keys()]).toEqual([h.core.upstreamIdOf(BUILT_IN)]);
  });

  it('a refused registration stores nothing and says why', async () => {
    net.failUpstream = new ConnectorError('refused', 'Invalid webhook target', {
      code: '40001',
      reference: 'ref-9',
    });
    const res = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() });
    expect(res.statusCode).toBe(502);
    expect(res.json().message).toMatch(/40001.*Invalid webhook target.*ref-9/);
    const list = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([BUILT_IN]);
  });

  it('sync at start re-registers twins the network forgot', async () => {
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    const before = h.core.upstreamIdOf(cb.id);
    net.upstream.clear(); // e.g. the simulator restarted
    const result = await h.core.services.callbacks.syncUpstream();
    // This callback and the built-in one.
    expect(result).toEqual({ synced: 2, failed: [] });
    const upstreamId = h.core.upstreamIdOf(cb.id)!;
    expect(upstreamId).not.toBe(before);
    expect(net.upstream.get(upstreamId)!.callback.callback.webhook.target).toMatch(new RegExp(`${cb.id}$`));
    // The remote carries the new upstream id.
    await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(net.sent[0]!.upstreamCallbackId).toBe(upstreamId);
  });
});

describe('upstream twin of the built-in callback', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });

  it('is registered at start, pointing at our receiver with its own secret, for every remote type', async () => {
    const twin = twinOf(BUILT_IN)!;
    expect(twin.status).toBe('Running');
    expect(twin.callback).toEqual({
      label: 'This workstation',
      callback: {
        webhook: {
          target: 'https://depot.example/recv/webhooks/stellantis/workstation',
          name: 'depot-remote-workstation',
          attributes: [
            {
              type: 'Header',
              key: 'x-depot-secret',
              value: await h.core.services.callbacks.openReceiverSecret(BUILT_IN),
            },
          ],
        },
      },
      retryPolicy: { policy: 'Bounded', retryNumber: 4320, retryDelay: 60 },
      remoteTypes: [...REMOTE_TYPES],
    });
    // A secret of its own, like any other callback's (the network authenticates its deliveries with it).
    const secret = await h.core.services.callbacks.openReceiverSecret(BUILT_IN);
    expect(secret).toMatch(/^[\w-]{43}$/);
    // Sent through without creating any callback.
    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/veh-e208-01/callbacks/${BUILT_IN}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(net.sent[0]!.upstreamCallbackId).toBe(h.core.upstreamIdOf(BUILT_IN));
  });

  it('follows a rename and a pause', async () => {
    const upstreamId = h.core.upstreamIdOf(BUILT_IN)!;
    const renamed = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${BUILT_IN}`,
      payload: { label: 'Front desk' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(net.upstream.get(upstreamId)!.callback.label).toBe('Front desk');
    await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${BUILT_IN}/status`,
      payload: { status: 'Paused' },
    });
    expect(net.upstream.get(upstreamId)!.status).toBe('Paused');
  });
});

describe('the built-in callback on an existing data folder', () => {
  it('keeps its receiver secret across starts and is registered again at each start', async () => {
    const dir = tempDir();
    try {
      const first = await start(dir.path);
      const secret = await first.core.services.callbacks.openReceiverSecret(BUILT_IN);
      expect(net.upstream.size).toBe(1);
      await first.close();

      // The network forgot it (the simulator restarts empty): the next start registers it again, same secret.
      const second = await start(dir.path);
      expect(await second.core.services.callbacks.openReceiverSecret(BUILT_IN)).toBe(secret);
      expect(twinOf(BUILT_IN)!.callback.callback.webhook.attributes![0]!.value).toBe(secret);
    } finally {
      await h?.close();
      h = undefined;
      dir.remove();
    }
  });
});
