// The built agent's commands end to end, as a site runs them: `node out/main/agent.js backup …` while an agent
// process runs on the folder, `restore` refused with one line while it does, then restored into a new folder where
// a new agent process starts and serves the same callback with the same token.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import {
  AGENT_ENTRY,
  requireBuiltAgent,
  startAgentProcess,
  type AgentProcess,
} from '../../helpers/agent-process.js';
import { callbackBody } from '../../helpers/api-harness.js';
import { tempDir } from '../../helpers/temp-dir.js';

const PASSPHRASE = 'backup passphrase for the process test';
const SIGNING = 'whsec_' + Buffer.alloc(32, 9).toString('base64');

let dir: ReturnType<typeof tempDir>;
let agents: AgentProcess[] = [];
beforeAll(() => requireBuiltAgent());
afterEach(async () => {
  for (const agent of agents) {
    agent.kill();
    await agent.exited;
  }
  agents = [];
  dir?.remove();
});

/** Runs an agent command; the environment has no data folder or passphrase unless given. */
function command(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { DEPOT_REMOTE_DATA_DIR: _d, DEPOT_REMOTE_BACKUP_PASSPHRASE: _p, ...clean } = process.env;
  const run = spawnSync(process.execPath, [resolve(AGENT_ENTRY), ...args], {
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function agentOn(dataDir: string): Promise<AgentProcess> {
  const agent = startAgentProcess(dataDir, ['--api-port', '0', '--receiver-port', '0', '--sim-speed', '100']);
  agents.push(agent);
  await agent.listening;
  return agent;
}

/** A refusal: exit code 2 and exactly one line on stderr, no stack. */
function expectRefusal(run: ReturnType<typeof command>, words: RegExp) {
  expect(run.status).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(words);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

it('backs up a running agent, refuses to restore over it, and restores into a folder a new agent opens', async () => {
  dir = tempDir('depot-remote-backup-process-');
  const source = join(dir.path, 'site');
  const target = join(dir.path, 'new-site');
  const archive = join(dir.path, 'site.backup');
  const passphraseFile = join(dir.path, 'passphrase');
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });

  const running = await agentOn(source);
  const created = await running.api<{ id: string }>('POST', '/api/v1/callbacks', {
    ...callbackBody(),
    signingSecret: SIGNING,
  });
  expect(created.status).toBe(201);

  const backup = command(['backup', archive, '--data-dir', source, '--passphrase-file', passphraseFile]);
  expect(backup.stderr).toBe('');
  expect(backup.status).toBe(0);
  expect(backup.stdout).toMatch(
    /^Backed up .*site to .*site\.backup \(depot-remote\.sqlite, secret\.key, api-token;.*encrypted\)/,
  );

  expectRefusal(
    command(['restore', archive, '--data-dir', source, '--force', '--passphrase-file', passphraseFile]),
    /^The data folder .*site is in use .*: stop it, then restore again\.$/,
  );
  expectRefusal(
    command(['restore', archive, '--data-dir', target]),
    /is encrypted: give its passphrase with --passphrase-file/,
  );
  expectRefusal(
    command(['restore', archive, '--data-dir', target, '--passphrase', PASSPHRASE]),
    /would show in the process list/,
  );

  const restore = command(['restore', archive], {
    DEPOT_REMOTE_DATA_DIR: target,
    DEPOT_REMOTE_BACKUP_PASSPHRASE: PASSPHRASE,
  });
  expect(restore.stderr).toBe('');
  expect(restore.status).toBe(0);
  expect(restore.stdout).toMatch(/^Restored .* into .*new-site\./);

  const restored = await agentOn(target);
  expect(restored.token()).toBe(running.token());
  const callback = await restored.api<{ id: string }>('GET', `/api/v1/callbacks/${created.body.id}`);
  expect(callback.status).toBe(200);
  expect(callback.body.id).toBe(created.body.id);
  expect(JSON.stringify(callback.body)).toContain('http://127.0.0.1:9/depot42/events');
  expect(readFileSync(join(target, 'secret.key'), 'utf8')).toBe(
    readFileSync(join(source, 'secret.key'), 'utf8'),
  );
});
