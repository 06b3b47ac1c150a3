import { describe, expect, it } from 'vitest';
import type { CallbackInput } from '../../../main/core/domain/callback/index.js';
import { parseCallbackInput, RETRY_CAP_SECONDS } from '../../../main/core/domain/callback/index.js';
import { worded } from '../../helpers/field-errors.js';

/** A complete fleet callback in spec form, every field of stellantis-api-notes.md N6 and N7 set. */
const docsExample = () => ({
  label: 'depot-42-remotes',
  callback: {
    webhook: {
      target: 'https://depot42.example.net/stellantis/events',
      name: 'depot42',
      attributes: [
        { type: 'Header', key: 'X-Depot-Secret', value: '<per-callback secret>' },
        { type: 'Header', key: 'X-Vin', value: '$vin' },
        { type: 'Body', key: 'remoteType', value: '$remoteType' },
      ],
    },
  },
  retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
  batchNotify: { size: 10, timeWindow: 30 },
  remoteTypes: ['Doors', 'Horn', 'Lights', 'WakeUp'],
});

const minimal = () => ({
  callback: { webhook: { target: 'https://depot.example.net/events', name: 'depot' } },
  remoteTypes: ['Doors'],
});

function parsed(input: unknown): CallbackInput {
  const result = parseCallbackInput(input);
  if (!result.ok) throw new Error(`expected a valid body, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The errors as worded for a technician (English): the core gives rules, the edges word them. */
function errorsOf(input: unknown): { field: string; message: string }[] {
  const result = parseCallbackInput(input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return worded(result.errors);
}

const withWebhook = (webhook: Record<string, unknown>) => ({
  ...minimal(),
  callback: { webhook: { target: 'https://depot.example.net/events', name: 'depot', ...webhook } },
});
const withAttributes = (...attributes: unknown[]) => withWebhook({ attributes });

/** The one error expected on `field`, whose message contains `part`. */
function expectError(input: unknown, field: string, part: string | RegExp): void {
  const errors = errorsOf(input);
  const onField = errors.filter((e) => e.field === field);
  expect(onField, JSON.stringify(errors)).toHaveLength(1);
  expect(onField[0]!.message).toMatch(part);
}

describe('parseCallbackInput: valid bodies', () => {
  it('normalises the stellantis-api-notes.md N6 example to exactly the spec form', () => {
    expect(parsed(docsExample())).toEqual<CallbackInput>({
      subscribe: {
        label: 'depot-42-remotes',
        callback: {
          webhook: {
            target: 'https://depot42.example.net/stellantis/events',
            name: 'depot42',
            attributes: [
              { type: 'Header', key: 'X-Depot-Secret', value: '<per-callback secret>' },
              { type: 'Header', key: 'X-Vin', value: '$vin' },
              { type: 'Body', key: 'remoteType', value: '$remoteType' },
            ],
          },
        },
        retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
        batchNotify: { size: 10, timeWindow: 30 },
        remoteTypes: ['Doors', 'Horn', 'Lights', 'WakeUp'],
      },
    });
  });

  it('fills an absent retryPolicy with Bounded 3 × 10 s, and omits what was not given', () => {
    const value = parsed(minimal());
    expect(value).toEqual({
      subscribe: {
        callback: { webhook: { target: 'https://depot.example.net/events', name: 'depot' } },
        retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
        remoteTypes: ['Doors'],
      },
    });
    expect(Object.keys(value.subscribe)).toEqual(['callback', 'retryPolicy', 'remoteTypes']);
    expect('signingSecret' in value).toBe(false);
    expect('authentication' in value).toBe(false);
  });

  it('applies the spec field defaults inside retryPolicy and batchNotify', () => {
    const value = parsed({ ...minimal(), retryPolicy: { policy: 'Bounded' }, batchNotify: { size: 5 } });
    expect(value.subscribe.retryPolicy).toEqual({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 });
    expect(value.subscribe.batchNotify).toEqual({ size: 5, timeWindow: 60 });
  });

  it('outputs None as just {policy: None}, dropping the fields the spec says are ignored', () => {
    const value = parsed({ ...minimal(), retryPolicy: { policy: 'None', retryNumber: 4, retryDelay: 30 } });
    expect(value.subscribe.retryPolicy).toEqual({ policy: 'None' });
  });

  it('accepts a retry window beyond the 3-day cap without error (the cap simply applies)', () => {
    const value = parsed({
      ...minimal(),
      retryPolicy: { policy: 'Bounded', retryNumber: 1000, retryDelay: 3600 },
    });
    expect(value.subscribe.retryPolicy).toEqual({ policy: 'Bounded', retryNumber: 1000, retryDelay: 3600 });
  });

  it('accepts http targets for local systems, ports, paths and query strings', () => {
    for (const target of [
      'http://192.168.1.20:8080/hooks',
      'https://depot.example.net',
      'HTTPS://depot.example.net:8443/a/b?x=1',
      'http://[::1]:3000/events',
    ]) {
      expect(parsed(withWebhook({ target })).subscribe.callback.webhook.target).toBe(target);
    }
  });

  it('accepts every known variable, literals, and Body/Query keys that are not header tokens', () => {
    const attributes = [
      { type: 'Header', key: 'Authorization', value: 'Bearer abc' },
      { type: 'Header', key: 'X-Callback', value: '$callbackID' },
      { type: 'Body', key: 'fleet id', value: '$fleetID' },
      { type: 'Query', key: 'vin', value: '$vin' },
      { type: 'Query', key: 'type', value: '$remoteType' },
      { type: 'Body', key: 'note', value: 'multi\nline is fine in a body' },
    ];
    expect(parsed(withAttributes(...attributes)).subscribe.callback.webhook.attributes).toEqual(attributes);
  });

  it('keeps a label of 200 characters', () => {
    expect(parsed({ ...minimal(), label: 'x'.repeat(200) }).subscribe.label).toHaveLength(200);
  });

  it('passes the local extensions through: secret, null, Basic and Bearer authentication', () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(parsed({ ...minimal(), signingSecret: secret }).signingSecret).toBe(secret);
    expect(parsed({ ...minimal(), signingSecret: null }).signingSecret).toBeNull();
    expect(parsed({ ...minimal(), authentication: null }).authentication).toBeNull();
    const basic = { type: 'Basic', username: 'depot', password: 'p:ss word' };
    expect(parsed({ ...minimal(), authentication: basic }).authentication).toEqual(basic);
    const bearer = { type: 'Bearer', token: 'eyJhbGciOi.x.y' };
    expect(parsed({ ...minimal(), authentication: bearer }).authentication).toEqual(bearer);
  });

  it('does not mutate its input', () => {
    const input = { ...docsExample(), notificationTypes: ['Doors'], retryPolicy: { policy: 'Always' } };
    delete (input as { remoteTypes?: unknown }).remoteTypes;
    const copy = structuredClone(input);
    parseCallbackInput(input);
    expect(input).toEqual(copy);
  });
});

describe('parseCallbackInput: documented aliases and variants (N10)', () => {
  it('reads maxRetryNumber as retryNumber', () => {
    const value = parsed({
      ...minimal(),
      retryPolicy: { policy: 'Bounded', maxRetryNumber: 7, retryDelay: 5 },
    });
    expect(value.subscribe.retryPolicy).toEqual({ policy: 'Bounded', retryNumber: 7, retryDelay: 5 });
  });

  it('reads notificationTypes as remoteTypes, also as a single string', () => {
    const { remoteTypes: _, ...rest } = minimal();
    expect(parsed({ ...rest, notificationTypes: ['Horn', 'Lights'] }).subscribe.remoteTypes).toEqual([
      'Horn',
      'Lights',
    ]);
    expect(parsed({ ...rest, notificationTypes: 'Horn' }).subscribe.remoteTypes).toEqual(['Horn']);
  });

  it('accepts remoteTypes and notificationTypes together when they list the same types', () => {
    const value = parsed({
      ...minimal(),
      remoteTypes: ['Doors', 'Horn'],
      notificationTypes: ['Horn', 'Doors'],
    });
    expect(value.subscribe.remoteTypes).toEqual(['Doors', 'Horn']);
  });

  it('reads a single remoteTypes string as a one-item list', () => {
    expect(parsed({ ...minimal(), remoteTypes: 'WakeUp' }).subscribe.remoteTypes).toEqual(['WakeUp']);
  });

  it('reads the misspelt attributres as attributes', () => {
    const attributes = [{ type: 'Header', key: 'X-Vin', value: '$vin' }];
    const value = parsed(withWebhook({ attributres: attributes }));
    expect(value.subscribe.callback.webhook.attributes).toEqual(attributes);
  });

  it('ignores the docs batch switch inside webhook', () => {
    const value = parsed(withWebhook({ batch: { enabled: true, size: 10 } }));
    expect(value.subscribe.callback.webhook).toEqual({
      target: 'https://depot.example.net/events',
      name: 'depot',
    });
    expect(value.subscribe.batchNotify).toBeUndefined();
  });

  it('reads batchNotify.size 0 as no batching', () => {
    const value = parsed({ ...minimal(), batchNotify: { size: 0, timeWindow: 300 } });
    expect('batchNotify' in value.subscribe).toBe(false);
  });

  it('reads policy Always as Bounded until the 3-day cap, with the given or default delay', () => {
    expect(parsed({ ...minimal(), retryPolicy: { policy: 'Always' } }).subscribe.retryPolicy).toEqual({
      policy: 'Bounded',
      retryNumber: RETRY_CAP_SECONDS / 10 + 1,
      retryDelay: 10,
    });
    expect(
      parsed({ ...minimal(), retryPolicy: { policy: 'Always', retryDelay: 7, retryNumber: 2 } }).subscribe
        .retryPolicy,
    ).toEqual({ policy: 'Bounded', retryNumber: Math.floor(RETRY_CAP_SECONDS / 7) + 1, retryDelay: 7 });
  });

  it('still validates the delay of an Always policy', () => {
    expectError(
      { ...minimal(), retryPolicy: { policy: 'Always', retryDelay: 0 } },
      'retryPolicy.retryDelay',
      /at least 1/,
    );
  });
});

describe('parseCallbackInput: rejections', () => {
  it('rejects a body that is not an object', () => {
    for (const body of [null, 'x', 3, []]) expectError(body, '', /JSON object/);
  });

  it('rejects unknown top-level keys, naming each', () => {
    const errors = errorsOf({ ...minimal(), colour: 'red', fleetId: 'f1' });
    expect(errors.map((e) => e.field)).toEqual(['colour', 'fleetId']);
    expect(errors[0]!.message).toMatch(/Unknown field colour/);
    expect(errors[0]!.message).toMatch(/remoteTypes/);
  });

  it('rejects unknown keys at nested levels too (a typo must not silently become a default)', () => {
    expectError(
      { ...minimal(), retryPolicy: { policy: 'Bounded', retryDealy: 5 } },
      'retryPolicy.retryDealy',
      /Unknown field retryDealy/,
    );
    expectError(withWebhook({ targetUrl: 'x' }), 'callback.webhook.targetUrl', /Unknown field/);
    expectError(
      withAttributes({ type: 'Body', key: 'k', value: 'v', extra: 1 }),
      'callback.webhook.attributes[0].extra',
      /Unknown field/,
    );
    expectError(
      { ...minimal(), callback: { webhook: minimal().callback.webhook, websocket: {} } },
      'callback.websocket',
      /Allowed fields here: webhook/,
    );
  });

  it('rejects status with a pointer to the status endpoint', () => {
    expectError({ ...minimal(), status: 'Paused' }, 'status', /PUT …\/status/);
  });

  it('requires callback, webhook, target, name and remoteTypes', () => {
    expectError({ remoteTypes: ['Doors'] }, 'callback', /callback\.webhook/);
    expectError({ ...minimal(), callback: {} }, 'callback.webhook', /target URL and a name/);
    expectError(withWebhook({ target: undefined }), 'callback.webhook.target', /Enter the webhook URL/);
    expectError(withWebhook({ name: undefined }), 'callback.webhook.name', /Enter a webhook name/);
    expectError(withWebhook({ name: '  ' }), 'callback.webhook.name', /Enter a webhook name/);
    expectError(withWebhook({ name: 4 }), 'callback.webhook.name', /must be text/);
    const { remoteTypes: _, ...noTypes } = minimal();
    expectError(noTypes, 'remoteTypes', /at least one remote type/);
  });

  it.each([
    ['ftp://depot.example.net/x', /https:\/\/.*not ftp:\/\//],
    ['depot.example.net/events', /full address/],
    ['/events', /full address/],
    ['https:depot.example.net', /full address/],
    ['https://user:pw@depot.example.net/x', /user name or password/],
    ['https://token@depot.example.net/x', /user name or password/],
    ['https://depot.example.net/x#frag', /#… part/],
    ['https://depot.example.net/ x', /spaces or line breaks/],
    ['https://depot.example.net:99999/x', /not a valid address/],
    [`https://depot.example.net/${'a'.repeat(2048)}`, /too long/],
    ['', /full address/],
  ])('rejects the target %s', (target, message) => {
    expectError(withWebhook({ target }), 'callback.webhook.target', message);
  });

  it('rejects a label longer than 200 characters or not text', () => {
    expectError({ ...minimal(), label: 'x'.repeat(201) }, 'label', /at most 200/);
    expectError({ ...minimal(), label: 5 }, 'label', /must be text/);
  });

  it('requires type, key and value in each attribute', () => {
    const errors = errorsOf(withAttributes({}));
    expect(errors.map((e) => e.field).sort()).toEqual([
      'callback.webhook.attributes[0].key',
      'callback.webhook.attributes[0].type',
      'callback.webhook.attributes[0].value',
    ]);
    expectError(
      withAttributes({ type: 'Cookie', key: 'k', value: 'v' }),
      'callback.webhook.attributes[0].type',
      /Header, Body or Query, not "Cookie"/,
    );
    expectError(
      withAttributes({ type: 'Body', key: '', value: 'v' }),
      'callback.webhook.attributes[0].key',
      /Enter the attribute key/,
    );
    expectError(
      withAttributes({ type: 'Body', key: 'k', value: 12 }),
      'callback.webhook.attributes[0].value',
      /must be text/,
    );
    expectError(withAttributes('X-Vin: $vin'), 'callback.webhook.attributes[0]', /type, a key and a value/);
    expectError(withWebhook({ attributes: {} }), 'callback.webhook.attributes', /must be a list/);
  });

  it('rejects an unknown variable, naming the allowed ones, with the index of the attribute', () => {
    const body = withAttributes(
      { type: 'Header', key: 'X-A', value: '$vin' },
      { type: 'Body', key: 'b', value: 'ok' },
      { type: 'Body', key: 'c', value: '$vehicle' },
    );
    expectError(
      body,
      'callback.webhook.attributes[2].value',
      'Unknown variable $vehicle: use $vin, $callbackID, $remoteType or $fleetID.',
    );
    expectError(
      withAttributes({ type: 'Query', key: 'v', value: '$Vin' }),
      'callback.webhook.attributes[0].value',
      /case-sensitive: \$vin/,
    );
    expectError(
      withAttributes({ type: 'Query', key: 'v', value: '$' }),
      'callback.webhook.attributes[0].value',
      /Unknown variable \$:/,
    );
  });

  it('rejects header names that are not HTTP tokens', () => {
    for (const key of ['X Depot', 'X-Depot:', 'Dépôt', 'X-(a)']) {
      expectError(
        withAttributes({ type: 'Header', key, value: 'v' }),
        'callback.webhook.attributes[0].key',
        /Header names may only contain/,
      );
    }
  });

  it.each([
    'Host',
    'content-length',
    'Content-Type',
    'Transfer-Encoding',
    'Connection',
    'Upgrade',
    'Keep-Alive',
  ])('rejects the reserved header %s', (key) => {
    expectError(
      withAttributes({ type: 'Header', key, value: 'v' }),
      'callback.webhook.attributes[0].key',
      /set by Depot Remote/,
    );
  });

  it.each(['webhook-id', 'Webhook-Timestamp', 'webhook-signature'])(
    'rejects the Standard Webhooks header %s',
    (key) => {
      expectError(
        withAttributes({ type: 'Header', key, value: 'v' }),
        'callback.webhook.attributes[0].key',
        /signingSecret/,
      );
    },
  );

  it('rejects line breaks and unsendable characters in header values only', () => {
    expectError(
      withAttributes({ type: 'Header', key: 'X-A', value: 'a\r\nX-Evil: 1' }),
      'callback.webhook.attributes[0].value',
      /line breaks/,
    );
    expectError(
      withAttributes({ type: 'Header', key: 'X-A', value: 'a\u0000' }),
      'callback.webhook.attributes[0].value',
      /cannot be sent in an HTTP header/,
    );
    expectError(
      withAttributes({ type: 'Header', key: 'X-A', value: '5 €' }),
      'callback.webhook.attributes[0].value',
      /outside Latin-1/,
    );
  });

  it('rejects an Authorization header attribute next to the authentication extension', () => {
    const body = {
      ...withAttributes({ type: 'Header', key: 'authorization', value: 'Bearer x' }),
      authentication: { type: 'Bearer', token: 't' },
    };
    expectError(body, 'callback.webhook.attributes[0].key', /authentication setting/);
  });

  it('validates the retry policy', () => {
    expectError(
      { ...minimal(), retryPolicy: { policy: 'Sometimes' } },
      'retryPolicy.policy',
      /None .* or Bounded .*not "Sometimes"/,
    );
    expectError({ ...minimal(), retryPolicy: {} }, 'retryPolicy.policy', /Choose a retry policy/);
    expectError(
      { ...minimal(), retryPolicy: { policy: 'Bounded', retryNumber: 0 } },
      'retryPolicy.retryNumber',
      /at least 1/,
    );
    expectError(
      { ...minimal(), retryPolicy: { policy: 'Bounded', retryNumber: 2.5 } },
      'retryPolicy.retryNumber',
      /whole number/,
    );
    expectError(
      { ...minimal(), retryPolicy: { policy: 'Bounded', retryDelay: '10' } },
      'retryPolicy.retryDelay',
      /whole number of seconds/,
    );
    expectError({ ...minimal(), retryPolicy: 'Bounded' }, 'retryPolicy', /must be an object/);
  });

  it('rejects maxRetryNumber and retryNumber that differ', () => {
    expectError(
      { ...minimal(), retryPolicy: { policy: 'Bounded', retryNumber: 3, maxRetryNumber: 5 } },
      'retryPolicy.retryNumber',
      /retryNumber and maxRetryNumber .* differ/,
    );
  });

  it('validates batchNotify', () => {
    expectError(
      { ...minimal(), batchNotify: { size: 10, timeWindow: 4 } },
      'batchNotify.timeWindow',
      'Batch window must be at least 5 seconds.',
    );
    expectError({ ...minimal(), batchNotify: { size: -1 } }, 'batchNotify.size', /at least 1/);
    expectError(
      { ...minimal(), batchNotify: { timeWindow: 30 } },
      'batchNotify.size',
      /Enter the batch size/,
    );
    expectError({ ...minimal(), batchNotify: { size: 1.5 } }, 'batchNotify.size', /whole number/);
  });

  it('validates remoteTypes: empty, unknown, duplicate, wrong type', () => {
    expectError({ ...minimal(), remoteTypes: [] }, 'remoteTypes', /at least one remote type/);
    expectError(
      { ...minimal(), remoteTypes: ['Doors', 'VehicleState'] },
      'remoteTypes[1]',
      /Unknown remote type "VehicleState": use .*Navigation/,
    );
    expectError(
      { ...minimal(), remoteTypes: ['Doors', 'Horn', 'Doors'] },
      'remoteTypes[2]',
      'Doors is listed twice.',
    );
    expectError({ ...minimal(), remoteTypes: 3 }, 'remoteTypes', /must be a list/);
  });

  it('rejects remoteTypes and notificationTypes that differ', () => {
    expectError(
      { ...minimal(), remoteTypes: ['Doors'], notificationTypes: ['Horn'] },
      'remoteTypes',
      /remoteTypes and notificationTypes .* differ/,
    );
  });

  it('rejects attributes and attributres that differ', () => {
    const body = withWebhook({ attributes: [], attributres: [{ type: 'Body', key: 'k', value: 'v' }] });
    expectError(body, 'callback.webhook.attributes', /attributes and attributres .* differ/);
  });

  it.each<[unknown, string]>([
    ['whsec_', 'empty'],
    [`whsec_${Buffer.alloc(23).toString('base64')}`, '23 bytes'],
    [`whsec_${Buffer.alloc(65).toString('base64')}`, '65 bytes'],
    [Buffer.alloc(32).toString('base64'), 'no prefix'],
    ['whsec_not*base64', 'not base64'],
    [42, 'not text'],
  ])('rejects the signing secret %s (%s)', (signingSecret) => {
    expectError(
      { ...minimal(), signingSecret },
      'signingSecret',
      /whsec_ followed by the base64 of 24 to 64/,
    );
  });

  it('validates authentication', () => {
    expectError(
      { ...minimal(), authentication: { type: 'Digest' } },
      'authentication.type',
      /Basic or Bearer/,
    );
    expectError({ ...minimal(), authentication: 'Bearer x' }, 'authentication', /"type": "Bearer"/);
    expectError(
      { ...minimal(), authentication: { type: 'Basic', username: 'a:b', password: 'p' } },
      'authentication.username',
      /colon/,
    );
    expectError(
      { ...minimal(), authentication: { type: 'Basic', username: 'a', password: '' } },
      'authentication.password',
      /Enter the password/,
    );
    expectError(
      { ...minimal(), authentication: { type: 'Basic', password: 'p' } },
      'authentication.username',
      /Enter the user name/,
    );
    expectError(
      { ...minimal(), authentication: { type: 'Bearer', token: 'a\nb' } },
      'authentication.token',
      /line breaks/,
    );
    expectError(
      { ...minimal(), authentication: { type: 'Bearer', token: 't', scope: 'x' } },
      'authentication.scope',
      /Unknown field scope/,
    );
  });

  it('returns every error at once, in the normalised form', () => {
    const errors = errorsOf({
      label: 7,
      callback: {
        webhook: {
          target: 'ftp://x',
          name: '',
          attributres: [{ type: 'Header', key: 'Bad Key', value: 5 }],
        },
      },
      retryPolicy: { policy: 'Bounded', maxRetryNumber: 0 },
      batchNotify: { size: 2, timeWindow: 1 },
      notificationTypes: ['Doors', 'Doors'],
      extra: true,
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      'batchNotify.timeWindow',
      'callback.webhook.attributes[0].key',
      'callback.webhook.attributes[0].value',
      'callback.webhook.name',
      'callback.webhook.target',
      'extra',
      'label',
      'remoteTypes[1]',
      'retryPolicy.retryNumber',
    ]);
  });

  it('never shows zod default English', () => {
    const bodies: unknown[] = [
      { ...minimal(), retryPolicy: { policy: 'Bounded', retryNumber: Number.MAX_SAFE_INTEGER + 2 } },
      { ...minimal(), batchNotify: null },
      { ...minimal(), callback: { webhook: null } },
      withAttributes(null),
      { ...minimal(), authentication: { type: 'Basic', username: 1, password: [] } },
    ];
    for (const body of bodies) {
      for (const error of errorsOf(body)) {
        expect(error.message).not.toMatch(
          /^Invalid input|expected .* received|Too (big|small)|Unrecognized key/i,
        );
      }
    }
  });
});
