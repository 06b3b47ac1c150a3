// The callback rules of domain/callback (attribute values, batching), table-driven, and checked where they are
// used: the outbox (what the agent forwards to a site's webhook) and the simulated network (what the agent's
// receiver gets) build the same attribute values and batch alike from the same callback.
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildRequest as simulatorRequest,
  createNotificationSender,
  type NotificationSender,
} from '../../../main/core/connector/simulator/notification-sender.js';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import { attributeValue, callbackVariables } from '../../../main/core/domain/callback/attribute-values.js';
import { batchingOf } from '../../../main/core/domain/callback/batching-rules.js';
import type {
  BatchNotify,
  CallbackAttribute,
  CallbackSubscribe,
} from '../../../main/core/domain/callback/callback-model.js';
import { sealHeaderValues } from '../../../main/core/domain/callback/sealed-headers.js';
import type { CallbackRecord } from '../../../main/core/db/index.js';
import { toCallbackView } from '../../../main/core/outbox/callback-view.js';
import { buildRequest as outboxRequest } from '../../../main/core/outbox/request-builder.js';
import { manualClock } from '../../../main/core/ports/clock.js';
import { startWebhookRecorder, type WebhookRecorder } from '../connector/webhook-recorder.js';

const FLEET = 'fleet-42';
const CALLBACK = 'cb-1';
const T0 = '2026-01-05T08:00:00.000Z';

function event(vin: string, remoteType: string, n: number): RemoteEvent {
  return {
    remoteActionId: `ra-${n}`,
    vin,
    eventDate: T0,
    remoteType,
    eventStatus: { type: 'Pending', status: 'Accepted' },
  };
}
const ONE = [event('VIN1', 'Horn', 1)];
const BATCH = [event('VIN1', 'Horn', 1), event('VIN2', 'Horn', 2), event('VIN1', 'Doors', 3)];

function subscribeWith(
  target: string,
  attributes: CallbackAttribute[],
  batchNotify?: CallbackSubscribe['batchNotify'],
): CallbackSubscribe {
  return {
    callback: { webhook: { target, name: 'depot', attributes } },
    retryPolicy: { policy: 'None' },
    ...(batchNotify ? { batchNotify } : {}),
    remoteTypes: ['Horn', 'Doors'],
  };
}

/** The callback as the outbox stores it: literal Header values sealed, their clear values in the secrets. */
function stored(subscribe: CallbackSubscribe) {
  const sealed = sealHeaderValues(subscribe);
  const record: CallbackRecord = {
    id: CALLBACK,
    label: null,
    builtIn: false,
    subscribe: sealed.stored,
    status: 'Running',
    secrets: null,
    receiverSecret: null,
    upstreamId: null,
    secretsLost: false,
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
  };
  const secrets = {
    signingSecret: null,
    previousSigningSecret: null,
    authentication: null,
    headerValues: sealed.headerValues,
  };
  return { record, secrets };
}

/** Header, Query and Body attribute values as each side sends them for `events`. */
function sentBy(subscribe: CallbackSubscribe, events: RemoteEvent[]) {
  const { record, secrets } = stored(subscribe);
  const out = outboxRequest(
    toCallbackView(record),
    {
      id: 'd-1',
      kind: events.length > 1 ? 'batch' : 'event',
      vins: events.map((e) => e.vin!),
      remoteTypes: events.map((e) => e.remoteType),
      eventsJson: JSON.stringify(events),
    },
    secrets,
    { fleetId: FLEET, nowMs: Date.parse(T0), userAgent: 'test' },
  );
  const sim = simulatorRequest({ id: CALLBACK, subscribe, status: 'Running' }, events, FLEET);
  const outUrl = new URL(out.path, out.origin);
  const simUrl = new URL(sim.url);
  return {
    outbox: {
      header: out.headers['x-attr'],
      query: outUrl.searchParams.get('attr'),
      body: (JSON.parse(out.body.toString()) as { attributes: { key: string; value: string }[] }).attributes,
    },
    simulator: {
      header: sim.headers['x-attr'],
      query: simUrl.searchParams.get('attr'),
      body: sim.payload.attributes,
    },
  };
}

describe('attribute values: a literal, or a whole $variable', () => {
  // [value, sent for one event (VIN1, Horn), sent for a batch (VIN1 Horn, VIN2 Horn, VIN1 Doors)]
  const table: [string, string, string][] = [
    ['$vin', 'VIN1', 'VIN1,VIN2'],
    ['$callbackID', CALLBACK, CALLBACK],
    ['$remoteType', 'Horn', 'Horn,Doors'],
    ['$fleetID', FLEET, FLEET],
    ['north-yard', 'north-yard', 'north-yard'],
    ['vin $vin on $fleetID', 'vin $vin on $fleetID', 'vin $vin on $fleetID'],
    ['x$callbackID', 'x$callbackID', 'x$callbackID'],
  ];

  it.each(table)('%s → %s (one event), %s (a batch)', (value, one, batch) => {
    const vars = (events: RemoteEvent[]) =>
      callbackVariables({
        vins: events.map((e) => e.vin),
        remoteTypes: events.map((e) => e.remoteType),
        callbackId: CALLBACK,
        fleetId: FLEET,
      });
    expect(attributeValue(value, vars(ONE))).toBe(one);
    expect(attributeValue(value, vars(BATCH))).toBe(batch);

    const subscribe = subscribeWith('http://127.0.0.1:9/hook', [
      { type: 'Header', key: 'x-attr', value },
      { type: 'Query', key: 'attr', value },
      { type: 'Body', key: 'attr', value },
    ]);
    for (const [events, expected] of [
      [ONE, one],
      [BATCH, batch],
    ] as const) {
      const sent = sentBy(subscribe, [...events]);
      const want = { header: expected, query: expected, body: [{ key: 'attr', value: expected }] };
      expect(sent.outbox).toEqual(want);
      expect(sent.simulator).toEqual(want);
    }
  });

  it('an unknown fleet is an empty $fleetID; an event without a VIN adds none to $vin', () => {
    const vars = callbackVariables({
      vins: [null],
      remoteTypes: ['Horn'],
      callbackId: CALLBACK,
      fleetId: null,
    });
    expect(vars).toEqual({ $vin: '', $callbackID: CALLBACK, $remoteType: 'Horn', $fleetID: '' });
  });
});

describe('batching: batchNotify, off only for a Query attribute of exactly $vin', () => {
  // [case, batchNotify, attributes, batching in force]
  const table: [
    string,
    BatchNotify | { size: number } | undefined,
    CallbackAttribute[],
    BatchNotify | null,
  ][] = [
    ['no batchNotify', undefined, [], null],
    ['size and window', { size: 10, timeWindow: 30 }, [], { size: 10, timeWindow: 30 }],
    ['no timeWindow: 60 s', { size: 10 }, [], { size: 10, timeWindow: 60 }],
    ['size 0 reads as no batching', { size: 0, timeWindow: 30 }, [], null],
    [
      'a $vin Query attribute',
      { size: 10, timeWindow: 30 },
      [{ type: 'Query', key: 'vin', value: '$vin' }],
      null,
    ],
    [
      'a Query value that only contains $vin',
      { size: 10, timeWindow: 30 },
      [{ type: 'Query', key: 'vin', value: 'vin-$vin' }],
      { size: 10, timeWindow: 30 },
    ],
    [
      'a $vin Header attribute',
      { size: 10, timeWindow: 30 },
      [{ type: 'Header', key: 'X-Vin', value: '$vin' }],
      { size: 10, timeWindow: 30 },
    ],
    [
      'a $vin Body attribute',
      { size: 10, timeWindow: 30 },
      [{ type: 'Body', key: 'vin', value: '$vin' }],
      { size: 10, timeWindow: 30 },
    ],
  ];

  let hook: WebhookRecorder | undefined;
  let sender: NotificationSender | undefined;
  afterEach(async () => {
    await sender?.close();
    await hook?.close();
    sender = hook = undefined;
  });

  it.each(table)('%s', async (_case, batchNotify, attributes, expected) => {
    hook = await startWebhookRecorder();
    const subscribe = subscribeWith(`${hook.url}/hook`, attributes, batchNotify as BatchNotify);
    expect(batchingOf(subscribe)).toEqual(expected);

    // The outbox: the batch policy its dispatcher reads.
    expect(toCallbackView(stored(subscribe).record).batch).toEqual(expected);

    // The simulated network, on the wire: two events, one POST each, or one POST once the window ends.
    const clock = manualClock(T0);
    sender = createNotificationSender({ clock, fleetId: FLEET });
    sender.register(CALLBACK, subscribe);
    sender.enqueue(CALLBACK, event('VIN1', 'Horn', 1));
    sender.enqueue(CALLBACK, event('VIN2', 'Horn', 2));
    await sender.idle();
    if (expected === null) {
      expect(hook.requests.map((r) => r.body.events.length)).toEqual([1, 1]);
      return;
    }
    clock.advance(expected.timeWindow * 1000 - 1);
    await sender.idle();
    expect(hook.requests).toHaveLength(0);
    clock.advance(1);
    await sender.idle();
    expect(hook.requests.map((r) => r.body.events.length)).toEqual([2]);
  });
});
