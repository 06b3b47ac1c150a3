// Delivery records → the contract's DTOs.
import type {
  DeliveryAttemptDto,
  DeliveryDetailDto,
  DeliveryDto,
  HeldReasonDto,
} from '../../../preload/contract/deliveries.js';
import type { AttemptRecord, DeliveryRecord } from '../db/index.js';

const API = '/api/v1';

export function toDeliveryDto(record: DeliveryRecord, heldReason: HeldReasonDto | null): DeliveryDto {
  return {
    _links: {
      self: { href: `${API}/deliveries/${record.id}` },
      callback: { href: `${API}/callbacks/${record.callbackId}` },
    },
    id: record.id,
    webhookId: record.id,
    callbackId: record.callbackId,
    kind: record.kind,
    state: record.state,
    heldReason: record.state === 'Queued' ? heldReason : null,
    eventCount: record.eventCount,
    vins: record.vins,
    remoteTypes: record.remoteTypes,
    statuses: record.kind === 'test' ? [] : eventStatuses(record.eventsJson),
    attempts: record.attempts,
    unreachableTries: record.unreachableTries,
    createdAt: record.createdAt,
    nextAttemptAt: record.state === 'Queued' ? record.nextAttemptAt : null,
    retryDeadline: record.retryDeadline,
    deliveredAt: record.deliveredAt,
    gaveUpAt: record.gaveUpAt,
    lastStatus: record.lastStatus,
    lastError: record.lastError,
  };
}

/**
 * The eventStatus.status of each event of the stored payload, in order. The payload is already read with the
 * delivery (it is what is sent), so this needs no other query.
 */
function eventStatuses(eventsJson: string): string[] {
  const events: unknown = JSON.parse(eventsJson);
  if (!Array.isArray(events)) return [];
  const statuses: string[] = [];
  for (const event of events as unknown[]) {
    const status = (event as { eventStatus?: { status?: unknown } } | null)?.eventStatus?.status;
    if (typeof status === 'string') statuses.push(status);
  }
  return statuses;
}

export function toAttemptDto(attempt: AttemptRecord): DeliveryAttemptDto {
  return {
    at: attempt.startedAt,
    httpStatus: attempt.httpStatus,
    latencyMs: attempt.durationMs,
    error: attempt.error,
    counted: attempt.counted,
  };
}

export function toDeliveryDetailDto(
  record: DeliveryRecord,
  heldReason: HeldReasonDto | null,
  attempts: AttemptRecord[],
): DeliveryDetailDto {
  return {
    ...toDeliveryDto(record, heldReason),
    events: JSON.parse(record.eventsJson) as Record<string, unknown>[],
    attemptLog: attempts.map(toAttemptDto),
  };
}
