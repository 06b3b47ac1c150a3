// Standard Webhooks signing, checked by a verifier written here from the specification
// (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md), not by the code
// under test: signed content is `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 keyed with the
// base64-decoded part of the `whsec_` secret, sent as space-separated `v1,<base64>` entries.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackSecrets } from '../../../main/core/domain/callback/callback-model.js';
import { startSink, startWorld, subscribe, type Received, type Sink, type World } from './outbox-world.js';

/** Per the spec: true when one of the v1 signatures matches and the timestamp is within tolerance. */
function verify(r: Received, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const id = r.headers['webhook-id'];
  const timestamp = r.headers['webhook-timestamp'];
  const header = r.headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof header !== 'string') return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const key = Buffer.from(secret.slice(secret.indexOf('_') + 1), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${r.body}`).digest();
  return header.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const signed = (
  signingSecret: string,
  previous?: { secret: string; validUntil: string },
): CallbackSecrets => ({
  signingSecret,
  previousSigningSecret: previous ?? null,
  authentication: null,
});

let w: World;
let sink: Sink;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

const S = 1000;
const nowSeconds = () => Math.floor(w.clock.now().getTime() / 1000);

async function setup(secrets: CallbackSecrets | null, reply?: Parameters<typeof startSink>[0]) {
  sink = await startSink(reply);
  w = await startWorld();
  if (secrets) w.secrets.set('cb-1', secrets);
  w.addCallback('cb-1', subscribe(sink.url()));
  w.addAction('ra-1', 'cb-1');
}

describe('Standard Webhooks signature', () => {
  it('verifies with the callback secret, and not with another', async () => {
    const secret = newSecret();
    await setup(signed(secret));
    w.notify('ra-1');
    await w.outbox.idle();
    const r = sink.received[0]!;
    expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verify(r, secret, nowSeconds())).toBe(true);
    expect(verify(r, newSecret(), nowSeconds())).toBe(false);
    expect(verify({ ...r, body: r.body.replace('Accepted', 'Rejected') }, secret, nowSeconds())).toBe(false);
  });

  it('signs a batch, read as stored bytes, over exactly the bytes sent (text beyond ASCII included)', async () => {
    const secret = newSecret();
    sink = await startSink();
    w = await startWorld();
    w.secrets.set('cb-1', signed(secret));
    w.addCallback(
      'cb-1',
      subscribe(sink.url(), {
        batchNotify: { size: 3, timeWindow: 60 },
        attributes: [{ type: 'Body', key: 'site', value: 'Dépôt Nord — Gare ☂' }],
      }),
    );
    w.addAction('ra-1', 'cb-1');
    w.notify('ra-1', 'Accepted');
    w.notify('ra-1', 'SentToVehicle');
    w.notify('ra-1', 'Processing');
    await w.outbox.idle();
    expect(sink.received).toHaveLength(1);
    const r = sink.received[0]!;
    const body = JSON.parse(r.body) as { attributes: unknown[]; events: unknown[] };
    expect(body.attributes).toEqual([{ key: 'site', value: 'Dépôt Nord — Gare ☂' }]);
    expect(body.events).toHaveLength(3);
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
    expect(verify(r, secret, nowSeconds())).toBe(true);
  });

  it('carries both signatures during a rotation, and only the new one after the grace period', async () => {
    const old = newSecret();
    const current = newSecret();
    await setup(signed(current, { secret: old, validUntil: '2026-01-06T08:00:00.000Z' }));
    w.notify('ra-1', 'Accepted');
    await w.outbox.idle();
    const during = sink.received[0]!;
    expect((during.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(verify(during, current, nowSeconds())).toBe(true);
    expect(verify(during, old, nowSeconds())).toBe(true);

    await w.advance(24 * 3600 * S);
    w.notify('ra-1', 'SentToVehicle');
    await w.outbox.idle();
    const after = sink.received[1]!;
    expect((after.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(verify(after, current, nowSeconds())).toBe(true);
    expect(verify(after, old, nowSeconds())).toBe(false);
  });

  it('is computed when sent, not when queued: a secret rotated meanwhile and a fresh timestamp', async () => {
    const first = newSecret();
    await setup(signed(first));
    await sink.down();
    w.notify('ra-1');
    await w.outbox.idle();
    const second = newSecret();
    w.secrets.set('cb-1', signed(second));
    w.callbackChanged('cb-1');
    await w.advance(10 * 60 * S);
    await sink.up();
    await w.advance(60 * S);
    const r = sink.received[0]!;
    expect(r.headers['webhook-timestamp']).toBe(String(nowSeconds()));
    expect(verify(r, second, nowSeconds())).toBe(true);
    expect(verify(r, first, nowSeconds())).toBe(false);
  });

  it('keeps the webhook-id across retries, each retry signed with its own timestamp', async () => {
    const secret = newSecret();
    let n = 0;
    await setup(signed(secret), () => (++n === 1 ? { status: 500 } : { status: 200 }));
    w.notify('ra-1');
    await w.advance(10 * S);
    const [a, b] = sink.received;
    expect(b!.headers['webhook-id']).toBe(a!.headers['webhook-id']);
    expect(Number(b!.headers['webhook-timestamp']) - Number(a!.headers['webhook-timestamp'])).toBe(10);
    expect(b!.headers['webhook-signature']).not.toBe(a!.headers['webhook-signature']);
    expect(verify(a!, secret, nowSeconds())).toBe(true);
    expect(verify(b!, secret, nowSeconds())).toBe(true);
  });

  it('is absent when the callback has no signing secret', async () => {
    await setup(null);
    w.notify('ra-1');
    await w.outbox.idle();
    expect(sink.received[0]!.headers['webhook-signature']).toBeUndefined();
  });
});
