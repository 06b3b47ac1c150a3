// Sealed data needs its key. A real agent started in-process on a real data folder (SQLite file, key-file box,
// sockets on 127.0.0.1): with sealed values in the database and secret.key missing, another key or not a key, the
// start is refused with one line naming the file and the way out, and no new key is written. --forget-secrets
// clears every sealed value instead, flags the callbacks that need theirs again, holds their deliveries, records
// it in the audit log and writes a new key.
import { adminActor } from '../../helpers/actors.js';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAgentOptions, type AgentOptions } from '../../../main/core/config/agent-options.js';
import { MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { SecretKeyError } from '../../../main/core/secrets/secret-key-error.js';
import { resolveAgentOptions } from '../../../main/headless/resolve-options.js';
import { startAgent } from '../../../main/headless/start-agent.js';
import { callbackBody } from '../../helpers/api-harness.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startSink, type WebhookSink } from '../../helpers/webhook-sink.js';

type Agent = Awaited<ReturnType<typeof startAgent>>;

/** What these tests read of the API's answers. */
interface CallbackJson {
  id: string;
  secretsLost?: true;
  signingSecret: string | null;
  authentication: unknown;
  subscribe: {
    callback: { webhook: { attributes: { type: string; key: string; value: string }[] } & object };
  } & Record<string, unknown>;
}
interface Page<T> {
  items: T[];
}
interface AuditJson {
  action: string;
  operator: string;
  detail: unknown;
}
interface DeliveryJson {
  state: string;
  attempts: number;
  heldReason: { code: string; params: Record<string, string> } | null;
}
interface ErrorJson {
  errors: { field: string; message: string }[];
}

const MASK = '••••';
const SITE_KEY = 'site-api-key-5d1e77a0c2';
const SIGNING = 'whsec_' + Buffer.alloc(32, 5).toString('base64');

let dir: ReturnType<typeof tempDir>;
let sink: WebhookSink | undefined;
let running: Agent | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await sink?.close();
  sink = undefined;
  dir?.remove();
});

const keyFile = () => join(dir.path, 'secret.key');

function options(extra: string[] = []): AgentOptions {
  const parsed = parseAgentOptions(
    ['--data-dir', dir.path, '--api-port', '0', '--receiver-port', '0', '--sim-speed', '100', ...extra],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  return parsed.options;
}

async function start(extra: string[] = []): Promise<Agent> {
  running = await startAgent(options(extra), silentLogger);
  return running;
}

async function stop() {
  await running?.stop();
  running = undefined;
}

async function api<T>(agent: Agent, method: string, path: string, body?: unknown) {
  const res = await fetch(`${agent.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${agent.token.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const stellantisSettings = (connector: 'simulator' | 'stellantis') => ({
  connector,
  stellantis: {
    baseUrl: 'https://api.example.invalid',
    fleetId: 'fleet-1',
    clientId: 'client-1',
    user: 'depot',
    certFile: '/nowhere/client.pem',
    keyFile: '/nowhere/client.key',
    caFile: '',
    password: 'stellantis-password-42',
  },
  publicReceiverUrl: null,
  receiver: { port: 0, bind: '127.0.0.1', tls: null },
  notifications: { desktop: true },
});

const headerAttributes = (value: string) => [
  { type: 'Header', key: 'X-Api-Key', value },
  { type: 'Header', key: 'X-Vin', value: '$vin' },
];

/**
 * A data folder in use: a callback with every kind of secret (signing, Basic, sealed header), one with none, and
 * a saved Stellantis password; all sealed with the key the folder has now.
 */
async function seed(connector: 'simulator' | 'stellantis' = 'simulator') {
  dir = tempDir('depot-remote-sealed-');
  sink = await startSink();
  const agent = await start();
  const target = `${sink.url}/hook`;
  const withSecrets = await api<CallbackJson>(agent, 'POST', '/callbacks', {
    ...callbackBody({
      callback: { webhook: { target, name: 'site', attributes: headerAttributes(SITE_KEY) } },
    }),
    signingSecret: SIGNING,
    authentication: { type: 'Basic', username: 'depot', password: 'basic-password-1' },
  });
  expect(withSecrets.status).toBe(201);
  const plain = await api<CallbackJson>(agent, 'POST', '/callbacks', callbackBody({ label: 'plain' }));
  expect(plain.status).toBe(201);
  await agent.core.services.settings.save(stellantisSettings(connector), adminActor('tech'));
  await agent.core.services.backups.saveSettings({ passphrase: 'backup-passphrase-7' }, adminActor('tech'));
  const oldReceiverSecret = await agent.core.services.callbacks.openReceiverSecret(withSecrets.body.id);
  await stop();
  return {
    a: withSecrets.body.id as string,
    b: plain.body.id as string,
    oldReceiverSecret: oldReceiverSecret!,
    key: readFileSync(keyFile(), 'utf8'),
  };
}

async function refusal(p: Promise<unknown>): Promise<SecretKeyError> {
  const err = await p.then(
    (agent) => {
      running = agent as Agent;
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SecretKeyError);
  const e = err as SecretKeyError;
  expect(e.message).toContain(keyFile().replace(/\/secret\.key$/, ''));
  expect(e.message).not.toContain('\n');
  return e;
}

function rawDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(join(dir.path, 'depot-remote.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('a missing, other or malformed secret.key over sealed data', () => {
  it('refuses to start when secret.key is missing, naming the file and the fix, and writes no new key', async () => {
    await seed();
    rmSync(keyFile());
    const err = await refusal(startAgent(options(), silentLogger));
    expect(err.code).toBe('SECRET_KEY_MISSING');
    expect(err.message).toContain(keyFile());
    expect(err.message).toMatch(/restore it from a backup, or start once with --forget-secrets/);
    expect(existsSync(keyFile())).toBe(false);
  });

  it('refuses a key file holding another key, and leaves it as it is', async () => {
    await seed();
    const other = randomBytes(32).toString('base64') + '\n';
    writeFileSync(keyFile(), other, { mode: 0o600 });
    const err = await refusal(startAgent(options(), silentLogger));
    expect(err.code).toBe('SECRET_KEY_WRONG');
    expect(err.message).toContain(keyFile());
    expect(readFileSync(keyFile(), 'utf8')).toBe(other);
  });

  it('refuses a malformed key file with its own line', async () => {
    await seed();
    writeFileSync(keyFile(), 'c2hvcnQ=\n');
    const err = await refusal(startAgent(options(), silentLogger));
    expect(err.code).toBe('SECRET_KEY_MALFORMED');
    expect(err.message).toMatch(/secret\.key is not a valid secret key/);
    expect(readFileSync(keyFile(), 'utf8')).toBe('c2hvcnQ=\n');
  });

  it('a sealed Stellantis password alone is enough: the key is named before the connector is configured', async () => {
    dir = tempDir('depot-remote-sealed-');
    const agent = await start();
    await agent.core.services.settings.save(stellantisSettings('stellantis'), adminActor('tech'));
    await stop();
    rmSync(keyFile());
    // Reading the saved settings opens nothing it cannot, and writes no key.
    const resolved = await resolveAgentOptions(
      ['--data-dir', dir.path, '--api-port', '0', '--receiver-port', '0'],
      {},
    );
    if (resolved.help) throw new Error('unexpected help');
    expect(resolved.options.connector).toBe('stellantis');
    expect(existsSync(keyFile())).toBe(false);
    const err = await refusal(startAgent(resolved.options, silentLogger, undefined, resolved.context));
    expect(err.code).toBe('SECRET_KEY_MISSING');
    expect(existsSync(keyFile())).toBe(false);
  });

  it('with no sealed value at all, a missing key is simply written (first start, or nothing sealed yet)', async () => {
    // A folder the previous release wrote, with nothing sealed in it (no callback yet), and no key.
    dir = tempDir('depot-remote-sealed-');
    const old = openDatabase(join(dir.path, 'depot-remote.sqlite'), { migrations: MIGRATIONS.slice(0, 7) });
    old.close();
    await start();
    expect(readFileSync(keyFile(), 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    // The built-in callback (migration 008) has its receiver secret sealed with it from then on, as in a folder
    // whose first start this was: so the key is needed like any other's.
    const sealed = rawDb((db) =>
      db.prepare("SELECT receiver_secret FROM callbacks WHERE id = 'workstation'").pluck().get(),
    );
    expect(sealed).toMatch(/^kf1:/);
    await stop();
    rmSync(keyFile());
    expect((await refusal(startAgent(options(), silentLogger))).code).toBe('SECRET_KEY_MISSING');
  });
});

describe('--forget-secrets', () => {
  it('starts, clears every sealed value, flags the callbacks, writes a new key and records it', async () => {
    const { a, b, key } = await seed();
    rmSync(keyFile());
    const agent = await start(['--forget-secrets']);
    const newKey = readFileSync(keyFile(), 'utf8');
    expect(newKey).not.toBe(key);

    const list = (await api<Page<CallbackJson>>(agent, 'GET', '/callbacks')).body.items;
    const lost = list.find((c) => c.id === a)!;
    const kept = list.find((c) => c.id === b)!;
    expect(lost).toMatchObject({ secretsLost: true, signingSecret: null, authentication: null });
    expect(lost.subscribe.callback.webhook.attributes[0]).toEqual({
      type: 'Header',
      key: 'X-Api-Key',
      value: MASK,
    });
    expect(kept).not.toHaveProperty('secretsLost');

    const rows = rawDb((db) =>
      db
        .prepare('SELECT id, secrets, receiver_secret, secrets_lost FROM callbacks ORDER BY created_at')
        .all(),
    ) as { id: string; secrets: string | null; receiver_secret: string | null; secrets_lost: number }[];
    expect(rows.map((r) => [r.id, r.secrets, r.secrets_lost])).toEqual([
      ['workstation', null, 0], // the built-in callback: no secrets of its own, nothing to enter again
      [a, null, 1],
      [b, null, 0],
    ]);
    // Receiver secrets are the agent's own: new ones, sealed with the new key.
    for (const r of rows) expect(r.receiver_secret).toMatch(/^kf1:/);
    const settings = await api<{ stellantis: { hasPassword: boolean } }>(agent, 'GET', '/settings');
    expect(settings.body.stellantis.hasPassword).toBe(false);
    const backups = await api<{ settings: { passphraseSet: boolean } }>(agent, 'GET', '/backups');
    expect(backups.body.settings.passphraseSet).toBe(false);

    const audit = (await api<Page<AuditJson>>(agent, 'GET', '/audit')).body.items;
    const forgotten = audit.filter((e) => e.action === 'secrets.forgotten');
    expect(forgotten).toHaveLength(1);
    expect(forgotten[0]).toMatchObject({
      operator: 'system',
      detail: {
        problem: 'SECRET_KEY_MISSING',
        keyFile: keyFile(),
        // a's secrets and receiver secret, b's and the built-in callback's receiver secrets, the Stellantis password,
        // the backups' passphrase
        cleared: 6,
        callbacksNeedingSecrets: [a],
        stellantisPasswordCleared: true,
        backupPassphraseCleared: true,
      },
    });
  });

  it('keeps a replaced key file aside rather than deleting it', async () => {
    await seed();
    writeFileSync(keyFile(), 'not a key at all\n');
    await start(['--forget-secrets']);
    const aside = readdirSync(dir.path).filter((f) => f.startsWith('secret.key.replaced-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir.path, aside[0]!), 'utf8')).toBe('not a key at all\n');
  });

  it('answers the old x-depot-secret with 401, never 500; the new one is accepted', async () => {
    const { a, oldReceiverSecret } = await seed();
    rmSync(keyFile());
    const agent = await start(['--forget-secrets']);
    const post = (secret: string) =>
      fetch(`${agent.receiverUrl}/webhooks/stellantis/${a}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-depot-secret': secret },
        body: '{"events":[]}',
      });
    const old = await post(oldReceiverSecret);
    expect(old.status).toBe(401);
    expect((await old.json()).debug).toBe('SECRET_INVALID');
    const renewed = await agent.core.services.callbacks.openReceiverSecret(a);
    expect(renewed).not.toBe(oldReceiverSecret);
    expect((await post(renewed!)).status).toBe(200);
  });

  it('holds the deliveries of a callback without its secrets, with the reason, until a PUT enters them again', async () => {
    const { a } = await seed();
    rmSync(keyFile());
    const agent = await start(['--forget-secrets']);
    const test = await api<unknown>(agent, 'POST', `/callbacks/${a}/test-notification`);
    expect(test.status).toBe(202);
    await agent.core.outbox.idle();
    const held = (await api<Page<DeliveryJson>>(agent, 'GET', `/deliveries?callback=${a}`)).body.items;
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ state: 'Queued', attempts: 0 });
    expect(held[0]!.heldReason).toEqual({ code: 'CALLBACK_SECRETS_LOST', params: {} });
    expect(sink!.requests).toHaveLength(0);

    // The mask stands for nothing now: the value must be entered again.
    const shown = (await api<CallbackJson>(agent, 'GET', `/callbacks/${a}`)).body;
    const again = await api<ErrorJson>(agent, 'PUT', `/callbacks/${a}`, shown.subscribe);
    expect(again.status).toBe(400);
    expect(again.body.errors[0]!.field).toBe('callback.webhook.attributes[0].value');

    const entered = await api<CallbackJson>(agent, 'PUT', `/callbacks/${a}`, {
      ...shown.subscribe,
      callback: {
        webhook: { ...shown.subscribe.callback.webhook, attributes: headerAttributes('new-site-key-99') },
      },
      signingSecret: SIGNING,
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body).not.toHaveProperty('secretsLost');
    const deadline = Date.now() + 10_000;
    while (sink!.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(sink!.requests).toHaveLength(1);
    expect(sink!.requests[0]!.headers['x-api-key']).toBe('new-site-key-99');
    expect(sink!.requests[0]!.headers['webhook-signature']).toMatch(/^v1,/);
  });

  it('clears nothing when the key opens everything: the flag is for a lost key, not a reset', async () => {
    const { a, key } = await seed();
    const agent = await start(['--forget-secrets']);
    expect(readFileSync(keyFile(), 'utf8')).toBe(key);
    const cb = (await api<CallbackJson>(agent, 'GET', `/callbacks/${a}`)).body;
    expect(cb).not.toHaveProperty('secretsLost');
    expect(cb.signingSecret).toMatch(/^whsec_\*\*\*\*/);
    const audit = (await api<Page<AuditJson>>(agent, 'GET', '/audit')).body.items;
    expect(audit.some((e) => e.action === 'secrets.forgotten')).toBe(false);
  });
});
