// Whether the agent can store what it is asked to: "ok", or "degraded" since the first write a full disk refused.
// Writes report here (see write-guard.ts). Only the probe (a little room on the disk and in the database) ends an
// episode: a small write may still fit in a page already there while most others fail, and health must not flap.
// A write that succeeds while degraded runs the probe at once; otherwise it runs now and then, so the agent
// recovers by itself once space is freed, even if nobody writes meanwhile.
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { StorageFullError } from './errors.js';

export type StorageStatus =
  { status: 'ok' } | { status: 'degraded'; reason: { code: 'DISK_FULL'; since: string } };

/** What the database layer tells about each write (implemented by the storage health). */
export interface WriteObserver {
  /** A write was refused: no space left. */
  diskFull(): void;
  /** A write reached the database (committed, with changes): while degraded, worth probing for room. */
  wrote(): void;
}

export interface StorageHealth extends WriteObserver {
  status(): StorageStatus;
  /** Probes a small write now (at start, and while degraded); returns whether writes work. */
  check(): boolean;
  /** Stops the probe timer. */
  close(): void;
}

export const PROBE_INTERVAL_MS = 30_000;

/** SQLite's "database or disk is full", the OS's ENOSPC, or the typed error made of either. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof StorageFullError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

export function createStorageHealth(deps: {
  clock: Clock;
  logger: Logger;
  /** Throws when a small write cannot be stored (see Db.probeWrite). */
  probe: () => void;
  probeIntervalMs?: number;
}): StorageHealth {
  const { clock, logger, probe } = deps;
  const intervalMs = deps.probeIntervalMs ?? PROBE_INTERVAL_MS;
  let since: string | null = null;
  let timer: TimerHandle | null = null;
  let closed = false;

  const schedule = () => {
    if (timer || closed) return;
    timer = clock.setTimeout(() => {
      timer = null;
      if (since !== null && !health.check()) schedule();
    }, intervalMs);
  };
  const cancel = () => {
    if (timer) clock.clearTimeout(timer);
    timer = null;
  };

  const health: StorageHealth = {
    status: () =>
      since === null ? { status: 'ok' } : { status: 'degraded', reason: { code: 'DISK_FULL', since } },
    diskFull() {
      if (since === null) {
        since = clock.nowIso();
        // The log file is likely on the same full disk: the console still shows it.
        logger.error('disk full: writes are refused until space is freed', { since });
      }
      schedule();
    },
    wrote() {
      if (since !== null) health.check();
    },
    check() {
      try {
        probe();
      } catch (error) {
        if (isDiskFull(error)) {
          health.diskFull();
          return false;
        }
        // Not a question of space (e.g. the database is locked by another process for longer than the busy
        // timeout): no conclusion, try again later if degraded.
        logger.warn('storage probe failed', { error: (error as Error).message });
        return since === null;
      }
      if (since !== null) {
        logger.info('disk space is back: writes work again', { fullSince: since });
        since = null;
        cancel();
      }
      return true;
    },
    close() {
      closed = true;
      cancel();
    },
  };
  return health;
}
