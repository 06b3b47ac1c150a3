// HAL read tolerantly (stellantis-api-notes.md T17, T20, N12.2): unknown fields ignored, missing optional
// fields accepted, documented aliases folded into the spec form, JSON read whatever the content type says.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  remoteActionSchema,
  remoteCallbackSchema,
  subscribeFromHal,
  vehiclesSchema,
} from '../../../main/core/connector/stellantis/hal-schemas.js';
import { parseXError } from '../../../main/core/connector/stellantis/stellantis-errors.js';
import { parseBody } from '../../../main/core/connector/stellantis/stellantis-http.js';
import { capabilitiesFromOnboard } from '../../../main/core/connector/stellantis/vehicle-mapping.js';
import { createTestPki, FAKE_VEHICLES, type TestPki } from '../../fakes/stellantis-server/index.js';
import { startWorld, type World } from './world.js';

let pki: TestPki;
let w: World;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
afterEach(async () => w?.close());

const vehicle = FAKE_VEHICLES[0]!;

describe('against a server with quirks', () => {
  it.each(['application/hal+json ', 'text/plain', 'application/octet-stream'])(
    'reads JSON served as %j, with unknown fields everywhere and `type` as an array',
    async (contentType) => {
      w = await startWorld({ pki });
      Object.assign(w.fake.quirks, { contentType, extraFields: true, typeAsArray: true });
      const vehicles = await w.connector.listVehicles();
      expect(vehicles[0]).toMatchObject({ id: vehicle.id, vin: vehicle.vin, brand: 'Peugeot' });
      expect(vehicles[0]).not.toHaveProperty('_futureField');
      const cb = await w.register();
      const { remoteActionId } = await w.connector.sendRemote({
        vehicleId: vehicle.id,
        vin: vehicle.vin,
        callbackId: 'cb-local-1',
        upstreamCallbackId: cb,
        type: 'Horn',
        body: { horn: { state: 'Activated' } },
      });
      expect(remoteActionId).toMatch(/^[0-9a-f]{40}$/);
      expect(await w.connector.getRemote(vehicle.id, cb, remoteActionId)).toEqual({
        remoteActionId,
        type: 'Horn',
        status: 'Accepted',
      });
      expect(await w.connector.getVehicleStatus(vehicle.id)).toMatchObject({ vin: vehicle.vin });
      expect((await w.connector.getCallback(cb))!.subscribe.remoteTypes).toHaveLength(9);
    },
  );

  it('reads callbacks returned with maxRetryNumber and notificationTypes', async () => {
    w = await startWorld({ pki });
    w.fake.quirks.subscribeAliases = true;
    const cb = await w.register('cb-alias', ['Doors', 'Horn']);
    const read = await w.connector.getCallback(cb);
    expect(read!.subscribe.retryPolicy).toEqual({ policy: 'Bounded', retryNumber: 4320, retryDelay: 60 });
    expect(read!.subscribe.remoteTypes).toEqual(['Doors', 'Horn']);
    expect((await w.connector.listCallbacks())[0]!.subscribe.remoteTypes).toEqual(['Doors', 'Horn']);
  });
});

describe('readers', () => {
  it('drop list items without an id and read wrong-typed optional fields as absent', () => {
    const page = vehiclesSchema.parse({
      _links: { next: 'not a link' },
      total: 'many',
      _embedded: { vehicles: [{ id: 'v1', vin: 42, motorization: ['Electric'] }, { vin: 'no-id' }, null] },
    });
    expect(page._links).toEqual({});
    expect(page.total).toBeUndefined();
    expect(page._embedded!.vehicles).toEqual([{ id: 'v1' }]);
    expect(vehiclesSchema.parse({})).toEqual({});
  });

  it('accept a remote action with only its id, and `type` as an array', () => {
    expect(remoteActionSchema.parse({ remoteActionId: 'r1' })).toEqual({ remoteActionId: 'r1' });
    expect(remoteActionSchema.parse({ remoteActionId: 'r1', type: ['ThermalPreconditioning'] }).type).toBe(
      'ThermalPreconditioning',
    );
  });

  it('fold the docs aliases of a callback into the spec form (T2–T7)', () => {
    const raw = remoteCallbackSchema.parse({
      id: 'cb1',
      subscribe: {
        callback: {
          webhook: {
            target: 'https://x.example/h',
            name: 'x',
            attributres: [
              { type: 'Header', key: 'Authorization', value: 'Bearer t' },
              { type: 'Cookie', key: 'k', value: 'v' },
              { key: 'no-type' },
            ],
            batch: { enabled: true, size: 4 },
          },
        },
        retryPolicy: { policy: 'Always', retryDelay: 60 },
        batchNotify: { size: 0 },
        notificationTypes: ['Doors', 'State', 'Horn'],
      },
    });
    expect(subscribeFromHal(raw.subscribe)).toEqual({
      callback: {
        webhook: {
          target: 'https://x.example/h',
          name: 'x',
          attributes: [{ type: 'Header', key: 'Authorization', value: 'Bearer t' }],
        },
      },
      retryPolicy: { policy: 'Bounded', retryNumber: 4320, retryDelay: 60 },
      remoteTypes: ['Doors', 'Horn'],
    });
    expect(raw.status).toBeUndefined();
  });

  it('read the xError body in both forms, every field optional', () => {
    expect(parseXError({ code: 40499, uuid: 'u', message: 'm', timestamp: 't', extra: 1 })).toEqual({
      code: '40499',
      uuid: 'u',
      message: 'm',
      timestamp: 't',
    });
    expect(parseXError({ code: '40001', debug: { trace: 1 }, message: 'bad' })).toEqual({
      code: '40001',
      message: 'bad',
    });
    expect(parseXError('<html>Bad gateway</html>')).toEqual({});
    expect(parseXError({ code: { nested: true } })).toEqual({});
  });

  it('parse bodies as JSON when they are, and keep text otherwise', () => {
    expect(parseBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseBody('  ')).toBeUndefined();
    expect(parseBody('<html/>')).toBe('<html/>');
  });

  it('map onboard capabilities, leaving unreported entries unknown', () => {
    expect(capabilitiesFromOnboard(undefined)).toEqual({});
    expect(
      capabilitiesFromOnboard({
        remote: { door: { supported: false }, horn: {}, wakeup: { supported: true } },
      }),
    ).toEqual({
      Doors: { supported: false, reason: 'reports-no-doors' },
      WakeUp: { supported: true },
    });
    expect(
      capabilitiesFromOnboard({
        remote: { charging: { supported: true, parameters: { immediate: { start: false, stop: false } } } },
      }).ElectricBatteryChargingRequest,
    ).toEqual({ supported: false, reason: 'no-charging-command' });
  });
});
