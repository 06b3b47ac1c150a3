// Hands one stored action (phase Sending) to the connector and records what the network answered: Pending with
// the network's id beside the action's own, or Refused with a code — whether the action was sent at once or came
// out of the queue. An unreachable network is left to the caller, which may put the action back in line.
import type { Connector, ConnectorError } from '../connector/connector.js';
import type { ActionRecord, Repositories, RunUnitOfWork, UnitOfWork } from '../db/index.js';
import type { RemoteAction } from '../domain/action.js';
import type { FieldError } from '../domain/field-error.js';
import { markAccepted, markRefused } from '../domain/lifecycle.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { actionAuditEntry, createAuditTrail } from '../kernel/audit-trail.js';
import { ServiceError } from '../kernel/service-error.js';
import { asConnectorError, connectorFailure } from './connector-errors.js';

type ActionError = NonNullable<RemoteAction['error']>;

export type SendOutcome =
  | { kind: 'accepted'; action: ActionRecord }
  /** Recorded Refused; `error` is the answer for whoever waits on the send. */
  | { kind: 'refused'; action: ActionRecord; error: ServiceError }
  /** Nothing recorded: the action is still Sending, for the caller to requeue (or `refuseUnreachable`). */
  | { kind: 'unreachable'; cause: ConnectorError };

export type RemoteSender = ReturnType<typeof createRemoteSender>;

export function createRemoteSender(deps: {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  connector: Connector;
  clock: Clock;
  bus: EventBus;
}) {
  const { unitOfWork, repos, connector, clock, bus } = deps;
  const trail = createAuditTrail(repos, bus);
  const publish = (action: ActionRecord) => bus.publish({ type: 'action.changed', action });
  const recordedAs = (id: string): FieldError[] => [
    { field: 'remoteActionId', rule: 'recordedAs', params: { id } },
  ];

  /** Ends the action Refused (it never left Sending), audited, inside `uow`; published once it committed. */
  function refuseInside(
    uow: UnitOfWork,
    draft: RemoteAction,
    error: ActionError,
    detail: Record<string, unknown>,
  ): ActionRecord {
    const refused = markRefused(draft, error, clock.nowIso()).action;
    repos.actions.update(refused);
    uow.afterCommit(
      trail.append(
        actionAuditEntry(refused, 'remote.send', refused.updatedAt, {
          type: refused.type,
          remote: refused.remote,
          ...detail,
        }),
      ),
    );
    uow.afterCommit(() => publish(repos.actions.get(draft.id) ?? refused));
    return refused;
  }
  const refuse = (draft: RemoteAction, error: ActionError, detail: Record<string, unknown>) =>
    unitOfWork((uow) => refuseInside(uow, draft, error, detail));

  /** What the network refused, recorded; `error` is the API's answer. */
  function refusedBy(
    draft: RemoteAction,
    e: ConnectorError,
    detail: Record<string, unknown>,
  ): Extract<SendOutcome, { kind: 'refused' }> {
    const action = refuse(
      draft,
      {
        code: e.details.code ?? e.kind,
        // The network's own words (or the connector's account), quoted as they came.
        params: { detail: e.message },
        ...(e.details.reference && { reference: e.details.reference }),
      },
      { ...detail, refused: { kind: e.kind, code: e.details.code ?? null } },
    );
    return { kind: 'refused', action, error: connectorFailure(e, recordedAs(draft.id)) };
  }

  return {
    /**
     * Sends `draft` (stored, phase Sending) and records the answer. `detail` goes into its audit entry (e.g. that it
     * came out of the queue). Throws only when the store fails after the network accepted it (then recorded
     * Refused, SEND_NOT_RECORDED, if the store still takes it).
     */
    async send(draft: ActionRecord, detail: Record<string, unknown> = {}): Promise<SendOutcome> {
      const { type, remote } = draft;
      const callback = repos.callbacks.getIncludingDeleted(draft.callbackId);
      let answered: unknown;
      try {
        ({ remoteActionId: answered } = await connector.sendRemote({
          vehicleId: draft.vehicleId,
          vin: draft.vin,
          callbackId: draft.callbackId,
          upstreamCallbackId: callback?.upstreamId ?? null,
          type,
          body: remote,
        }));
      } catch (err) {
        const e = asConnectorError(err);
        if (e.kind === 'unreachable') return { kind: 'unreachable', cause: e };
        return refusedBy(draft, e, detail);
      }
      if (typeof answered !== 'string' || answered.trim() === '') {
        // The connector broke its promise: whatever the network did, nothing can follow this action.
        const params = { connector: connector.name, type };
        const action = refuse(
          draft,
          { code: 'UPSTREAM_ID_MISSING', params },
          { ...detail, refused: { kind: 'local', code: 'UPSTREAM_ID_MISSING' } },
        );
        return {
          kind: 'refused',
          action,
          error: new ServiceError(502, 'UPSTREAM_ID_MISSING', {
            params,
            errors: recordedAs(draft.id),
          }),
        };
      }
      const upstreamId = answered;
      try {
        return unitOfWork((uow): SendOutcome => {
          const at = clock.nowIso();
          const claim = repos.actions.claimUpstreamId(draft.id, upstreamId, at)!;
          if (claim.outcome === 'conflict') {
            // The network named this remote with the id of an action still open here. Their notifications
            // cannot be told apart, so the earlier one keeps the id (it was accepted first and may still hear
            // about it) and this one ends now, loudly, rather than wait for news that would go elsewhere.
            const holder = claim.previousHolder;
            const params = {
              type,
              upstreamId,
              holder: holder.id,
              holderType: holder.type,
              holderVin: holder.vin,
            };
            const action = refuseInside(
              uow,
              draft,
              { code: 'UPSTREAM_ID_CONFLICT', params },
              {
                ...detail,
                upstreamRemoteActionId: upstreamId,
                heldBy: holder.id,
                refused: { kind: 'local', code: 'UPSTREAM_ID_CONFLICT' },
              },
            );
            return {
              kind: 'refused',
              action,
              error: new ServiceError(502, 'UPSTREAM_ID_CONFLICT', {
                params,
                errors: recordedAs(draft.id),
              }),
            };
          }
          const accepted: ActionRecord = { ...markAccepted(draft, at).action, upstreamId };
          repos.actions.update(accepted);
          uow.afterCommit(
            trail.append(
              actionAuditEntry(accepted, 'remote.send', at, {
                type,
                remote,
                ...detail,
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
          return { kind: 'accepted', action: accepted };
        });
      } catch (err) {
        // Not a refusal by the network, but the row must not stay Sending: it says what is known.
        try {
          refuse(
            draft,
            {
              code: 'SEND_NOT_RECORDED',
              params: { type, upstreamId, detail: (err as Error)?.message ?? String(err) },
            },
            {
              ...detail,
              upstreamRemoteActionId: upstreamId,
              refused: { kind: 'local', code: 'SEND_NOT_RECORDED' },
            },
          );
        } catch {
          // The store itself fails: the next start finds the row Sending and asks the network about it.
        }
        throw err;
      }
    },

    /** An unreachable network the command may not wait for: Refused, answered 503 NETWORK_UNREACHABLE. */
    refuseUnreachable(draft: ActionRecord, cause: ConnectorError, detail: Record<string, unknown> = {}) {
      return refusedBy(draft, cause, detail);
    },

    /** Records that the network already had this action (found by asking it): Pending under the network's id. */
    adopt(draft: ActionRecord, upstreamId: string, detail: Record<string, unknown>): ActionRecord | null {
      return unitOfWork((uow) => {
        const at = clock.nowIso();
        const claim = repos.actions.claimUpstreamId(draft.id, upstreamId, at);
        if (!claim || claim.outcome === 'conflict') return null;
        const accepted: ActionRecord = { ...markAccepted(draft, at).action, upstreamId };
        repos.actions.update(accepted);
        repos.actions.updateQueue(accepted);
        uow.afterCommit(
          trail.append(
            actionAuditEntry(accepted, 'remote.send', at, {
              type: draft.type,
              remote: draft.remote,
              ...detail,
              upstreamRemoteActionId: upstreamId,
            }),
          ),
        );
        uow.afterCommit(() => publish(accepted));
        return accepted;
      });
    },
  };
}
