// Migration 005 and its one-time step at start: a database written before header values were sealed (schema 4,
// literal header values in clear in `subscribe`) gains the secrets_lost column, and the first start seals those
// values into the callback's secrets, keeping what the secrets held; later starts change nothing. The outbox still
// sends the real value. Real SQLite files and the real key-file box.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { startHarness, type Harness } from '../../helpers/api-harness.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startSink, type WebhookSink } from '../../helpers/webhook-sink.js';

const MASK = '••••';
const SIGNING = 'whsec_' + Buffer.alloc(32, 3).toString('base64');
const AT = '2026-01-05T08:00:00.000Z';

let dir: ReturnType<typeof tempDir>;
let sink: WebhookSink;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await sink?.close();
  dir?.remove();
});

const file = () => join(dir.path, 'depot-remote.sqlite');

/** A callback as the previous version stored it: header literals in clear, secrets without headerValues. */
async function legacyDatabase() {
  dir = tempDir('depot-remote-005-');
  sink = await startSink();
  const target = `${sink.url}/hook`;
  const box = createKeyFileSecretBox(dir.path);
  const subscribe = {
    label: 'legacy',
    callback: {
      webhook: {
        target,
        name: 'legacy',
        attributes: [
          { type: 'Header', key: 'X-Vin', value: '$vin' },
          { type: 'Header', key: 'X-Api-Key', value: 'legacy-site-key-31337' },
          { type: 'Body', key: 'site', value: 'depot-3' },
        ],
      },
    },
    retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
    remoteTypes: ['Doors', 'Horn'],
  };
  const secrets = await box.encrypt(
    JSON.stringify({ signingSecret: SIGNING, previousSigningSecret: null, authentication: null }),
  );
  const receiverSecret = await box.encrypt('receiver-secret');
  const db = openDatabase(file(), { migrations: MIGRATIONS.slice(0, 4) });
  db.raw
    .prepare(
      `INSERT INTO callbacks (id, label, subscribe, status, secrets, receiver_secret, upstream_id, created_at,
        updated_at, deleted_at) VALUES ('cb-legacy', 'legacy', ?, 'Running', ?, ?, NULL, ?, ?, NULL)`,
    )
    .run(JSON.stringify(subscribe), secrets, receiverSecret, AT, AT);
  db.close();
}

function row() {
  const db = new Database(file(), { readonly: true });
  try {
    return db
      .prepare('SELECT subscribe, secrets, secrets_lost, updated_at FROM callbacks WHERE id = ?')
      .get('cb-legacy') as { subscribe: string; secrets: string; secrets_lost: number; updated_at: string };
  } finally {
    db.close();
  }
}

describe('sealing the header values stored in clear (migration 005)', () => {
  it('seals them at the first start, keeps the other secrets, and sends the real value', async () => {
    await legacyDatabase();
    h = await startHarness({ dataDir: dir.path, keepDir: true });
    const stored = row();
    expect(stored.secrets_lost).toBe(0);
    expect(stored.updated_at).toBe(AT);
    expect(JSON.parse(stored.subscribe).callback.webhook.attributes).toEqual([
      { type: 'Header', key: 'X-Vin', value: '$vin' },
      { type: 'Header', key: 'X-Api-Key', value: MASK },
      { type: 'Body', key: 'site', value: 'depot-3' },
    ]);
    expect(stored.subscribe).not.toContain('legacy-site-key-31337');
    const opened = await h.core.services.callbacks.openSecrets('cb-legacy');
    expect(opened).toMatchObject({ signingSecret: SIGNING, headerValues: [null, 'legacy-site-key-31337'] });

    const got = (await h.call({ method: 'GET', url: '/api/v1/callbacks/cb-legacy' })).json();
    expect(got.subscribe.callback.webhook.attributes[1].value).toBe(MASK);

    const res = await h.call({ method: 'POST', url: '/api/v1/callbacks/cb-legacy/test-notification' });
    expect(res.statusCode).toBe(202);
    const deadline = Date.now() + 10_000;
    while (sink.requests.length === 0 && Date.now() < deadline) {
      await h.core.outbox.idle();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(sink.requests[0]?.headers['x-api-key']).toBe('legacy-site-key-31337');
    expect(sink.requests[0]?.json.attributes).toEqual([
      { key: 'site', value: 'depot-3' },
      { key: 'depotTest', value: 'true' },
    ]);
  });

  it('changes nothing at later starts (already sealed values are recognised)', async () => {
    await legacyDatabase();
    h = await startHarness({ dataDir: dir.path, keepDir: true });
    await h.close();
    h = undefined;
    const once = row();
    h = await startHarness({ dataDir: dir.path, keepDir: true });
    expect(row()).toEqual(once);
  });
});
