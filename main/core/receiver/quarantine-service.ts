// The quarantine's use cases: keeping what the receiver cannot apply (its intake, under the size cap), the
// attention list (the API's /quarantine), one entry as received, replay by an operator, replay by itself once the
// action an entry waits for appears, and resolving by hand. Operator actions are audited.
import type {
  QuarantineDetailDto,
  QuarantineEntryDto,
  QuarantinePageDto,
  QuarantineReplayDto,
} from '../../../preload/contract/quarantine.js';
import type { QuarantineSummary, Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import type { IngestService } from '../services/ingest-service.js';
import { notFound, ServiceError } from '../kernel/service-error.js';
import { createActionWaitlist } from './action-waitlist.js';
import { parseNotificationBody } from './notification-body.js';
import { DEFAULT_QUARANTINE_CAP_BYTES, type QuarantineCapacity } from './quarantine-capacity.js';
import { toQuarantineDetailDto, toQuarantineEntryDto } from './quarantine-dto.js';
import { createQuarantineStore, type KeptEntry, unknownActionProblems } from './quarantine-store.js';

export interface QuarantineServiceDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  ingest: Pick<IngestService, 'apply'>;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
}

export interface QuarantineOptions {
  /** Size cap, in bytes (AgentOptions.quarantineMaxMb). Default 100 MiB. */
  capBytes?: number;
  /** Replay UNKNOWN_ACTION entries by themselves when their action appears. Default true. */
  autoReplay?: boolean;
}

export interface QuarantineListRequest {
  unresolved?: boolean;
  limit: number;
  offset: number;
}

export interface ReplayResult {
  outcome: 'Applied' | 'StillUnknownAction' | 'StillInvalid';
  stored: number;
  duplicates: number;
  entry: QuarantineSummary;
}

export interface QuarantineStats {
  /** Entries replayed by themselves once their action appeared. */
  autoReplays: number;
}

/** The operator recorded for replays the receiver makes by itself. */
export const AUTO_REPLAY_OPERATOR = 'receiver';

export type QuarantineService = ReturnType<typeof createQuarantineService>;
/** What the inbox uses to keep the requests it cannot apply. */
export type QuarantineIntake = QuarantineService['intake'];

const alreadyHandled = (e: QuarantineSummary) =>
  new ServiceError(409, 'QUARANTINE_RESOLVED', {
    params: { id: e.id, resolution: e.resolution ?? '', by: e.resolvedBy ?? '' },
  });

export function createQuarantineService(deps: QuarantineServiceDeps, options: QuarantineOptions = {}) {
  const { unitOfWork, repos, ingest, bus, clock } = deps;
  const trail = createAuditTrail(repos, bus);
  const store = createQuarantineStore(deps, options.capBytes ?? DEFAULT_QUARANTINE_CAP_BYTES);
  const waitlist = (options.autoReplay ?? true) ? createActionWaitlist(deps, (id) => replay(id, null)) : null;

  /** Runs a quarantined request through validation and ingest again. `actor` null: an automatic replay. */
  function replay(id: number, actor: Actor | null): ReplayResult {
    const entry = repos.quarantine.get(id);
    if (!entry) throw notFound('QUARANTINE_NOT_FOUND', { id });
    if (entry.resolvedAt !== null) throw alreadyHandled(entry);
    // Events without a date keep the time the request was first received, as when it was first read.
    const parsed = parseNotificationBody(entry.body, entry.receivedAt);
    const at = clock.nowIso();
    const by = actor?.operator ?? AUTO_REPLAY_OPERATOR;
    return unitOfWork((uow): ReplayResult => {
      let now: QuarantineSummary | null = null;
      // The waitlist and the cap learn of the replay before anyone hears of it.
      uow.afterCommit(() => {
        if (!now) return;
        waitlist?.unwait(id);
        if (now.resolvedAt === null && now.reason === 'UNKNOWN_ACTION') waitlist?.wait(id, now.actionIds);
        if (now.resolvedAt !== null) store.roomMade();
      });
      let outcome: ReplayResult['outcome'];
      let stored = 0;
      let duplicates = 0;
      if (!parsed.ok) {
        outcome = 'StillInvalid';
        const { reason, errors, errorCount } = parsed;
        repos.quarantine.recordReplay(id, { at, reason, errors, errorCount, actionIds: [] });
      } else {
        const applied = ingest.apply(uow, parsed.events, 'receiver');
        ({ stored, duplicates } = applied);
        if (applied.unknown.length === 0) {
          outcome = 'Applied';
          repos.quarantine.resolve(id, { at, by, resolution: 'Replayed', replayed: true });
        } else {
          outcome = 'StillUnknownAction';
          repos.quarantine.recordReplay(id, { at, ...unknownActionProblems(applied.unknown) });
        }
      }
      if (actor) {
        uow.afterCommit(
          trail.append({
            at,
            ...who(actor),
            action: 'quarantine.replay',
            callbackId: entry.callbackId,
            reason: actor.reason ?? null,
            detail: { quarantineId: id, outcome, stored, duplicates },
          }),
        );
      }
      const entryNow = repos.quarantine.getSummary(id)!;
      now = entryNow;
      return { outcome, stored, duplicates, entry: entryNow };
    });
  }

  /** Marks an entry handled by hand (the operator looked at it and nothing needs applying). */
  function dismiss(id: number, actor: Actor): QuarantineSummary {
    const entry = repos.quarantine.getSummary(id);
    if (!entry) throw notFound('QUARANTINE_NOT_FOUND', { id });
    const at = clock.nowIso();
    return unitOfWork((uow) => {
      if (
        !repos.quarantine.resolve(id, { at, by: actor.operator, resolution: 'Dismissed', replayed: false })
      ) {
        throw alreadyHandled(entry);
      }
      const published = trail.append({
        at,
        ...who(actor),
        action: 'quarantine.resolve',
        callbackId: entry.callbackId,
        reason: actor.reason ?? null,
        detail: { quarantineId: id, quarantineReason: entry.reason },
      });
      uow.afterCommit(() => {
        waitlist?.unwait(id);
        store.roomMade();
      });
      uow.afterCommit(published);
      return repos.quarantine.getSummary(id)!;
    });
  }

  return {
    /** For the inbox: keeping requests inside its transaction, and what follows once committed. */
    intake: {
      keep: store.keep,
      /** After the commit that kept `kept`: announced, and an UNKNOWN_ACTION entry waits for its action. */
      kept(kept: KeptEntry) {
        if (kept.summary.reason === 'UNKNOWN_ACTION') waitlist?.wait(kept.summary.id, kept.summary.actionIds);
        store.announce(kept);
      },
      refused: store.refused,
    },

    /**
     * Newest first; `unresolved: true` for what still needs attention. Items carry no body and no errors
     * (see get); `capacity` says how full the quarantine is and whether the receiver refuses because of it.
     */
    list(query: QuarantineListRequest): QuarantinePageDto {
      const filter = query.unresolved === undefined ? {} : { unresolved: query.unresolved };
      return {
        items: repos.quarantine
          .list({ ...filter, limit: query.limit, offset: query.offset })
          .map(toQuarantineEntryDto),
        total: repos.quarantine.count(filter),
        unresolved: repos.quarantine.count({ unresolved: true }),
        limit: query.limit,
        offset: query.offset,
        capacity: store.capacity(),
      };
    },

    get(id: number): QuarantineDetailDto {
      const record = repos.quarantine.get(id);
      if (!record) throw notFound('QUARANTINE_NOT_FOUND', { id });
      return toQuarantineDetailDto(record);
    },

    replay(id: number, actor: Actor): QuarantineReplayDto {
      const r = replay(id, actor);
      return {
        outcome: r.outcome,
        stored: r.stored,
        duplicates: r.duplicates,
        entry: toQuarantineEntryDto(r.entry),
      };
    },

    resolve(id: number, actor: Actor): QuarantineEntryDto {
      return toQuarantineEntryDto(dismiss(id, actor));
    },

    capacity: (): QuarantineCapacity => store.capacity(),
    stats: (): QuarantineStats => ({ autoReplays: waitlist?.autoReplays() ?? 0 }),
    /** Stops replaying by itself. Call before closing the database. */
    close() {
      waitlist?.close();
    },
  };
}
