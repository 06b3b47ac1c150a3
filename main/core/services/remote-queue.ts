// The queue per vehicle and feature (docs/decisions.md, 21). A command that cannot go at once waits in phase
// Queued; each lane (a vehicle's commands of one feature) goes in order of arrival, one at a time, when the one
// before it settles (Done, Refused, Expired, Cancelled, TimedOut). The queue is the table: this file keeps only
// which lanes it is sending right now, so a restart resumes every lane from the store. It also holds commands while
// the network is unreachable (tried again with a growing delay, all at once when the network answers again), and
// before sending a command whose earlier send may have reached the network (cut short, or interrupted by a stop)
// it asks the network for the vehicle's remotes: one that is there is followed, never sent twice.
// Past 300 lines: the lane runner, the expiry sweep, the unreachable backoff and the crash check share one lane
// state and one ordering rule; split apart, each would have to re-derive them.
import type { QueueReason } from '../../../preload/contract/vocabulary.js';
import type { Connector, RemoteSnapshot } from '../connector/connector.js';
import type { ActionRecord, Repositories, RunUnitOfWork } from '../db/index.js';
import type { RemoteAction } from '../domain/action.js';
import {
  eventStatusFromMergedStatus,
  isSettled,
  isSuccessOutcome,
  markCancelled,
  markDispatched,
  markExpired,
  markRefused,
  markRequeued,
} from '../domain/lifecycle.js';
import { isStale, nextTryAt, queuedOnlyWhenAsked, sameJson } from '../domain/queue.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { systemActor, who } from '../kernel/actor.js';
import { actionAuditEntry, createAuditTrail } from '../kernel/audit-trail.js';
import type { AuditAction } from '../../../preload/contract/vocabulary.js';
import { asConnectorError } from './connector-errors.js';
import type { IngestService } from './ingest-service.js';
import type { RemoteSender } from './remote-sender.js';

export interface RemoteQueueDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  connector: Connector;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  sender: RemoteSender;
  /** What the network says of a command it already had enters as a polled event. */
  ingest: Pick<IngestService, 'ingest'>;
}

export type RemoteQueue = ReturnType<typeof createRemoteQueue>;

/** The agent's part that expires and cancels queued commands, as the audit log names it. */
const QUEUE_ACTOR = systemActor('queue');

/** What the agent records on an action of its own accord: a code with its values, worded by the clients. */
type ActionError = NonNullable<RemoteAction['error']>;

const INTERRUPTED: ActionError = { code: 'SEND_INTERRUPTED', params: { hasDetail: 'no' } };

export function createRemoteQueue(deps: RemoteQueueDeps) {
  const { unitOfWork, repos, connector, clock, bus, logger, sender, ingest } = deps;
  const trail = createAuditTrail(repos, bus);
  /** Lanes with a command on its way out in this process (between leaving Queued and the network's answer). */
  const sendingLanes = new Set<string>();
  /** The commands those are: a person cannot cancel them any more, the expiry sweep leaves them to the send. */
  const leaving = new Set<string>();
  let running = false;
  let timer: TimerHandle | null = null;
  let pumpPlanned = false;
  let unsubscribe: (() => void) | null = null;

  const laneOf = (a: { vehicleId: string; type: string }) => `${a.vehicleId}\u0000${a.type}`;
  const publish = (action: ActionRecord) => bus.publish({ type: 'action.changed', action });
  /** Those still waiting in a lane, once one left it: their places moved. */
  const publishLane = (a: RemoteAction) => {
    for (const waiting of repos.actions.lane(a.vehicleId, a.type)) {
      if (waiting.phase === 'Queued') publish(waiting);
    }
  };

  /** Stores a change of a queued command (phase and queue fields), audited as `what` when given. */
  function save(next: ActionRecord, audit?: { what: AuditAction; by?: typeof QUEUE_ACTOR; detail: object }) {
    unitOfWork((uow) => {
      repos.actions.update(next);
      repos.actions.updateQueue(next);
      if (audit) {
        const entry = actionAuditEntry(next, audit.what, next.updatedAt, {
          type: next.type,
          remote: next.remote,
          ...audit.detail,
        });
        uow.afterCommit(trail.append(audit.by ? { ...entry, ...who(audit.by), reason: null } : entry));
      }
      uow.afterCommit(() => {
        publish(next);
        if (next.phase !== 'Queued') publishLane(next);
      });
    });
  }

  function expire(action: ActionRecord, uncertain: boolean) {
    const error: ActionError | null = uncertain ? { code: 'SEND_UNCERTAIN' } : null;
    const { action: expired, applied } = markExpired(action, clock.nowIso(), error);
    if (!applied) return;
    save(expired, {
      what: 'remote.expire',
      by: QUEUE_ACTOR,
      detail: {
        expiresAt: action.queue?.expiresAt ?? null,
        waitingFor: action.queue?.reason ?? null,
        uncertain,
      },
    });
  }

  function cancelBySystem(action: ActionRecord, error: ActionError) {
    const { action: cancelled, applied } = markCancelled(action, clock.nowIso(), error);
    if (applied) save(cancelled, { what: 'remote.cancel', by: QUEUE_ACTOR, detail: { code: error.code } });
  }

  function waitFor(action: ActionRecord, reason: QueueReason) {
    if (!action.queue || action.queue.reason === reason) return;
    save({ ...action, queue: { ...action.queue, reason } });
  }

  /** Refused without being sent again: its earlier send cannot be ruled out, and the network cannot be asked. */
  function refuseUncertain(action: ActionRecord, error: ActionError) {
    const sending = markDispatched(action, clock.nowIso()).action;
    const refused = markRefused(sending, error, clock.nowIso()).action;
    save(refused, {
      what: 'remote.send',
      detail: { interrupted: true, refused: { kind: 'local', code: error.code } },
    });
  }

  /** The network did not answer: try again later, or give up now if the command is past its expiry. */
  function networkDown(action: ActionRecord) {
    if (!action.queue) return;
    if (isStale(action, clock.now())) return expire(action, action.queue.uncertain);
    const tries = action.queue.tries + 1;
    save({
      ...action,
      queue: {
        ...action.queue,
        reason: 'NETWORK_UNREACHABLE',
        tries,
        nextTryAt: nextTryAt(clock.now(), tries),
      },
      updatedAt: clock.nowIso(),
    });
  }

  /** The network answered: whatever waits for it goes now rather than at its next try. */
  function networkAnswered() {
    if (unitOfWork(() => repos.actions.releaseNetworkWaits()) > 0) pumpSoon();
  }

  /**
   * Whether a command whose earlier send may have reached the network is there: followed if so ('found'), free to
   * go if not ('absent'); 'stop' when nothing can be decided now (the network is down, or cannot be asked).
   */
  async function askNetwork(action: ActionRecord): Promise<'found' | 'absent' | 'stop'> {
    if (!connector.listRemotes) {
      refuseUncertain(action, INTERRUPTED);
      return 'stop';
    }
    let remotes: RemoteSnapshot[];
    try {
      const upstream = repos.callbacks.getIncludingDeleted(action.callbackId)?.upstreamId ?? null;
      remotes = await connector.listRemotes(action.vehicleId, upstream);
    } catch (err) {
      const e = asConnectorError(err);
      const current = repos.actions.get(action.id);
      if (current?.phase !== 'Queued') return 'stop';
      if (e.kind === 'unreachable' || e.kind === 'rate-limited') networkDown(current);
      else
        refuseUncertain(current, { code: INTERRUPTED.code, params: { hasDetail: 'yes', detail: e.message } });
      return 'stop';
    }
    networkAnswered();
    const current = repos.actions.get(action.id);
    if (current?.phase !== 'Queued' || !current.queue) return 'stop';
    // A remote of this feature (with this body, where the network says it) that no action here knows: the one
    // whose send was cut short. (The network keeps no creation date to tell it from an older one.)
    const found = remotes.find(
      (r) =>
        r.type === current.type &&
        !repos.actions.knowsUpstreamId(r.remoteActionId) &&
        (r.remote === undefined || sameJson(r.remote, current.remote)),
    );
    if (found) {
      const at = clock.nowIso();
      const adopted = sender.adopt(markDispatched(current, at).action, found.remoteActionId, {
        queued: true,
        foundUpstream: true,
      });
      if (adopted) {
        // Its state as the network reports it, through the path every notification takes.
        ingest.ingest(
          [
            {
              remoteActionId: found.remoteActionId,
              vin: adopted.vin,
              eventDate: at,
              remoteType: found.type || adopted.type,
              eventStatus: eventStatusFromMergedStatus(
                found.status,
                found.failureCause,
                found.feedbackDetail,
              ),
            },
          ],
          'poll',
        );
      }
      return 'found';
    }
    if (current.queue.reason === 'SEND_INTERRUPTED' && queuedOnlyWhenAsked(current.type, current.remote)) {
      // It was to go at once when the agent stopped; these are never sent later without being asked to.
      cancelBySystem(current, { code: 'NOT_SENT_AFTER_STOP' });
      return 'stop';
    }
    save({ ...current, queue: { ...current.queue, uncertain: false, reason: null } });
    return 'absent';
  }

  /** Sends the head of a lane: asks the network first if an earlier send may have reached it. */
  async function dispatch(head: ActionRecord) {
    if (head.queue?.uncertain) {
      const asked = await askNetwork(head);
      if (asked !== 'absent') return;
    }
    // Still its turn, still fresh (an await passed): then Sending, stored before anything leaves.
    const current = repos.actions.get(head.id);
    if (current?.phase !== 'Queued') return;
    if (isStale(current, clock.now())) return expire(current, false);
    const { action: sending } = markDispatched(current, clock.nowIso());
    save(sending);
    const outcome = await sender.send(sending, { queued: true });
    if (outcome.kind === 'accepted') return networkAnswered();
    if (outcome.kind === 'unreachable') {
      if (!connector.listRemotes) {
        // Sent again, it might reach the network twice, and the network cannot be asked: it ends here.
        sender.refuseUnreachable(sending, outcome.cause, { queued: true });
        return;
      }
      const requeued = markRequeued(
        sending,
        clock.nowIso(),
        nextTryAt(clock.now(), (sending.queue?.tries ?? 0) + 1),
      );
      save(
        requeued.action,
        // Said once in the audit log, not at every try.
        (sending.queue?.tries ?? 0) === 0
          ? {
              what: 'remote.queue',
              detail: { reason: 'NETWORK_UNREACHABLE', message: outcome.cause.message },
            }
          : undefined,
      );
    }
  }

  /** Moves one lane on: expires, cancels or sends its head, as far as it can go now. */
  function pumpLane(vehicleId: string, type: RemoteAction['type']) {
    const key = laneOf({ vehicleId, type });
    if (!running || sendingLanes.has(key)) return;
    for (;;) {
      const [head] = repos.actions.lane(vehicleId, type);
      // Empty, or one in flight (Sending, Pending come first): it moves on when that one settles.
      if (!head || head.phase !== 'Queued' || !head.queue) return;
      const now = clock.now();
      // Never sent stale; one that may have reached the network is asked about first, even late.
      if (isStale(head, now) && !head.queue.uncertain) {
        expire(head, false);
        continue;
      }
      if (head.queue.after) {
        const first = repos.actions.get(head.queue.after);
        if (first && !isSettled(first.phase)) return waitFor(head, 'WAKE_UP_FIRST');
        if (first?.phase !== 'Done' || !isSuccessOutcome(first.outcome)) {
          cancelBySystem(head, { code: 'WAKE_UP_FAILED', params: { after: head.queue.after } });
          continue;
        }
      }
      const callback = repos.callbacks.get(head.callbackId);
      if (callback?.status !== 'Running') return waitFor(head, 'CALLBACK_PAUSED');
      if (head.queue.reason === 'CALLBACK_PAUSED' || head.queue.reason === 'WAKE_UP_FIRST') {
        // Nothing to wait for any more: the reason goes with it.
        save({ ...head, queue: { ...head.queue, reason: null } });
        continue;
      }
      const notBefore = head.queue.nextTryAt ? Date.parse(head.queue.nextTryAt) : 0;
      if (notBefore > now.getTime() && !isStale(head, now)) return;
      sendingLanes.add(key);
      leaving.add(head.id);
      void dispatch(head)
        .catch((err: unknown) =>
          logger.error('a queued remote could not be sent', {
            remoteActionId: head.id,
            error: (err as Error)?.message ?? String(err),
          }),
        )
        .finally(() => {
          sendingLanes.delete(key);
          leaving.delete(head.id);
          // Its answer may have settled it (Refused): the next one may go.
          pumpLane(vehicleId, type);
          schedule();
        });
      return;
    }
  }

  /** Every lane with someone waiting; then the timer for the next expiry or retry. */
  function tick() {
    if (!running) return;
    const now = clock.now();
    // Waiting behind a command in flight does not stop the clock: expired wherever they stand.
    for (const action of repos.actions.listQueued()) {
      if (isStale(action, now) && !action.queue?.uncertain && !leaving.has(action.id)) expire(action, false);
    }
    for (const lane of repos.actions.queuedLanes()) pumpLane(lane.vehicleId, lane.type);
    schedule();
  }

  function schedule() {
    if (!running) return;
    if (timer) clock.clearTimeout(timer);
    timer = null;
    const next = repos.actions.nextQueueInstant(clock.nowIso());
    if (next === null) return;
    timer = clock.setTimeout(
      () => {
        timer = null;
        tick();
      },
      Math.max(0, Date.parse(next) - clock.now().getTime()),
    );
  }

  /** Once, after whatever is running now: a burst of changes makes one pass. */
  function pumpSoon() {
    if (pumpPlanned || !running) return;
    pumpPlanned = true;
    queueMicrotask(() => {
      pumpPlanned = false;
      try {
        tick();
      } catch (err) {
        logger.error('the remote queue could not move on', { error: (err as Error)?.message ?? String(err) });
      }
    });
  }

  return {
    /**
     * At creation, before anything is sent: actions found Sending were cut short by the stop. Each goes back to the
     * head of its lane, flagged so that the network is asked before it is sent (only with a connector that can be
     * asked: create-core falls back to the watchdog's Refused SEND_INTERRUPTED otherwise).
     */
    recoverInterrupted(): number {
      const now = clock.nowIso();
      const interrupted = repos.actions.listOpen().filter((a) => a.phase === 'Sending');
      unitOfWork((uow) => {
        for (const a of interrupted) {
          const next: ActionRecord = {
            ...a,
            phase: 'Queued',
            queue: {
              seq: a.queue?.seq ?? 0,
              expiresAt: a.queue?.expiresAt ?? null,
              reason: 'SEND_INTERRUPTED',
              tries: a.queue?.tries ?? 0,
              nextTryAt: null,
              uncertain: true,
              after: a.queue?.after ?? null,
            },
            sentAt: null,
            updatedAt: now,
          };
          repos.actions.update(next);
          repos.actions.updateQueue(next);
          uow.afterCommit(
            trail.append(
              actionAuditEntry(next, 'remote.queue', now, {
                type: a.type,
                remote: a.remote,
                reason: 'SEND_INTERRUPTED',
                interrupted: true,
              }),
            ),
          );
        }
      });
      return interrupted.length;
    },

    /** Whether an unreachable network may hold commands (the network can then be asked before they go again). */
    canAskNetwork: () => connector.listRemotes !== undefined,

    /** Whether the command is on its way out (too late to cancel it). */
    isLeaving: (id: string) => leaving.has(id),

    networkAnswered,

    /** Puts a command that met an unreachable network (direct send) at the head of its lane again. */
    requeue(sending: ActionRecord, message: string): ActionRecord {
      const tries = (sending.queue?.tries ?? 0) + 1;
      const { action } = markRequeued(sending, clock.nowIso(), nextTryAt(clock.now(), tries));
      save(action, { what: 'remote.queue', detail: { reason: 'NETWORK_UNREACHABLE', message } });
      return repos.actions.get(action.id) ?? action;
    },

    /** Lets the queue move: a lane may have freed up, a command may have been queued. */
    poke: pumpSoon,

    /** After a commit that took a command out of its lane (cancelled by a person): it and those behind it. */
    settle(action: ActionRecord) {
      publish(action);
      publishLane(action);
    },

    start() {
      if (running) return;
      running = true;
      unsubscribe = bus.subscribe((event) => {
        if (event.type === 'action.changed') {
          if (event.action.phase === 'Queued' || isSettled(event.action.phase)) pumpSoon();
        } else if (event.type === 'callback.changed') {
          pumpSoon();
        }
      });
      tick();
    },

    stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
