// "Send again" end to end: a new action linked to the first both ways, through the same checks (the caller's role,
// the reason of a dangerous remote) and the same queue; "wake and retry" where the vehicle's sleep stopped it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { RemoteType } from '../../../preload/contract/vocabulary.js';
import { type Harness, startHarness } from '../../helpers/api-harness.js';
import { signedIn } from '../../helpers/operator-sessions.js';
import { flush, queueNetwork, type QueueNetwork } from '../../helpers/queue-network.js';

const VEHICLE = 'veh-e208-01';
const URL = `/api/v1/vehicles/${VEHICLE}/callbacks/workstation/remotes`;
const REASON = { 'x-depot-reason': 'Vehicle not returned after rental' };
const TIMEOUT = { status: 'Failed', failureCause: 'VehicleConnectionTimeout' } as const;

let h: Harness;
let net: QueueNetwork;
beforeEach(async () => {
  net = queueNetwork();
  h = await startHarness({ connector: (clock) => net.connector(clock) });
  await flush();
});
afterEach(async () => h.close());

const send = (payload: object, headers: Record<string, string> = {}) =>
  h.call({ method: 'POST', url: URL, payload, headers });
const read = async (rid: string): Promise<RemoteActionDto> =>
  (await h.call({ method: 'GET', url: `/api/v1/remotes/${rid}` })).json();
const resend = (rid: string, query = '', headers: Record<string, string> = {}) =>
  h.call({ method: 'POST', url: `/api/v1/remotes/${rid}/resend${query}`, headers });
const advance = async (ms: number) => {
  h.clock.advance(ms);
  await flush();
};

const TYPES: Record<string, RemoteType> = { horn: 'Horn', door: 'Doors', immobilization: 'Immobilization' };

/** A command that reached Done with `outcome`. */
async function failed(payload: object, outcome: { status: 'Failed'; failureCause: string }, headers = {}) {
  net.outcome = { [TYPES[Object.keys(payload)[0]!]!]: outcome };
  const rid = (await send(payload, headers)).json().remoteActionId;
  await advance(3_000);
  net.outcome = {};
  return rid as string;
}

describe('send again', () => {
  it('makes a new action with the same vehicle, callback and body, linked both ways, audited', async () => {
    const first = await failed(
      { door: { state: 'Locked' } },
      { status: 'Failed', failureCause: 'CidInside' },
    );
    expect(await read(first)).toMatchObject({
      phase: 'Done',
      outcome: 'Failed',
      resend: { wakeFirst: false },
    });
    const res = await resend(first, '', { 'x-depot-operator': 'Ana' });
    expect(res.statusCode).toBe(202);
    const again = res.json() as RemoteActionDto;
    expect(again).toMatchObject({
      phase: 'Pending',
      resentFrom: first,
      vehicleId: VEHICLE,
      callbackId: 'workstation',
      remote: { door: { state: 'Locked' } },
    });
    expect(again.remoteActionId).not.toBe(first);
    const old = await read(first);
    expect(old.resentAs).toBe(again.remoteActionId);
    expect(old.resend).toBeUndefined();
    expect(net.receivedOf('Doors')).toHaveLength(2);
    const [entry] = (await h.call({ method: 'GET', url: '/api/v1/audit?action=remote.resend' })).json().items;
    expect(entry).toMatchObject({
      remoteActionId: first,
      actor: { kind: 'machine', onBehalfOf: 'Ana' },
      detail: { resentAs: again.remoteActionId },
    });

    const twice = await resend(first);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'ACTION_ALREADY_RESENT' });
    expect(twice.json().message).toContain(again.remoteActionId);
  });

  it('refuses an action that is not over or did what was asked (409), and an unknown one (404)', async () => {
    const pending = (await send({ horn: { state: 'Activated' } })).json().remoteActionId;
    expect((await resend(pending)).json()).toMatchObject({ code: 'ACTION_NOT_RESENDABLE' });
    await advance(3_000);
    expect((await read(pending)).resend).toBeUndefined();
    expect((await resend(pending)).statusCode).toBe(409);
    expect((await resend('nope')).statusCode).toBe(404);
    expect((await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().total).toBe(1);
  });

  it('goes through the same queue: behind a command of the same feature in flight', async () => {
    const first = await failed(
      { door: { state: 'Locked' } },
      { status: 'Failed', failureCause: 'DoorsOpen' },
    );
    net.hold = true;
    await send({ door: { state: 'Locked' } });
    const again = (await resend(first)).json();
    expect(again).toMatchObject({ phase: 'Queued', queue: { position: 1 }, resentFrom: first });
  });

  it('through the same policy: a technician cannot send an immobilization again (403), and nothing is stored', async () => {
    const first = await failed(
      { immobilization: { activate: true } },
      { status: 'Failed', failureCause: 'VehicleError' },
      REASON,
    );
    const tess = await signedIn(h, 'Tess', 'technician');
    const refused = await tess.call({
      method: 'POST',
      url: `/api/v1/remotes/${first}/resend`,
      headers: REASON,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await read(first)).resentAs).toBeUndefined();
    expect((await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().total).toBe(1);
    // A supervisor may; the reason is asked again, as for any immobilization.
    const sam = await signedIn(h, 'Sam', 'supervisor', '654321');
    const noReason = await sam.call({ method: 'POST', url: `/api/v1/remotes/${first}/resend` });
    expect(noReason.statusCode).toBe(400);
    const ok = await sam.call({ method: 'POST', url: `/api/v1/remotes/${first}/resend`, headers: REASON });
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toMatchObject({ resentFrom: first, sentBy: { name: 'Sam' } });
  });

  it('a technician cannot cancel a queued immobilization either (403): it stays queued', async () => {
    net.hold = true;
    await send({ immobilization: { activate: true } }, REASON);
    const queued = (
      await h.call({
        method: 'POST',
        url: `${URL}?whenBusy=queue`,
        payload: { immobilization: { activate: false } },
        headers: REASON,
      })
    ).json().remoteActionId;
    const tess = await signedIn(h, 'Tess', 'technician');
    const refused = await tess.call({ method: 'POST', url: `/api/v1/remotes/${queued}/cancel` });
    expect(refused.statusCode).toBe(403);
    expect((await read(queued)).phase).toBe('Queued');
  });
});

describe('wake and retry', () => {
  it('where the vehicle could not be woken: a WakeUp goes first, and the command once it succeeded', async () => {
    const first = await failed({ horn: { state: 'Activated' } }, TIMEOUT);
    expect((await read(first)).resend).toEqual({ wakeFirst: true });
    const res = await resend(first, '?wakeFirst=true');
    expect(res.statusCode).toBe(202);
    const again = res.json() as RemoteActionDto;
    expect(again).toMatchObject({
      phase: 'Queued',
      resentFrom: first,
      queue: { reason: 'WAKE_UP_FIRST', position: 1 },
      explanation: { code: 'queue.WAKE_UP_FIRST' },
    });
    const wakeId = again.queue!.after!;
    expect(await read(wakeId)).toMatchObject({
      type: 'WakeUp',
      phase: 'Pending',
      remote: { wakeUp: { action: 'WakeUp' } },
    });
    expect(net.received.map((r) => r.type)).toEqual(['Horn', 'WakeUp']);
    await advance(3_000); // the wake-up's Done
    expect(net.received.map((r) => r.type)).toEqual(['Horn', 'WakeUp', 'Horn']);
    await advance(3_000);
    expect(await read(again.remoteActionId)).toMatchObject({ phase: 'Done', outcome: 'Success' });
  });

  it('if the wake-up fails, the command is cancelled (WAKE_UP_FAILED), never sent', async () => {
    const first = await failed({ horn: { state: 'Activated' } }, TIMEOUT);
    net.outcome = { WakeUp: TIMEOUT };
    const again = (await resend(first, '?wakeFirst=true')).json() as RemoteActionDto;
    await advance(3_000);
    expect(await read(again.remoteActionId)).toMatchObject({
      phase: 'Cancelled',
      error: { code: 'WAKE_UP_FAILED' },
      explanation: { code: 'local.WAKE_UP_FAILED' },
      resend: { wakeFirst: false },
    });
    await advance(10_000);
    expect(net.receivedOf('Horn')).toHaveLength(1);
  });

  it('is refused where sleep was not the cause', async () => {
    const first = await failed(
      { door: { state: 'Locked' } },
      { status: 'Failed', failureCause: 'CidInside' },
    );
    const res = await resend(first, '?wakeFirst=true');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'WAKE_FIRST_NOT_APPLICABLE' });
    expect(net.receivedOf('WakeUp')).toHaveLength(0);
  });
});
