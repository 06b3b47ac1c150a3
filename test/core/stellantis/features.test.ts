// Each of the nine features through the fleet adapter against the fake server: success (notifications reach
// the receiver stand-in), a refusal by the API with its code and reference kept, 429, and a failure cause
// arriving as a notification.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, type SendRemoteRequest } from '../../../main/core/connector/connector.js';
import type { RemoteBody } from '../../../main/core/domain/remote/remote-body.js';
import type { RemoteType } from '../../../main/core/domain/remote-type.js';
import { createTestPki, FAKE_VEHICLES, type TestPki } from '../../fakes/stellantis-server/index.js';
import { SECRET, startWorld, statusesOf, type World } from './world.js';

const FEATURES: { type: RemoteType; body: RemoteBody; invalid: unknown; cause: string }[] = [
  {
    type: 'ElectricBatteryChargingRequest',
    body: { charging: { immediate: true } },
    invalid: { charging: {} },
    cause: 'ExternalChargingSystemError',
  },
  { type: 'Stolen', body: { stolen: { stolen: true } }, invalid: { stolen: {} }, cause: 'GeneralError' },
  { type: 'Lights', body: { lights: { on: true } }, invalid: { lights: {} }, cause: 'VehicleError' },
  {
    type: 'WakeUp',
    body: { wakeUp: { action: 'WakeUp' } },
    invalid: { wakeUp: { action: 'Sleep' } },
    cause: 'VehicleConnectionTimeout',
  },
  {
    type: 'ThermalPreconditioning',
    body: { preconditioning: { airConditioning: { immediate: true } } },
    invalid: { preconditioning: {} },
    cause: 'VehicleIsNotLocked',
  },
  {
    type: 'Doors',
    body: { door: { state: 'Locked' } },
    invalid: { door: { state: 'Open' } },
    cause: 'DoorsOpen',
  },
  {
    type: 'Horn',
    body: { horn: { state: 'Activated' } },
    invalid: { horn: { state: 'Loud' } },
    cause: 'VehicleInUse',
  },
  {
    type: 'Immobilization',
    body: { immobilization: { activate: true } },
    invalid: { immobilization: {} },
    cause: 'MissingRights',
  },
  {
    type: 'Navigation',
    body: { navigation: { positions: [{ type: 'Point', coordinates: [2.3522, 48.8566] }] } },
    invalid: { navigation: { positions: [] } },
    cause: 'WrongCommand',
  },
];

const vehicle = FAKE_VEHICLES[0]!;
let pki: TestPki;
let w: World;
let cb: string;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
beforeEach(async () => {
  w = await startWorld({ pki });
  cb = await w.register('cb-local-1');
});
afterEach(async () => w.close());

const request = (type: RemoteType, body: RemoteBody): SendRemoteRequest => ({
  vehicleId: vehicle.id,
  vin: vehicle.vin,
  callbackId: 'cb-local-1',
  upstreamCallbackId: cb,
  type,
  body,
});

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe.each(FEATURES)('$type', ({ type, body, invalid, cause }) => {
  const head = type === 'Navigation' ? [] : ['Pending/Accepted'];

  it('succeeds: notifications reach our receiver with the secret header, in the fleet payload', async () => {
    const { remoteActionId } = await w.connector.sendRemote(request(type, body));
    await w.run(5_000);
    expect(statusesOf(w.receiver.events(), remoteActionId)).toEqual([
      ...head,
      'Pending/SentToVehicle',
      'Done/Success',
    ]);
    for (const n of w.receiver.received) {
      expect(n.path).toBe('/webhooks/stellantis/cb-local-1');
      expect(n.headers['x-depot-secret']).toBe(SECRET);
      expect(n.body.callbackId).toBe(cb);
      expect(n.body.events[0]).toMatchObject({ remoteActionId, vin: vehicle.vin, remoteType: type });
    }
    expect(await w.connector.getRemote(vehicle.id, cb, remoteActionId)).toMatchObject({
      status: 'Success',
      type,
    });
  });

  it('is refused by the API with the code and reference kept', async () => {
    const e = await failure(w.connector.sendRemote(request(type, invalid as RemoteBody)));
    expect(e.kind).toBe('invalid');
    expect(e.details.code).toBe('40020');
    expect(e.details.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.message).toMatch(
      new RegExp(
        `^Stellantis refused to send the ${type} remote: the request was invalid \\(HTTP 400\\)\\. Stellantis says: Invalid remote: `,
      ),
    );
    expect(w.fake.remotes.size).toBe(0);
  });

  it('handles 429: rate-limited with Retry-After, answered locally meanwhile, then sent', async () => {
    w.fake.throttle(30);
    const e = await failure(w.connector.sendRemote(request(type, body)));
    expect(e).toMatchObject({ kind: 'rate-limited', details: { retryAfterSeconds: 30, code: '42900' } });
    const seen = w.fake.requests.length;
    w.clock.advance(10_000);
    const meanwhile = await failure(w.connector.sendRemote(request(type, body)));
    expect(meanwhile.details.retryAfterSeconds).toBe(20);
    expect(w.fake.requests).toHaveLength(seen);
    w.clock.advance(20_000);
    const { remoteActionId } = await w.connector.sendRemote(request(type, body));
    expect(w.fake.remotes.has(remoteActionId)).toBe(true);
  });

  it(`reports the failure cause ${cause} as a Done/Failed notification`, async () => {
    w.fake.scriptNext(vehicle.id, { failureCause: cause });
    const { remoteActionId } = await w.connector.sendRemote(request(type, body));
    await w.run(5_000);
    expect(statusesOf(w.receiver.events(), remoteActionId)).toEqual([
      ...head,
      'Pending/SentToVehicle',
      'Done/Failed',
    ]);
    const done = w.receiver.events().find((e) => e.eventStatus.type === 'Done')!;
    expect(done.eventStatus).toEqual({ type: 'Done', status: 'Failed', failureCause: cause });
    expect(await w.connector.getRemote(vehicle.id, cb, remoteActionId)).toEqual({
      remoteActionId,
      type,
      status: 'Failed',
      failureCause: cause,
    });
  });
});
