// The built agent refusing to start: every fault is one line on stderr that names the file or port and the way
// out, exit code 2, and no stack trace unless --debug. Everything runs as root here, so an unusable folder is one
// whose parent is a file rather than one without permissions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/core/db/index.js';
import { createTestPki, type TestPki } from '../fakes/stellantis-server/pki.js';
import { type AgentProcess, requireBuiltAgent, startAgentProcess } from '../helpers/agent-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const agents: AgentProcess[] = [];
const dirs: ReturnType<typeof tempDir>[] = [];
let pki: TestPki;

beforeAll(() => {
  requireBuiltAgent();
  pki = createTestPki();
});
afterAll(() => pki.remove());
afterEach(() => {
  for (const a of agents.splice(0)) a.kill('SIGKILL');
  for (const d of dirs.splice(0)) d.remove();
});

function newDir() {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
}

const PORTS = ['--api-port', '0', '--receiver-port', '0'];

function run(dataDir: string, args: string[] = [], options: { cwd?: string } = {}) {
  const agent = startAgentProcess(dataDir, [...PORTS, ...args], {}, options);
  agents.push(agent);
  // Refusals are awaited through `exited`; `listening` rejecting then is expected.
  agent.listening.catch(() => {});
  let stderr = '';
  agent.child.stderr!.on('data', (d) => (stderr += d));
  return { agent, stderr: () => stderr };
}

/** Starts the agent, expects it to refuse, and returns its one line. */
async function refusal(dataDir: string, args: string[] = []): Promise<string> {
  const { agent, stderr } = run(dataDir, args);
  expect(await agent.exited).toBe(2);
  const lines = stderr().split('\n').filter(Boolean);
  expect(lines, stderr()).toHaveLength(1);
  expect(agent.output()).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

/** A data folder with a database made by the agent itself, stopped cleanly. */
async function usedFolder(): Promise<string> {
  const dir = newDir();
  const { agent } = run(dir);
  await agent.listening;
  agent.kill('SIGTERM');
  expect(await agent.exited).toBe(0);
  return dir;
}

describe('start-up faults', () => {
  it('a data folder that cannot be created: names what is in the way and --data-dir', async () => {
    const root = newDir();
    writeFileSync(join(root, 'a-file'), 'x');
    const line = await refusal(join(root, 'a-file', 'depot'));
    expect(line).toBe(
      `The data folder ${join(root, 'a-file', 'depot')} cannot be created (${join(root, 'a-file')} is a file, not a folder): ` +
        'choose another folder with --data-dir or DEPOT_REMOTE_DATA_DIR.',
    );
  });

  it('a read-only data folder (a read-only tmpfs: permissions do not stop root)', async (ctx) => {
    const dir = join(newDir(), 'ro');
    mkdirSync(dir);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    } catch (err) {
      console.warn(
        `read-only data folder: skipped, no tmpfs can be mounted here (${(err as Error).message})`,
      );
      ctx.skip();
    }
    try {
      expect(await refusal(dir)).toBe(
        `The data folder ${dir} is not writable (read-only file system): make it writable for this user, or ` +
          'choose another folder with --data-dir or DEPOT_REMOTE_DATA_DIR.',
      );
    } finally {
      execFileSync('umount', ['-l', dir]);
    }
  });

  it('a data folder that is a file', async () => {
    const file = join(newDir(), 'depot');
    writeFileSync(file, 'x');
    expect(await refusal(file)).toMatch(
      new RegExp(`^The data folder ${file} is a file, not a folder: .*--data-dir`),
    );
  });

  it('a database that is not SQLite, with the line also in the log file', async () => {
    const dir = newDir();
    const db = join(dir, 'depot-remote.sqlite');
    writeFileSync(db, 'not a database at all\n'.repeat(10));
    const line = await refusal(dir);
    expect(line).toMatch(new RegExp(`^Database ${db} is not an SQLite database .*Restore it from a backup`));
    expect(readFileSync(join(dir, 'logs', 'agent.log'), 'utf8')).toContain(line);
  });

  it('a truncated database', async () => {
    const dir = await usedFolder();
    const db = join(dir, 'depot-remote.sqlite');
    truncateSync(db, 4096 * 3);
    expect(await refusal(dir)).toMatch(new RegExp(`^Database ${db} is damaged \\(truncated: 12288 bytes`));
  });

  it('a database from a newer Depot Remote', async () => {
    const dir = await usedFolder();
    const raw = new Database(join(dir, 'depot-remote.sqlite'));
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(await refusal(dir)).toMatch(
      /is at schema version \d+, but this version of Depot Remote only knows/,
    );
  });

  it('a zero-byte database in a folder already in use is refused; in a new folder it is initialised', async () => {
    const used = await usedFolder();
    writeFileSync(join(used, 'depot-remote.sqlite'), '');
    expect(await refusal(used)).toMatch(
      /is empty \(0 bytes\) although its folder was already in use.*delete it/,
    );

    const fresh = newDir();
    writeFileSync(join(fresh, 'depot-remote.sqlite'), '');
    const { agent } = run(fresh);
    await agent.listening;
  });

  it('a malformed secret.key', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'secret.key'), 'not a key\n');
    expect(await refusal(dir)).toMatch(new RegExp(`^${join(dir, 'secret.key')} is not a valid secret key`));
  });

  it('a port in use names the port and the flag', async () => {
    const first = run(newDir()).agent;
    const port = new URL(await first.listening).port;
    const line = await refusal(newDir(), ['--api-port', port]);
    expect(line).toBe(
      `Port ${port} on 127.0.0.1 (API) is already in use: is another agent running? Choose another with --api-port.`,
    );
  });

  it('bad TLS files: not PEM, or a key of another certificate', async () => {
    const notPem = pki.writeFile('not-a-cert.pem', 'hello');
    expect(
      await refusal(newDir(), ['--receiver-tls-cert', notPem, '--receiver-tls-key', pki.server.keyFile]),
    ).toMatch(new RegExp(`certificate ${notPem} is not a PEM certificate .*with --receiver-tls-cert\\.$`));
    expect(
      await refusal(newDir(), [
        '--receiver-tls-cert',
        pki.server.certFile,
        '--receiver-tls-key',
        pki.client.keyFile,
      ]),
    ).toBe(
      `The receiver's TLS key ${pki.client.keyFile} does not belong to the certificate ${pki.server.certFile}: ` +
        'give the key that was made with that certificate.',
    );
  });

  it('anything unforeseen: one line that says so and points to --debug', async () => {
    const dir = newDir();
    mkdirSync(join(dir, 'api-token'));
    expect(await refusal(dir)).toMatch(/^Depot Remote could not start: .+ \(run with --debug for details\)$/);
  });

  it('--debug adds the stack trace', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'depot-remote.sqlite'), 'not a database at all\n'.repeat(10));
    const { agent, stderr } = run(dir, ['--debug']);
    expect(await agent.exited).toBe(2);
    expect(stderr().split('\n')[0]).toMatch(/is not an SQLite database/);
    expect(stderr()).toMatch(/^\s+at checkDatabaseFile /m);
  });
});

describe('logging', () => {
  it('works when the agent is started from another folder', async () => {
    const dir = newDir();
    const elsewhere = newDir();
    const { agent } = run(dir, [], { cwd: elsewhere });
    await agent.listening;
    agent.kill('SIGTERM');
    expect(await agent.exited).toBe(0);
    expect(agent.output()).not.toMatch(/can't determine the app name/);
    expect(readFileSync(join(dir, 'logs', 'agent.log'), 'utf8')).toMatch(
      /listening on[\s\S]*stopped cleanly/,
    );
  });
});
