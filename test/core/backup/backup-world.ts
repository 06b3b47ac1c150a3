// What the backup tests share: a real agent started in-process on a real data folder (SQLite file, key-file box,
// sockets on 127.0.0.1), its API with the machine token, and a look at every sealed value in a folder's database.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseAgentOptions } from '../../../main/core/config/agent-options.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { startAgent } from '../../../main/headless/start-agent.js';

export type Agent = Awaited<ReturnType<typeof startAgent>>;

export function startAgentOn(dataDir: string): Promise<Agent> {
  const parsed = parseAgentOptions(
    ['--data-dir', dataDir, '--api-port', '0', '--receiver-port', '0', '--sim-speed', '100'],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  return startAgent(parsed.options, silentLogger);
}

export async function api<T>(agent: Agent, method: string, path: string, body?: unknown, headers = {}) {
  const res = await fetch(`${agent.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${agent.token.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Every value sealed with the key file (kf1:…) in any column of any table of the folder's database. */
export function sealedValues(dataDir: string): { table: string; column: string; value: string }[] {
  const db = new Database(join(dataDir, 'depot-remote.sqlite'), { readonly: true });
  try {
    const found: { table: string; column: string; value: string }[] = [];
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      for (const column of columns) {
        const values = db
          .prepare(
            `SELECT "${column}" FROM "${table}" WHERE typeof("${column}") = 'text' AND "${column}" LIKE 'kf1:%'`,
          )
          .pluck()
          .all() as string[];
        found.push(...values.map((value) => ({ table, column, value })));
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/** Opens each sealed value with the folder's own secret.key; rejects on the first that does not open. */
export async function openAll(dataDir: string): Promise<string[]> {
  const box = createKeyFileSecretBox(dataDir);
  return Promise.all(sealedValues(dataDir).map(({ value }) => box.decrypt(value)));
}
