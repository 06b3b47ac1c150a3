// Where authenticated webhook requests are made durable (D7: 200 only once stored).
//
// Group commit: every commit waits for an fsync (synchronous = FULL), so one transaction per request would cap
// the receiver at the disk's fsync rate. Requests that arrive together are queued and stored in ONE
// transaction once a turn of the event loop brings no more of them (at most `maxWaitMs` after the first, or at
// once when `maxGroup` wait); each is answered after that commit. A lone request is stored at once. If the group fails, each request is retried alone so one bad request cannot fail its neighbours, and
// a request that still fails is answered 500 with nothing of it stored.
//
// Requests that cannot be applied are kept in quarantine, byte for byte, in the same transaction: a body that
// is not JSON or not a notification (nothing applied), and events naming an action this agent does not know
// (the known events of the request are applied). The latter are replayed by themselves as soon as the action
// they wait for appears (a notification can overtake the answer to the POST that created the action).
//
// The quarantine has a size cap (quarantine-capacity.ts): room is made in the same transaction, and a request
// that finds none is refused whole (QuarantineFullError, answered 500), so the network retries it.
import {
  type Db,
  type NewQuarantineEntry,
  type QuarantineReason,
  type QuarantineSummary,
  quarantineEntryBytes,
  type Repositories,
} from '../db/index.js';
import type { RemoteEvent } from '../domain/action.js';
import type { FieldError } from '../domain/field-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Actor } from '../services/actor.js';
import { createAuditTrail } from '../services/audit-trail.js';
import type { IngestService } from '../services/ingest-service.js';
import { notFound, ServiceError } from '../services/service-error.js';
import { boundedErrors } from './bounded-errors.js';
import { parseNotificationBody, type ParsedBody } from './notification-body.js';
import {
  DEFAULT_QUARANTINE_CAP_BYTES,
  QUARANTINE_DROP_ACTION,
  QUARANTINE_DROP_OPERATOR,
  type QuarantineCapacity,
  QuarantineFullError,
} from './quarantine-capacity.js';
import { toQuarantineEntryDto } from './quarantine-dto.js';

/** An authenticated request, as the receiver hands it over. */
export interface InboundRequest {
  callbackId: string;
  /** The body as received (empty when there was none). */
  body: Buffer;
  contentType: string | null;
  /** Allow-listed headers only (never the secret). */
  headers: Record<string, string>;
  remoteAddress: string | null;
}

export interface InboxReceipt {
  /** Events read from the body (0 when it was quarantined whole). */
  events: number;
  stored: number;
  duplicates: number;
  /** Set when (part of) the request went to quarantine. */
  quarantineId: number | null;
  reason: QuarantineReason | null;
}

export interface InboxStats {
  /** Transactions committed (a group counts once). */
  commits: number;
  /** Requests made durable. */
  requests: number;
  /** Largest number of requests stored by one commit. */
  largestGroup: number;
  /** Requests answered with a storage failure. */
  failedRequests: number;
  quarantined: number;
  autoReplays: number;
}

export interface ReplayResult {
  outcome: 'Applied' | 'StillUnknownAction' | 'StillInvalid';
  stored: number;
  duplicates: number;
  entry: QuarantineSummary;
}

export interface InboxDeps {
  db: Db;
  repos: Repositories;
  ingest: Pick<IngestService, 'apply'>;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
}

export interface InboxOptions {
  /** A group is stored at once when this many requests wait. Default 256. */
  maxGroup?: number;
  /** Longest a request waits for others to join its group (only while more keep arriving). Default 2 ms. */
  maxWaitMs?: number;
  /** Replay UNKNOWN_ACTION entries by themselves when their action appears. Default true. */
  autoReplay?: boolean;
  /** Told after every commit (tests and benchmarks count them). */
  onCommit?: (info: { requests: number }) => void;
  /** Size cap of the quarantine, in bytes (AgentOptions.quarantineMaxMb). Default 100 MiB. */
  quarantineCapBytes?: number;
}

/** The operator recorded for replays the inbox makes by itself. */
export const AUTO_REPLAY_OPERATOR = 'receiver';

export type NotificationInbox = ReturnType<typeof createNotificationInbox>;

interface Job {
  request: InboundRequest;
  parsed: ParsedBody;
  receivedAt: string;
  resolve(receipt: InboxReceipt): void;
  reject(error: unknown): void;
}

interface Stored {
  receipt: InboxReceipt;
  /** Publishing, in order, once the transaction committed. */
  afterCommit: (() => void)[];
  added: QuarantineSummary | null;
  /** The errors kept with `added`, for the log line. */
  addedFields: string[];
}

type Outcome = { ok: true; stored: Stored } | { ok: false; error: unknown };

/** One error per unknown action, worded for the attention list; the first MAX_KEPT_ERRORS are kept. */
function unknownActionErrors(unknown: RemoteEvent[]): {
  errors: FieldError[];
  errorCount: number;
  actionIds: string[];
} {
  const counts = new Map<string, number>();
  for (const e of unknown) counts.set(e.remoteActionId, (counts.get(e.remoteActionId) ?? 0) + 1);
  const errors = boundedErrors();
  for (const [id, n] of counts) {
    errors.add(
      () => 'remoteActionId',
      () => `No remote action ${id} is known to this agent (${n} event${n === 1 ? '' : 's'}).`,
    );
  }
  return { actionIds: [...counts.keys()], errors: errors.kept, errorCount: errors.count };
}

export function createNotificationInbox(deps: InboxDeps, options: InboxOptions = {}) {
  const { db, repos, ingest, bus, clock, logger } = deps;
  const maxGroup = Math.max(1, options.maxGroup ?? 256);
  const capBytes = options.quarantineCapBytes ?? DEFAULT_QUARANTINE_CAP_BYTES;
  const trail = createAuditTrail(repos, bus);
  /** A request found no room in quarantine, and nothing was freed since (see QuarantineCapacity.full). */
  let refusing = false;
  const stats: InboxStats = {
    commits: 0,
    requests: 0,
    largestGroup: 0,
    failedRequests: 0,
    quarantined: 0,
    autoReplays: 0,
  };
  let pending: Job[] = [];
  let scheduled = false;
  let closed = false;
  // Group forming: a group is stored at the first turn of the event loop that brought no new request since
  // the previous one (a lone request: at once; a burst comes in over a few turns and is stored whole), or once
  // it is maxGroup strong or maxWaitMs old.
  let arrivals = 0;
  let seen = 0;
  let groupStartedAt = 0;
  const maxWaitMs = options.maxWaitMs ?? 2;
  function checkGroup() {
    const quiet = arrivals === seen;
    seen = arrivals;
    if (!quiet && pending.length > 0 && performance.now() - groupStartedAt < maxWaitMs) {
      setImmediate(checkGroup);
      return;
    }
    scheduled = false;
    flush();
  }

  // ── waiting for actions ───────────────────────────────────────────────────────────────────────────────
  /** action id → unresolved UNKNOWN_ACTION entries that name it. */
  const waiting = new Map<string, Set<number>>();
  const wait = (entryId: number, actionIds: readonly string[]) => {
    for (const id of actionIds) {
      let set = waiting.get(id);
      if (!set) waiting.set(id, (set = new Set()));
      set.add(entryId);
    }
  };
  const unwait = (entryId: number) => {
    for (const [actionId, set] of waiting) {
      set.delete(entryId);
      if (set.size === 0) waiting.delete(actionId);
    }
  };
  const autoReplay = options.autoReplay ?? true;
  let unsubscribe = () => {};
  if (autoReplay) {
    for (const entry of repos.quarantine.listWaitingForActions()) wait(entry.id, entry.actionIds);
    const due = new Set<number>();
    unsubscribe = bus.subscribe((event) => {
      if (event.name !== 'action.changed') return;
      // Notifications name the network's id (upstreamRemoteActionId); the agent's own id is accepted too.
      const { remoteActionId, upstreamRemoteActionId } = event.data.action;
      const ids = [
        ...(waiting.get(remoteActionId) ?? []),
        ...((upstreamRemoteActionId && waiting.get(upstreamRemoteActionId)) || []),
      ];
      if (ids.length === 0) return;
      // Not inside the publisher's call: it may be in the middle of its own after-commit work.
      if (due.size === 0) setImmediate(replayDue);
      for (const id of ids) due.add(id);
    });
    const replayDue = () => {
      const ids = [...due];
      due.clear();
      for (const id of ids) {
        if (closed) return;
        try {
          const r = replay(id, null);
          stats.autoReplays += 1;
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
    };
  }

  // ── storing requests ──────────────────────────────────────────────────────────────────────────────────
  /**
   * Keeps a request in quarantine, first making room under the cap (runs inside the group's transaction).
   * Throws QuarantineFullError, and drops nothing, when no room can be made.
   */
  function quarantine(
    job: Job,
    reason: QuarantineReason,
    problems: { errors: FieldError[]; errorCount: number },
    actionIds: string[],
  ): { added: QuarantineSummary; afterCommit: (() => void)[] } {
    const { request } = job;
    const entry: NewQuarantineEntry = {
      callbackId: request.callbackId,
      receivedAt: job.receivedAt,
      reason,
      errors: problems.errors,
      errorCount: problems.errorCount,
      contentType: request.contentType,
      headers: request.headers,
      remoteAddress: request.remoteAddress,
      body: request.body,
      actionIds,
    };
    const bytes = quarantineEntryBytes(entry);
    const over = repos.quarantine.usedBytes() + bytes - capBytes;
    const afterCommit: (() => void)[] = [];
    if (over > 0) {
      const dropped = repos.quarantine.freeSpace(over);
      if (dropped === null) throw new QuarantineFullError(bytes, capBytes);
      afterCommit.push(() =>
        logger.info('quarantined notifications dropped to stay under the size cap', {
          count: dropped.length,
          bytes: dropped.reduce((n, d) => n + d.bytes, 0),
          capBytes,
        }),
      );
      for (const d of dropped) {
        afterCommit.push(
          trail.append({
            at: job.receivedAt,
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
    const id = repos.quarantine.insert(entry);
    const added: QuarantineSummary = {
      id,
      callbackId: request.callbackId,
      receivedAt: job.receivedAt,
      reason,
      errorCount: Math.max(problems.errorCount, problems.errors.length),
      contentType: request.contentType,
      size: request.body.length,
      bytes,
      actionIds,
      replays: 0,
      lastReplayAt: null,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
    };
    return { added, afterCommit };
  }

  /** Runs inside the group's transaction. */
  function store(job: Job): Stored {
    const { parsed } = job;
    if (!parsed.ok) {
      const kept = quarantine(job, parsed.reason, parsed, []);
      return {
        receipt: { events: 0, stored: 0, duplicates: 0, quarantineId: kept.added.id, reason: parsed.reason },
        afterCommit: kept.afterCommit,
        added: kept.added,
        addedFields: parsed.errors.map((e) => e.field),
      };
    }
    const { result, afterCommit } = ingest.apply(parsed.events, 'receiver');
    let kept: ReturnType<typeof quarantine> | null = null;
    let addedFields: string[] = [];
    if (result.unknown.length > 0) {
      const { actionIds, ...problems } = unknownActionErrors(result.unknown);
      kept = quarantine(job, 'UNKNOWN_ACTION', problems, actionIds);
      addedFields = problems.errors.map((e) => e.field);
    }
    return {
      receipt: {
        events: parsed.events.length,
        stored: result.stored,
        duplicates: result.duplicates,
        quarantineId: kept?.added.id ?? null,
        reason: kept?.added.reason ?? null,
      },
      // Drops are published before the action changes and the new entry, in the order they happened.
      afterCommit: [...(kept?.afterCommit ?? []), afterCommit],
      added: kept?.added ?? null,
      addedFields,
    };
  }

  function storeAlone(job: Job): Outcome {
    try {
      const stored = db.transaction(() => store(job));
      stats.commits += 1;
      options.onCommit?.({ requests: 1 });
      return { ok: true, stored };
    } catch (error) {
      return { ok: false, error };
    }
  }

  function storeGroup(jobs: Job[]): Outcome[] {
    if (jobs.length === 1) return [storeAlone(jobs[0]!)];
    try {
      const stored = db.transaction(() => jobs.map(store));
      stats.commits += 1;
      options.onCommit?.({ requests: jobs.length });
      return stored.map((s) => ({ ok: true, stored: s }));
    } catch {
      // Nothing of the group was committed. Alone, each request succeeds or fails on its own merits.
      return jobs.map(storeAlone);
    }
  }

  function settle(job: Job, outcome: Outcome) {
    if (!outcome.ok) {
      stats.failedRequests += 1;
      if (outcome.error instanceof QuarantineFullError) {
        // Once per spell of refusals: a sender retrying must not flood the log.
        if (!refusing) {
          logger.error('quarantine full: notifications that need it are answered 500 until room is made', {
            callbackId: job.request.callbackId,
            capBytes,
            error: outcome.error.message,
          });
        }
        refusing = true;
      } else {
        logger.error('receiver could not store a notification; answered 500 so the network retries', {
          callbackId: job.request.callbackId,
          error: (outcome.error as Error)?.message ?? String(outcome.error),
        });
      }
      job.reject(outcome.error);
      return;
    }
    const { receipt, afterCommit, added, addedFields } = outcome.stored;
    stats.requests += 1;
    try {
      for (const f of afterCommit) f();
      if (added) {
        stats.quarantined += 1;
        refusing = false;
        if (added.reason === 'UNKNOWN_ACTION') wait(added.id, added.actionIds);
        bus.publish({ name: 'quarantine.added', data: { entry: toQuarantineEntryDto(added) } });
        logger.warn('notification quarantined', {
          quarantineId: added.id,
          callbackId: added.callbackId,
          reason: added.reason,
          errorCount: added.errorCount,
          // Field names only: messages may quote the body, and Body attributes can carry credentials.
          fields: addedFields.slice(0, 10),
        });
      }
    } catch (err) {
      // Stored already: the answer is still 200.
      logger.warn('after-commit work of a notification failed', { error: (err as Error).message });
    }
    job.resolve(receipt);
  }

  function flush() {
    const jobs = pending;
    pending = [];
    if (jobs.length === 0) return;
    stats.largestGroup = Math.max(stats.largestGroup, jobs.length);
    const outcomes = storeGroup(jobs);
    jobs.forEach((job, i) => settle(job, outcomes[i]!));
  }

  // ── replay ────────────────────────────────────────────────────────────────────────────────────────────
  /** Runs a quarantined request through validation and ingest again. `actor` null: an automatic replay. */
  function replay(id: number, actor: Actor | null): ReplayResult {
    const entry = repos.quarantine.get(id);
    if (!entry) throw notFound('QUARANTINE_NOT_FOUND', `No quarantined notification with id ${id}.`);
    if (entry.resolvedAt !== null) {
      throw new ServiceError(
        409,
        'QUARANTINE_RESOLVED',
        `Quarantined notification ${id} was already handled (${entry.resolution} by ${entry.resolvedBy}).`,
      );
    }
    // Events without a date keep the time the request was first received, as when it was first read.
    const parsed = parseNotificationBody(entry.body, entry.receivedAt);
    const at = clock.nowIso();
    const by = actor?.operator ?? AUTO_REPLAY_OPERATOR;
    const after: (() => void)[] = [];
    const result = db.transaction(() => {
      let outcome: ReplayResult['outcome'];
      let stored = 0;
      let duplicates = 0;
      if (!parsed.ok) {
        outcome = 'StillInvalid';
        repos.quarantine.recordReplay(id, {
          at,
          reason: parsed.reason,
          errors: parsed.errors,
          errorCount: parsed.errorCount,
          actionIds: [],
        });
      } else {
        const applied = ingest.apply(parsed.events, 'receiver');
        after.push(applied.afterCommit);
        ({ stored, duplicates } = applied.result);
        if (applied.result.unknown.length === 0) {
          outcome = 'Applied';
          repos.quarantine.resolve(id, { at, by, resolution: 'Replayed', replayed: true });
        } else {
          outcome = 'StillUnknownAction';
          const { errors, errorCount, actionIds } = unknownActionErrors(applied.result.unknown);
          repos.quarantine.recordReplay(id, { at, reason: 'UNKNOWN_ACTION', errors, errorCount, actionIds });
        }
      }
      if (actor) {
        after.push(
          trail.append({
            at,
            operator: actor.operator,
            action: 'quarantine.replay',
            callbackId: entry.callbackId,
            reason: actor.reason ?? null,
            detail: { quarantineId: id, outcome, stored, duplicates },
          }),
        );
      }
      return { outcome, stored, duplicates, entry: repos.quarantine.getSummary(id)! };
    });
    unwait(id);
    if (result.entry.resolvedAt === null && result.entry.reason === 'UNKNOWN_ACTION') {
      wait(id, result.entry.actionIds);
    }
    // Resolved entries can be dropped: there is room again.
    if (result.entry.resolvedAt !== null) refusing = false;
    for (const f of after) f();
    return result;
  }

  return {
    /** Stores an authenticated request; resolves once it is committed, rejects when it could not be stored. */
    submit(request: InboundRequest): Promise<InboxReceipt> {
      if (closed) return Promise.reject(new Error('The notification inbox is closed.'));
      const receivedAt = clock.nowIso();
      const parsed = parseNotificationBody(request.body, receivedAt);
      return new Promise<InboxReceipt>((resolve, reject) => {
        pending.push({ request, parsed, receivedAt, resolve, reject });
        arrivals += 1;
        if (pending.length >= maxGroup) flush();
        else if (!scheduled) {
          scheduled = true;
          groupStartedAt = performance.now();
          seen = arrivals;
          setImmediate(checkGroup);
        }
      });
    },
    replay,
    /** Marks an entry handled by hand (the operator looked at it and nothing needs applying). */
    dismiss(id: number, actor: Actor): QuarantineSummary {
      const entry = repos.quarantine.getSummary(id);
      if (!entry) throw notFound('QUARANTINE_NOT_FOUND', `No quarantined notification with id ${id}.`);
      const at = clock.nowIso();
      const { summary, published } = db.transaction(() => {
        if (
          !repos.quarantine.resolve(id, { at, by: actor.operator, resolution: 'Dismissed', replayed: false })
        ) {
          throw new ServiceError(
            409,
            'QUARANTINE_RESOLVED',
            `Quarantined notification ${id} was already handled (${entry.resolution} by ${entry.resolvedBy}).`,
          );
        }
        const published = trail.append({
          at,
          operator: actor.operator,
          action: 'quarantine.resolve',
          callbackId: entry.callbackId,
          reason: actor.reason ?? null,
          detail: { quarantineId: id, quarantineReason: entry.reason },
        });
        return { summary: repos.quarantine.getSummary(id)!, published };
      });
      unwait(id);
      refusing = false;
      published();
      return summary;
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
    stats: (): InboxStats => ({ ...stats }),
    /** Stores what is queued, then refuses new requests. Call before closing the database. */
    close() {
      if (closed) return;
      flush();
      closed = true;
      unsubscribe();
      waiting.clear();
    },
  };
}
