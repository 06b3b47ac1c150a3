// The support bundle, built from a real data folder while its core runs on it: every secret the folder holds (the
// API token, a callback's signing key, Basic password, sealed header value and receiver secret, the Stellantis
// credentials, an operator's PIN), even written into the log, is absent from the file — as is, encoded, or in part —
// and what support needs (versions, integrity, counts) is there.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildDiagnosticsBundle,
  REMOVED,
  writeDiagnosticsBundle,
} from '../../../main/core/diagnostics/index.js';
import type { BundleRequest } from '../../../main/core/diagnostics/index.js';
import { MIGRATIONS } from '../../../main/core/db/index.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { type Harness, startHarness } from '../../helpers/api-harness.js';
import { addOperator } from '../../helpers/operator-sessions.js';
import { leaks } from './leaks.js';
import { seedSecrets } from './secret-folder.js';

const API_TOKEN = 'Qk7vR2xLp9TzW4mNc8HsY1bD6fJgA3eU5iOq0rKt';
const SIGNING_SECRET = 'whsec_' + Buffer.from('hmac-signing-key-for-diagnostics-32b').toString('base64');
const BASIC_PASSWORD = 'basic-auth-Pa55word-for-the-site';
const HEADER_VALUE = 'site-api-key-9d41c7e0b2aa';
const STELLANTIS_PASSWORD = 'Stellantis-Passw0rd-7731';
const STELLANTIS_CLIENT_ID = 'client-id-5b8e2f1c-aa90';
const STELLANTIS_USER = 'fleet.admin.depot42';
const PIN = '58203917';

let h: Harness;
let receiverSecret: string;

function request(overrides: Partial<BundleRequest> = {}): BundleRequest {
  const box = createKeyFileSecretBox(h.dataDir);
  return {
    dataDir: h.dataDir,
    databaseFile: join(h.dataDir, 'depot-remote.sqlite'),
    logFile: join(h.dataDir, 'logs', 'agent.log'),
    logLines: 500,
    env: {},
    versions: { app: '9.8.7', node: process.versions.node, electron: null },
    now: new Date('2026-03-01T10:00:00.000Z'),
    open: (sealed) => box.decrypt(sealed),
    ...overrides,
  };
}

beforeEach(async () => {
  h = await startHarness();
  writeFileSync(join(h.dataDir, 'api-token'), `${API_TOKEN}\n`, { mode: 0o600 });
  const callbackId = await seedSecrets(h, {
    signingSecret: SIGNING_SECRET,
    basicPassword: BASIC_PASSWORD,
    headerValue: HEADER_VALUE,
    stellantisClientId: STELLANTIS_CLIENT_ID,
    stellantisUser: STELLANTIS_USER,
    stellantisPassword: STELLANTIS_PASSWORD,
  });
  await addOperator(h, 'Night shift', 'technician', PIN);
  // The receiver secret is generated, never shown: read it as the agent would, from the sealed column.
  const db = new Database(join(h.dataDir, 'depot-remote.sqlite'), { readonly: true });
  const sealed = db
    .prepare('SELECT receiver_secret FROM callbacks WHERE id = ?')
    .pluck()
    .get(callbackId) as string;
  db.close();
  receiverSecret = await createKeyFileSecretBox(h.dataDir).decrypt(sealed);
  mkdirSync(join(h.dataDir, 'logs'));
  const token64 = Buffer.from(API_TOKEN).toString('base64');
  writeFileSync(
    join(h.dataDir, 'logs', 'agent.log'),
    [
      ...Array.from(
        { length: 20 },
        (_, i) => `[2026-03-01 09:00:${String(i).padStart(2, '0')}.000] [info] tick ${i}`,
      ),
      `[2026-03-01 09:01:00.000] [info] API request {"authorization":"Bearer ${API_TOKEN}"}`,
      `[2026-03-01 09:01:01.000] [warn] token in clear ${API_TOKEN} and encoded ${token64}`,
      `[2026-03-01 09:01:02.000] [warn] partial token ${API_TOKEN.slice(0, 16)}… signing with ${SIGNING_SECRET}`,
      `[2026-03-01 09:01:03.000] [warn] posting to https://depot:${BASIC_PASSWORD}@site.example/hook`,
      `[2026-03-01 09:01:04.000] [warn] header X-Api-Key ${HEADER_VALUE}; x-depot-secret=${receiverSecret}`,
      `[2026-03-01 09:01:05.000] [error] login ${STELLANTIS_PASSWORD} refused {"password":"${STELLANTIS_PASSWORD}"}`,
      `[2026-03-01 09:01:06.000] [info] hmac key hex ${Buffer.from(SIGNING_SECRET).toString('hex')}`,
      `[2026-03-01 09:01:07.000] [info] remote 3f1c2a9e-5b7d-4e21-9a0b-6c8d7e9f0a1b for VR3UPHNKSKT101603 done`,
      '',
    ].join('\n'),
  );
});

afterEach(async () => h.close());

describe('the support bundle', () => {
  it('holds no secret of the folder, as is, encoded or in part, while the core runs on it', async () => {
    const file = join(h.dataDir, 'bundle.json');
    writeDiagnosticsBundle(file, await buildDiagnosticsBundle(request()));
    const text = readFileSync(file, 'utf8');
    const keyFile = readFileSync(join(h.dataDir, 'secret.key'), 'utf8').trim();
    const secrets = {
      API_TOKEN,
      SIGNING_SECRET,
      BASIC_PASSWORD,
      HEADER_VALUE,
      STELLANTIS_PASSWORD,
      STELLANTIS_CLIENT_ID,
      STELLANTIS_USER,
      receiverSecret,
      keyFile,
    };
    for (const [name, secret] of Object.entries(secrets)) expect(leaks(text, secret), name).toEqual([]);
    expect(text).not.toContain(PIN);
    expect(text).not.toMatch(/kf1:/);
    // The lines around the secrets are kept, and what support reads in them (a remote id, a VIN) too.
    const bundle = JSON.parse(text);
    expect(bundle.log.lines).toHaveLength(28);
    expect(bundle.log.lines[0]).toBe('[2026-03-01 09:00:00.000] [info] tick 0');
    expect(bundle.log.lines.at(-1)).toContain(
      'remote 3f1c2a9e-5b7d-4e21-9a0b-6c8d7e9f0a1b for VR3UPHNKSKT101603',
    );
    expect(bundle.log.lines[20]).toContain(REMOVED);
    expect(bundle.log.lines[21]).toBe(
      `[2026-03-01 09:01:01.000] [warn] token in clear ${REMOVED} and encoded ${REMOVED}`,
    );
    expect(bundle.log.lines[25]).toBe(
      `[2026-03-01 09:01:05.000] [error] login ${REMOVED} refused {"password":"${REMOVED}"}`,
    );
  });

  it('gives support the versions, the database health and counts, the settings it may see and the connection', async () => {
    const bundle = await buildDiagnosticsBundle(request());
    expect(bundle.versions).toMatchObject({
      app: '9.8.7',
      node: process.versions.node,
      electron: null,
      schema: { version: MIGRATIONS.length, name: MIGRATIONS.at(-1)!.name, newestKnown: MIGRATIONS.length },
    });
    expect(bundle.versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(bundle.database).toMatchObject({
      present: true,
      integrity: { check: 'integrity_check', result: ['ok'], ok: true },
      outbox: { Queued: 0, InFlight: 0, Delivered: 0, Failed: 0, Dead: 0 },
      quarantine: { total: 0, open: 0 },
    });
    if (!bundle.database.present) throw new Error('no database');
    // The built-in "This workstation" callback and the site's.
    expect(bundle.database.rowCounts).toMatchObject({ callbacks: 2, operators: 1, quarantine: 0 });
    expect(bundle.files.database).toBeGreaterThan(0);
    expect(bundle.settings['agent']!.value).toMatchObject({
      connector: 'simulator',
      stellantis: {
        baseUrl: 'https://api.example.test/connectedcar/v3',
        fleetId: 'fleet-42',
        clientId: REMOVED,
        user: REMOVED,
        keyFile: '/etc/depot/client.key',
      },
      receiver: { port: 5781, bind: '127.0.0.1', tls: null },
    });
    expect(bundle.settings['stellantis.password']!.value).toBe(REMOVED);
    expect(bundle.connection).toEqual({ connector: 'simulator', status: 'nothing-to-check' });
  });

  it('opens the database read-only: the file and its WAL are left as they were', async () => {
    const db = join(h.dataDir, 'depot-remote.sqlite');
    const files = () => [statSync(db).mtimeMs, statSync(db).size, statSync(`${db}-wal`).size];
    // The running agent's store writer checkpoints the WAL into the file every 100 ms while it changes (the
    // set-up's writes): wait until it has nothing left to copy, or its last checkpoint lands during the bundle.
    let before = files();
    for (let settled = 0; settled < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const now = files();
      settled = now.join() === before.join() ? settled + 1 : 0;
      before = now;
    }
    await buildDiagnosticsBundle(request());
    expect(files()).toEqual(before);
  });

  it('takes the last N log lines, and uses quick_check past the size limit', async () => {
    const bundle = await buildDiagnosticsBundle(request({ logLines: 3, quickCheckAboveBytes: 1 }));
    expect(bundle.log.lines).toHaveLength(3);
    expect(bundle.log.lines.at(-1)).toContain('VR3UPHNKSKT101603');
    expect(bundle.database).toMatchObject({ integrity: { check: 'quick_check', result: ['ok'], ok: true } });
  });

  it('for Stellantis, checks the settings and files offline only, and keeps secret variables out', async () => {
    const env = {
      DEPOT_REMOTE_CONNECTOR: 'stellantis',
      DEPOT_REMOTE_STELLANTIS_PASSWORD: 'env-Password-for-stellantis-42',
      DEPOT_REMOTE_API_TOKEN: 'env-token-abcdefghijklmnopqrstuvwxyz',
    };
    const bundle = await buildDiagnosticsBundle(request({ env }));
    expect(bundle.connection).toMatchObject({
      connector: 'stellantis',
      status: 'problem',
      networkChecked: false,
    });
    if (bundle.connection.connector !== 'stellantis') throw new Error('not stellantis');
    expect(bundle.connection.checks.map((c) => c.code)).toContain('env.file.missing');
    expect(bundle.environment).toEqual({
      DEPOT_REMOTE_API_TOKEN: REMOVED,
      DEPOT_REMOTE_CONNECTOR: 'stellantis',
      DEPOT_REMOTE_STELLANTIS_PASSWORD: REMOVED,
    });
    const text = JSON.stringify(bundle);
    expect(leaks(text, env.DEPOT_REMOTE_STELLANTIS_PASSWORD)).toEqual([]);
    expect(leaks(text, env.DEPOT_REMOTE_API_TOKEN)).toEqual([]);
  });
});
