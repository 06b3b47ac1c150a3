// The headless agent hands the poller the actions still open at start and lets go of each one that ends; the
// poller speaks the network's ids, never the agent's own.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRemotePoller,
  type RemotePoller,
} from '../../../main/core/connector/stellantis/remote-poller.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { followOpenActions } from '../../../main/headless/polling.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';

let h: Harness;
let net: ScriptedConnector;
let poller: RemotePoller;
afterEach(async () => {
  poller?.stop();
  await h?.close();
});

async function start() {
  net = scriptedConnector();
  h = await startHarness({ connector: () => net });
  poller = createRemotePoller({
    clock: h.clock,
    logger: silentLogger,
    readRemote: (vid, cbid, rid) => net.getRemote(vid, cbid, rid),
    sink: async (events) => void h.core.services.ingest.ingest(events, 'poll'),
    notificationsExpected: () => false,
  });
  const cbid = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json()
    .id;
  return (body: object) =>
    h.call({ method: 'POST', url: `/api/v1/vehicles/veh-e208-01/callbacks/${cbid}/remotes`, payload: body });
}

const done = (rid: string) => ({
  remoteActionId: rid,
  vin: 'VR3UHZKXZMT000001',
  eventDate: '2026-01-05T08:00:09Z',
  remoteType: 'Doors',
  eventStatus: { type: 'Done' as const, status: 'Success' as const },
});

describe('followOpenActions', () => {
  it('tracks open actions by their network id and lets go once their Done arrives', async () => {
    const send = await start();
    const sent = await send({ door: { state: 'Locked' } });
    const stop = followOpenActions(h.core, poller);
    expect(poller.tracked()).toEqual(['rid-1']);
    expect(poller.tracked()).not.toContain(sent.json().remoteActionId);
    await net.emit([done('rid-1')]);
    expect(poller.tracked()).toEqual([]);
    stop();
  });

  it('keeps following an id whose reuse was refused to a newer action', async () => {
    const send = await start();
    await send({ door: { state: 'Locked' } });
    const stop = followOpenActions(h.core, poller);
    net.next = { id: 'rid-1' };
    expect((await send({ horn: { state: 'Activated' } })).json().code).toBe('UPSTREAM_ID_CONFLICT');
    expect(poller.tracked()).toEqual(['rid-1']);
    stop();
  });
});
