// The headless agent's Logger: electron-log's node entry (the desktop uses its main entry), writing to
// <data-dir>/logs/agent.log with rotation and to the console. Fields pass through redact() first.
import log from 'electron-log/node';
import { join } from 'node:path';
import type { Logger } from '../core/ports/logger.js';
import { redact } from '../core/ports/logger.js';

/** Electron's app name, which electron-log's node entry otherwise guesses from the nearest package.json. */
export const APP_NAME = 'Depot Remote';

export function createElectronLogLogger(
  dataDir: string,
  level: 'debug' | 'info' = 'info',
  /** console: false writes to the file only (e.g. a start-up fault already printed on its own). */
  { console = true }: { console?: boolean } = {},
): Logger {
  // Named explicitly: started from another folder (`node /opt/depot/out/main/agent.js`) no package.json is found,
  // and electron-log then throws on every call and writes no file.
  log.transports.file.setAppName(APP_NAME);
  log.transports.file.resolvePathFn = () => join(dataDir, 'logs', 'agent.log');
  log.transports.file.maxSize = 5 * 1024 * 1024; // rotated to agent.old.log past 5 MiB
  log.transports.file.level = level;
  log.transports.console.level = console ? level : false;
  const write = (fn: (...args: unknown[]) => void) => (message: string, fields?: Record<string, unknown>) =>
    fields ? fn(message, JSON.stringify(redact(fields))) : fn(message);
  return {
    debug: write(log.debug.bind(log)),
    info: write(log.info.bind(log)),
    warn: write(log.warn.bind(log)),
    error: write(log.error.bind(log)),
  };
}
