// In-process fan-out of committed changes, as domain events (domain-events.ts): to the core's own subscribers
// (outbox, receiver caches, waitlists) and to the change feed that turns them into wire events for live clients.
// Published only after the database commit, so nobody sees something that could be lost.
import type { DomainEvent } from './domain-events.js';

export type DomainListener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: DomainListener): () => void;
  listenerCount(): number;
}

export function createEventBus(onListenerError?: (err: unknown) => void): EventBus {
  const listeners = new Set<DomainListener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        // One broken subscriber must not stop the others or the caller's transaction path.
        try {
          listener(event);
        } catch (err) {
          onListenerError?.(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listenerCount: () => listeners.size,
  };
}
