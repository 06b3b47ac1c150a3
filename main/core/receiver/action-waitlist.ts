// Quarantined notifications waiting for a remote action this agent does not know yet (UNKNOWN_ACTION): a
// notification can overtake the answer to the POST that created its action. Each is replayed by itself as soon
// as an action it names appears (`action.changed`). The list is rebuilt from the database at start, so waiting
// entries survive a restart.
import type { Repositories } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../ports/logger.js';
import { ServiceError } from '../kernel/service-error.js';

/** What an automatic replay reports, for the log line. */
export interface AutoReplayOutcome {
  outcome: string;
  stored: number;
}

export type ActionWaitlist = ReturnType<typeof createActionWaitlist>;

export function createActionWaitlist(
  deps: { repos: Pick<Repositories, 'quarantine'>; bus: EventBus; logger: Logger },
  /** Replays an entry with no operator (throws a ServiceError when it was handled meanwhile). */
  replay: (entryId: number) => AutoReplayOutcome,
) {
  const { repos, bus, logger } = deps;
  /** action id → unresolved UNKNOWN_ACTION entries that name it. */
  const waiting = new Map<string, Set<number>>();
  const due = new Set<number>();
  let autoReplays = 0;
  let closed = false;

  function wait(entryId: number, actionIds: readonly string[]) {
    for (const id of actionIds) {
      let set = waiting.get(id);
      if (!set) waiting.set(id, (set = new Set()));
      set.add(entryId);
    }
  }

  function unwait(entryId: number) {
    for (const [actionId, set] of waiting) {
      set.delete(entryId);
      if (set.size === 0) waiting.delete(actionId);
    }
  }

  function replayDue() {
    const ids = [...due];
    due.clear();
    for (const id of ids) {
      if (closed) return;
      try {
        const r = replay(id);
        autoReplays += 1;
        logger.info('quarantined notification replayed once its action appeared', {
          quarantineId: id,
          outcome: r.outcome,
          stored: r.stored,
        });
      } catch (err) {
        // Handled by an operator in the meantime: nothing to do.
        if (err instanceof ServiceError && err.status !== 400) continue;
        logger.warn('automatic replay of a quarantined notification failed', {
          quarantineId: id,
          error: (err as Error).message,
        });
      }
    }
  }

  for (const entry of repos.quarantine.listWaitingForActions()) wait(entry.id, entry.actionIds);
  const unsubscribe = bus.subscribe((event) => {
    if (event.type !== 'action.changed') return;
    // Notifications name the network's id (upstreamRemoteActionId); the agent's own id is accepted too.
    const { id: remoteActionId, upstreamId: upstreamRemoteActionId } = event.action;
    const ids = [
      ...(waiting.get(remoteActionId) ?? []),
      ...((upstreamRemoteActionId && waiting.get(upstreamRemoteActionId)) || []),
    ];
    if (ids.length === 0) return;
    // Not inside the publisher's call: it may be in the middle of its own after-commit work.
    if (due.size === 0) setImmediate(replayDue);
    for (const id of ids) due.add(id);
  });

  return {
    /** An entry now waits for these actions (replaces nothing: call unwait first when it changed). */
    wait,
    /** The entry no longer waits (resolved, or about to be listed again with what it still waits for). */
    unwait,
    autoReplays: () => autoReplays,
    close() {
      closed = true;
      unsubscribe();
      waiting.clear();
    },
  };
}
