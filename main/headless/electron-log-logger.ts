// The headless agent's Logger: electron-log's node entry (the desktop uses its main entry), writing to
// <data-dir>/logs/agent.log with rotation and to the console. Fields pass through redact() first.
import log from 'electron-log/node';
import { join } from 'node:path';
import type { Logger } from '../core/ports/logger.js';
import { redact } from '../core/ports/logger.js';

export function createElectronLogLogger(dataDir: string, level: 'debug' | 'info' = 'info'): Logger {
  log.transports.file.resolvePathFn = () => join(dataDir, 'logs', 'agent.log');
  log.transports.file.maxSize = 5 * 1024 * 1024; // rotated to agent.old.log past 5 MiB
  log.transports.file.level = level;
  log.transports.console.level = level;
  const write = (fn: (...args: unknown[]) => void) => (message: string, fields?: Record<string, unknown>) =>
    fields ? fn(message, JSON.stringify(redact(fields))) : fn(message);
  return {
    debug: write(log.debug.bind(log)),
    info: write(log.info.bind(log)),
    warn: write(log.warn.bind(log)),
    error: write(log.error.bind(log)),
  };
}
