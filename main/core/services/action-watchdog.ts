// Keeps every action moving toward an end state: a send interrupted by a crash is flagged at start,
// and an accepted action with no outcome after the timeout is marked TimedOut (a late Done still lands).
import type { AuditAction } from '../../../preload/contract/vocabulary.js';
import type { Repositories, RunUnitOfWork } from '../db/index.js';
import type { RemoteAction } from '../domain/action.js';
import { markRefused, markTimedOut } from '../domain/lifecycle.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import { actionAuditEntry, createAuditTrail } from '../kernel/audit-trail.js';

export interface WatchdogOptions {
  /** No outcome this long after acceptance → TimedOut. A sleeping vehicle needs ~3 min; default 15 min. */
  actionTimeoutMs?: number;
  checkEveryMs?: number;
}

export function createActionWatchdog(
  deps: { unitOfWork: RunUnitOfWork; repos: Repositories; clock: Clock; bus: EventBus },
  { actionTimeoutMs = 15 * 60_000, checkEveryMs = 30_000 }: WatchdogOptions = {},
) {
  const { unitOfWork, repos, clock, bus } = deps;
  let timer: TimerHandle | null = null;

  const trail = createAuditTrail(repos, bus);

  function save(changed: RemoteAction[], auditAs?: AuditAction) {
    if (changed.length === 0) return;
    unitOfWork((uow) => {
      for (const a of changed) {
        repos.actions.update(a);
        if (auditAs) {
          uow.afterCommit(
            trail.append(
              actionAuditEntry(a, auditAs, a.updatedAt, {
                type: a.type,
                remote: a.remote,
                interrupted: true,
              }),
            ),
          );
        }
      }
      for (const a of changed) {
        uow.afterCommit(() => bus.publish({ type: 'action.changed', action: a }));
      }
    });
  }

  const watchdog = {
    /** Sends that were in the air when the agent stopped: the network may or may not have them. */
    recoverInterrupted(): number {
      const now = clock.nowIso();
      const changed = repos.actions
        .listOpen()
        .filter((a) => a.phase === 'Sending')
        .map(
          (a) =>
            // Worded by the clients (errors catalog, code.SEND_INTERRUPTED).
            markRefused(a, { code: 'SEND_INTERRUPTED', params: { hasDetail: 'no' } }, now).action,
        );
      save(changed, 'remote.send');
      return changed.length;
    },

    sweep(): number {
      const nowMs = clock.now().getTime();
      const now = clock.nowIso();
      const changed = repos.actions
        .listOpen()
        // Counted from when it left: a command that waited in the queue has the whole time to answer.
        .filter(
          (a) => a.phase === 'Pending' && nowMs - Date.parse(a.sentAt ?? a.createdAt) >= actionTimeoutMs,
        )
        .map((a) => markTimedOut(a, now))
        .filter((r) => r.applied)
        .map((r) => r.action);
      save(changed);
      return changed.length;
    },

    start() {
      const tick = () => {
        watchdog.sweep();
        timer = clock.setTimeout(tick, checkEveryMs);
      };
      timer = clock.setTimeout(tick, checkEveryMs);
    },

    stop() {
      if (timer) clock.clearTimeout(timer);
      timer = null;
    },
  };
  return watchdog;
}
