// What enters the outbox: each event the ingest service stores for an action becomes a delivery to the action's
// callback (or waits for its batch), and an operator's test notification, both inside the caller's transaction.
import type { DeliveryRecord, Repositories } from '../db/index.js';
import type { ActionEventRecord, RemoteAction, RemoteEvent } from '../domain/action.js';
import type { Clock } from '../ports/clock.js';
import type { Batcher } from './batcher.js';
import type { CallbackCache } from './callback-cache.js';
import type { DeliveryEvents } from './delivery-events.js';
import { fleetEvent, TEST_VIN, testEvent } from './fleet-event.js';
import type { Lanes } from './lanes.js';

export type Intake = ReturnType<typeof createIntake>;

export function createIntake(deps: {
  repos: Repositories;
  clock: Clock;
  callbacks: CallbackCache;
  lanes: Lanes;
  batcher: Batcher;
  events: DeliveryEvents;
  newId(): string;
  /** Asks for a pass at once. */
  wake(): void;
}) {
  const { repos, clock, callbacks, lanes, batcher, events, newId } = deps;

  return {
    /** StoredEventSink: queues the event for the action's callback. Synchronous, in the caller's transaction. */
    enqueue(action: RemoteAction, event: ActionEventRecord, raw: RemoteEvent): void {
      // The instant the event was received is the delivery's too (one clock read per ingest, not per event).
      const now = event.receivedAt;
      const cb = callbacks.view(action.callbackId);
      // The built-in callback's notifications stay here (history, UI, tray: the ingest path shows them): no webhook.
      if (cb?.builtIn) return;
      const row = {
        vin: action.vin,
        remoteType: raw.remoteType,
        eventJson: JSON.stringify(fleetEvent(action, raw)),
      };
      if (!cb || cb.deleted) {
        const record = repos.deliveries.insert({
          id: newId(),
          callbackId: action.callbackId,
          kind: 'event',
          events: [row],
          createdAt: now,
          nextAttemptAt: now,
          state: 'Dead',
          lastError: 'The callback was deleted before this notification could be delivered.',
        });
        events.later(record.id);
      } else if (cb.batch) {
        batcher.add(cb, row, now);
      } else {
        const record = repos.deliveries.insert({
          id: newId(),
          callbackId: cb.id,
          kind: 'event',
          events: [row],
          createdAt: now,
          nextAttemptAt: now,
        });
        lanes.laneOf(cb.id).maybeDue = true;
        events.later(record.id);
      }
      deps.wake();
    },

    /** Queues a test notification through the normal path (in the caller's transaction); returns it. */
    enqueueTest(callbackId: string): DeliveryRecord {
      const cb = callbacks.view(callbackId);
      const now = clock.nowIso();
      const id = newId();
      const event = testEvent(id, cb?.remoteTypes[0] ?? 'WakeUp', now);
      const record = repos.deliveries.insert({
        id,
        callbackId,
        kind: 'test',
        events: [{ vin: TEST_VIN, remoteType: String(event.remoteType), eventJson: JSON.stringify(event) }],
        createdAt: now,
        nextAttemptAt: now,
      });
      lanes.laneOf(callbackId).maybeDue = true;
      return record;
    },
  };
}
