// The one path by which news about actions enters the store: connector events, the webhook receiver
// and the polling fallback. Everything of a batch happens in one transaction (history, action state,
// outbound notifications); publishing happens only after the commit.
import type { Repositories, RunUnitOfWork, UnitOfWork } from '../db/index.js';
import type { ActionEventRecord, RemoteAction, RemoteEvent } from '../domain/action.js';
import { applyEvent } from '../domain/lifecycle.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Notifier } from '../ports/notifier.js';

export type EventSource = 'connector' | 'receiver' | 'poll';

export interface IngestResult {
  stored: number;
  duplicates: number;
  /** Events naming an action this agent does not know; returned so the caller can keep them. */
  unknown: RemoteEvent[];
}

/** Receives every newly stored event inside the ingest transaction (the outbox queues it for delivery). */
export interface StoredEventSink {
  enqueue(action: RemoteAction, event: ActionEventRecord, raw: RemoteEvent): void;
}

export interface IngestDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  notifier: Notifier;
  logger: Logger;
  outbox?: StoredEventSink;
}

export type IngestService = ReturnType<typeof createIngestService>;

export function createIngestService({ unitOfWork, repos, clock, bus, notifier, logger, outbox }: IngestDeps) {
  /**
   * Applies events inside `uow` (callers that group several requests into one commit open it themselves);
   * the changes are published once it committed.
   */
  function apply(uow: UnitOfWork, events: RemoteEvent[], source: EventSource): IngestResult {
    const result: IngestResult = { stored: 0, duplicates: 0, unknown: [] };
    const changed = new Map<string, RemoteAction>();
    const completed: RemoteAction[] = [];
    // Oldest first, so the history and the displayed status follow eventDate even when a batch is shuffled.
    const ordered = [...events].sort((a, b) => a.eventDate.localeCompare(b.eventDate));
    for (const event of ordered) {
      // The network names actions by its own id; the action found is then known by the agent's (findForEvent).
      const found = repos.actions.findForEvent(event.remoteActionId, event.eventDate);
      const action = found ? (changed.get(found.id) ?? found) : null;
      if (!action) {
        result.unknown.push(event);
        continue;
      }
      const now = clock.nowIso();
      const { action: next, applied } = applyEvent(action, { ...event, remoteActionId: action.id }, now);
      const done = event.eventStatus.type === 'Done' ? event.eventStatus : null;
      const stored = repos.events.insertIfNew({
        remoteActionId: action.id,
        eventDate: event.eventDate,
        receivedAt: now,
        eventType: event.eventStatus.type,
        status: event.eventStatus.status,
        failureCause: done?.failureCause ?? null,
        feedbackDetail: done?.feedbackDetail ?? null,
        source,
        applied,
        raw: event,
        eventDateFromReceipt: event.eventDateFromReceipt === true,
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
      outbox?.enqueue(applied ? next : action, stored, event);
    }
    uow.afterCommit(() => {
      for (const action of changed.values()) {
        bus.publish({ type: 'action.changed', action });
      }
      for (const action of completed) {
        try {
          notifier.actionCompleted(action);
        } catch (err) {
          logger.warn('notifier failed', { error: (err as Error).message });
        }
      }
    });
    return result;
  }

  return {
    apply,
    ingest(events: RemoteEvent[], source: EventSource): IngestResult {
      const result = unitOfWork((uow) => apply(uow, events, source));
      if (result.unknown.length > 0) {
        logger.warn('events for unknown remote actions', { count: result.unknown.length, source });
      }
      return result;
    },
  };
}
