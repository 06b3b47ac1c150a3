// What the outbox tells the UI on the bus: a delivery queued or changed, a target offline or back. Nothing is built
// when nobody listens (a backlog drained at thousands per second would build DTOs for nobody).
import type { DeliveryRecord, Repositories } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import { toDeliveryDto } from './delivery-dto.js';
import type { TargetState } from './reachability.js';
import { reachabilityDto } from './reachability-tracker.js';

export type DeliveryEvents = ReturnType<typeof createDeliveryEvents>;

export function createDeliveryEvents(deps: {
  bus: EventBus;
  repos: Repositories;
  heldReason(record: DeliveryRecord): string | null;
}) {
  const { bus, repos, heldReason } = deps;
  /** Deliveries to publish as they are in the store at the next flush (queued or changed in a transaction). */
  const pending: string[] = [];
  const listening = () => bus.listenerCount() > 0;

  function delivery(record: DeliveryRecord) {
    bus.publish({ name: 'delivery.changed', data: { delivery: toDeliveryDto(record, heldReason(record)) } });
  }

  return {
    listening,
    delivery,

    target(t: TargetState) {
      if (listening()) bus.publish({ name: 'target.changed', data: { target: reachabilityDto(t) } });
    },

    /** Publishes these deliveries at the next flush, as they are then in the store. */
    later(...ids: string[]) {
      pending.push(...ids);
    },

    /** Publishes what was noted (deliveries a rolled-back transaction never made are skipped). */
    flush() {
      const ids = pending.splice(0);
      if (ids.length === 0 || !listening()) return;
      for (const id of ids) {
        const record = repos.deliveries.get(id);
        if (record) delivery(record);
      }
    },
  };
}
