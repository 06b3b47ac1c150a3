// Keeping what the receiver cannot apply, byte for byte, under the quarantine's size cap (quarantine-capacity.ts).
// The inbox keeps a request inside its group's transaction: room is made there (resolved, then malformed entries,
// oldest first, each drop audited), and a request that finds none is refused whole (QuarantineFullError), so the
// network retries it. Announcing (event, log line) waits for the commit.
import {
  type NewQuarantineEntry,
  type QuarantineReason,
  type QuarantineSummary,
  quarantineEntryBytes,
  type Repositories,
  type UnitOfWork,
} from '../db/index.js';
import type { RemoteEvent } from '../domain/action.js';
import type { NotificationProblem } from '../db/quarantine-repository.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../ports/logger.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { boundedErrors } from './bounded-errors.js';
import {
  type QuarantineCapacity,
  QUARANTINE_DROP_ACTION,
  QUARANTINE_DROP_OPERATOR,
  QuarantineFullError,
} from './quarantine-capacity.js';

/** A request as received, to be kept. */
export type QuarantinedRequest = Omit<NewQuarantineEntry, 'reason' | 'errors' | 'errorCount' | 'actionIds'>;

/** What is wrong with it. */
export interface QuarantineProblems {
  reason: QuarantineReason;
  errors: NotificationProblem[];
  errorCount: number;
  /** The remote actions an UNKNOWN_ACTION entry waits for; [] otherwise. */
  actionIds: string[];
}

/** An entry kept in the current transaction. */
export interface KeptEntry {
  summary: QuarantineSummary;
  /** Field names of its errors, for the log line (messages may quote the body). */
  fields: string[];
}

/** One error per unknown action, for the attention list; the first MAX_KEPT_ERRORS are kept. */
export function unknownActionProblems(unknown: RemoteEvent[]): QuarantineProblems {
  const counts = new Map<string, number>();
  for (const e of unknown) counts.set(e.remoteActionId, (counts.get(e.remoteActionId) ?? 0) + 1);
  const errors = boundedErrors();
  for (const [id, n] of counts) {
    errors.add(() => 'remoteActionId', { rule: 'notification.unknownAction', params: { id, count: n } });
  }
  return {
    reason: 'UNKNOWN_ACTION',
    actionIds: [...counts.keys()],
    errors: errors.kept,
    errorCount: errors.count,
  };
}

export type QuarantineStore = ReturnType<typeof createQuarantineStore>;

export function createQuarantineStore(
  deps: { repos: Repositories; bus: EventBus; logger: Logger },
  capBytes: number,
) {
  const { repos, bus, logger } = deps;
  const trail = createAuditTrail(repos, bus);
  /** A request found no room, and nothing was freed since (see QuarantineCapacity.full). */
  let refusing = false;

  /** Entries dropped to make room: logged once, each audited (inside `uow`; published once it committed). */
  function dropped(
    uow: UnitOfWork,
    at: string,
    entries: NonNullable<ReturnType<typeof repos.quarantine.freeSpace>>,
  ) {
    uow.afterCommit(() =>
      logger.info('quarantined notifications dropped to stay under the size cap', {
        count: entries.length,
        bytes: entries.reduce((n, d) => n + d.bytes, 0),
        capBytes,
      }),
    );
    for (const d of entries) {
      uow.afterCommit(
        trail.append({
          at,
          operator: QUARANTINE_DROP_OPERATOR,
          action: QUARANTINE_DROP_ACTION,
          callbackId: d.callbackId,
          reason: null,
          detail: {
            quarantineId: d.id,
            quarantineReason: d.reason,
            receivedAt: d.receivedAt,
            resolvedAt: d.resolvedAt,
            bytes: d.bytes,
            capBytes,
          },
        }),
      );
    }
  }

  return {
    /**
     * Keeps a request inside `uow`, first making room under the cap (the drops are announced once it committed).
     * Throws QuarantineFullError, and drops nothing, when no room can be made.
     */
    keep(uow: UnitOfWork, request: QuarantinedRequest, problems: QuarantineProblems): KeptEntry {
      const entry: NewQuarantineEntry = { ...request, ...problems };
      const bytes = quarantineEntryBytes(entry);
      const over = repos.quarantine.usedBytes() + bytes - capBytes;
      if (over > 0) {
        const freed = repos.quarantine.freeSpace(over);
        if (freed === null) throw new QuarantineFullError(bytes, capBytes);
        dropped(uow, request.receivedAt, freed);
      }
      const id = repos.quarantine.insert(entry);
      const summary: QuarantineSummary = {
        id,
        callbackId: request.callbackId,
        receivedAt: request.receivedAt,
        reason: problems.reason,
        errorCount: Math.max(problems.errorCount, problems.errors.length),
        contentType: request.contentType,
        size: request.body.length,
        bytes,
        actionIds: problems.actionIds,
        replays: 0,
        lastReplayAt: null,
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      };
      return { summary, fields: problems.errors.map((e) => e.field) };
    },

    /** After the commit that kept `kept`: it needs attention. */
    announce(kept: KeptEntry) {
      const { summary } = kept;
      refusing = false;
      bus.publish({ type: 'quarantine.added', entry: summary });
      logger.warn('notification quarantined', {
        quarantineId: summary.id,
        callbackId: summary.callbackId,
        reason: summary.reason,
        errorCount: summary.errorCount,
        // Field names only: messages may quote the body, and Body attributes can carry credentials.
        fields: kept.fields.slice(0, 10),
      });
    },

    /** A request found no room: logged once per spell of refusals, so a sender retrying cannot flood the log. */
    refused(error: QuarantineFullError, callbackId: string) {
      if (!refusing) {
        logger.error('quarantine full: notifications that need it are answered 500 until room is made', {
          callbackId,
          capBytes,
          error: error.message,
        });
      }
      refusing = true;
    },

    /** An entry was resolved: it can be dropped, so there is room again. */
    roomMade() {
      refusing = false;
    },

    /** What the quarantine weighs against its cap, and whether requests that need it are refused. */
    capacity(): QuarantineCapacity {
      const waitingBytes = repos.quarantine.waitingBytes();
      return {
        bytes: repos.quarantine.usedBytes(),
        capBytes,
        waitingBytes,
        full: refusing || waitingBytes >= capBytes,
      };
    },
  };
}
