// The built-in callback, "This workstation", through the real API, core, SQLite file and in-process fleet: every
// data folder has it, a command goes through it with nothing set up, its notifications stay here (history,
// notifications; never a delivery), and it refuses what it cannot be: a webhook, delivery settings, deletion.
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMOTE_TYPES } from '../../../main/core/domain/remote-type.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';

const ID = 'workstation';
const URL_ = `/api/v1/callbacks/${ID}`;
const FLEET = 'fleet-built-in';
const MIRROR = `/api/v1/fleets/${FLEET}/remote/callbacks/${ID}`;
const VEHICLE = 'veh-e208-01';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ fleetId: FLEET });
});
afterEach(async () => h.close());

const get = async () => (await h.call({ method: 'GET', url: URL_ })).json();
const put = (payload: unknown) => h.call({ method: 'PUT', url: URL_, payload: payload as object });
const audit = async () => (await h.call({ method: 'GET', url: '/api/v1/audit' })).json().items;

/** Rows the outbox would have written for it: deliveries and events waiting for a batch. */
function deliveryRows(): { deliveries: number; waiting: number } {
  const db = new Database(join(h.dataDir, 'depot-remote.sqlite'), { readonly: true });
  try {
    return {
      deliveries: db.prepare('SELECT count(*) FROM deliveries').pluck().get() as number,
      waiting: db.prepare('SELECT count(*) FROM delivery_events').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('the built-in callback', () => {
  it('is there in a new data folder: Running, every remote type, no webhook, marked builtIn', async () => {
    const list = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toEqual({
      _links: {
        self: { href: URL_ },
        remotes: { href: `/api/v1/vehicles/{vid}/callbacks/${ID}/remotes`, templated: true },
      },
      id: ID,
      callbackId: ID,
      status: 'Running',
      subscribe: { label: 'This workstation', remoteTypes: [...REMOTE_TYPES] },
      signingSecret: null,
      previousSigningSecretValidUntil: null,
      authentication: null,
      builtIn: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // Site callbacks carry no flag.
    const site = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
    expect(site).not.toHaveProperty('builtIn');
  });

  it('takes a horn with nothing set up; it reaches Done, stored and notified, and nothing is queued', async () => {
    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/${VEHICLE}/callbacks/${ID}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const rid: string = sent.json().remoteActionId;
    h.clock.advance(5_000);
    const done = (await h.call({ method: 'GET', url: `/api/v1/remotes/${rid}` })).json();
    expect(done).toMatchObject({ phase: 'Done', outcome: 'Success', callbackId: ID });
    expect(done.events.map((e: { status: string }) => e.status)).toEqual([
      'Accepted',
      'SentToVehicle',
      'Success',
    ]);
    // The history has it; the workstation's notifier (tray, desktop, UI) was told.
    const history = (await h.call({ method: 'GET', url: `/api/v1/remotes?callback=${ID}` })).json();
    expect(history.items.map((a: { remoteActionId: string }) => a.remoteActionId)).toEqual([rid]);
    expect(h.completed.map((a) => a.id)).toEqual([rid]);
    // No webhook: no delivery, in the API or in the file.
    expect((await h.call({ method: 'GET', url: '/api/v1/deliveries' })).json().total).toBe(0);
    await h.core.outbox.idle();
    expect(deliveryRows()).toEqual({ deliveries: 0, waiting: 0 });
  });

  it('refuses a PUT that gives it a webhook or delivery settings: 422 CALLBACK_BUILT_IN, each named', async () => {
    const before = await get();
    const withWebhook = await put({ ...callbackBody(), label: 'Front desk' });
    expect(withWebhook.statusCode).toBe(422);
    expect(withWebhook.json()).toEqual({
      code: 'CALLBACK_BUILT_IN',
      message:
        "This workstation is built in and has no webhook: only its name can change (pause or resume it with its status). Add a callback for a site system's webhook.",
      params: { label: 'This workstation' },
      errors: [
        {
          field: 'callback.webhook',
          message: expect.stringMatching(/^This workstation keeps its notifications here/),
          rule: 'builtIn.callback',
        },
        {
          field: 'retryPolicy',
          message: expect.stringMatching(/remove retryPolicy/),
          rule: 'builtIn.retryPolicy',
        },
      ],
    });
    const all = await put({
      label: 'Front desk',
      callback: { webhook: { target: 'https://fms.example/hook', name: 'fms' } },
      retryPolicy: { policy: 'None' },
      batchNotify: { size: 5, timeWindow: 10 },
      signingSecret: null,
      authentication: null,
    });
    expect(all.statusCode).toBe(422);
    expect(all.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'callback.webhook',
      'retryPolicy',
      'batchNotify',
      'signingSecret',
      'authentication',
    ]);
    // Fewer than the nine remote types: refused too (it would only make some commands unsendable out of the box).
    const narrowed = await put({ label: 'Front desk', remoteTypes: ['Horn', 'Doors'] });
    expect(narrowed.statusCode).toBe(422);
    expect(narrowed.json()).toMatchObject({
      code: 'CALLBACK_BUILT_IN',
      errors: [{ field: 'remoteTypes', message: expect.stringMatching(/keep all nine/) }],
    });
    // Nothing changed, nothing audited.
    expect(await get()).toEqual(before);
    expect(await audit()).toEqual([]);
  });

  it('refuses a body that is not valid with 400, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'label'],
      [{ label: '   ' }, 'label'],
      [{ label: 'x'.repeat(201) }, 'label'],
      [{ label: 42 }, 'label'],
      [{ label: 'Front desk', colour: 'blue' }, 'colour'],
      [{ label: 'Front desk', remoteTypes: ['Teleport'] }, 'remoteTypes'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect((await get()).subscribe.label).toBe('This workstation');
  });

  it('cannot be deleted: 409 CALLBACK_BUILT_IN, and it stays', async () => {
    const res = await h.call({ method: 'DELETE', url: URL_ });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'CALLBACK_BUILT_IN',
      message:
        'This workstation is built in and cannot be deleted: pause it if commands should not be sent through it.',
      params: { label: 'This workstation' },
      errors: [],
    });
    expect((await get()).status).toBe('Running');
    expect(await audit()).toEqual([]);
  });

  it('has no test notification: 409 CALLBACK_BUILT_IN, and no delivery is written', async () => {
    const res = await h.call({ method: 'POST', url: `${URL_}/test-notification` });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CALLBACK_BUILT_IN');
    expect(deliveryRows()).toEqual({ deliveries: 0, waiting: 0 });
    expect(await audit()).toEqual([]);
  });

  it('can be renamed (GET → edit → PUT works) and paused, each audited', async () => {
    const { subscribe } = await get();
    const renamed = await h.call({
      method: 'PUT',
      url: URL_,
      payload: { ...subscribe, label: '  Front desk ' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      builtIn: true,
      status: 'Running',
      subscribe: { label: 'Front desk', remoteTypes: [...REMOTE_TYPES] },
    });
    // Its name alone is enough, and the alias the documentation uses is read as remoteTypes.
    expect((await put({ label: 'Front desk' })).statusCode).toBe(200);
    expect(
      (await put({ label: 'Front desk', notificationTypes: [...REMOTE_TYPES].reverse() })).statusCode,
    ).toBe(200);

    const paused = await h.call({
      method: 'PUT',
      url: `${URL_}/status`,
      payload: { status: 'Paused' },
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'Paused', builtIn: true });
    // Paused: nothing is sent through it until it runs again.
    const refused = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/${VEHICLE}/callbacks/${ID}/remotes`,
      payload: { horn: { state: 'Activated' } },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CALLBACK_PAUSED');
    await h.call({ method: 'PUT', url: `${URL_}/status`, payload: { status: 'Running' } });

    const entries = (await audit()).filter((e: { callbackId: string }) => e.callbackId === ID);
    expect(entries.map((e: { action: string }) => e.action).reverse()).toEqual([
      'callback.replace',
      'callback.replace',
      'callback.replace',
      'callback.pause',
      'callback.resume',
    ]);
    expect(entries.at(-1)).toMatchObject({
      detail: { label: 'Front desk', remoteTypes: [...REMOTE_TYPES] },
    });
    // Renaming and pausing it queue nothing either.
    expect(deliveryRows()).toEqual({ deliveries: 0, waiting: 0 });
  });

  it('is in the mirror with builtIn, and refuses a webhook (422) and deletion (409) in the spec’s error shape', async () => {
    const read = await h.call({ method: 'GET', url: MIRROR });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      id: ID,
      builtIn: true,
      subscribe: { label: 'This workstation', remoteTypes: [...REMOTE_TYPES] },
    });
    expect(read.json().subscribe).not.toHaveProperty('callback');

    const replaced = await h.call({ method: 'PUT', url: MIRROR, payload: callbackBody() });
    expect(replaced.statusCode).toBe(422);
    expect(replaced.json()).toMatchObject({ code: 42200, depotCode: 'CALLBACK_BUILT_IN' });
    expect(replaced.json().errors.map((e: { field: string }) => e.field)).toContain('callback.webhook');
    const renamed = await h.call({ method: 'PUT', url: MIRROR, payload: { label: 'Front desk' } });
    expect(renamed.statusCode).toBe(202);
    const deleted = await h.call({ method: 'DELETE', url: MIRROR });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json()).toMatchObject({ code: 40900, depotCode: 'CALLBACK_BUILT_IN' });
  });

  it('is documented: the PUT body admits its name, and its answer the missing webhook', async () => {
    const doc = (await h.call({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const ajv = new Ajv2020({ strict: false });
    for (const path of ['/api/v1/callbacks/{cbid}', '/api/v1/fleets/{fid}/remote/callbacks/{cbid}']) {
      const validate = ajv.compile(doc.paths[path].put.requestBody.content['application/json'].schema);
      expect(validate({ label: 'Front desk' }), path).toBe(true);
      expect(validate({ label: 'Front desk', remoteTypes: [...REMOTE_TYPES] }), path).toBe(true);
      expect(validate(callbackBody()), path).toBe(true);
      expect(validate({ label: 'Front desk', colour: 'blue' }), path).toBe(false);
    }
    expect(doc.components.schemas.Callback.properties.builtIn).toMatchObject({ const: true });
    expect(doc.paths['/api/v1/callbacks/{cbid}'].put.responses).toHaveProperty('422');
  });
});
