// What the API offers about deliveries: lists and details with every attempt, manual replay of dead letters
// (one, or all of a callback), test notifications, and the reachability of each target.
import type {
  DeliveryDetailDto,
  DeliveryDto,
  DeliveryPageDto,
  DeliveryRetryAllDto,
  DeliveryTargetsDto,
  DeliveryTargetDto,
  TestNotificationDto,
} from '../../../preload/contract/deliveries.js';
import type { DeliveryRecord, DeliveryState, Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { builtInRefusal } from '../kernel/built-in-refusal.js';
import { notFound, ServiceError } from '../kernel/service-error.js';
import { toDeliveryDetailDto, toDeliveryDto } from './delivery-dto.js';
import type { DeliveryQueue, TargetReport } from './delivery-queue.js';

export interface DeliveryListParams {
  callbackId?: string;
  state?: DeliveryState;
  /** A vehicle id or a VIN. */
  vehicle?: string;
  since?: string;
  until?: string;
  limit: number;
  offset: number;
}

export interface OutboxServiceDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  /** What the running dispatcher knows and takes (delivery-queue.ts). */
  queue: DeliveryQueue;
}

export type OutboxService = ReturnType<typeof createOutboxService>;

/** A target no call went to yet. */
const unknownTarget = (origin: string): TargetReport => ({
  origin,
  state: 'unknown',
  since: null,
  lastError: null,
  nextProbeAt: null,
  probeFailures: 0,
  insecure: origin.startsWith('http:'),
  inFlight: 0,
});

export function createOutboxService({ unitOfWork, repos, clock, bus, queue }: OutboxServiceDeps) {
  const trail = createAuditTrail(repos, bus);
  const dto = (record: DeliveryRecord): DeliveryDto => toDeliveryDto(record, queue.heldReason(record));

  function requireDelivery(id: string): DeliveryRecord {
    const record = repos.deliveries.get(id);
    if (!record) throw notFound('DELIVERY_NOT_FOUND', { id });
    return record;
  }

  function requireCallback(id: string) {
    const record = repos.callbacks.get(id);
    if (!record) throw notFound('CALLBACK_NOT_FOUND', { id });
    return record;
  }

  const iso = (value: string | undefined) =>
    value === undefined ? undefined : new Date(value).toISOString();

  return {
    list(params: DeliveryListParams): DeliveryPageDto {
      const vin =
        params.vehicle === undefined
          ? undefined
          : (repos.vehicles.get(params.vehicle)?.vin ?? params.vehicle);
      const filter = {
        callbackId: params.callbackId,
        state: params.state,
        vin,
        since: iso(params.since),
        until: iso(params.until),
      };
      const items = repos.deliveries.list({ ...filter, limit: params.limit, offset: params.offset }).map(dto);
      return { items, total: repos.deliveries.count(filter), limit: params.limit, offset: params.offset };
    },

    get(id: string): DeliveryDetailDto {
      const record = requireDelivery(id);
      return toDeliveryDetailDto(record, queue.heldReason(record), repos.deliveries.listAttempts(id));
    },

    /**
     * A dead letter (Failed/Dead) is queued again with a fresh policy; a queued delivery waiting for its next
     * attempt becomes due now. Same webhook-id either way.
     */
    retry(id: string, actor: Actor): DeliveryDto {
      const now = clock.nowIso();
      const record = unitOfWork((uow) => {
        const current = requireDelivery(id);
        if (current.state === 'Delivered') {
          throw new ServiceError(409, 'DELIVERY_DELIVERED');
        }
        if (current.state === 'InFlight') {
          throw new ServiceError(409, 'DELIVERY_IN_FLIGHT');
        }
        if (!repos.callbacks.get(current.callbackId)) {
          throw new ServiceError(409, 'CALLBACK_DELETED');
        }
        if (current.state === 'Queued') repos.deliveries.dueNow(id, now);
        else repos.deliveries.replay(id, now);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'delivery.retry',
            callbackId: current.callbackId,
            reason: actor.reason ?? null,
            detail: { deliveryId: id, from: current.state },
          }),
        );
        uow.afterCommit(() => queue.requeued(current.callbackId, [id]));
        return requireDelivery(id);
      });
      return dto(record);
    },

    /** Every dead letter of a callback (Failed and Dead) queued again. */
    retryCallback(callbackId: string, actor: Actor): DeliveryRetryAllDto {
      const now = clock.nowIso();
      const requeued = unitOfWork((uow) => {
        requireCallback(callbackId);
        const ids = repos.deliveries.replayCallback(callbackId, now);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'delivery.retry-all',
            callbackId,
            reason: actor.reason ?? null,
            detail: { count: ids.length },
          }),
        );
        uow.afterCommit(() => queue.requeued(callbackId, ids));
        return ids;
      });
      return { callbackId, requeued };
    },

    /** A clearly marked test notification, queued through the normal path. */
    sendTest(callbackId: string, actor: Actor): TestNotificationDto {
      const now = clock.nowIso();
      const record = unitOfWork((uow) => {
        const callback = requireCallback(callbackId);
        // No webhook to test: a delivery row for it would never leave, and none may exist (no delivery, ever).
        if (callback.builtIn) throw builtInRefusal('test-notification', callback.label);
        const queued = queue.enqueueTest(callbackId);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'callback.test-notification',
            callbackId,
            reason: actor.reason ?? null,
            detail: { deliveryId: queued.id },
          }),
        );
        uow.afterCommit(() => queue.requeued(callbackId, [queued.id]));
        return queued;
      });
      return { deliveryId: record.id, delivery: dto(record) };
    },

    targets(): DeliveryTargetsDto {
      const queued = repos.deliveries.queuedByCallback();
      const waiting = new Map(repos.deliveries.waitingByCallback().map((w) => [w.callbackId, w.count]));
      const known = new Map(queue.targets().map((t) => [t.origin, t]));
      const byOrigin = new Map<string, DeliveryTargetDto>();

      const entry = (origin: string): DeliveryTargetDto => {
        let item = byOrigin.get(origin);
        if (!item) {
          item = {
            ...(known.get(origin) ?? unknownTarget(origin)),
            queued: 0,
            waitingForBatch: 0,
            callbacks: [],
          };
          byOrigin.set(origin, item);
        }
        return item;
      };

      for (const record of repos.callbacks.list()) {
        const origin = queue.originOf(record.id);
        if (!origin) continue;
        const item = entry(origin);
        const q = queued.get(record.id) ?? 0;
        const w = waiting.get(record.id) ?? 0;
        item.queued += q;
        item.waitingForBatch += w;
        item.callbacks.push({
          callbackId: record.id,
          label: record.label,
          status: record.status,
          queued: q,
          waitingForBatch: w,
          heldReason: queue.callbackHeldReason(record.id),
        });
      }
      for (const origin of known.keys()) entry(origin);

      // One dispatcher per database: what is InFlight in the store is what it holds.
      const { total, ...stored } = repos.deliveries.queueCounts();
      const InFlight = queue.heldInFlight();
      const Delivered = Math.max(0, total - stored.Queued - stored.Failed - stored.Dead - InFlight);
      return {
        items: [...byOrigin.values()].sort((a, b) => a.origin.localeCompare(b.origin)),
        counts: {
          ...stored,
          InFlight,
          Delivered,
          waitingForBatch: [...waiting.values()].reduce((a, b) => a + b, 0),
        },
      };
    },
  };
}
