// Every local callback has a twin on the network pointing at this agent's receiver.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';

let h: Harness;
let net: ScriptedConnector;
beforeEach(async () => {
  net = scriptedConnector();
  h = await startHarness({ connector: () => net, receiverBaseUrl: 'https://depot.example/recv/' });
});
afterEach(async () => h.close());

describe('upstream twin of a callback', () => {
  it('is registered on create with our receiver URL, the receiver secret header, and a Bounded retry', async () => {
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    expect(net.upstream.size).toBe(1);
    const twin = net.upstream.get('upstream-1')!.callback;
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
    await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}`,
      payload: callbackBody({ remoteTypes: ['Horn'] }),
    });
    expect(net.upstream.get('upstream-1')!.callback.remoteTypes).toEqual(['Horn']);
    await h.call({ method: 'PUT', url: `/api/v1/callbacks/${cb.id}/status`, payload: { status: 'Paused' } });
    expect(net.upstream.get('upstream-1')!.status).toBe('Paused');
    expect((await h.call({ method: 'DELETE', url: `/api/v1/callbacks/${cb.id}` })).statusCode).toBe(204);
    expect(net.upstream.size).toBe(0);
  });

  it('a refused registration stores nothing and says why', async () => {
    net.failUpstream = new ConnectorError('refused', 'Invalid webhook target', {
      code: '40001',
      reference: 'ref-9',
    });
    const res = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() });
    expect(res.statusCode).toBe(502);
    expect(res.json().message).toMatch(/40001.*Invalid webhook target.*ref-9/);
    expect((await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().total).toBe(0);
  });

  it('sync at start re-registers twins the network forgot', async () => {
    const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    net.upstream.clear(); // e.g. the simulator restarted
    const result = await h.core.services.callbacks.syncUpstream();
    expect(result).toEqual({ synced: 1, failed: [] });
    const [upstreamId, twin] = [...net.upstream.entries()][0]!;
    expect(upstreamId).not.toBe('upstream-1');
    expect(twin.callback.callback.webhook.target).toMatch(new RegExp(`${cb.id}$`));
    // The remote carries the new upstream id.
    await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(net.sent[0]!.upstreamCallbackId).toBe(upstreamId);
  });
});
