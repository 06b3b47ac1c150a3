// The one path by which news about actions enters the store: connector events now, the webhook
// receiver and the polling fallback later. One transaction per batch; publish only after commit.
import type { Db, Repositories } from '../db/index.js';
import type { RemoteAction, RemoteEvent } from '../domain/action.js';
import { applyEvent } from '../domain/lifecycle.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Notifier } from '../ports/notifier.js';
import { toActionDto } from './dto-mappers.js';

export type EventSource = 'connector' | 'receiver' | 'poll';

export interface IngestResult {
  stored: number;
  duplicates: number;
  /** Events for an action this agent does not know (kept out of the store, reported). */
  unknown: number;
}

export interface IngestDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  notifier: Notifier;
  logger: Logger;
}

export type IngestService = ReturnType<typeof createIngestService>;

export function createIngestService({ db, repos, clock, bus, notifier, logger }: IngestDeps) {
  return {
    ingest(events: RemoteEvent[], source: EventSource): IngestResult {
      const result: IngestResult = { stored: 0, duplicates: 0, unknown: 0 };
      const changed = new Map<string, RemoteAction>();
      const completed: RemoteAction[] = [];
      // Oldest first, so the history and the displayed status follow eventDate even when a batch is shuffled.
      const ordered = [...events].sort((a, b) => a.eventDate.localeCompare(b.eventDate));
      db.transaction(() => {
        for (const event of ordered) {
          const action = changed.get(event.remoteActionId) ?? repos.actions.get(event.remoteActionId);
          if (!action) {
            result.unknown += 1;
            continue;
          }
          const now = clock.nowIso();
          const { action: next, applied } = applyEvent(action, event, now);
          const stored = repos.events.insertIfNew({
            remoteActionId: event.remoteActionId,
            eventDate: event.eventDate,
            receivedAt: now,
            eventType: event.eventStatus.type,
            status: event.eventStatus.status,
            failureCause: event.eventStatus.type === 'Done' ? (event.eventStatus.failureCause ?? null) : null,
            feedbackDetail:
              event.eventStatus.type === 'Done' ? (event.eventStatus.feedbackDetail ?? null) : null,
            source,
            applied,
            raw: event,
          });
          if (!stored) {
            result.duplicates += 1;
            continue;
          }
          result.stored += 1;
          if (applied) {
            repos.actions.update(next);
            changed.set(next.id, next);
            if (next.phase === 'Done' && action.phase !== 'Done') completed.push(next);
          }
        }
      });
      for (const action of changed.values())
        bus.publish({ name: 'action.changed', data: { action: toActionDto(action) } });
      for (const action of completed) {
        try {
          notifier.actionCompleted(action);
        } catch (err) {
          logger.warn('notifier failed', { error: (err as Error).message });
        }
      }
      if (result.unknown > 0)
        logger.warn('events for unknown remote actions ignored', { count: result.unknown, source });
      return result;
    },
  };
}
