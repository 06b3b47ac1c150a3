// Core records → the contract's DTOs. Secrets leave only masked (or, once, in clear where asked).
import type {
  ActionEventDto,
  AuditEntryDto,
  CallbackDto,
  RemoteActionDto,
  VehicleDto,
} from '../../../preload/contract/dto.js';
import type { ActionRecord, AuditEntry, CallbackRecord, VehicleRecord } from '../db/index.js';
import type { ActionEventRecord } from '../domain/action.js';
import type { CallbackSecrets, CallbackSubscribe } from '../domain/callback/callback-model.js';
import { maskSecret, revealHeadersSetBy, SEALED_MASK } from '../domain/callback/index.js';
import { explain, explainAction } from '../domain/explanations.js';
import { failedAsleep, isResendable } from '../domain/queue.js';
import type { VehicleCondition } from '../domain/vehicle/vehicle-condition.js';
import { capabilitiesView } from './capabilities-view.js';

const API = '/api/v1';

/**
 * `revealSigningSecret` and `revealHeadersFrom` (the request's subscribe) are for the answer to the request that
 * set those secrets, the one place they are shown in clear; sealed header values are otherwise the mask.
 */
export function toCallbackDto(
  record: CallbackRecord,
  secrets: CallbackSecrets,
  now: Date,
  revealSigningSecret: boolean,
  revealHeadersFrom?: CallbackSubscribe,
): CallbackDto {
  const auth = secrets.authentication;
  const previous =
    secrets.previousSigningSecret && Date.parse(secrets.previousSigningSecret.validUntil) > now.getTime()
      ? secrets.previousSigningSecret.validUntil
      : null;
  return {
    _links: {
      self: { href: `${API}/callbacks/${record.id}` },
      remotes: { href: `${API}/vehicles/{vid}/callbacks/${record.id}/remotes`, templated: true },
    },
    id: record.id,
    callbackId: record.id,
    status: record.status,
    subscribe: (revealHeadersFrom && !record.builtIn
      ? revealHeadersSetBy(record.subscribe, revealHeadersFrom)
      : record.subscribe) as unknown as Record<string, unknown>,
    signingSecret: secrets.signingSecret
      ? revealSigningSecret
        ? secrets.signingSecret
        : maskSecret(secrets.signingSecret)
      : null,
    previousSigningSecretValidUntil: previous,
    authentication: auth
      ? auth.type === 'Basic'
        ? // A password is often short and chosen by a person: no character of it is shown.
          { type: 'Basic', username: auth.username, secret: SEALED_MASK }
        : { type: 'Bearer', secret: maskSecret(auth.token) }
      : null,
    ...(record.secretsLost ? { secretsLost: true } : {}),
    ...(record.builtIn ? { builtIn: true } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** `condition` is what domain/vehicle/vehicle-condition.ts derives for it. */
export function toVehicleDto(v: VehicleRecord, condition: VehicleCondition): VehicleDto {
  return {
    id: v.id,
    vin: v.vin,
    label: v.label,
    brand: v.brand,
    model: v.model,
    energy: v.energy,
    capabilities: capabilitiesView(v.capabilities),
    status: v.status,
    statusAt: v.statusAt,
    syncedAt: v.syncedAt,
    states: condition.states,
    stateSources: condition.stateSources,
    wakeUps: condition.wakeUps,
    readiness: condition.readiness,
  };
}

export function toEventDto(e: ActionEventRecord): ActionEventDto {
  return {
    seq: e.seq,
    eventDate: e.eventDate,
    receivedAt: e.receivedAt,
    eventType: e.eventType,
    status: e.status,
    failureCause: e.failureCause,
    feedbackDetail: e.feedbackDetail,
    source: e.source,
    applied: e.applied,
    eventDateFromReceipt: e.eventDateFromReceipt,
    explanation: explain(e.failureCause ?? e.status),
  };
}

/**
 * `position`: the action's place in its queue (1 = next), for a Queued one (ActionsRepository.queuePosition; the
 * action view in kernel/action-view.ts asks it).
 */
export function toActionDto(
  a: ActionRecord,
  events?: ActionEventRecord[],
  position?: number,
): RemoteActionDto {
  const self = `${API}/vehicles/${a.vehicleId}/callbacks/${a.callbackId}/remotes/${a.id}`;
  return {
    _links: {
      self: { href: self },
      callback: { href: `${API}/callbacks/${a.callbackId}` },
      vehicle: { href: `${API}/vehicles/${a.vehicleId}` },
    },
    remoteActionId: a.id,
    ...(a.upstreamId !== undefined && { upstreamRemoteActionId: a.upstreamId }),
    type: a.type,
    remote: a.remote as unknown as Record<string, unknown>,
    status: a.status,
    ...(a.failureCause ? { failureCause: a.failureCause } : {}),
    ...(a.feedbackDetail ? { feedbackDetail: a.feedbackDetail } : {}),
    phase: a.phase,
    outcome: a.outcome,
    vehicleId: a.vehicleId,
    vin: a.vin,
    callbackId: a.callbackId,
    error: a.error,
    operator: a.operator,
    reason: a.reason,
    sentBy: a.sentBy ?? null,
    approvedBy: a.approvedBy ?? null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    doneAt: a.doneAt,
    explanation: explainAction(a),
    ...(a.phase === 'Queued' && a.queue
      ? {
          queue: {
            position: position ?? 1,
            expiresAt: a.queue.expiresAt,
            ...(a.queue.reason ? { reason: a.queue.reason } : {}),
            ...(a.queue.after ? { after: a.queue.after } : {}),
          },
        }
      : {}),
    ...(a.resentFrom ? { resentFrom: a.resentFrom } : {}),
    ...(a.resentAs ? { resentAs: a.resentAs } : {}),
    ...(isResendable(a) && !a.resentAs ? { resend: { wakeFirst: failedAsleep(a) } } : {}),
    ...(events ? { events: events.map(toEventDto) } : {}),
  };
}

export function toAuditDto(e: AuditEntry): AuditEntryDto {
  return {
    seq: e.seq,
    at: e.at,
    operator: e.operator,
    action: e.action,
    vin: e.vin,
    remoteActionId: e.remoteActionId,
    callbackId: e.callbackId,
    reason: e.reason,
    detail: e.detail ?? null,
    actor: e.actor,
  };
}
