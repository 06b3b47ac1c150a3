// What each call looks like: the fleet notification payload (stellantis-api-notes.md N5) with the callback's
// Header, Query and Body attributes and their variables, authentication, and the test notification's markers.
import { adminActor } from '../../helpers/actors.js';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_VIN } from '../../../main/core/outbox/index.js';
import { startSink, startWorld, subscribe, VINS, type Sink, type World } from './outbox-world.js';

let w: World;
let sink: Sink;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

async function setup(
  overrides: Parameters<typeof subscribe>[1] = {},
  fleetId?: string | null,
  path = '/hook',
) {
  sink = await startSink();
  w = await startWorld({ fleetId });
  w.addCallback('cb-1', subscribe(sink.url(path), overrides));
}

describe('the call', () => {
  it('is the fleet notification, with every attribute type and variable substituted', async () => {
    await setup(
      {
        attributes: [
          { type: 'Header', key: 'X-Vin', value: '$vin' },
          { type: 'Header', key: 'X-Depot', value: 'north-yard' },
          { type: 'Header', key: 'X-Fleet', value: '$fleetID' },
          { type: 'Query', key: 'cb', value: '$callbackID' },
          { type: 'Query', key: 'type', value: '$remoteType' },
          { type: 'Body', key: 'remoteType', value: '$remoteType' },
          { type: 'Body', key: 'site', value: 'north-yard' },
          { type: 'Body', key: 'vin', value: '$vin' },
        ],
      },
      undefined,
      '/hooks/stellantis?existing=1',
    );
    w.addAction('ra-1', 'cb-1', VINS[1], 'Horn');
    w.notify('ra-1', 'Failed', 'Done');
    await w.outbox.idle();

    expect(sink.received).toHaveLength(1);
    const r = sink.received[0]!;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/hooks/stellantis');
    expect([...r.query.entries()]).toEqual([
      ['existing', '1'],
      ['cb', 'cb-1'],
      ['type', 'Horn'],
    ]);
    expect(r.headers['x-vin']).toBe(VINS[1]);
    expect(r.headers['x-depot']).toBe('north-yard');
    expect(r.headers['x-fleet']).toBe('fleet-42');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.json).toEqual({
      callbackId: 'cb-1',
      attributes: [
        { key: 'remoteType', value: 'Horn' },
        { key: 'site', value: 'north-yard' },
        { key: 'vin', value: VINS[1] },
      ],
      events: [
        {
          remoteActionId: 'ra-1',
          vin: VINS[1],
          eventDate: expect.any(String),
          remoteType: 'Horn',
          eventStatus: { type: 'Done', status: 'Failed' },
        },
      ],
    });
  });

  it('carries failureCause and feedbackDetail as received', async () => {
    await setup();
    w.addAction('ra-1', 'cb-1');
    w.ingest.ingest(
      [
        {
          remoteActionId: 'ra-1',
          vin: VINS[0],
          eventDate: '2026-01-05T07:59:00Z',
          remoteType: 'Doors',
          eventStatus: { type: 'Done', status: 'Failed', failureCause: 'VehicleConnectionTimeout' },
        },
      ],
      'receiver',
    );
    await w.outbox.idle();
    expect(sink.received[0]!.json.events[0]).toEqual({
      remoteActionId: 'ra-1',
      vin: VINS[0],
      eventDate: '2026-01-05T07:59:00Z',
      remoteType: 'Doors',
      eventStatus: { type: 'Done', status: 'Failed', failureCause: 'VehicleConnectionTimeout' },
    });
  });

  it('substitutes an empty string for $fleetID when the fleet is not known', async () => {
    await setup({ attributes: [{ type: 'Body', key: 'fleet', value: '$fleetID' }] }, null);
    w.addAction('ra-1', 'cb-1');
    w.notify('ra-1');
    await w.outbox.idle();
    expect(sink.received[0]!.json.attributes).toEqual([{ key: 'fleet', value: '' }]);
  });

  it('sends the authentication helper as Authorization (Basic, Bearer), over a Header attribute of that name', async () => {
    await setup({ attributes: [{ type: 'Header', key: 'Authorization', value: 'Bearer from-attribute' }] });
    w.addAction('ra-1', 'cb-1');

    w.secrets.set('cb-1', {
      signingSecret: null,
      previousSigningSecret: null,
      authentication: { type: 'Basic', username: 'depot', password: 'p@ss:word' },
    });
    w.notify('ra-1', 'Accepted');
    await w.outbox.idle();
    expect(sink.received[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('depot:p@ss:word').toString('base64')}`,
    );

    w.secrets.set('cb-1', {
      signingSecret: null,
      previousSigningSecret: null,
      authentication: { type: 'Bearer', token: 'tok-123' },
    });
    w.callbackChanged('cb-1');
    w.notify('ra-1', 'SentToVehicle');
    await w.outbox.idle();
    expect(sink.received[1]!.headers.authorization).toBe('Bearer tok-123');

    w.secrets.delete('cb-1');
    w.callbackChanged('cb-1');
    w.notify('ra-1', 'Success', 'Done');
    await w.outbox.idle();
    expect(sink.received[2]!.headers.authorization).toBe('Bearer from-attribute');
  });

  it('gives every call a webhook-id (the delivery id) and webhook-timestamp, even unsigned', async () => {
    await setup();
    w.addAction('ra-1', 'cb-1');
    w.notify('ra-1');
    await w.outbox.idle();
    const [delivery] = w.repos.deliveries.list({ limit: 10, offset: 0 });
    const r = sink.received[0]!;
    expect(r.headers['webhook-id']).toBe(delivery!.id);
    expect(r.headers['webhook-timestamp']).toBe(String(Math.floor(w.clock.now().getTime() / 1000)));
    expect(r.headers['webhook-signature']).toBeUndefined();
  });
});

describe('the test notification', () => {
  it('goes through the normal path, clearly marked', async () => {
    await setup({ attributes: [{ type: 'Header', key: 'X-Vin', value: '$vin' }] });

    const answer = w.outbox.service.sendTest('cb-1', adminActor('tech-anna'));
    expect(answer.delivery).toMatchObject({ kind: 'test', state: 'Queued', callbackId: 'cb-1' });
    await w.outbox.idle();

    const r = sink.received[0]!;
    expect(r.headers['x-depot-test']).toBe('true');
    expect(r.headers['x-vin']).toBe(TEST_VIN);
    expect(r.headers['webhook-id']).toBe(answer.deliveryId);
    expect(r.json.attributes).toContainEqual({ key: 'depotTest', value: 'true' });
    expect(r.json.events[0]).toMatchObject({
      remoteActionId: `depot-test-${answer.deliveryId}`,
      vin: TEST_VIN,
      eventStatus: { type: 'Done', status: 'Success' },
    });
    expect(w.repos.deliveries.get(answer.deliveryId)?.state).toBe('Delivered');
    expect(w.repos.audit.list({ limit: 10 }).map((e) => e.action)).toContain('callback.test-notification');
  });
});
