// Literal Header attribute values (API keys for site systems) are sealed at rest like the other secrets: "••••" in
// the database row and in answers, in clear only in the answer to the request that set them. A whole-object PUT
// that sends "••••" back keeps the stored value, and the outbox still sends the real value to the site's system.
// A real core and API on a real SQLite file, the key-file box, and a real HTTP sink on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';
import { startSink, type WebhookSink } from '../../helpers/webhook-sink.js';

const MASK = '••••';
const SITE_KEY = 'site-api-key-7f3c9e21d4b8';

let h: Harness;
let sink: WebhookSink;
beforeEach(async () => {
  h = await startHarness();
  sink = await startSink();
});
afterEach(async () => {
  await h.close();
  await sink.close();
});

const attributes = (site = SITE_KEY) => [
  { type: 'Header', key: 'X-Api-Key', value: site },
  { type: 'Header', key: 'X-Vin', value: '$vin' },
  { type: 'Query', key: 'src', value: 'depot' },
];

const body = (attrs: unknown[], extra: Record<string, unknown> = {}) =>
  callbackBody({
    callback: { webhook: { target: `${sink.url}/hook`, name: 'site', attributes: attrs } },
    ...extra,
  });

async function create(attrs: unknown[] = attributes(), extra: Record<string, unknown> = {}) {
  const res = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: body(attrs, extra) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

type Attribute = { type: string; key: string; value: string };
const attrsOf = (cb: { subscribe: { callback: { webhook: { attributes: Attribute[] } } } }) =>
  cb.subscribe.callback.webhook.attributes;

async function read(id: string) {
  const res = await h.call({ method: 'GET', url: `/api/v1/callbacks/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The callback's row as SQLite holds it, read with a connection of its own. */
function rawRow(id: string): { subscribe: string; secrets: string | null } {
  const db = new Database(join(h.dataDir, 'depot-remote.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT subscribe, secrets FROM callbacks WHERE id = ?').get(id) as {
      subscribe: string;
      secrets: string | null;
    };
  } finally {
    db.close();
  }
}

/** Sends a test notification and returns the request the sink received. */
async function delivered(id: string) {
  const before = sink.requests.length;
  const res = await h.call({ method: 'POST', url: `/api/v1/callbacks/${id}/test-notification` });
  expect(res.statusCode, res.body).toBe(202);
  const deadline = Date.now() + 10_000;
  while (sink.requests.length === before) {
    if (Date.now() > deadline) throw new Error('nothing delivered');
    await h.core.outbox.idle();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return sink.requests.at(-1)!;
}

describe('sealed header values', () => {
  it('seals a literal header value in the database row, keeps $vin as it is, and never writes it in clear', async () => {
    const cb = await create();
    const row = rawRow(cb.id);
    expect(JSON.parse(row.subscribe).callback.webhook.attributes).toEqual([
      { type: 'Header', key: 'X-Api-Key', value: MASK },
      { type: 'Header', key: 'X-Vin', value: '$vin' },
      { type: 'Query', key: 'src', value: 'depot' },
    ]);
    expect(row.secrets).toMatch(/^kf1:/);
    h.core.watchdog.stop();
    const bytes = ['depot-remote.sqlite', 'depot-remote.sqlite-wal']
      .map((f) => readFileSync(join(h.dataDir, f)).toString('latin1'))
      .join('');
    expect(bytes).not.toContain(SITE_KEY);
  });

  it('shows it in clear only in the answer to the request that set it, "••••" in every other answer', async () => {
    const cb = await create();
    expect(attrsOf(cb)[0]).toEqual({ type: 'Header', key: 'X-Api-Key', value: SITE_KEY });
    expect(attrsOf(cb)[1]).toEqual({ type: 'Header', key: 'X-Vin', value: '$vin' });
    expect(attrsOf(await read(cb.id))[0]).toEqual({ type: 'Header', key: 'X-Api-Key', value: MASK });
    const list = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json();
    expect(JSON.stringify(list)).not.toContain(SITE_KEY);

    const put = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}`,
      payload: body(attributes('new-site-key-0042')),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(attrsOf(put.json())[0]!.value).toBe('new-site-key-0042');
    expect(attrsOf(await read(cb.id))[0]!.value).toBe(MASK);
  });

  it('GET → edit → PUT with the mask keeps the stored value, and the outbox sends the real one', async () => {
    const cb = await create();
    const shown = await read(cb.id);
    const edited = { ...shown.subscribe, label: 'renamed' };
    const put = await h.call({ method: 'PUT', url: `/api/v1/callbacks/${cb.id}`, payload: edited });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().subscribe.label).toBe('renamed');
    // Not set by this request: the answer keeps it masked.
    expect(attrsOf(put.json())[0]!.value).toBe(MASK);
    expect((await h.core.services.callbacks.openSecrets(cb.id)).headerValues).toEqual([SITE_KEY, null]);

    const request = await delivered(cb.id);
    expect(request.headers['x-api-key']).toBe(SITE_KEY);
    expect(request.headers['x-vin']).toBe('DEPOTREMOTETEST00');
    expect(request.url).toBe('/hook?src=depot');
  });

  it('matches a kept value by header name, so headers may be reordered', async () => {
    const cb = await create([
      { type: 'Header', key: 'X-Api-Key', value: SITE_KEY },
      { type: 'Header', key: 'X-Site', value: 'depot-7' },
    ]);
    const put = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}`,
      payload: body([
        { type: 'Header', key: 'x-site', value: MASK },
        { type: 'Header', key: 'X-Api-Key', value: MASK },
        { type: 'Header', key: 'X-New', value: 'fresh' },
      ]),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(attrsOf(put.json()).map((a) => a.value)).toEqual([MASK, MASK, 'fresh']);
    const request = await delivered(cb.id);
    expect(request.headers).toMatchObject({ 'x-site': 'depot-7', 'x-api-key': SITE_KEY, 'x-new': 'fresh' });
  });

  it('refuses a mask with no stored value behind it (new or renamed header), naming the field, and changes nothing', async () => {
    const refusedPost = await h.call({
      method: 'POST',
      url: '/api/v1/callbacks',
      payload: body([{ type: 'Header', key: 'X-Api-Key', value: MASK }]),
    });
    expect(refusedPost.statusCode).toBe(400);
    expect(refusedPost.json().errors).toEqual([
      {
        field: 'callback.webhook.attributes[0].value',
        message: expect.stringMatching(/none is stored for header X-Api-Key: enter its value/),
        rule: 'callback.header.maskWithoutValue',
        params: { mask: MASK, key: 'X-Api-Key' },
      },
    ]);
    // Only the built-in callback every data folder has: nothing was created.
    expect((await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().total).toBe(1);

    const cb = await create();
    const before = rawRow(cb.id);
    const renamed = await h.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cb.id}`,
      payload: body([{ type: 'Header', key: 'X-Other-Key', value: MASK }]),
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors[0].field).toBe('callback.webhook.attributes[0].value');
    expect(rawRow(cb.id)).toEqual(before);
    expect((await h.core.services.callbacks.openSecrets(cb.id)).headerValues).toEqual([SITE_KEY, null]);
  });

  it('masks the Basic password fully, even long ones, and the Bearer token as before', async () => {
    const basic = await create(attributes(), {
      authentication: { type: 'Basic', username: 'depot', password: 'a-long-basic-password-1234' },
    });
    expect(basic.authentication).toEqual({ type: 'Basic', username: 'depot', secret: MASK });
    expect((await read(basic.id)).authentication.secret).toBe(MASK);
    const request = await delivered(basic.id);
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('depot:a-long-basic-password-1234').toString('base64')}`,
    );
  });
});
