// `npm run agent -- diagnostics <file> [--data-dir D] [--log-lines N]`: writes the support bundle of a data folder
// (main/core/diagnostics) to one JSON file. It only reads the folder (the database read-only), so it works while the
// agent runs there. The data folder is found as the agent finds it: --data-dir, then DEPOT_REMOTE_DATA_DIR, then
// the per-user default. The core says what went wrong as a code; the words and the fix are here.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseFile } from '../core/create-core.js';
import {
  currentLogFile,
  buildDiagnosticsBundle,
  DEFAULT_LOG_LINES,
  DiagnosticsError,
  writeDiagnosticsBundle,
} from '../core/diagnostics/index.js';
import { createKeyFileSecretBox } from '../core/secrets/key-file-secret-box.js';
import type { AgentCommand } from './commands.js';
import { packageVersion } from './package-version.js';
import { dataDirFrom } from './data-folder.js';

const USAGE =
  'npm run agent -- diagnostics <file> [--data-dir <path>] [--log-lines <n>]   write a support bundle (JSON, no secrets)';

const MAX_LOG_LINES = 100_000;

const REASONS: Record<string, string> = {
  'disk-full': 'the disk is full',
  permission: 'permission denied',
  missing: 'it does not exist',
  'is-a-folder': 'it is a folder',
  SQLITE_NOTADB: 'it is not an SQLite database',
  SQLITE_CORRUPT: 'the file is damaged',
  SQLITE_CANTOPEN: 'SQLite cannot open it',
  SQLITE_BUSY: 'the database stayed locked',
};

/** One line: what went wrong and what to do. */
export function diagnosticsFaultLine(err: DiagnosticsError): string {
  const { dir, file, reason = 'unknown' } = err.params;
  const why = REASONS[reason] ?? reason;
  switch (err.code) {
    case 'DATA_DIR_MISSING':
      return `There is no data folder at ${dir}: give the agent's folder with --data-dir (or DEPOT_REMOTE_DATA_DIR).`;
    case 'DATA_DIR_NOT_A_FOLDER':
      return `${dir} is a file, not a data folder: give the agent's folder with --data-dir (or DEPOT_REMOTE_DATA_DIR).`;
    case 'FILE_UNREADABLE':
      return reason === 'permission'
        ? `Cannot read ${file} (permission denied): run this as the user the agent runs as.`
        : `Cannot read ${file} (${why}): check the file, or send its name and this message to support.`;
    case 'OUTPUT_NOT_WRITABLE':
      return reason === 'disk-full'
        ? `Cannot write ${file}: the disk is full. Free some space or give a path on another disk.`
        : reason === 'missing'
          ? `Cannot write ${file}: its folder does not exist. Create it or give another path.`
          : `Cannot write ${file} (${why}): give a path in a folder you can write to.`;
  }
}

async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'log-lines': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message} Usage: ${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(`Usage: ${USAGE}`);
    return 0;
  }
  const [target, ...extra] = parsed.positionals;
  if (target === undefined || extra.length > 0) {
    console.error(`Give one file to write the bundle to. Usage: ${USAGE}`);
    return 2;
  }
  const linesText = parsed.values['log-lines'] ?? String(DEFAULT_LOG_LINES);
  if (!/^\d+$/.test(linesText) || Number(linesText) > MAX_LOG_LINES) {
    console.error(`--log-lines must be a whole number from 0 to ${MAX_LOG_LINES}, got "${linesText}".`);
    return 2;
  }
  // As the agent resolves it (agent-options.ts): the flag, then the variable, then the per-user default.
  const dataDir = dataDirFrom(parsed.values['data-dir'], env);
  const file = resolve(target);
  const box = createKeyFileSecretBox(dataDir);
  try {
    const bundle = await buildDiagnosticsBundle({
      dataDir,
      databaseFile: databaseFile(dataDir),
      // Where electron-log-logger.ts writes the agent's log.
      logFile: currentLogFile(dataDir),
      logLines: Number(linesText),
      env,
      versions: {
        app: packageVersion(),
        node: process.versions.node,
        electron: process.versions.electron ?? null,
      },
      now: new Date(),
      open: (sealed) => box.decrypt(sealed),
    });
    const bytes = writeDiagnosticsBundle(file, bundle);
    const health = bundle.database.present
      ? `database ${bundle.database.integrity.ok ? 'ok' : 'NOT ok'}`
      : 'no database';
    console.log(
      `Support bundle written to ${file} (${Math.ceil(bytes / 1024)} KiB, ${health}); secrets are removed, read it before sending.`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof DiagnosticsError)) throw err;
    console.error(diagnosticsFaultLine(err));
    return 1;
  }
}

export const diagnosticsCommand: AgentCommand & {
  run(argv: string[], env?: NodeJS.ProcessEnv): Promise<number>;
} = { usage: USAGE, run };
