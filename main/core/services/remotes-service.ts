// Sending a remote action, taking one out of the queue, sending one again, and reading actions back. The intent is
// stored before anything leaves the machine, so a crash mid-send is visible afterwards instead of silently lost;
// whatever the network answers, the action then ends Pending (with the network's id beside its own) or Refused with
// a code, never Sending. A command that cannot go at once waits its turn in the queue (remote-queue.ts).
// Past 300 lines: send, cancel and resend share the same checks (policy, callback, capability, reason, busy
// lane) in one order, which is what keeps a refusal from storing anything, and a bulk command's preflight runs the
// ones that do not depend on the vehicle; the reads are the short rest.
import { randomUUID } from 'node:crypto';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import {
  REASON_MIN_LENGTH,
  roleAtLeast,
  type ApproverRef,
  type WhenBusy,
} from '../../../preload/contract/vocabulary.js';
import { queueExpiryMinutesOf, SETTINGS_KEY, type StoredSettings } from '../config/stored-settings.js';
import type {
  ActionRecord,
  CallbackRecord,
  Repositories,
  RunUnitOfWork,
  UnitOfWork,
  VehicleRecord,
} from '../db/index.js';
import type { RemoteAction } from '../domain/action.js';
import { markCancelled } from '../domain/lifecycle.js';
import { expiresAt, failedAsleep, isResendable, queuedOnlyWhenAsked, WAKE_UP_BODY } from '../domain/queue.js';
import { parseRemote } from '../domain/remote/index.js';
import type { RemoteBody } from '../domain/remote/remote-body.js';
import { isDangerous, type RemoteType } from '../domain/remote-type.js';
import { featureKey } from '../kernel/error-codes.js';
import type { ActionPhase } from '../domain/status.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { actorRef, who, type Actor } from '../kernel/actor.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { createActionView } from '../kernel/action-view.js';
import type { OperatorsService } from './operators-service.js';
import { actionAuditEntry, createAuditTrail } from '../kernel/audit-trail.js';
import { invalid, notFound, ServiceError } from '../kernel/service-error.js';
import type { RemoteQueue } from './remote-queue.js';
import type { RemoteSender } from './remote-sender.js';

export interface RemotesServiceDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  /** The access policy: the lowest role for each remote. */
  access: AccessGuard;
  /** Checks an approving supervisor's PIN. */
  approvers: Pick<OperatorsService, 'verify'>;
  sender: RemoteSender;
  queue: Pick<RemoteQueue, 'poke' | 'networkAnswered' | 'requeue' | 'canAskNetwork' | 'isLeaving' | 'settle'>;
}

/** How a command meets a busy feature or an unreachable network, and how long it may wait. */
export interface QueueOptions {
  whenBusy?: WhenBusy | undefined;
  expiresInSeconds?: number | undefined;
}

export interface SendRemoteCommand extends QueueOptions {
  vehicleRef: string;
  callbackId: string;
  body: unknown;
  actor: Actor;
  /**
   * An approval already checked with the approver's PIN (a bulk command's, once at its start: the PIN is not
   * kept): it stands for the approval where the actor's role is short of the policy's and the approver's is not.
   */
  preApproved?: ApproverRef | null | undefined;
  /**
   * Runs in the transaction that stores the action, before it commits: what must be stored with it or not at all
   * (a bulk command's vehicle marked sent with this action). Throwing stores nothing and is the send's refusal.
   */
  onStored?: ((uow: UnitOfWork, action: ActionRecord) => void) | undefined;
}

/** What a send's checks that do not depend on the vehicle made of a command (see `preflight`). */
export interface PreflightResult {
  type: RemoteType;
  remote: RemoteBody;
  callback: CallbackRecord;
  approvedBy: ApproverRef | null;
}

export interface Page {
  limit: number;
  offset: number;
}

/** A request that passed every check: who may, what, to which vehicle, through which callback. */
interface Checked {
  vehicle: VehicleRecord;
  callback: CallbackRecord;
  type: RemoteType;
  remote: RemoteBody;
  actor: Actor;
  reason: string | null;
  approvedBy: ApproverRef | null;
}

/** A stored action and whether it waits in the queue or goes now. */
interface Entered {
  action: ActionRecord;
  queued: boolean;
  /** It may wait for an unreachable network. */
  mayQueue: boolean;
}

export type RemotesService = ReturnType<typeof createRemotesService>;

export function createRemotesService({
  unitOfWork,
  repos,
  clock,
  bus,
  access,
  approvers,
  sender,
  queue,
}: RemotesServiceDeps) {
  const trail = createAuditTrail(repos, bus);
  const view = createActionView(repos);
  const publish = (action: ActionRecord) => bus.publish({ type: 'action.changed', action });

  /** By the action's own id, else by the network's (as vehicles answer to their id or their VIN). */
  function findAction(id: string) {
    return repos.actions.get(id) ?? repos.actions.getByUpstreamId(id);
  }
  function requireAction(id: string) {
    const action = findAction(id);
    if (!action) throw notFound('REMOTE_NOT_FOUND', { id });
    return action;
  }

  function requireVehicle(ref: string) {
    const vehicle = repos.vehicles.get(ref);
    if (!vehicle) throw notFound('VEHICLE_NOT_FOUND', { ref });
    return vehicle;
  }

  /**
   * The policy's say on one remote: nothing when the actor's role suffices; else the approver, when a supervisor
   * (or whoever the policy asks for) approved it on this operator's screen with their PIN; else 403, audited.
   */
  async function authorize(
    actor: Actor,
    type: RemoteType,
    remote: unknown,
    where: { vin?: string; callbackId: string },
    what: 'remote.send' | 'remote.cancel' | 'bulk.start' = 'remote.send',
    preApproved: ApproverRef | null = null,
  ): Promise<ApproverRef | null> {
    const { keys, role } = access.remoteNeeds(type, remote);
    const detail = { ...where, type, policyKeys: keys };
    if (roleAtLeast(actor.role, role)) return null;
    if (preApproved && roleAtLeast(preApproved.role, role)) return preApproved;
    // Approval is for a person at a shared screen; a script's token gets the role it needs instead.
    if (!actor.approval || actor.kind !== 'operator') throw access.deny(actor, role, what, detail);
    const approver = await approvers.verify(actor.approval.approver, actor.approval.pin, 'approval');
    if (!roleAtLeast(approver.role, role)) {
      throw access.deny(actor, role, what, {
        ...detail,
        approver: approver.name,
        approverRole: approver.role,
      });
    }
    return { id: approver.id, name: approver.name, role: approver.role };
  }

  function parse(body: unknown): { type: RemoteType; remote: RemoteBody } {
    const parsed = parseRemote(body);
    if (!parsed.ok) throw invalid('errors:invalid.remote', parsed.errors);
    return { type: parsed.value.type, remote: parsed.value.body };
  }

  /** The callback exists, subscribes to this remote type and is running. */
  function requireCallback(callbackId: string, type: RemoteType): CallbackRecord {
    const feature = featureKey(type);
    const callback = repos.callbacks.get(callbackId);
    if (!callback) {
      throw notFound('CALLBACK_NOT_FOUND', { id: callbackId }, 'errors:code.CALLBACK_NOT_FOUND.createFirst');
    }
    if (!callback.subscribe.remoteTypes.includes(type)) {
      throw new ServiceError(422, 'REMOTE_TYPE_NOT_SUBSCRIBED', {
        params: { callback: callback.label ?? callbackId, type, featureKey: feature },
      });
    }
    if (callback.status !== 'Running') {
      throw new ServiceError(409, 'CALLBACK_PAUSED', {
        params: { callback: callback.label ?? callbackId, status: callback.status },
      });
    }
    return callback;
  }

  /** The dangerous features need a reason, for the audit log; the reason as recorded. */
  function requireReason(type: RemoteType, actor: Actor): string | null {
    const feature = featureKey(type);
    const reason = actor.reason?.trim() || null;
    if (isDangerous(type) && (!reason || reason.length < REASON_MIN_LENGTH)) {
      throw invalid(
        'errors:invalid.reasonNeeded',
        [
          {
            field: 'X-Depot-Reason',
            rule: 'reason.needed',
            params: { featureKey: feature, min: REASON_MIN_LENGTH },
          },
        ],
        { featureKey: feature },
      );
    }
    return reason;
  }

  /** Every check a command passes before anything is stored (the policy first among those about the caller). */
  async function check({
    vehicleRef,
    callbackId,
    body,
    actor,
    preApproved,
  }: SendRemoteCommand): Promise<Checked> {
    const { type, remote } = parse(body);
    const vehicle = requireVehicle(vehicleRef);
    const callback = requireCallback(callbackId, type);
    // Before anything else is decided or stored: a refusal stores no action (and is audited).
    const approvedBy = await authorize(
      actor,
      type,
      remote,
      { vin: vehicle.vin, callbackId },
      'remote.send',
      preApproved ?? null,
    );
    const capability = vehicle.capabilities[type];
    if (capability && !capability.supported) {
      // The reason is a code the clients word (the vehicle page says it in full); the message names it.
      const why = [capability.reason, capability.params?.failureCause].filter(Boolean).join(', ');
      throw new ServiceError(422, 'FEATURE_NOT_SUPPORTED', {
        params: { vehicle: vehicle.label ?? vehicle.vin, featureKey: featureKey(type), why },
        ...(why ? { key: 'errors:code.FEATURE_NOT_SUPPORTED.why' } : {}),
      });
    }
    const reason = requireReason(type, actor);
    return { vehicle, callback, type, remote, actor, reason, approvedBy };
  }

  /**
   * Stores the command: Sending when its lane (the vehicle's commands of that feature) is free, else Queued behind
   * the others — or 409 for the commands never queued silently. Call inside a unit of work (or alone).
   */
  function enter(
    c: Checked,
    options: QueueOptions & Pick<SendRemoteCommand, 'onStored'> & { after?: string; resentFrom?: string },
  ): Entered {
    return unitOfWork((uow) => {
      const { vehicle, type, remote, actor } = c;
      const feature = featureKey(type);
      const mayQueue = !queuedOnlyWhenAsked(type, remote) || options.whenBusy === 'queue';
      const lane = repos.actions.lane(vehicle.id, type);
      const queued = lane.length > 0 || options.after !== undefined;
      if (lane.length > 0 && !mayQueue) {
        const ahead = lane[0]!;
        throw new ServiceError(409, 'ACTION_IN_PROGRESS', {
          params: {
            featureKey: feature,
            waiting: ahead.phase === 'Queued' ? 'yes' : 'no',
            vehicle: vehicle.label ?? vehicle.vin,
            id: ahead.id,
          },
        });
      }
      const now = clock.now();
      const at = now.toISOString();
      const seconds =
        options.expiresInSeconds ??
        queueExpiryMinutesOf(repos.settings.get<StoredSettings>(SETTINGS_KEY)) * 60;
      // The action's own id, for good: queued, sent, refused or accepted, it is named by this id (the API, the
      // history, forwarded notifications). The network's id is recorded beside it once it answers.
      const draft: RemoteAction = {
        id: randomUUID(),
        vehicleId: vehicle.id,
        vin: vehicle.vin,
        callbackId: c.callback.id,
        type,
        remote,
        phase: queued ? 'Queued' : 'Sending',
        status: null,
        outcome: null,
        failureCause: null,
        feedbackDetail: null,
        error: null,
        operator: actor.operator,
        reason: c.reason,
        sentBy: actorRef(actor),
        approvedBy: c.approvedBy,
        createdAt: at,
        updatedAt: at,
        doneAt: null,
        lastEventDate: null,
        // Every action has its expiry, a direct send too: put back in line (network down, a stop), it keeps it.
        queue: {
          seq: 0,
          expiresAt: expiresAt(now, seconds),
          reason: options.after ? 'WAKE_UP_FIRST' : null,
          tries: 0,
          nextTryAt: null,
          uncertain: false,
          after: options.after ?? null,
        },
        sentAt: queued ? null : at,
        ...(options.resentFrom ? { resentFrom: options.resentFrom } : {}),
      };
      // The intent is durable before anything leaves; the audit entry is written with the outcome (or now, for a
      // command that waits).
      repos.actions.insert(draft);
      const action = repos.actions.get(draft.id)!;
      options.onStored?.(uow, action);
      if (queued) {
        uow.afterCommit(
          trail.append(
            actionAuditEntry(action, 'remote.queue', at, {
              type,
              remote,
              position: repos.actions.queuePosition(action),
              expiresAt: action.queue?.expiresAt ?? null,
              behind: lane[0]?.id ?? options.after ?? null,
              ...(options.resentFrom ? { resentFrom: options.resentFrom } : {}),
            }),
          ),
        );
        uow.afterCommit(() => publish(action));
      }
      // Not published yet when it goes now: it is, with its outcome, in a moment.
      return { action, queued, mayQueue };
    });
  }

  /** Sends a command that goes now; one that waits is the queue's. Throws the refusal, recorded. */
  async function go(entered: Entered): Promise<ActionRecord> {
    if (entered.queued) {
      queue.poke();
      return entered.action;
    }
    const outcome = await sender.send(entered.action);
    switch (outcome.kind) {
      case 'accepted':
        queue.networkAnswered();
        return outcome.action;
      case 'refused':
        throw outcome.error;
      case 'unreachable':
        // It waits for the network, unless it is never queued silently (or the network could not be asked
        // whether an attempt cut short reached it: then it would risk going twice).
        if (entered.mayQueue && queue.canAskNetwork()) {
          return queue.requeue(entered.action, outcome.cause.message);
        }
        throw sender.refuseUnreachable(entered.action, outcome.cause).error;
    }
  }

  return {
    async send(command: SendRemoteCommand): Promise<RemoteActionDto> {
      const checked = await check(command);
      return view(await go(enter(checked, command)));
    },

    /**
     * The checks of a send that do not depend on the vehicle, in the send's order — the remote, the callback, the
     * policy (an approval's PIN checked here) and the reason — for a command to many vehicles before any goes
     * (bulk-service.ts). Nothing is stored but a refusal's audit entry.
     */
    async preflight(
      command: Pick<SendRemoteCommand, 'callbackId' | 'body' | 'actor'>,
    ): Promise<PreflightResult> {
      const { type, remote } = parse(command.body);
      const callback = requireCallback(command.callbackId, type);
      const approvedBy = await authorize(
        command.actor,
        type,
        remote,
        { callbackId: command.callbackId },
        'bulk.start',
      );
      requireReason(type, command.actor);
      return { type, remote, callback, approvedBy };
    },

    /** Takes a queued command out of the queue, for good (Cancelled); 409 once it has left the queue. */
    async cancel(remoteActionId: string, actor: Actor): Promise<RemoteActionDto> {
      // The lowest role that may send anything first: a viewer learns nothing of the action.
      access.require(actor, 'technician', 'remote.cancel');
      const action = requireAction(remoteActionId);
      await authorize(
        actor,
        action.type,
        action.remote,
        { vin: action.vin, callbackId: action.callbackId },
        'remote.cancel',
      );
      const cancelled = unitOfWork((uow) => {
        const current = repos.actions.get(action.id)!;
        if (current.phase !== 'Queued' || queue.isLeaving(current.id)) {
          // A Queued one here is already leaving the queue: "being sent".
          const phase = current.phase === 'Queued' ? 'Leaving' : current.phase;
          throw new ServiceError(409, 'ACTION_NOT_QUEUED', { params: { id: current.id, phase } });
        }
        const next = markCancelled(current, clock.nowIso()).action;
        repos.actions.update(next);
        repos.actions.updateQueue(next);
        uow.afterCommit(
          trail.append({
            ...actionAuditEntry(next, 'remote.cancel', next.updatedAt, {
              type: next.type,
              remote: next.remote,
              expiresAt: current.queue?.expiresAt ?? null,
            }),
            ...who(actor),
            reason: actor.reason ?? null,
          }),
        );
        uow.afterCommit(() => queue.settle(next));
        return next;
      });
      return view(cancelled);
    },

    /**
     * Sends a failed, refused, expired, cancelled or unanswered command again, as a new action linked to it, through
     * the same checks and queue as a send; with `wakeFirst`, behind a WakeUp it waits for.
     */
    async resend(
      remoteActionId: string,
      actor: Actor,
      options: QueueOptions & { wakeFirst?: boolean | undefined },
    ): Promise<RemoteActionDto> {
      access.require(actor, 'technician', 'remote.resend');
      const original = requireAction(remoteActionId);
      if (!isResendable(original)) {
        throw new ServiceError(409, 'ACTION_NOT_RESENDABLE', {
          params: { id: original.id, phase: original.phase, outcome: original.outcome ?? 'none' },
        });
      }
      if (original.resentAs) {
        throw new ServiceError(409, 'ACTION_ALREADY_RESENT', {
          params: { id: original.id, resentAs: original.resentAs },
        });
      }
      if (options.wakeFirst && !failedAsleep(original)) {
        throw new ServiceError(409, 'WAKE_FIRST_NOT_APPLICABLE', { params: { id: original.id } });
      }
      const base = { vehicleRef: original.vehicleId, callbackId: original.callbackId, actor };
      const command = await check({ ...base, body: original.remote });
      const wake = options.wakeFirst ? await check({ ...base, body: WAKE_UP_BODY }) : null;
      const entered = unitOfWork((uow) => {
        const wakeEntered = wake ? enter(wake, options) : null;
        const commandEntered = enter(command, {
          ...options,
          resentFrom: original.id,
          ...(wakeEntered ? { after: wakeEntered.action.id } : {}),
        });
        const resentAs = commandEntered.action.id;
        if (!repos.actions.setResentAs(original.id, resentAs)) {
          throw new ServiceError(409, 'ACTION_ALREADY_RESENT', {
            params: { id: original.id },
            key: 'errors:code.ACTION_ALREADY_RESENT.race',
          });
        }
        const now = clock.nowIso();
        uow.afterCommit(
          trail.append({
            ...actionAuditEntry(original, 'remote.resend', now, {
              type: original.type,
              resentAs,
              ...(wakeEntered ? { wakeUp: wakeEntered.action.id } : {}),
            }),
            ...who(actor),
            reason: actor.reason ?? null,
          }),
        );
        const linked = repos.actions.get(original.id)!;
        uow.afterCommit(() => publish(linked));
        return { wake: wakeEntered, command: commandEntered };
      });
      // The wake-up first: the command waits for it (and is cancelled by the queue if it fails).
      if (entered.wake) await go(entered.wake);
      return view(await go(entered.command));
    },

    /** `remoteActionId`: the action's own id, or the network's for the action holding it. */
    get(remoteActionId: string): RemoteActionDto {
      const action = requireAction(remoteActionId);
      return view(action, repos.events.listForAction(action.id));
    },

    getForVehicleCallback(vehicleRef: string, callbackId: string, remoteActionId: string): RemoteActionDto {
      const vehicle = requireVehicle(vehicleRef);
      const action = findAction(remoteActionId);
      if (!action || action.vehicleId !== vehicle.id || action.callbackId !== callbackId) {
        throw notFound('REMOTE_NOT_FOUND', { id: remoteActionId }, 'errors:code.REMOTE_NOT_FOUND.here');
      }
      return view(action, repos.events.listForAction(action.id));
    },

    listForVehicleCallback(vehicleRef: string, callbackId: string, page: Page) {
      const vehicle = requireVehicle(vehicleRef);
      if (!repos.callbacks.get(callbackId)) notFoundCallback(callbackId);
      const items = repos.actions.listForVehicleCallback(vehicle.id, callbackId, page);
      const total = repos.actions.count({ vehicleId: vehicle.id, callbackId });
      return { items: items.map((a) => view(a)), total, ...page };
    },

    list(filter: { vehicleRef?: string; type?: RemoteType; phase?: ActionPhase } & Page) {
      const vehicleId = filter.vehicleRef ? requireVehicle(filter.vehicleRef).id : undefined;
      const where = {
        ...(vehicleId ? { vehicleId } : {}),
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.phase ? { phase: filter.phase } : {}),
      };
      const items = repos.actions.list({ ...where, limit: filter.limit, offset: filter.offset });
      return {
        items: items.map((a) => view(a)),
        total: repos.actions.count(where),
        limit: filter.limit,
        offset: filter.offset,
      };
    },
  };
}

function notFoundCallback(id: string): never {
  throw notFound('CALLBACK_NOT_FOUND', { id });
}
