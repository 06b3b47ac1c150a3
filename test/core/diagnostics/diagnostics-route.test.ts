// GET /api/v1/diagnostics: the running agent's support bundle, for an admin, as a JSON file named for its time —
// the same bundle `npm run agent -- diagnostics` writes, holding none of the folder's secrets; 403 for the others.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../main/core/db/index.js';
import { REMOVED } from '../../../main/core/diagnostics/index.js';
import { type Harness, startHarness, TOKEN } from '../../helpers/api-harness.js';
import { signedIn } from '../../helpers/operator-sessions.js';
import { leaks } from './leaks.js';
import { seedSecrets } from './secret-folder.js';

const SIGNING_SECRET = 'whsec_' + Buffer.from('route-signing-key-for-diagnostics-32').toString('base64');
const BASIC_PASSWORD = 'basic-auth-Pa55word-for-the-route';
const HEADER_VALUE = 'site-api-key-7c30a9f1d4ee';
const STELLANTIS_PASSWORD = 'Stellantis-Passw0rd-9046';
const PIN = '61839204';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  // The machine token as the agent keeps it: the bundle knows it from this file.
  writeFileSync(join(h.dataDir, 'api-token'), `${TOKEN}\n`, { mode: 0o600 });
  await seedSecrets(h, {
    signingSecret: SIGNING_SECRET,
    basicPassword: BASIC_PASSWORD,
    headerValue: HEADER_VALUE,
    stellantisClientId: 'client-id-route-5b8e2f1c',
    stellantisUser: 'fleet.admin.route',
    stellantisPassword: STELLANTIS_PASSWORD,
  });
  mkdirSync(join(h.dataDir, 'logs'));
  writeFileSync(
    join(h.dataDir, 'logs', 'agent.log'),
    [
      '[2026-03-01 09:00:00.000] [info] agent started',
      `[2026-03-01 09:01:00.000] [info] API request {"authorization":"Bearer ${TOKEN}"}`,
      `[2026-03-01 09:01:01.000] [warn] signing with ${SIGNING_SECRET}, login ${STELLANTIS_PASSWORD} refused`,
      '',
    ].join('\n'),
  );
});

afterEach(async () => h.close());

describe('GET /api/v1/diagnostics', () => {
  it('answers an admin the running agent’s bundle as a JSON file named for its UTC time', async () => {
    const res = await h.call({ method: 'GET', url: '/api/v1/diagnostics' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const bundle = res.json();
    const stamp = (bundle.createdAt as string).replaceAll(':', '');
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z$/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="depot-remote-support-${stamp}.json"`,
    );
    expect(bundle.dataDir).toBe(h.dataDir);
    expect(bundle.versions).toMatchObject({
      app: '0.0.0-test',
      node: process.versions.node,
      schema: { version: MIGRATIONS.length, newestKnown: MIGRATIONS.length },
    });
    expect(bundle.versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(bundle.database).toMatchObject({ present: true, integrity: { result: ['ok'], ok: true } });
    // The built-in "This workstation" callback and the site's.
    expect(bundle.database.rowCounts).toMatchObject({ callbacks: 2 });
    expect(bundle.settings['stellantis.password'].value).toBe(REMOVED);
    expect(bundle.connection).toEqual({ connector: 'simulator', status: 'nothing-to-check' });
    expect(bundle.log.lines[0]).toBe('[2026-03-01 09:00:00.000] [info] agent started');
  });

  it('holds no secret of the folder, as is, encoded or in part', async () => {
    await signedIn(h, 'Night shift', 'technician', PIN);
    const res = await h.call({ method: 'GET', url: '/api/v1/diagnostics' });
    expect(res.statusCode, res.body).toBe(200);
    const text = res.body;
    const keyFile = readFileSync(join(h.dataDir, 'secret.key'), 'utf8').trim();
    const secrets = { TOKEN, SIGNING_SECRET, BASIC_PASSWORD, HEADER_VALUE, STELLANTIS_PASSWORD, keyFile };
    for (const [name, secret] of Object.entries(secrets)) expect(leaks(text, secret), name).toEqual([]);
    expect(text).not.toContain(PIN);
    expect(text).not.toMatch(/kf1:/);
    expect(res.json().log.lines[1]).toContain(REMOVED);
  });

  it('refuses a technician (403 FORBIDDEN, naming the admin role) and audits the refusal', async () => {
    const tess = await signedIn(h, 'Tess', 'technician');
    const res = await tess.call({ method: 'GET', url: '/api/v1/diagnostics' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(res.headers['content-disposition']).toBeUndefined();
    const audit = await h.call({ method: 'GET', url: '/api/v1/audit?action=access.denied' });
    expect(audit.json().items[0]).toMatchObject({ detail: { what: 'diagnostics.read', needed: 'admin' } });
  });
});
