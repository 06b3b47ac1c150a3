// The last lines of the agent's log, the rotated file first when the current one holds fewer than asked.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticsError, reasonOf } from './diagnostics-error.js';

export const DEFAULT_LOG_LINES = 500;

/** The lines of a file, or [] when it does not exist. @throws DiagnosticsError FILE_UNREADABLE */
function linesOf(file: string): string[] {
  if (!statSync(file, { throwIfNoEntry: false })) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DiagnosticsError('FILE_UNREADABLE', { file, reason: reasonOf(err) }, { cause: err });
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The log of a data folder: the headless agent writes logs/agent.log, the desktop app logs/desktop.log; the one
 * written last is the one support wants (a folder used by both has both).
 */
export function currentLogFile(dataDir: string): string {
  const candidates = ['agent.log', 'desktop.log'].map((name) => join(dataDir, 'logs', name));
  const written = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return candidates.reduce((newest, file) => (written(file) > written(newest) ? file : newest));
}

/** The log file electron-log rotates `file` to (agent.log → agent.old.log). */
export function rotatedLogFile(file: string): string {
  return file.replace(/(\.[^./\\]+)?$/, '.old$1');
}

/** The last `count` lines of `file` (and of its rotated predecessor before it), oldest first. */
export function logTail(file: string, count: number): { files: string[]; lines: string[] } {
  if (count <= 0) return { files: [], lines: [] };
  const current = linesOf(file);
  if (current.length >= count) return { files: [file], lines: current.slice(-count) };
  const older = rotatedLogFile(file);
  const previous = linesOf(older);
  const files = [...(previous.length > 0 ? [older] : []), ...(current.length > 0 ? [file] : [])];
  return { files, lines: [...previous, ...current].slice(-count) };
}
