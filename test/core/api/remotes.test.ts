// End to end through the real API, core, SQLite file and in-process fleet: every one of the nine
// features is sent, followed to Done and read back with its history; every one refuses a bad body.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, RemoteActionDto } from '../../../preload/contract/dto.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';

const VEHICLE = 'veh-e208-01';
const VIN = 'VR3UHZKXZMT000001';

let h: Harness;
let cbid: string;

beforeEach(async () => {
  h = await startHarness();
  const res = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() });
  expect(res.statusCode).toBe(201);
  cbid = res.json().id;
});
afterEach(async () => h.close());

const remotesUrl = (vid = VEHICLE, cb = () => cbid) => `/api/v1/vehicles/${vid}/callbacks/${cb()}/remotes`;
const reason = {
  'x-depot-reason': 'Reported stolen by the customer',
  'x-depot-operator': 'Ana (night shift)',
};

const FEATURES: {
  name: string;
  type: string;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}[] = [
  { name: 'charging', type: 'ElectricBatteryChargingRequest', body: { charging: { immediate: true } } },
  {
    name: 'stolen',
    type: 'Stolen',
    body: { stolen: { stolen: true } },
    headers: reason,
  },
  { name: 'lights', type: 'Lights', body: { lights: { on: true } } },
  { name: 'state', type: 'WakeUp', body: { wakeUp: { action: 'WakeUp' } } },
  {
    name: 'preconditioning',
    type: 'ThermalPreconditioning',
    body: {
      preconditioning: {
        airConditioning: {
          immediate: false,
          programs: [
            {
              slot: 1,
              enabled: true,
              recurrence: 'Daily',
              start: 'PT7H15M',
              occurence: { day: ['Mon', 'Tue'] },
              actionsType: 'Set',
            },
            { slot: 3, actionsType: 'Delete' },
          ],
        },
      },
    },
  },
  { name: 'doors', type: 'Doors', body: { door: { state: 'Locked' } } },
  { name: 'horn', type: 'Horn', body: { horn: { state: 'Activated' } } },
  {
    name: 'immobilization',
    type: 'Immobilization',
    body: { immobilization: { activate: true } },
    headers: reason,
  },
  {
    name: 'navigation',
    type: 'Navigation',
    body: {
      navigation: {
        positions: [
          { type: 'Point', coordinates: [2.3522, 48.8566] },
          { type: 'Point', coordinates: [4.8357, 45.764] },
        ],
      },
    },
  },
];

describe('sending each of the nine features', () => {
  for (const f of FEATURES) {
    it(`${f.name}: 202, then Pending steps and Done/Success in its history`, async () => {
      const sent = await h.call({
        method: 'POST',
        url: remotesUrl(),
        payload: f.body,
        headers: f.headers ?? {},
      });
      expect(sent.statusCode).toBe(202);
      const { remoteActionId, type, _links } = sent.json();
      expect(type).toBe(f.type);
      expect(remoteActionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(_links.remote.href).toBe(`/api/v1/remotes/${remoteActionId}`);

      const pending = (await h.call({ method: 'GET', url: `/api/v1/remotes/${remoteActionId}` })).json();
      expect(pending.phase).toBe('Pending');
      expect(pending.remote).toEqual(f.body);

      h.clock.advance(5_000);
      const done: RemoteActionDto = (
        await h.call({ method: 'GET', url: `/api/v1/remotes/${remoteActionId}` })
      ).json();
      expect(done.phase).toBe('Done');
      expect(done.status).toBe('Success');
      expect(done.outcome).toBe('Success');
      expect(done.vin).toBe(VIN);
      const steps = done.events!.map((e) => `${e.eventType}/${e.status}`);
      expect(steps).toEqual(
        f.type === 'Navigation'
          ? ['Pending/SentToVehicle', 'Done/Success'] // Navigation never sends Accepted
          : ['Pending/Accepted', 'Pending/SentToVehicle', 'Done/Success'],
      );
      expect(done.explanation.severity).toBe('success');
      expect(h.completed.map((a) => a.id)).toEqual([remoteActionId]);

      // The fleet API's own path reads it back too.
      const viaFleetPath = await h.call({ method: 'GET', url: `${remotesUrl(VIN)}/${remoteActionId}` });
      expect(viaFleetPath.statusCode).toBe(200);
      expect(viaFleetPath.json().remoteActionId).toBe(remoteActionId);
    });
  }
});

const INVALID: { name: string; body: unknown; field: string; message: RegExp }[] = [
  {
    name: 'charging',
    body: { charging: { schedule: { programs: [{ slot: 5, start: 'PT22H' }] } } },
    field: 'charging.schedule.programs[0].slot',
    message: /slot/i,
  },
  {
    name: 'stolen',
    body: { stolen: { trackingPeriod: { running: 2 } } },
    field: 'stolen.trackingPeriod.running',
    message: /5/,
  },
  { name: 'lights', body: { lights: {} }, field: 'lights.on', message: /on|off|required|missing/i },
  { name: 'state', body: { wakeUp: { action: 'Sleep' } }, field: 'wakeUp.action', message: /WakeUp/ },
  {
    name: 'preconditioning',
    body: { preconditioning: { airConditioning: { programs: [{ slot: 0, actionsType: 'Delete' }] } } },
    field: 'preconditioning.airConditioning.programs[0].slot',
    message: /1.*4/,
  },
  { name: 'doors', body: { door: { state: 'Open' } }, field: 'door.state', message: /Locked|Unlocked/ },
  {
    name: 'horn',
    body: { horn: {} },
    field: 'horn.state',
    message: /Activated|Unactivated|required|missing/i,
  },
  {
    name: 'immobilization',
    body: { immobilization: { activate: 'yes' } },
    field: 'immobilization.activate',
    message: /true|false|yes|no/i,
  },
  {
    name: 'navigation',
    body: { navigation: { positions: [{ type: 'Point', coordinates: [2.35, 123.4] }] } },
    field: 'navigation.positions[0].coordinates',
    message: /latitude/i,
  },
];

describe('refusing an invalid body for each feature', () => {
  for (const c of INVALID) {
    it(`${c.name}: 400 with a field-level message, and nothing stored`, async () => {
      const res = await h.call({
        method: 'POST',
        url: remotesUrl(),
        payload: c.body as object,
        headers: reason,
      });
      expect(res.statusCode).toBe(400);
      const body: ErrorBody = res.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      const hit = body.errors.find((e) => e.field.startsWith(c.field));
      expect(hit, JSON.stringify(body.errors)).toBeDefined();
      expect(hit!.message).toMatch(c.message);
      expect(hit!.message).not.toMatch(/Invalid input|expected .* received/);
      const list = await h.call({ method: 'GET', url: '/api/v1/remotes' });
      expect(list.json().total).toBe(0);
      const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=remote.send' })).json();
      expect(audit.items).toHaveLength(0);
    });
  }

  it('refuses two actions in one body, naming both', async () => {
    const res = await h.call({
      method: 'POST',
      url: remotesUrl(),
      payload: { door: { state: 'Locked' }, horn: { state: 'Activated' } },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors)).toMatch(/door.*horn|horn.*door/);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await h.call({
      method: 'POST',
      url: remotesUrl(),
      payload: '{"door":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', message: 'The body is not valid JSON.' });
  });
});

describe('refusals that depend on the callback, the vehicle and what is in flight', () => {
  it('404 for an unknown callback, saying one is needed', async () => {
    const res = await h.call({
      method: 'POST',
      url: remotesUrl(VEHICLE, () => 'nope'),
      payload: { horn: { state: 'Activated' } },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('CALLBACK_NOT_FOUND');
    expect(res.json().message).toMatch(/Create a callback/);
  });

  it('404 for an unknown vehicle', async () => {
    const res = await h.call({
      method: 'POST',
      url: remotesUrl('VF3XXXXXXXXXXXXXX'),
      payload: { horn: { state: 'Activated' } },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('VEHICLE_NOT_FOUND');
  });

  it('422 when the callback does not subscribe the remote type', async () => {
    const created = await h.call({
      method: 'POST',
      url: '/api/v1/callbacks',
      payload: callbackBody({ remoteTypes: ['Doors'] }),
    });
    const res = await h.call({
      method: 'POST',
      url: remotesUrl(VEHICLE, () => created.json().id),
      payload: { horn: { state: 'Activated' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('REMOTE_TYPE_NOT_SUBSCRIBED');
    expect(res.json().message).toMatch(/Horn/);
  });

  it('409 when the callback is paused, and sends again once resumed', async () => {
    await h.call({ method: 'PUT', url: `/api/v1/callbacks/${cbid}/status`, payload: { status: 'Paused' } });
    const refused = await h.call({
      method: 'POST',
      url: remotesUrl(),
      payload: { horn: { state: 'Activated' } },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CALLBACK_PAUSED');
    await h.call({ method: 'PUT', url: `/api/v1/callbacks/${cbid}/status`, payload: { status: 'Running' } });
    const sent = await h.call({
      method: 'POST',
      url: remotesUrl(),
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode).toBe(202);
  });

  it('422 when the vehicle cannot do the feature, with the reason', async () => {
    const res = await h.call({
      method: 'POST',
      url: remotesUrl('veh-corsa-03'),
      payload: { horn: { state: 'Activated' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('FEATURE_NOT_SUPPORTED');
    expect(res.json().message).toMatch(/e-remote/);
  });

  it('doors Unlocked: 409 while doors are in flight on the vehicle (never queued silently); free again once Done', async () => {
    const first = await h.call({ method: 'POST', url: remotesUrl(), payload: { door: { state: 'Locked' } } });
    expect(first.statusCode).toBe(202);
    const second = await h.call({
      method: 'POST',
      url: remotesUrl(),
      payload: { door: { state: 'Unlocked' } },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ACTION_IN_PROGRESS');
    // Other commands of a busy feature wait their turn instead (test/core/api/remote-queue.test.ts).
    const other = await h.call({
      method: 'POST',
      url: remotesUrl(),
      payload: { horn: { state: 'Activated' } },
    });
    expect(other.statusCode).toBe(202);
    h.clock.advance(5_000);
    const third = await h.call({
      method: 'POST',
      url: remotesUrl(),
      payload: { door: { state: 'Unlocked' } },
    });
    expect(third.statusCode).toBe(202);
  });

  for (const body of [{ immobilization: { activate: true } }, { stolen: { stolen: true } }]) {
    const feature = Object.keys(body)[0];
    it(`${feature} needs X-Depot-Reason; with it, who and why reach the audit log`, async () => {
      const refused = await h.call({ method: 'POST', url: remotesUrl(), payload: body });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe('X-Depot-Reason');
      const sent = await h.call({ method: 'POST', url: remotesUrl(), payload: body, headers: reason });
      expect(sent.statusCode).toBe(202);
      const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=remote.send' })).json();
      expect(audit.items).toHaveLength(1);
      // The machine token acts; X-Depot-Operator is recorded beside it as "on behalf of".
      expect(audit.items[0]).toMatchObject({
        operator: 'machine token',
        actor: { kind: 'machine', role: 'admin', onBehalfOf: 'Ana (night shift)' },
        reason: 'Reported stolen by the customer',
        vin: VIN,
        remoteActionId: sent.json().remoteActionId,
      });
    });
  }

  it('lists a vehicle/callback pair newest first, with totals', async () => {
    await h.call({ method: 'POST', url: remotesUrl(), payload: { door: { state: 'Locked' } } });
    h.clock.advance(5_000);
    await h.call({ method: 'POST', url: remotesUrl(), payload: { horn: { state: 'Activated' } } });
    const list = (await h.call({ method: 'GET', url: `${remotesUrl()}?limit=1` })).json();
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    expect(list.items[0].type).toBe('Horn');
  });
});
