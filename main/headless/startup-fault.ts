// What the agent prints when it cannot start: one line that names the file or port and the fix, exit code 2. The
// known refusals carry that line as their message; anything else is summed up on one line too. The stack trace,
// useful to a developer and noise to a technician, only with --debug.
import { OptionsError } from '../core/config/agent-options.js';
import { ApiTokenError } from '../core/config/api-token.js';
import {
  DatabaseFileError,
  DatabaseTooNewError,
  MigrationError,
  StorageFullError,
} from '../core/db/index.js';
import { SecretKeyError } from '../core/secrets/secret-key-error.js';
import { ConnectorConfigError } from './connector-choice.js';
import { DataFolderError } from './data-folder.js';
import { AgentStartError } from './start-agent.js';

/** Exit code of every start-up refusal (bad options included): the configuration or the files need a fix. */
export const STARTUP_FAULT_EXIT_CODE = 2;

/** Refusals whose message is already the line to print. */
const KNOWN_FAULTS: (abstract new (...args: never[]) => Error)[] = [
  OptionsError,
  AgentStartError,
  ConnectorConfigError,
  DataFolderError,
  ApiTokenError,
  SecretKeyError,
  DatabaseTooNewError,
  DatabaseFileError,
  MigrationError,
  // A write the start cannot do without (e.g. a one-time conversion) on a full disk.
  StorageFullError,
];

export function isKnownStartupFault(error: unknown): error is Error {
  return KNOWN_FAULTS.some((known) => error instanceof known);
}

/** The line (or, for a known refusal, the lines it was written with) to print for a start-up failure. */
export function startupFaultText(error: unknown): string {
  if (isKnownStartupFault(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]!.trim() || 'unknown error';
  return `Depot Remote could not start: ${firstLine} (run with --debug for details)`;
}

/** The stack of the error and of each cause under it, for --debug. */
export function stackText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    parts.push(e instanceof Error ? (e.stack ?? String(e)) : String(e));
    e = e instanceof Error ? e.cause : undefined;
    if (e !== undefined) parts.push('Caused by:');
  }
  return parts.join('\n');
}
