// The polling fallback (stellantis-api-notes.md N4, N9, N12.6): an accepted action whose Done has not arrived
// is read by id (GET …/remotes/{rid}) with backoff, and what is learnt goes to the sink as RemoteEvents, the
// same path as received notifications, until the action is terminal.
// - With a public receiver, polling starts only when no Done arrived within `quietMs` (default 3 min).
// - Without one (a depot behind NAT), polling starts at once, with backoff.
// GET carries no event date, so eventDate is the clock's now; the ingest dedupes on identity, so a status is
// emitted once per action (the last one emitted, or observed from notifications, is remembered).
// Generic over the port: it needs only `getRemote`, so the core can use it with any connector.
import type { RemoteEvent } from '../../domain/action.js';
import { eventStatusFromMergedStatus } from '../../domain/lifecycle.js';
import type { Clock, TimerHandle } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { Connector, ConnectorEventSink } from '../connector.js';
import { ConnectorError } from '../connector.js';
import { DEFAULT_POLL_AFTER_MS } from './stellantis-config.js';

export interface TrackedAction {
  remoteActionId: string;
  vehicleId: string;
  /** The callback the remote was sent through upstream; null when the connector chose one itself. */
  upstreamCallbackId: string | null;
  /** RFC 3339: when the network accepted it (202). */
  acceptedAt: string;
  vin?: string | null;
  remoteType?: string;
  /** The latest status already known (from notifications): not emitted again. */
  lastStatus?: string | null;
}

export interface RemotePollerOptions {
  clock: Clock;
  logger: Logger;
  readRemote: Connector['getRemote'];
  /** Where events go: the core's ingest, the same path as received notifications. */
  sink: ConnectorEventSink;
  /** Whether notifications can reach this agent (a public receiver URL is configured). */
  notificationsExpected: () => boolean;
  /** No Done this long after acceptance → start polling (with notifications expected). Default 3 min. */
  quietMs?: number;
  /** First backoff step; doubles after every read that shows no change. Default 10 s. */
  initialDelayMs?: number;
  /** Backoff cap. Default 5 min. */
  maxDelayMs?: number;
  /** Stop polling an action this long after acceptance. Default 24 h. */
  giveUpAfterMs?: number;
  /** Stop after this many reads in a row where the network does not know the action. Default 5. */
  maxUnknownReads?: number;
}

export interface RemotePoller {
  /** Starts following an action (idempotent: tracking it again updates what is known). */
  track(action: TrackedAction): void;
  untrack(remoteActionId: string): void;
  /** Events that arrived by other paths (notifications): a Done ends polling; statuses are not re-emitted. */
  observe(events: RemoteEvent[]): void;
  /** Ids being followed. */
  tracked(): string[];
  /** The earliest acceptance still worth following (now minus the give-up window), RFC 3339. */
  followsSince(): string;
  /** Resolves once every read in flight has finished (tests). */
  idle(): Promise<void>;
  stop(): void;
}

interface Entry {
  action: TrackedAction;
  timer: TimerHandle | null;
  delayMs: number;
  lastEmitted: string | null;
  unknownReads: number;
  polling: boolean;
}

export function createRemotePoller(opts: RemotePollerOptions): RemotePoller {
  const { clock, logger, readRemote } = opts;
  const quietMs = opts.quietMs ?? DEFAULT_POLL_AFTER_MS;
  const initialDelayMs = opts.initialDelayMs ?? 10_000;
  const maxDelayMs = opts.maxDelayMs ?? 5 * 60_000;
  const giveUpAfterMs = opts.giveUpAfterMs ?? 24 * 60 * 60_000;
  const maxUnknownReads = opts.maxUnknownReads ?? 5;
  const entries = new Map<string, Entry>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const acceptedMs = (a: TrackedAction) => {
    const t = Date.parse(a.acceptedAt);
    return Number.isFinite(t) ? t : clock.now().getTime();
  };

  function schedule(entry: Entry, delayMs: number) {
    if (entry.timer) clock.clearTimeout(entry.timer);
    entry.timer = clock.setTimeout(
      () => {
        entry.timer = null;
        const p = poll(entry).finally(() => inFlight.delete(p));
        inFlight.add(p);
      },
      Math.max(0, delayMs),
    );
  }

  function remove(id: string) {
    const entry = entries.get(id);
    if (!entry) return;
    if (entry.timer) clock.clearTimeout(entry.timer);
    entries.delete(id);
  }

  function backoff(entry: Entry, minimumMs = 0) {
    const delay = Math.max(entry.delayMs, minimumMs);
    entry.delayMs = Math.min(entry.delayMs * 2, maxDelayMs);
    schedule(entry, Math.min(delay, Math.max(maxDelayMs, minimumMs)));
  }

  async function poll(entry: Entry): Promise<void> {
    const { action } = entry;
    if (stopped || entries.get(action.remoteActionId) !== entry || entry.polling) return;
    if (clock.now().getTime() - acceptedMs(action) > giveUpAfterMs) {
      logger.warn('polling gave up: no outcome', { remoteActionId: action.remoteActionId });
      remove(action.remoteActionId);
      return;
    }
    entry.polling = true;
    try {
      let snapshot;
      try {
        snapshot = await readRemote(action.vehicleId, action.upstreamCallbackId, action.remoteActionId);
      } catch (err) {
        if (stopped || entries.get(action.remoteActionId) !== entry) return;
        const retryAfter = err instanceof ConnectorError ? (err.details.retryAfterSeconds ?? 0) : 0;
        logger.info('polling a remote failed; will retry', {
          remoteActionId: action.remoteActionId,
          problem: (err as Error).message,
        });
        backoff(entry, retryAfter * 1000);
        return;
      }
      if (stopped || entries.get(action.remoteActionId) !== entry) return;
      if (!snapshot) {
        entry.unknownReads += 1;
        if (entry.unknownReads >= maxUnknownReads) {
          logger.warn('polling stopped: the network does not know this remote', {
            remoteActionId: action.remoteActionId,
          });
          remove(action.remoteActionId);
        } else backoff(entry);
        return;
      }
      entry.unknownReads = 0;
      const eventStatus = eventStatusFromMergedStatus(
        snapshot.status,
        snapshot.failureCause,
        snapshot.feedbackDetail,
      );
      const changed = snapshot.status !== entry.lastEmitted;
      if (changed) {
        const event: RemoteEvent = {
          remoteActionId: action.remoteActionId,
          vin: action.vin ?? null,
          eventDate: clock.nowIso(),
          remoteType: snapshot.type || action.remoteType || 'Unknown',
          eventStatus,
        };
        try {
          await opts.sink([event]);
          entry.lastEmitted = snapshot.status;
        } catch (err) {
          // Not remembered: the next read emits it again.
          logger.warn('a polled status could not be delivered; will retry', {
            remoteActionId: action.remoteActionId,
            problem: (err as Error).message,
          });
          backoff(entry);
          return;
        }
      }
      if (eventStatus.type === 'Done') {
        remove(action.remoteActionId);
        return;
      }
      if (changed) entry.delayMs = initialDelayMs; // progress: look again soon
      backoff(entry);
    } finally {
      entry.polling = false;
    }
  }

  return {
    track(action) {
      if (stopped) return;
      const existing = entries.get(action.remoteActionId);
      if (existing) {
        existing.action = { ...existing.action, ...action };
        if (action.lastStatus) existing.lastEmitted = action.lastStatus;
        return;
      }
      const entry: Entry = {
        action: { ...action },
        timer: null,
        delayMs: initialDelayMs,
        lastEmitted: action.lastStatus ?? null,
        unknownReads: 0,
        polling: false,
      };
      entries.set(action.remoteActionId, entry);
      const wait = opts.notificationsExpected() ? quietMs : initialDelayMs;
      schedule(entry, acceptedMs(action) + wait - clock.now().getTime());
    },
    untrack: remove,
    observe(events) {
      for (const e of events) {
        const entry = entries.get(e.remoteActionId);
        if (!entry) continue;
        if (e.eventStatus.type === 'Done') remove(e.remoteActionId);
        else entry.lastEmitted = e.eventStatus.status;
      }
    },
    tracked: () => [...entries.keys()],
    followsSince: () => new Date(clock.now().getTime() - giveUpAfterMs).toISOString(),
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stop() {
      stopped = true;
      for (const id of [...entries.keys()]) remove(id);
    },
  };
}
