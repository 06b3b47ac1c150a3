// Where authenticated webhook requests become durable (200 only once stored: stellantis-api-notes.md N12.7).
// (Past 300 lines: forming a group, storing it and answering its requests share one queue and its counters.)
//
// Group commit: every commit is synced to the disk before its requests are answered, so one transaction per
// request would cap the receiver at the disk's sync rate. Requests that arrive together are queued and stored in
// ONE transaction once a turn of the event loop brings no more of them (at most `maxWaitMs` after the first, or at
// once when `maxGroup` requests or `maxGroupEvents` events wait). A lone request is stored at once. Storing runs
// on the event loop and holds it for the group's statements, so a group is bounded in events and at most one is
// stored per turn: what waits beyond it is stored at the next turn, after the loop has run its timers and I/O.
// The sync does not hold the loop: a group commits without it, and its requests are answered once the WAL is
// synced on libuv's pool (unit-of-work.ts `deferred`, wal-sync.ts; docs/decisions.md 28) while the next groups
// are being stored; one sync covers every group committed before it began. If the group fails, each request is
// retried alone so one bad request cannot fail its neighbours, and a request that still fails is answered 500
// with nothing of it stored.
//
// What cannot be applied goes to quarantine (quarantine-service.ts), byte for byte, in the same transaction: a
// body that is not JSON or not a notification (nothing applied), and events naming an action this agent does not
// know (the known events of the request are applied). A request that finds no room there is refused whole
// (QuarantineFullError, answered 500), so the network retries it.
import type { QuarantineReason, RunDeferredUnitOfWork, RunUnitOfWork, UnitOfWork } from '../db/index.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { ActionLookups, IngestService } from '../services/ingest-service.js';
import { parseNotificationBody, type ParsedBody } from './notification-body.js';
import { QuarantineFullError } from './quarantine-capacity.js';
import type { QuarantineIntake } from './quarantine-service.js';
import { type KeptEntry, unknownActionProblems } from './quarantine-store.js';

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
  /** Requests (partly) kept in quarantine. */
  quarantined: number;
}

export interface InboxDeps {
  unitOfWork: RunUnitOfWork;
  ingest: Pick<IngestService, 'apply' | 'lookups'>;
  /** Where what cannot be applied is kept (the quarantine service's intake). */
  quarantine: QuarantineIntake;
  clock: Clock;
  logger: Logger;
  /**
   * Runs a unit of work whose commit's sync to disk happens off the event loop (unit-of-work.ts `deferred`):
   * `durable` resolves once it is on the disk. Without it, each commit waits for the disk on the loop.
   */
  durably?: RunDeferredUnitOfWork;
}

export interface InboxOptions {
  /** A group holds at most this many requests. Default 256. */
  maxGroup?: number;
  /**
   * A group holds at most this many events (whole requests: a larger one is stored alone), which bounds how long
   * one commit holds the event loop (issue 13: its delay p99 ≤ 20 ms). Default 100: on the 2-core reference machine a
   * group of 100 events holds it ~10–15 ms, 200 about twice that (docs/benchmarks.md).
   */
  maxGroupEvents?: number;
  /** Longest a request waits for others to join its group (only while more keep arriving). Default 2 ms. */
  maxWaitMs?: number;
  /** Told after every commit (tests and benchmarks count them). */
  onCommit?: (info: { requests: number }) => void;
}

export type NotificationInbox = ReturnType<typeof createNotificationInbox>;

interface Job {
  request: InboundRequest;
  parsed: ParsedBody;
  receivedAt: string;
  /** Events it carries (at least 1): what it weighs in a group. */
  events: number;
  /** performance.now() when it was queued. */
  queuedAt: number;
  resolve(receipt: InboxReceipt): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; receipt: InboxReceipt } | { ok: false; error: unknown };

export function createNotificationInbox(deps: InboxDeps, options: InboxOptions = {}) {
  const { unitOfWork, ingest, quarantine, clock, logger } = deps;
  const maxGroup = Math.max(1, options.maxGroup ?? 256);
  const maxGroupEvents = Math.max(1, options.maxGroupEvents ?? 100);
  const stats: InboxStats = { commits: 0, requests: 0, largestGroup: 0, failedRequests: 0, quarantined: 0 };
  const pending: Job[] = [];
  let pendingEvents = 0;
  let scheduled = false;
  let closed = false;
  // Group forming: a group is stored at the first turn of the event loop that brought no new request since
  // the previous one (a lone request: at once; a burst comes in over a few turns and is stored whole), or once
  // it is full (maxGroup requests, maxGroupEvents events) or its oldest request maxWaitMs old.
  let arrivals = 0;
  let seen = 0;
  const maxWaitMs = options.maxWaitMs ?? 2;
  function checkGroup() {
    if (pending.length === 0) {
      // Stored meanwhile (close).
      scheduled = false;
      return;
    }
    const quiet = arrivals === seen;
    seen = arrivals;
    const full = pending.length >= maxGroup || pendingEvents >= maxGroupEvents;
    if (!quiet && !full && performance.now() - pending[0]!.queuedAt < maxWaitMs) {
      setImmediate(checkGroup);
      return;
    }
    flushGroup();
    // One group per turn: the next is stored once the loop has run its timers and I/O.
    if (pending.length > 0) setImmediate(checkGroup);
    else scheduled = false;
  }

  // ── storing requests ──────────────────────────────────────────────────────────────────────────────────
  /** After the commit: counted first, then each request's effects in turn. */
  function committed(uow: UnitOfWork, requests: number) {
    uow.afterCommit(() => {
      stats.commits += 1;
      options.onCommit?.({ requests });
    });
  }

  /** After the commit: what went to quarantine is announced. */
  function announce(uow: UnitOfWork, kept: KeptEntry) {
    uow.afterCommit(() => {
      stats.quarantined += 1;
      quarantine.kept(kept);
    });
  }

  /** Runs inside the group's unit of work; `found` holds the actions read in it (one per transaction). */
  function store(uow: UnitOfWork, job: Job, found: ActionLookups): InboxReceipt {
    const { request, parsed, receivedAt } = job;
    const received = {
      callbackId: request.callbackId,
      receivedAt,
      contentType: request.contentType,
      headers: request.headers,
      remoteAddress: request.remoteAddress,
      body: request.body,
    };
    if (!parsed.ok) {
      const { reason, errors, errorCount } = parsed;
      const kept = quarantine.keep(uow, received, { reason, errors, errorCount, actionIds: [] });
      announce(uow, kept);
      return { events: 0, stored: 0, duplicates: 0, quarantineId: kept.summary.id, reason };
    }
    // Drops are published before the action changes and the new entry: the ingest's effects are queued once
    // the quarantine made its room.
    const ingested: (() => void)[] = [];
    const result = ingest.apply(
      { afterCommit: (effect) => void ingested.push(effect) },
      parsed.events,
      'receiver',
      found,
      receivedAt,
    );
    const kept =
      result.unknown.length > 0
        ? quarantine.keep(uow, received, unknownActionProblems(result.unknown))
        : null;
    for (const effect of ingested) uow.afterCommit(effect);
    if (kept) announce(uow, kept);
    return {
      events: parsed.events.length,
      stored: result.stored,
      duplicates: result.duplicates,
      quarantineId: kept?.summary.id ?? null,
      reason: kept?.summary.reason ?? null,
    };
  }

  function storeAlone(run: RunUnitOfWork, job: Job): Outcome {
    try {
      const receipt = run((uow) => {
        committed(uow, 1);
        return store(uow, job, ingest.lookups());
      });
      return { ok: true, receipt };
    } catch (error) {
      return { ok: false, error };
    }
  }

  function storeGroup(run: RunUnitOfWork, jobs: Job[]): Outcome[] {
    if (jobs.length === 1) return [storeAlone(run, jobs[0]!)];
    try {
      const receipts = run((uow) => {
        committed(uow, jobs.length);
        const found = ingest.lookups();
        return jobs.map((job) => store(uow, job, found));
      });
      return receipts.map((receipt) => ({ ok: true, receipt }));
    } catch {
      // Nothing of the group was committed. Alone, each request succeeds or fails on its own merits.
      return jobs.map((job) => storeAlone(run, job));
    }
  }

  function settle(job: Job, outcome: Outcome) {
    if (!outcome.ok) {
      stats.failedRequests += 1;
      if (outcome.error instanceof QuarantineFullError) {
        quarantine.refused(outcome.error, job.request.callbackId);
      } else {
        logger.error('receiver could not store a notification; answered 500 so the network retries', {
          callbackId: job.request.callbackId,
          error: (outcome.error as Error)?.message ?? String(outcome.error),
        });
      }
      job.reject(outcome.error);
      return;
    }
    // Stored already (its effects ran, or were logged if they failed): the answer is 200.
    stats.requests += 1;
    job.resolve(outcome.receipt);
  }

  /** The oldest requests that fit in one group (at least one, however many events it carries). */
  function takeGroup(): Job[] {
    let count = 0;
    let events = 0;
    while (count < pending.length && count < maxGroup) {
      const next = pending[count]!.events;
      if (count > 0 && events + next > maxGroupEvents) break;
      events += next;
      count += 1;
    }
    pendingEvents -= events;
    return pending.splice(0, count);
  }

  function flushGroup(onLoop = false) {
    const jobs = takeGroup();
    if (jobs.length === 0) return;
    stats.largestGroup = Math.max(stats.largestGroup, jobs.length);
    const durables: Promise<void>[] = [];
    const { durably } = deps;
    const run: RunUnitOfWork =
      durably && !onLoop
        ? (work) => {
            const { result, durable } = durably(work);
            durables.push(durable);
            return result;
          }
        : unitOfWork;
    const outcomes = storeGroup(run, jobs);
    if (durables.length === 0) {
      jobs.forEach((job, i) => settle(job, outcomes[i]!));
      return;
    }
    // Committed, not yet on the disk: nobody is answered 200 before it is.
    Promise.all(durables).then(
      () => jobs.forEach((job, i) => settle(job, outcomes[i]!)),
      (error: unknown) => {
        // Committed but maybe not on the disk (db/errors.ts WalSyncError): answered 500, so the network sends
        // it again and the copy already stored is recognised as a duplicate.
        const failed: Outcome = { ok: false, error };
        jobs.forEach((job, i) => settle(job, outcomes[i]!.ok ? failed : outcomes[i]!));
      },
    );
  }

  return {
    /** Stores an authenticated request; resolves once it is committed, rejects when it could not be stored. */
    submit(request: InboundRequest): Promise<InboxReceipt> {
      if (closed) return Promise.reject(new Error('The notification inbox is closed.'));
      const receivedAt = clock.nowIso();
      const parsed = parseNotificationBody(request.body, receivedAt);
      return new Promise<InboxReceipt>((resolve, reject) => {
        const events = Math.max(1, parsed.ok ? parsed.events.length : 0);
        pending.push({ request, parsed, receivedAt, events, queuedAt: performance.now(), resolve, reject });
        pendingEvents += events;
        arrivals += 1;
        if (!scheduled) {
          scheduled = true;
          seen = arrivals;
          setImmediate(checkGroup);
        }
      });
    },
    stats: (): InboxStats => ({ ...stats }),
    /**
     * Stores what is queued (each commit synced on the spot: the database closes next), then refuses new
     * requests. Call before closing the database.
     */
    close() {
      if (closed) return;
      while (pending.length > 0) flushGroup(true);
      closed = true;
    },
  };
}
