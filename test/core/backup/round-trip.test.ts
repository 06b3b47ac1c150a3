// A populated data folder, backed up while its agent runs, restored into a new folder and opened there by a real
// agent: every sealed secret still opens with the restored key, and the callbacks, operators and actions are there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../main/core/backup/create-backup.js';
import { restoreBackup } from '../../../main/core/backup/restore-backup.js';
import { MIGRATIONS } from '../../../main/core/db/index.js';
import { callbackBody } from '../../helpers/api-harness.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { api, openAll, sealedValues, startAgentOn, type Agent } from './backup-world.js';

const SIGNING = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
const HEADER_SECRET = 'site-api-key-0f9e8d7c6b';

let dirs: ReturnType<typeof tempDir>[] = [];
let agents: Agent[] = [];
afterEach(async () => {
  for (const agent of agents) await agent.stop();
  agents = [];
  for (const dir of dirs) dir.remove();
  dirs = [];
});

const folder = () => {
  const dir = tempDir('depot-remote-backup-');
  dirs.push(dir);
  return dir.path;
};
const start = async (dataDir: string) => {
  const agent = await startAgentOn(dataDir);
  agents.push(agent);
  return agent;
};
const stop = async (agent: Agent) => {
  agents = agents.filter((a) => a !== agent);
  await agent.stop();
};

/** A callback with every kind of secret, an operator and a command sent: returns their ids. */
async function populate(agent: Agent) {
  const callback = await api<{ id: string }>(agent, 'POST', '/callbacks', {
    ...callbackBody({
      callback: {
        webhook: {
          target: 'http://127.0.0.1:9/hook',
          name: 'site',
          attributes: [
            { type: 'Header', key: 'X-Api-Key', value: HEADER_SECRET },
            { type: 'Header', key: 'X-Vin', value: '$vin' },
          ],
        },
      },
    }),
    signingSecret: SIGNING,
    authentication: { type: 'Basic', username: 'depot', password: 'basic-password-1' },
  });
  expect(callback.status).toBe(201);
  const operator = await api<{ id: string }>(agent, 'POST', '/operators', {
    name: 'Alex',
    role: 'admin',
    pin: '135790',
  });
  expect(operator.status).toBe(201);
  const vehicles = await api<{ items: { id: string }[] }>(agent, 'GET', '/vehicles?search=Van%2001');
  const sent = await api<{ remoteActionId: string }>(
    agent,
    'POST',
    `/vehicles/${vehicles.body.items[0]!.id}/callbacks/${callback.body.id}/remotes`,
    { horn: { state: 'Activated' } },
  );
  expect(sent.status).toBe(202);
  return { callback: callback.body.id, operator: operator.body.id, action: sent.body.remoteActionId };
}

describe('backup and restore into a new data folder', () => {
  it.each([
    ['plain', null],
    ['encrypted', 'correct horse battery staple'],
  ])('keeps every secret openable and every row (%s)', async (_kind, passphrase) => {
    const source = folder();
    const agent = await start(source);
    const ids = await populate(agent);
    const receiverSecret = await agent.core.services.callbacks.openReceiverSecret(ids.callback);
    const token = readFileSync(join(source, 'api-token'), 'utf8');
    const sealedBefore = sealedValues(source).length;
    expect(sealedBefore).toBeGreaterThanOrEqual(3);

    // Taken while the agent runs (WAL, its connections open).
    const archive = join(folder(), 'site.backup');
    const backup = await createBackup({
      dataDir: source,
      archive,
      passphrase,
      appVersion: '9.8.7',
      now: new Date('2026-03-04T05:06:07.000Z'),
    });
    expect(backup.encrypted).toBe(passphrase !== null);
    expect(backup.manifest).toMatchObject({
      appVersion: '9.8.7',
      schemaVersion: MIGRATIONS.length,
      createdAt: '2026-03-04T05:06:07.000Z',
    });
    expect(backup.manifest.members.map((m) => m.name).sort()).toEqual(
      ['api-token', 'depot-remote.sqlite', 'secret.key'].sort(),
    );
    await stop(agent);

    const target = join(folder(), 'restored');
    const restored = await restoreBackup({
      dataDir: target,
      archive,
      passphrase,
      force: false,
      now: new Date(),
    });
    expect(restored.keptAside).toEqual([]);
    expect(readFileSync(join(target, 'secret.key'), 'utf8')).toBe(
      readFileSync(join(source, 'secret.key'), 'utf8'),
    );
    expect(readFileSync(join(target, 'api-token'), 'utf8')).toBe(token);

    // Every sealed value opens with the restored key; the agent's own start-up key check passes too.
    expect(sealedValues(target)).toHaveLength(sealedBefore);
    const opened = await openAll(target);
    expect(opened.join('\n')).toContain(SIGNING);
    expect(opened.join('\n')).toContain(HEADER_SECRET);

    const again = await start(target);
    const secrets = await again.core.services.callbacks.openSecrets(ids.callback);
    expect(secrets.signingSecret).toBe(SIGNING);
    expect(secrets.authentication).toMatchObject({
      type: 'Basic',
      username: 'depot',
      password: 'basic-password-1',
    });
    expect(await again.core.services.callbacks.openReceiverSecret(ids.callback)).toBe(receiverSecret);
    const operators = await api<{ id: string; name: string }[] | { items: { id: string }[] }>(
      again,
      'GET',
      '/operators',
    );
    expect(JSON.stringify(operators.body)).toContain(ids.operator);
    const action = await api<{ remoteActionId: string; type: string }>(
      again,
      'GET',
      `/remotes/${ids.action}`,
    );
    expect(action.status).toBe(200);
    expect(action.body).toMatchObject({ remoteActionId: ids.action, type: 'Horn' });
    // The machine token restored with the folder still opens the API.
    expect(again.token).toMatchObject({ source: 'file', token: token.trim() });
  });
});
