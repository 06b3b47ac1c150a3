// `npm run agent -- backup <file>`: one archive of the data folder (main/core/backup), taken while the agent runs
// or not. Also the words for the backup's codes and the arguments both backup and restore read, which
// restore-command.ts shares.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, type BackupProblem } from '../core/backup/backup-error.js';
import { createBackup } from '../core/backup/create-backup.js';
import type { AgentCommand } from './commands.js';
import { dataDirFrom } from './data-folder.js';
import { packageVersion } from './package-version.js';

/** Exit code of a refusal (what the person must fix is in the line printed); 1 is left for the unexpected. */
export const REFUSED_EXIT_CODE = 2;
export const PASSPHRASE_ENV = 'DEPOT_REMOTE_BACKUP_PASSPHRASE';

const PASSPHRASE_HOW = `--passphrase-file <file> or ${PASSPHRASE_ENV}`;

const WORDS: Record<BackupProblem, (p: Readonly<Record<string, string>>) => string> = {
  BACKUP_NO_DATABASE: (p) =>
    `There is no database in ${p.dataDir} to back up: give the agent's data folder with --data-dir or DEPOT_REMOTE_DATA_DIR.`,
  BACKUP_SOURCE_DAMAGED: (p) =>
    `The database ${p.file} fails SQLite's check (${p.detail}), so no backup was written: restore an earlier backup, or move the file aside.`,
  ARCHIVE_NOT_WRITABLE: (p) =>
    `The backup cannot be written to ${p.file} (${p.detail}): give a path in an existing folder this user may write to.`,
  ARCHIVE_UNREADABLE: (p) =>
    `The backup ${p.file} cannot be read (${p.detail}): check the path and its permissions.`,
  ARCHIVE_NOT_A_BACKUP: (p) =>
    `${p.file} is not a Depot Remote backup: give a file written by "npm run agent -- backup".`,
  ARCHIVE_DAMAGED: (p) =>
    `The backup ${p.file} was altered or damaged (${p.detail}); nothing was restored: use another copy of it.`,
  ARCHIVE_FORMAT_TOO_NEW: (p) =>
    `The backup ${p.file} was written by a newer Depot Remote (archive format ${p.format}): update Depot Remote, then restore it.`,
  PASSPHRASE_MISSING: (p) => `The backup ${p.file} is encrypted: give its passphrase with ${PASSPHRASE_HOW}.`,
  PASSPHRASE_WRONG: (p) =>
    `The backup ${p.file} does not open with this passphrase: give the one it was made with (if it is that one, the file was altered: use another copy).`,
  SCHEMA_TOO_NEW: (p) =>
    `The backup ${p.file} holds a database at schema version ${p.archiveVersion}, but this Depot Remote knows up to ${p.knownVersion}: update Depot Remote, then restore it.`,
  TARGET_IN_USE: (p) =>
    `The data folder ${p.dataDir} is in use (an agent or the desktop app has its database open): stop it, then restore again.`,
  BACKUP_PASSPHRASE_UNREADABLE: () =>
    "The backup passphrase saved in the settings cannot be opened with this agent's key: set it again in Settings.",
  TARGET_HAS_DATA: (p) =>
    `The data folder ${p.dataDir} already holds data (${p.files}): add --force to restore over it (its files are kept aside, renamed with the time), or choose an empty folder with --data-dir.`,
};

export function backupProblemText(error: BackupError): string {
  return WORDS[error.code](error.params);
}

/** A refusal of the command line itself, already in words. */
export class CommandLineError extends Error {}

/**
 * The passphrase from --passphrase-file (its first line) or the environment; null when neither. Never from a
 * command-line value: other users of the machine would read it in the process list.
 */
export function passphraseFrom(file: string | undefined, env: NodeJS.ProcessEnv): string | null {
  let value: string | undefined = env[PASSPHRASE_ENV];
  if (file !== undefined) {
    try {
      value = readFileSync(file, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CommandLineError(`The passphrase file ${file} cannot be read (${code}): check the path.`);
    }
    if (!value)
      throw new CommandLineError(
        `The passphrase file ${file} is empty: write the passphrase on its first line.`,
      );
  }
  return value === undefined || value === '' ? null : value;
}

export interface CommandArgs {
  file: string;
  dataDir: string;
  passphrase: string | null;
  force: boolean;
  debug: boolean;
  help: boolean;
}

export function parseCommandArgs(
  argv: string[],
  usage: string,
  env: NodeJS.ProcessEnv,
  options: { force: boolean },
): CommandArgs {
  if (argv.some((a) => a === '--passphrase' || a.startsWith('--passphrase='))) {
    throw new CommandLineError(
      `A passphrase on the command line would show in the process list: use ${PASSPHRASE_HOW}.`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'passphrase-file': { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...(options.force ? { force: { type: 'boolean' as const } } : {}),
      },
    });
  } catch (error) {
    throw new CommandLineError(`${(error as Error).message}. Usage: ${usage}`);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length !== 1) throw new CommandLineError(`Give one archive file. Usage: ${usage}`);
  return {
    file: resolve(positionals[0] ?? '.'),
    dataDir: dataDirFrom(values['data-dir'] as string | undefined, env),
    passphrase: help ? null : passphraseFrom(values['passphrase-file'] as string | undefined, env),
    force: values.force === true,
    debug: values.debug === true,
    help,
  };
}

/**
 * Runs a command's body and turns its refusals into one line on stderr and the exit code; anything unexpected is
 * one line too (its stack with --debug).
 */
export async function runRefusing(argv: string[], verb: string, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof BackupError) process.stderr.write(`${backupProblemText(error)}\n`);
    else if (error instanceof CommandLineError) process.stderr.write(`${error.message}\n`);
    else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`The ${verb} failed: ${message.split('\n')[0]} (run with --debug for details)\n`);
      if (argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      return 1;
    }
    return REFUSED_EXIT_CODE;
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const USAGE = 'backup <file> [--data-dir <path>] [--passphrase-file <file>]';

export const backupCommand: AgentCommand = {
  usage: `${USAGE}   one archive of the data folder (database, secret.key, api-token), also while the agent runs; encrypted with a passphrase from --passphrase-file or ${PASSPHRASE_ENV}`,
  run: (argv) =>
    runRefusing(argv, 'backup', async () => {
      const args = parseCommandArgs(argv, USAGE, process.env, { force: false });
      if (args.help) {
        console.log(`Usage: npm run agent -- ${backupCommand.usage}`);
        return;
      }
      const result = await createBackup({
        dataDir: args.dataDir,
        archive: args.file,
        passphrase: args.passphrase,
        appVersion: packageVersion(),
        now: new Date(),
      });
      const { manifest } = result;
      const names = manifest.members.map((m) => m.name).join(', ');
      console.log(
        `Backed up ${args.dataDir} to ${result.archive} (${names}; schema version ${manifest.schemaVersion}; ${mib(result.bytes)}; ${result.encrypted ? 'encrypted' : 'not encrypted: keep it somewhere private, it holds secret.key'}).`,
      );
      if (result.absent.includes('secret.key')) {
        console.log(
          `Note: ${args.dataDir} has no secret.key, so none is in the backup: secrets sealed in the database will not open after a restore.`,
        );
      }
    }),
};
