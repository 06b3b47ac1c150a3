// The outbox's request builder works out what a callback's calls share once per callback view and secrets; these
// check that what differs per delivery still differs, and that a changed callback or secret is used at once.
import { describe, expect, it } from 'vitest';
import type { CallbackRecord } from '../../../main/core/db/index.js';
import type {
  CallbackAttribute,
  CallbackSecrets,
} from '../../../main/core/domain/callback/callback-model.js';
import { toCallbackView } from '../../../main/core/outbox/callback-view.js';
import { buildRequest, type OutgoingDelivery } from '../../../main/core/outbox/request-builder.js';

const T0 = '2026-01-05T08:00:00.000Z';
const context = { fleetId: 'fleet-42', nowMs: Date.parse(T0), userAgent: 'test-agent' };

function view(attributes: CallbackAttribute[], target = 'https://fms.example/hooks?site=1') {
  const record: CallbackRecord = {
    id: 'cb-1',
    label: null,
    builtIn: false,
    subscribe: {
      callback: { webhook: { target, name: 'fms', attributes } },
      retryPolicy: { policy: 'None' },
      remoteTypes: ['Doors'],
    },
    status: 'Running',
    secrets: null,
    receiverSecret: null,
    upstreamId: null,
    secretsLost: false,
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
  };
  return toCallbackView(record);
}

const secrets = (over: Partial<CallbackSecrets> = {}): CallbackSecrets => ({
  signingSecret: null,
  previousSigningSecret: null,
  authentication: null,
  ...over,
});

const delivery = (id: string, vin: string, kind: OutgoingDelivery['kind'] = 'event'): OutgoingDelivery => ({
  id,
  kind,
  vins: [vin],
  remoteTypes: ['Doors'],
  eventsJson: `[{"vin":"${vin}"}]`,
});

describe('the outbox request builder', () => {
  it('fills each delivery’s variables although the rest of the call is worked out once', () => {
    const cb = view([
      { type: 'Header', key: 'X-Vin', value: '$vin' },
      { type: 'Header', key: 'X-Site', value: 'depot-42' },
      { type: 'Query', key: 'vin', value: '$vin' },
      { type: 'Body', key: 'vin', value: '$vin' },
      { type: 'Body', key: 'fleet', value: '$fleetID' },
    ]);
    const s = secrets();
    const a = buildRequest(cb, delivery('d-1', 'VIN-A'), s, context);
    const b = buildRequest(cb, delivery('d-2', 'VIN-B'), s, context);
    expect([a.headers['X-Vin'], b.headers['X-Vin']]).toEqual(['VIN-A', 'VIN-B']);
    expect([a.path, b.path]).toEqual(['/hooks?site=1&vin=VIN-A', '/hooks?site=1&vin=VIN-B']);
    expect(JSON.parse(b.body.toString())).toEqual({
      callbackId: 'cb-1',
      attributes: [
        { key: 'vin', value: 'VIN-B' },
        { key: 'fleet', value: 'fleet-42' },
      ],
      events: [{ vin: 'VIN-B' }],
    });
    expect(b.headers['X-Site']).toBe('depot-42');
    expect([a.headers['webhook-id'], b.headers['webhook-id']]).toEqual(['d-1', 'd-2']);
    // The shared headers are copied per call, never shared between calls.
    expect(a.headers).not.toBe(b.headers);
  });

  it('remembers what variables make only by every value that decides it (vehicles, remote types, fleet)', () => {
    const cb = view([
      { type: 'Header', key: 'X-Vin', value: '$vin' },
      { type: 'Query', key: 'type', value: '$remoteType' },
      { type: 'Body', key: 'vin', value: '$vin' },
      { type: 'Body', key: 'fleet', value: '$fleetID' },
    ]);
    const s = secrets();
    const sent = (d: OutgoingDelivery, fleetId: string | null = context.fleetId) => {
      const r = buildRequest(cb, d, s, { ...context, fleetId });
      const body = JSON.parse(r.body.toString()) as { attributes: { key: string; value: string }[] };
      return [r.headers['X-Vin'], r.path, body.attributes.map((a) => a.value).join('|')];
    };
    const a = delivery('d-1', 'VIN-A');
    expect(sent(a)).toEqual(['VIN-A', '/hooks?site=1&type=Doors', 'VIN-A|fleet-42']);
    expect(sent({ ...a, id: 'd-2', vins: ['VIN-B'] })).toEqual([
      'VIN-B',
      '/hooks?site=1&type=Doors',
      'VIN-B|fleet-42',
    ]);
    // The same vehicle again, then under another fleet, then with another remote type, then as a batch of two.
    expect(sent({ ...a, id: 'd-3' })).toEqual(['VIN-A', '/hooks?site=1&type=Doors', 'VIN-A|fleet-42']);
    expect(sent({ ...a, id: 'd-4' }, 'fleet-7')).toEqual([
      'VIN-A',
      '/hooks?site=1&type=Doors',
      'VIN-A|fleet-7',
    ]);
    expect(sent({ ...a, id: 'd-5' }, null)).toEqual(['VIN-A', '/hooks?site=1&type=Doors', 'VIN-A|']);
    expect(sent({ ...a, id: 'd-6', remoteTypes: ['Horn'] })).toEqual([
      'VIN-A',
      '/hooks?site=1&type=Horn',
      'VIN-A|fleet-42',
    ]);
    expect(sent({ ...a, id: 'd-7', kind: 'batch', vins: ['VIN-A', 'VIN-B', 'VIN-A'] })).toEqual([
      'VIN-A,VIN-B',
      '/hooks?site=1&type=Doors',
      'VIN-A,VIN-B|fleet-42',
    ]);
    // Past the remembered count, values are made again rather than mixed up.
    for (let i = 0; i < 600; i++) sent({ ...a, id: `d-many-${i}`, vins: [`VIN-${i}`] });
    expect(sent({ ...a, id: 'd-8', vins: ['VIN-599'] })).toEqual([
      'VIN-599',
      '/hooks?site=1&type=Doors',
      'VIN-599|fleet-42',
    ]);
  });

  it('uses a changed callback and changed secrets at once', () => {
    const s = secrets();
    const before = buildRequest(
      view([{ type: 'Body', key: 'site', value: 'A' }]),
      delivery('d-1', 'V'),
      s,
      context,
    );
    const after = buildRequest(
      view([{ type: 'Body', key: 'site', value: 'B' }]),
      delivery('d-1', 'V'),
      s,
      context,
    );
    expect(JSON.parse(before.body.toString()).attributes).toEqual([{ key: 'site', value: 'A' }]);
    expect(JSON.parse(after.body.toString()).attributes).toEqual([{ key: 'site', value: 'B' }]);
    const cb = view([]);
    expect(buildRequest(cb, delivery('d-1', 'V'), s, context).headers.authorization).toBeUndefined();
    const withToken = secrets({ authentication: { type: 'Bearer', token: 'tok-1' } });
    expect(buildRequest(cb, delivery('d-1', 'V'), withToken, context).headers.authorization).toBe(
      'Bearer tok-1',
    );
  });

  it('lets authentication win over a same-name Header attribute, and the last of two same-name headers win', () => {
    const cb = view([
      { type: 'Header', key: 'Authorization', value: '$vin' },
      { type: 'Header', key: 'X-Twice', value: '$vin' },
      { type: 'Header', key: 'X-Twice', value: 'literal' },
    ]);
    const r = buildRequest(
      cb,
      delivery('d-1', 'VIN-A'),
      secrets({ authentication: { type: 'Bearer', token: 't' } }),
      context,
    );
    expect(r.headers.authorization).toBe('Bearer t');
    expect(r.headers.Authorization).toBeUndefined();
    expect(r.headers['X-Twice']).toBe('literal');
  });

  it('marks a test notification in a header and a Body attribute, and only that one', () => {
    const cb = view([{ type: 'Body', key: 'site', value: 'A' }]);
    const s = secrets();
    const test = buildRequest(cb, delivery('t-1', 'V', 'test'), s, context);
    const real = buildRequest(cb, delivery('d-1', 'V'), s, context);
    expect(test.headers['x-depot-test']).toBe('true');
    expect(JSON.parse(test.body.toString()).attributes).toContainEqual({ key: 'depotTest', value: 'true' });
    expect(real.headers['x-depot-test']).toBeUndefined();
    expect(JSON.parse(real.body.toString()).attributes).toEqual([{ key: 'site', value: 'A' }]);
  });
});
