// The headless agent hands the poller the actions still unterminated at start (a TimedOut one included: its late
// Done still completes it) and lets go of each one that ends; the poller speaks the network's ids, never the
// agent's own.
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

  it('keeps following a TimedOut action (settled, not terminal) until the network reads Done', async () => {
    const send = await start();
    const sent = (await send({ door: { state: 'Locked' } })).json();
    h.clock.advance(16 * 60_000); // the watchdog's 15 min: no outcome, TimedOut
    const read = async () =>
      (await h.call({ method: 'GET', url: `/api/v1/remotes/${sent.remoteActionId}` })).json();
    expect((await read()).phase).toBe('TimedOut');

    const stop = followOpenActions(h.core, poller);
    expect(poller.tracked()).toEqual(['rid-1']);
    net.getRemote = async (_vid, _cbid, rid) => ({ remoteActionId: rid, type: 'Doors', status: 'Success' });
    h.clock.advance(1_000);
    await poller.idle();

    expect(await read()).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(poller.tracked()).toEqual([]);
    stop();
  });

  it('does not follow a TimedOut action accepted before the give-up window', async () => {
    const send = await start();
    await send({ door: { state: 'Locked' } });
    h.clock.advance(25 * 60 * 60_000);
    const stop = followOpenActions(h.core, poller);
    expect(poller.tracked()).toEqual([]);
    stop();
  });
});
