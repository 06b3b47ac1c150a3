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

/** An id whose events are each looked up by their date (see ActionsRepository.findEventTarget). */
const dated = Symbol('dated');

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

/**
 * The actions one transaction has found for events, in their state as last changed in it, so that a group of
 * requests reads each action once. Make one per unit of work, inside it (`ingest.lookups()`), and drop it with the
 * transaction: what it holds is true only there (another unit of work may change the action next, and a rollback
 * undoes what it saw).
 */
export interface ActionLookups {
  /** The action an event naming `remoteActionId`, dated `eventDate`, is about (ActionsRepository.findForEvent). */
  find(remoteActionId: string, eventDate: string): RemoteAction | null;
  /** Records the action's new state, stored in this transaction. */
  changed(action: RemoteAction): void;
}

export function createIngestService({ unitOfWork, repos, clock, bus, notifier, logger, outbox }: IngestDeps) {
  function lookups(): ActionLookups {
    // By the id events name: the action's own id, or `dated` when each event's date decides (an id the network
    // gave again, rare: asked per event); null for an id no action answers to.
    const targets = new Map<string, string | null | typeof dated>();
    const actions = new Map<string, RemoteAction>();
    const known = (action: RemoteAction | null): RemoteAction | null => {
      if (!action) return null;
      const seen = actions.get(action.id);
      if (seen) return seen;
      actions.set(action.id, action);
      return action;
    };
    return {
      find(remoteActionId, eventDate) {
        const target = targets.get(remoteActionId);
        if (target === dated) return known(repos.actions.findForEvent(remoteActionId, eventDate));
        if (target !== undefined) return target === null ? null : actions.get(target)!;
        const { action, datesMatter } = repos.actions.findEventTarget(remoteActionId);
        targets.set(remoteActionId, datesMatter ? dated : (action?.id ?? null));
        return datesMatter ? known(repos.actions.findForEvent(remoteActionId, eventDate)) : known(action);
      },
      changed(action) {
        actions.set(action.id, action);
      },
    };
  }

  /**
   * Applies events inside `uow` (callers that group several requests into one commit open it themselves, and
   * pass the same `found` for all of them); the changes are published once it committed.
   */
  function apply(
    uow: UnitOfWork,
    events: RemoteEvent[],
    source: EventSource,
    found: ActionLookups = lookups(),
    /** When the events were received (the receiver: when their request arrived); default now. */
    receivedAt?: string,
  ): IngestResult {
    const result: IngestResult = { stored: 0, duplicates: 0, unknown: [] };
    const changed = new Map<string, RemoteAction>();
    const completed: RemoteAction[] = [];
    // One instant for the whole call: its events are received together.
    const now = receivedAt ?? clock.nowIso();
    // Oldest first, so the history and the displayed status follow eventDate even when a batch is shuffled.
    const ordered = [...events].sort((a, b) => a.eventDate.localeCompare(b.eventDate));
    for (const event of ordered) {
      // The network names actions by its own id; the action found is then known by the agent's (findForEvent).
      const action = found.find(event.remoteActionId, event.eventDate);
      if (!action) {
        result.unknown.push(event);
        continue;
      }
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
        repos.actions.updateProgress(action, next);
        found.changed(next);
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
    lookups,
    ingest(events: RemoteEvent[], source: EventSource): IngestResult {
      const result = unitOfWork((uow) => apply(uow, events, source));
      if (result.unknown.length > 0) {
        logger.warn('events for unknown remote actions', { count: result.unknown.length, source });
      }
      return result;
    },
  };
}
