// The desktop's Logger: electron-log's main entry (passed in by main/index.ts, the only file that loads it),
// writing <data-dir>/logs/desktop.log rotated at 5 MiB. Renderer failures reach the same log: a crashed or killed
// renderer process, console errors, a failed preload, and what the page reports through the bridge's log().
import { join } from 'node:path';
import type { WebContents } from 'electron';
import type { Logger } from '../core/ports/logger.js';
import { redact } from '../core/ports/logger.js';

type LogFn = (...params: unknown[]) => void;

/** The part of electron-log/main's logger this module uses. */
export interface MainLog {
  transports: {
    file: { resolvePathFn: unknown; maxSize: number; level: unknown };
    console: { level: unknown };
  };
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export function createShellLogger(log: MainLog, dataDir: string, level: 'debug' | 'info' = 'info'): Logger {
  log.transports.file.resolvePathFn = () => join(dataDir, 'logs', 'desktop.log');
  log.transports.file.maxSize = LOG_MAX_BYTES; // rotated to desktop.old.log
  log.transports.file.level = level;
  log.transports.console.level = level;
  const write = (fn: LogFn) => (message: string, fields?: Record<string, unknown>) =>
    fields ? fn(message, JSON.stringify(redact(fields))) : fn(message);
  return {
    debug: write(log.debug.bind(log)),
    info: write(log.info.bind(log)),
    warn: write(log.warn.bind(log)),
    error: write(log.error.bind(log)),
  };
}

const clip = (text: string, max = 4000) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Renderer failures of one window into the log. */
export function watchRendererErrors(contents: WebContents, logger: Logger): void {
  contents.on('render-process-gone', (_event, details) => {
    logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  contents.on('console-message', (event) => {
    if (event.level !== 'error') return;
    logger.error(`renderer console: ${clip(event.message)}`, {
      source: clip(event.sourceId, 300),
      line: event.lineNumber,
    });
  });
  contents.on('preload-error', (_event, preloadPath, error) => {
    logger.error('preload failed', { preloadPath, error: clip(error.message) });
  });
  contents.on('unresponsive', () => logger.warn('window not responding'));
}

/**
 * Messages the page sends through the bridge's log(): clipped, and at most `limit` per `windowMs` so a page in an
 * error loop cannot fill the disk.
 */
export function createRendererLog(logger: Logger, limit = 50, windowMs = 10_000, now = Date.now) {
  let windowStart = now();
  let count = 0;
  let dropped = 0;
  return (level: 'error' | 'warn' | 'info', message: string) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      if (dropped > 0) logger.warn('renderer log messages dropped (too many)', { dropped });
      windowStart = t;
      count = 0;
      dropped = 0;
    }
    if (count >= limit) {
      dropped += 1;
      return;
    }
    count += 1;
    logger[level](`renderer: ${clip(message)}`);
  };
}
