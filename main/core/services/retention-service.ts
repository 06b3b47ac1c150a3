// Retention (issue 18): on a timer, off the request path, removes settled actions (with their events), delivered
// notifications (with their attempts and payload) and — only when a site chose a number of days — audit entries,
// older than the `retention` settings say; the audit log records each such removal. Each transaction takes
// one small batch and the sweep yields to the event loop between batches, so API calls, the receiver and the
// outbox never wait long behind it. The settings are read at each sweep: a change applies at the next one.
import { retentionOf, SETTINGS_KEY, type StoredSettings } from '../config/stored-settings.js';
import type { Repositories } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import { systemActor, who } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import type { RetentionRepository } from '../db/retention-repository.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  /** Time between sweeps. Default one hour. */
  sweepEveryMs?: number;
  /** Rows per transaction. Default 500. */
  batchSize?: number;
}

export interface RetentionSweepResult {
  actions: number;
  deliveredNotifications: number;
  auditEntries: number;
}

export type RetentionService = ReturnType<typeof createRetentionService>;

/** Lets the event loop run what waits (I/O, timers) between two batches. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createRetentionService(
  deps: {
    repos: Repositories;
    bus: EventBus;
    retention: RetentionRepository;
    clock: Clock;
    logger: Logger;
  },
  { sweepEveryMs = 60 * 60 * 1000, batchSize = 500 }: RetentionOptions = {},
) {
  const { repos, retention, clock, logger } = deps;
  const trail = createAuditTrail(repos, deps.bus);
  let timer: TimerHandle | null = null;
  let running: Promise<RetentionSweepResult> | null = null;
  let stopped = false;

  async function drain(prune: (cutoff: string, limit: number) => number, cutoff: string): Promise<number> {
    let total = 0;
    while (!stopped) {
      const removed = prune(cutoff, batchSize);
      total += removed;
      if (removed < batchSize) break;
      await yieldToLoop();
    }
    return total;
  }

  function recordAuditPrune(before: string, count: number, keptDays: number) {
    // One insert: atomic by itself; published once written.
    trail.append({
      at: clock.nowIso(),
      ...who(systemActor('system')),
      action: 'audit.prune',
      reason: `retention: ${keptDays} days`,
      detail: { before, count },
    })();
  }

  async function sweepOnce(): Promise<RetentionSweepResult> {
    const days = retentionOf(repos.settings.get<StoredSettings>(SETTINGS_KEY));
    const nowMs = clock.now().getTime();
    const cutoff = (d: number) => new Date(nowMs - d * DAY_MS).toISOString();
    const actions = await drain(retention.pruneActions, cutoff(days.actionsDays));
    await yieldToLoop();
    const deliveredNotifications = await drain(
      retention.pruneDeliveredNotifications,
      cutoff(days.deliveredNotificationsDays),
    );
    let auditEntries = 0;
    if (days.auditDays !== null) {
      await yieldToLoop();
      const before = cutoff(days.auditDays);
      auditEntries = await drain(retention.pruneAudit, before);
      // After the removal, so the record of it is newer than any cutoff and stays.
      if (auditEntries > 0) recordAuditPrune(before, auditEntries, days.auditDays);
    }
    if (actions + deliveredNotifications + auditEntries > 0)
      logger.info('retention: old history removed', { actions, deliveredNotifications, auditEntries });
    return { actions, deliveredNotifications, auditEntries };
  }

  const service = {
    /** One sweep now (a sweep already running is joined, not doubled). */
    sweep(): Promise<RetentionSweepResult> {
      running ??= sweepOnce().finally(() => {
        running = null;
      });
      return running;
    },

    start() {
      stopped = false;
      const tick = () => {
        timer = null;
        service
          .sweep()
          .catch((err: unknown) =>
            // A full disk or a busy file: the next sweep tries again.
            logger.warn('retention: sweep failed', { error: (err as Error).message }),
          )
          .finally(() => {
            if (!stopped) timer = clock.setTimeout(tick, sweepEveryMs);
          });
      };
      timer = clock.setTimeout(tick, sweepEveryMs);
    },

    /** Stops the timer and waits for a sweep in progress to end its batch. */
    async stop() {
      stopped = true;
      if (timer) clock.clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
  return service;
}
