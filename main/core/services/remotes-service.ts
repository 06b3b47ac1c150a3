// Sending a remote action and reading actions back. The intent is stored before anything leaves the
// machine, so a crash mid-send is visible afterwards instead of silently lost; whatever the network answers,
// the action then ends Pending (with the network's id beside its own) or Refused with a code, never Sending.
import { randomUUID } from 'node:crypto';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import { REASON_MIN_LENGTH, roleAtLeast, type ApproverRef } from '../../../preload/contract/vocabulary.js';
import type { Connector } from '../connector/connector.js';
import type { ActionRecord, Repositories, RunUnitOfWork, UnitOfWork } from '../db/index.js';
import type { RemoteAction } from '../domain/action.js';
import { markAccepted, markRefused } from '../domain/lifecycle.js';
import { parseRemote } from '../domain/remote/index.js';
import { FEATURES, isDangerous, type RemoteType } from '../domain/remote-type.js';
import type { ActionPhase } from '../domain/status.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { actorRef, type Actor } from '../kernel/actor.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import type { OperatorsService } from './operators-service.js';
import { actionAuditEntry, createAuditTrail } from '../kernel/audit-trail.js';
import { asConnectorError, connectorFailure } from './connector-errors.js';
import { toActionDto } from '../kernel/dto-mappers.js';
import { invalid, notFound, ServiceError } from '../kernel/service-error.js';

export interface RemotesServiceDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  connector: Connector;
  clock: Clock;
  bus: EventBus;
  /** The access policy: the lowest role for each remote. */
  access: AccessGuard;
  /** Checks an approving supervisor's PIN. */
  approvers: Pick<OperatorsService, 'verify'>;
}

export interface SendRemoteCommand {
  vehicleRef: string;
  callbackId: string;
  body: unknown;
  actor: Actor;
}

export interface Page {
  limit: number;
  offset: number;
}

type ActionError = NonNullable<RemoteAction['error']>;

export type RemotesService = ReturnType<typeof createRemotesService>;

export function createRemotesService({
  unitOfWork,
  repos,
  connector,
  clock,
  bus,
  access,
  approvers,
}: RemotesServiceDeps) {
  const trail = createAuditTrail(repos, bus);
  function publish(action: ActionRecord) {
    bus.publish({ type: 'action.changed', action });
  }

  /** By the action's own id, else by the network's (as vehicles answer to their id or their VIN). */
  function findAction(id: string) {
    return repos.actions.get(id) ?? repos.actions.getByUpstreamId(id);
  }

  function requireVehicle(ref: string) {
    const vehicle = repos.vehicles.get(ref);
    if (!vehicle) throw notFound('VEHICLE_NOT_FOUND', `No vehicle with id or VIN ${ref} in this fleet.`);
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
    where: { vin: string; callbackId: string },
  ): Promise<ApproverRef | null> {
    const { keys, role } = access.remoteNeeds(type, remote);
    const detail = { ...where, type, policyKeys: keys };
    if (roleAtLeast(actor.role, role)) return null;
    // Approval is for a person at a shared screen; a script's token gets the role it needs instead.
    if (!actor.approval || actor.kind !== 'operator') throw access.deny(actor, role, 'remote.send', detail);
    const approver = await approvers.verify(actor.approval.approver, actor.approval.pin, 'approval');
    if (!roleAtLeast(approver.role, role)) {
      throw access.deny(actor, role, 'remote.send', {
        ...detail,
        approver: approver.name,
        approverRole: approver.role,
      });
    }
    return { id: approver.id, name: approver.name, role: approver.role };
  }

  return {
    async send({ vehicleRef, callbackId, body, actor }: SendRemoteCommand): Promise<RemoteActionDto> {
      const parsed = parseRemote(body);
      if (!parsed.ok) throw invalid('The remote request is not valid.', parsed.errors);
      const { body: remote, type } = parsed.value;
      const feature = FEATURES[type];

      const vehicle = requireVehicle(vehicleRef);
      const callback = repos.callbacks.get(callbackId);
      if (!callback) {
        throw notFound(
          'CALLBACK_NOT_FOUND',
          `No callback with id ${callbackId}. Create a callback first: every remote needs one.`,
        );
      }
      if (!callback.subscribe.remoteTypes.includes(type)) {
        throw new ServiceError(
          422,
          'REMOTE_TYPE_NOT_SUBSCRIBED',
          `Callback ${callback.label ?? callbackId} does not subscribe to ${type} (${feature}). ` +
            `Add ${type} to its remoteTypes or use another callback.`,
        );
      }
      if (callback.status !== 'Running') {
        throw new ServiceError(
          409,
          'CALLBACK_PAUSED',
          `Callback ${callback.label ?? callbackId} is ${callback.status}: resume it before sending remotes through it.`,
        );
      }
      // Before anything else is decided or stored: a refusal stores no action (and is audited).
      const approvedBy = await authorize(actor, type, remote, { vin: vehicle.vin, callbackId });
      const capability = vehicle.capabilities[type];
      if (capability && !capability.supported) {
        throw new ServiceError(
          422,
          'FEATURE_NOT_SUPPORTED',
          `${vehicle.label ?? vehicle.vin} cannot do ${feature}: ${capability.reason ?? 'not supported by this vehicle'}`,
        );
      }
      const reason = actor.reason?.trim() || null;
      if (isDangerous(type) && (!reason || reason.length < REASON_MIN_LENGTH)) {
        throw invalid(`${feature} needs a reason, for the audit log.`, [
          {
            field: 'X-Depot-Reason',
            message: `Give the reason for this ${feature} request (at least ${REASON_MIN_LENGTH} characters) in the X-Depot-Reason header.`,
          },
        ]);
      }
      const inFlight = repos.actions.listOpen().find((a) => a.vehicleId === vehicle.id && a.type === type);
      if (inFlight) {
        throw new ServiceError(
          409,
          'ACTION_IN_PROGRESS',
          `A ${feature} action is already in progress on ${vehicle.label ?? vehicle.vin} (${inFlight.id}). ` +
            'Wait for it to finish before sending another.',
        );
      }

      const now = clock.nowIso();
      // The action's own id, for good: queued, sent, refused or accepted, it is named by this id (the API, the
      // history, forwarded notifications). The network's id is recorded beside it once it answers.
      const draft: RemoteAction = {
        id: randomUUID(),
        vehicleId: vehicle.id,
        vin: vehicle.vin,
        callbackId,
        type,
        remote,
        phase: 'Sending',
        status: null,
        outcome: null,
        failureCause: null,
        feedbackDetail: null,
        error: null,
        operator: actor.operator,
        reason,
        sentBy: actorRef(actor),
        approvedBy,
        createdAt: now,
        updatedAt: now,
        doneAt: null,
        lastEventDate: null,
      };
      // The intent is durable before anything leaves; the audit entry is written with the outcome.
      unitOfWork(() => repos.actions.insert(draft));
      // Not published yet: it is, with its outcome, in a moment.

      /** Ends the draft Refused (never left Sending), audited, inside `uow`; published once it committed. */
      const refuseInside = (uow: UnitOfWork, error: ActionError, detail: Record<string, unknown>) => {
        const refused = markRefused(draft, error, clock.nowIso()).action;
        repos.actions.update(refused);
        uow.afterCommit(
          trail.append(
            actionAuditEntry(refused, 'remote.send', refused.updatedAt, { type, remote, ...detail }),
          ),
        );
        uow.afterCommit(() => publish(repos.actions.get(draft.id) ?? refused));
      };
      const refuse = (error: ActionError, detail: Record<string, unknown>) =>
        unitOfWork((uow) => refuseInside(uow, error, detail));
      const recordedAs = [{ field: 'remoteActionId', message: `Recorded as ${draft.id}.` }];

      let answered: unknown;
      try {
        ({ remoteActionId: answered } = await connector.sendRemote({
          vehicleId: vehicle.id,
          vin: vehicle.vin,
          callbackId,
          upstreamCallbackId: callback.upstreamId,
          type,
          body: remote,
        }));
      } catch (err) {
        const e = asConnectorError(err);
        refuse(
          {
            code: e.details.code ?? e.kind,
            message: e.message,
            ...(e.details.reference && { reference: e.details.reference }),
          },
          { refused: { kind: e.kind, code: e.details.code ?? null } },
        );
        throw connectorFailure(e, recordedAs);
      }
      if (typeof answered !== 'string' || answered.trim() === '') {
        // The connector broke its promise: whatever the network did, nothing can follow this action.
        const message =
          `The ${connector.name} connector answered the ${type} remote without a remoteActionId: ` +
          "the network may have accepted it, but it cannot be followed. Check the vehicle's recent actions " +
          'before sending it again.';
        refuse(
          { code: 'UPSTREAM_ID_MISSING', message },
          { refused: { kind: 'local', code: 'UPSTREAM_ID_MISSING' } },
        );
        throw new ServiceError(502, 'UPSTREAM_ID_MISSING', message, recordedAs);
      }
      const upstreamId = answered;

      let settled: { accepted: RemoteAction | null; conflict: string | null };
      try {
        settled = unitOfWork((uow) => {
          const at = clock.nowIso();
          const claim = repos.actions.claimUpstreamId(draft.id, upstreamId, at)!;
          if (claim.outcome === 'conflict') {
            // The network named this remote with the id of an action still open here. Their notifications
            // cannot be told apart, so the earlier one keeps the id (it was accepted first and may still hear
            // about it) and this one ends now, loudly, rather than wait for news that would go elsewhere.
            const holder = claim.previousHolder;
            const conflict =
              `The network accepted the ${type} remote but answered with id ${upstreamId}, which already names ` +
              `action ${holder.id} (${holder.type} on ${holder.vin}), still in progress: this one cannot be ` +
              "followed. It may still be carried out: check the vehicle's recent actions before sending it again.";
            refuseInside(
              uow,
              { code: 'UPSTREAM_ID_CONFLICT', message: conflict },
              {
                upstreamRemoteActionId: upstreamId,
                heldBy: holder.id,
                refused: { kind: 'local', code: 'UPSTREAM_ID_CONFLICT' },
              },
            );
            return { accepted: null, conflict };
          }
          const accepted = { ...markAccepted(draft, at).action, upstreamId };
          repos.actions.update(accepted);
          uow.afterCommit(
            trail.append(
              actionAuditEntry(accepted, 'remote.send', at, {
                type,
                remote,
                upstreamRemoteActionId: upstreamId,
              }),
            ),
          );
          // Notifications naming the id reach the new action from now on. The network gave the id again because
          // it is done with the earlier remote, and so is this agent (the earlier action is settled: its Done
          // arrived, or it was refused): nothing more is expected for it, while everything about the remote just
          // accepted will name this id. Repeats of what the earlier action already received are told apart by
          // their dates (ActionsRepository.findForEvent), so a retried old Done cannot end the new action.
          if (claim.outcome === 'reassigned') {
            uow.afterCommit(
              trail.append(
                actionAuditEntry(accepted, 'remote.upstream-id-reassigned', at, {
                  upstreamRemoteActionId: upstreamId,
                  from: claim.previousHolder.id,
                }),
              ),
            );
          }
          uow.afterCommit(() => publish(accepted));
          return { accepted, conflict: null };
        });
      } catch (err) {
        // Not a refusal by the network, but the row must not stay Sending: it says what is known.
        try {
          refuse(
            {
              code: 'SEND_NOT_RECORDED',
              message:
                `The network accepted the ${type} remote as ${upstreamId}, but the agent could not record it ` +
                `(${(err as Error)?.message ?? String(err)}): it is not followed. Check the vehicle.`,
            },
            { upstreamRemoteActionId: upstreamId, refused: { kind: 'local', code: 'SEND_NOT_RECORDED' } },
          );
        } catch {
          // The store itself fails: the watchdog flags the row at the next start (SEND_INTERRUPTED).
        }
        throw err;
      }

      if (!settled.accepted) {
        throw new ServiceError(502, 'UPSTREAM_ID_CONFLICT', settled.conflict ?? '', recordedAs);
      }
      return toActionDto(settled.accepted);
    },

    /** `remoteActionId`: the action's own id, or the network's for the action holding it. */
    get(remoteActionId: string): RemoteActionDto {
      const action = findAction(remoteActionId);
      if (!action) throw notFound('REMOTE_NOT_FOUND', `No remote action with id ${remoteActionId}.`);
      return toActionDto(action, repos.events.listForAction(action.id));
    },

    getForVehicleCallback(vehicleRef: string, callbackId: string, remoteActionId: string): RemoteActionDto {
      const vehicle = requireVehicle(vehicleRef);
      const action = findAction(remoteActionId);
      if (!action || action.vehicleId !== vehicle.id || action.callbackId !== callbackId) {
        throw notFound(
          'REMOTE_NOT_FOUND',
          `No remote action ${remoteActionId} for this vehicle and callback.`,
        );
      }
      return toActionDto(action, repos.events.listForAction(action.id));
    },

    listForVehicleCallback(vehicleRef: string, callbackId: string, page: Page) {
      const vehicle = requireVehicle(vehicleRef);
      if (!repos.callbacks.get(callbackId)) notFoundCallback(callbackId);
      const items = repos.actions.listForVehicleCallback(vehicle.id, callbackId, page);
      const total = repos.actions.count({ vehicleId: vehicle.id, callbackId });
      return { items: items.map((a) => toActionDto(a)), total, ...page };
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
        items: items.map((a) => toActionDto(a)),
        total: repos.actions.count(where),
        limit: filter.limit,
        offset: filter.offset,
      };
    },
  };
}

function notFoundCallback(id: string): never {
  throw notFound('CALLBACK_NOT_FOUND', `No callback with id ${id}.`);
}
