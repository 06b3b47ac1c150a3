// What the outbox tells the bus: a delivery queued or changed, a target offline or back. Only ids (or the record
// at hand) go on the bus; the change feed reads and describes them only while someone watches (a backlog drained
// at thousands per second must not read deliveries back for nobody).
import type { DeliveryRecord } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { TargetState } from './reachability.js';

export type DeliveryEvents = ReturnType<typeof createDeliveryEvents>;

export function createDeliveryEvents(deps: { bus: EventBus }) {
  const { bus } = deps;
  /** Deliveries to announce at the next flush (queued or changed in a transaction that may yet roll back). */
  const pending: string[] = [];

  return {
    /**
     * A delivery as just stored (after its commit). A record claimed without its payload (a batch's) is not
     * handed on: the feed reads the delivery from the store, and only while someone watches.
     */
    delivery(record: DeliveryRecord) {
      bus.publish({
        type: 'delivery.changed',
        deliveryId: record.id,
        ...(record.eventsJson === '' ? {} : { record }),
      });
    },

    target(t: TargetState) {
      bus.publish({ type: 'target.changed', origin: t.origin });
    },

    /** Announces these deliveries at the next flush (the feed reads them as they are then in the store). */
    later(...ids: string[]) {
      pending.push(...ids);
    },

    /** Announces what was noted (a delivery a rolled-back transaction never made is skipped by the feed). */
    flush() {
      for (const id of pending.splice(0)) bus.publish({ type: 'delivery.changed', deliveryId: id });
    },
  };
}
