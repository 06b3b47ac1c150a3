// Backups through the local API of a real agent started in-process (real SQLite file, key file, sockets on
// 127.0.0.1): admins only, names outside the folder refused as not found, a wrong passphrase refused with nothing
// changed, and a restore through POST /backups/{name}/restore: 202, the agent stops, restores, comes back on the
// same port with the backup's data, every callback secret opens, and the audit holds `backup.restore`.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../../main/core/config/agent-options.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { startRestartableAgent, type RestartableAgent } from '../../../main/headless/restartable-agent.js';
import { callbackBody } from '../../helpers/api-harness.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { api, openAll, type Agent } from './backup-world.js';

const SIGNING = 'whsec_' + Buffer.alloc(32, 9).toString('base64');
const HEADER_SECRET = 'site-api-key-restore-0a1b2c';
const PASSPHRASE = 'correct horse battery staple';

let running: RestartableAgent[] = [];
let dirs: ReturnType<typeof tempDir>[] = [];
afterEach(async () => {
  for (const r of running) await r.stop();
  running = [];
  for (const dir of dirs) dir.remove();
  dirs = [];
});

async function startOn(): Promise<{ dataDir: string; agent: RestartableAgent }> {
  const dir = tempDir('depot-remote-restore-api-');
  dirs.push(dir);
  const parsed = parseAgentOptions(
    ['--data-dir', dir.path, '--api-port', '0', '--receiver-port', '0', '--sim-speed', '100'],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  const agent = await startRestartableAgent(parsed.options, silentLogger);
  running.push(agent);
  await firstBackupDone(agent.current);
  return { dataDir: dir.path, agent };
}

/** The daily backup's first look runs as soon as the agent is up; "back up now" during it answers 409. */
async function firstBackupDone(agent: Agent): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await agent.core.services.backups.idle();
}

async function createCallback(agent: Agent, label: string) {
  const created = await api<{ id: string }>(agent, 'POST', '/callbacks', {
    ...callbackBody({
      label,
      callback: {
        webhook: {
          target: 'http://127.0.0.1:9/hook',
          name: label,
          attributes: [{ type: 'Header', key: 'X-Api-Key', value: HEADER_SECRET }],
        },
      },
    }),
    signingSecret: SIGNING,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function sendHorn(agent: Agent, callbackId: string) {
  const vehicles = await api<{ items: { id: string }[] }>(agent, 'GET', '/vehicles?search=Van%2001');
  const sent = await api<{ remoteActionId: string }>(
    agent,
    'POST',
    `/vehicles/${vehicles.body.items[0]!.id}/callbacks/${callbackId}/remotes`,
    { horn: { state: 'Activated' } },
  );
  expect(sent.status).toBe(202);
  return sent.body.remoteActionId;
}

type Overview = {
  settings: { folder: string; keep: number; enabled: boolean; passphraseSet: boolean };
  backups: { name: string; encrypted: boolean; kind: string }[];
};

describe('backups through the API', () => {
  it('are for admins only: a supervisor is refused every operation (403)', async () => {
    const { agent } = await startOn();
    const token = await api<{ token: string }>(agent.current, 'POST', '/tokens', {
      label: 'shift lead',
      role: 'supervisor',
    });
    expect(token.status).toBe(201);
    const as = { authorization: `Bearer ${token.body.token}` };
    const made = await api<{ name: string }>(agent.current, 'POST', '/backups');
    expect(made.status).toBe(201);
    for (const [method, path, body] of [
      ['GET', '/backups', undefined],
      ['PUT', '/backups/settings', { keep: 3 }],
      ['POST', '/backups', undefined],
      ['POST', `/backups/${made.body.name}/restore`, {}],
    ] as const) {
      const res = await api<{ code: string }>(agent.current, method, path, body, as);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('never returns the passphrase, and refuses names that are not backups of the folder', async () => {
    const { dataDir, agent } = await startOn();
    const a = agent.current;
    const put = await api<Overview>(a, 'PUT', '/backups/settings', { passphrase: PASSPHRASE, keep: 3 });
    expect(put.status).toBe(200);
    expect(put.body.settings).toEqual({
      folder: join(dataDir, 'backups'),
      keep: 3,
      enabled: true,
      passphraseSet: true,
    });
    expect(JSON.stringify(put.body)).not.toContain(PASSPHRASE);
    const made = await api<{ name: string; encrypted: boolean }>(a, 'POST', '/backups');
    expect(made.body.encrypted).toBe(true);

    // A file of the folder that is not one of ours, the data folder's own files, traversals and encodings.
    writeFileSync(join(dataDir, 'backups', 'notes.txt'), 'mine');
    for (const name of [
      'notes.txt',
      '..%2Fdepot-remote.sqlite',
      '..%2F..%2Fetc%2Fpasswd',
      encodeURIComponent(`../backups/${made.body.name}`),
      encodeURIComponent(join(dataDir, 'backups', made.body.name)),
      'depot-remote-2026-01-05T08-00-00-000Z.backup',
      '..',
    ]) {
      const res = await api<{ code: string }>(a, 'POST', `/backups/${name}/restore`, {});
      expect(res.status, name).toBe(404);
    }
    const bad = await api<{ code: string }>(a, 'PUT', '/backups/settings', { folder: 'relative/path' });
    expect(bad.status).toBe(400);
    const tooShort = await api<{ code: string }>(a, 'PUT', '/backups/settings', { passphrase: 'short' });
    expect(tooShort.status).toBe(400);

    const cleared = await api<Overview>(a, 'PUT', '/backups/settings', { clearPassphrase: true });
    expect(cleared.body.settings.passphraseSet).toBe(false);
    const audit = await api<{ items: { action: string; detail: unknown }[] }>(
      a,
      'GET',
      '/audit?action=backup.settings-change',
    );
    // The two valid changes; the refused ones changed nothing and are not entries.
    expect(audit.body.items).toHaveLength(2);
    expect(JSON.stringify(audit.body)).not.toContain(PASSPHRASE);
  });

  it('refuses a wrong or missing passphrase with 422 and changes nothing', async () => {
    const { dataDir, agent } = await startOn();
    const a = agent.current;
    await api(a, 'PUT', '/backups/settings', { passphrase: PASSPHRASE });
    const made = await api<{ name: string }>(a, 'POST', '/backups');
    const callback = await createCallback(a, 'after the backup');
    const before = readdirSync(dataDir).sort();

    const wrong = await api<{ code: string; params: Record<string, string> }>(
      a,
      'POST',
      `/backups/${made.body.name}/restore`,
      { passphrase: 'not the right one' },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('PASSPHRASE_WRONG');
    expect(wrong.body.params.name).toBe(made.body.name);
    expect(JSON.stringify(wrong.body)).not.toContain(dataDir);
    const missing = await api<{ code: string }>(a, 'POST', `/backups/${made.body.name}/restore`, {});
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('PASSPHRASE_MISSING');

    // Same agent, same files, the callback made after the backup still there.
    expect(agent.current).toBe(a);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect((await api(a, 'GET', `/callbacks/${callback}`)).status).toBe(200);
    expect(existsSync(join(dataDir, 'restore-marker.json'))).toBe(false);
  });

  it('restores a backup: the agent comes back on the same port with its data, secrets open, audited', async () => {
    const { dataDir, agent } = await startOn();
    const first = agent.current;
    const port = first.port;
    await api(first, 'PUT', '/backups/settings', { passphrase: PASSPHRASE });
    const kept = await createCallback(first, 'kept');
    const action = await sendHorn(first, kept);
    const made = await api<{ name: string }>(first, 'POST', '/backups');
    expect(made.status).toBe(201);

    // Things change after the backup.
    const later = await createCallback(first, 'made later');
    expect((await api(first, 'DELETE', `/callbacks/${kept}`)).status).toBeLessThan(300);
    const keyBefore = readFileSync(join(dataDir, 'secret.key'));

    const restarted = agent.restarted();
    const accepted = await api<{ name: string; schemaVersion: number }>(
      first,
      'POST',
      `/backups/${made.body.name}/restore`,
      { passphrase: PASSPHRASE },
      { 'x-depot-reason': 'undo the afternoon' },
    );
    expect(accepted.status).toBe(202);
    expect(accepted.body.name).toBe(made.body.name);
    const second = await restarted;
    expect(second).not.toBe(first);
    expect(second.port).toBe(port);

    // The backup's data: the deleted callback is back, the later one is gone, the action is there.
    const kept2 = await api<{ id: string; label: string; deletedAt?: string | null }>(
      second,
      'GET',
      `/callbacks/${kept}`,
    );
    expect(kept2.status).toBe(200);
    expect(kept2.body.deletedAt ?? null).toBeNull();
    expect((await api(second, 'GET', `/callbacks/${later}`)).status).toBe(404);
    expect((await api(second, 'GET', `/remotes/${action}`)).status).toBe(200);
    // The same key (restored), every sealed value opens with it.
    expect(readFileSync(join(dataDir, 'secret.key')).equals(keyBefore)).toBe(true);
    const opened = await openAll(dataDir);
    expect(opened.join('\n')).toContain(SIGNING);
    expect(opened.join('\n')).toContain(HEADER_SECRET);
    expect((await second.core.services.callbacks.openSecrets(kept)).signingSecret).toBe(SIGNING);

    // The restore is in the audit of the restored database, with who and which archive; the marker is gone.
    const audit = await api<{
      items: { action: string; operator: string; reason: string | null; detail: Record<string, unknown> }[];
    }>(second, 'GET', '/audit?action=backup.restore');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      operator: 'machine token',
      reason: 'undo the afternoon',
      detail: { archive: made.body.name, ok: true },
    });
    expect(existsSync(join(dataDir, 'restore-marker.json'))).toBe(false);
    // The replaced files are kept aside, renamed with the time.
    const aside = readdirSync(dataDir).filter((n) => n.includes('.replaced-'));
    expect(aside.some((n) => n.startsWith('depot-remote.sqlite.replaced-'))).toBe(true);
    expect(aside.every((n) => statSync(join(dataDir, n)).isFile())).toBe(true);
  });

  it('starts again on the current files when the restore fails after the stop, and audits the failure', async () => {
    const { dataDir, agent } = await startOn();
    const first = agent.current;
    const made = await api<{ name: string }>(first, 'POST', '/backups');
    const later = await createCallback(first, 'made after the backup');
    const restarted = agent.restarted();
    const accepted = await api(first, 'POST', `/backups/${made.body.name}/restore`, {});
    expect(accepted.status).toBe(202);
    // Gone between the proof and the restore (a person, a full disk's cleanup): the restore fails after the stop.
    rmSync(join(dataDir, 'backups', made.body.name));
    const second = await restarted;
    expect(second.port).toBe(first.port);
    // Nothing was replaced: what was made after the backup is still there, nothing kept aside.
    expect((await api(second, 'GET', `/callbacks/${later}`)).status).toBe(200);
    expect(readdirSync(dataDir).filter((n) => n.includes('.replaced-'))).toEqual([]);
    const audit = await api<{ items: { detail: Record<string, unknown> }[] }>(
      second,
      'GET',
      '/audit?action=backup.restore',
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]!.detail).toMatchObject({
      archive: made.body.name,
      ok: false,
      code: 'ARCHIVE_UNREADABLE',
    });
  });

  it('accepts one restore at a time: a second request meanwhile is refused (409)', async () => {
    const { agent } = await startOn();
    const first = agent.current;
    const made = await api<{ name: string }>(first, 'POST', '/backups');
    const restarted = agent.restarted();
    const answers = await Promise.all(
      [1, 2].map(() => api<{ code?: string }>(first, 'POST', `/backups/${made.body.name}/restore`, {})),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('RESTORE_RUNNING');
    const second = await restarted;
    const audit = await api<{ items: unknown[] }>(second, 'GET', '/audit?action=backup.restore');
    expect(audit.body.items).toHaveLength(1);
  });
});
