// The edge between the core's domain events and the people watching: live clients (SSE), the desktop window (IPC)
// and the tray subscribe here and get the contract's ChangeEvent DTOs. The feed listens to the bus only while it
// has subscribers, so with nobody watching no DTO is built and no record is read back after a commit.
import type { ChangeEvent } from '../../../preload/contract/events.js';
import type { DomainEvent } from './domain-events.js';
import type { EventBus } from './event-bus.js';

export type ChangeListener = (event: ChangeEvent) => void;

/** The wire event for a domain event; null when there is nothing to show (gone since), a promise when it must read. */
export type ToChangeEvent = (event: DomainEvent) => ChangeEvent | null | Promise<ChangeEvent | null>;

export interface ChangeFeed {
  subscribe(listener: ChangeListener): () => void;
  listenerCount(): number;
}

export function createChangeFeed(
  bus: Pick<EventBus, 'subscribe'>,
  toChange: ToChangeEvent,
  onError?: (err: unknown) => void,
): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  let off: (() => void) | null = null;
  // A conversion that must wait (a callback's secrets are opened to describe it) holds the sending of the ones after
  // it, so every subscriber sees the changes in the order they were committed.
  let waiting: Promise<void> | null = null;

  function emit(change: ChangeEvent | null) {
    if (!change) return;
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (err) {
        onError?.(err);
      }
    }
  }

  function convert(event: DomainEvent): ChangeEvent | null | Promise<ChangeEvent | null> {
    try {
      const change = toChange(event);
      // Handled at once: a conversion may fail while an earlier one is still pending.
      return change instanceof Promise
        ? change.catch((err: unknown) => {
            onError?.(err);
            return null;
          })
        : change;
    } catch (err) {
      onError?.(err);
      return null;
    }
  }

  function track(p: Promise<void>) {
    const tail: Promise<void> = p
      .catch((err: unknown) => onError?.(err))
      .then(() => {
        if (waiting === tail) waiting = null;
      });
    waiting = tail;
  }

  function onEvent(event: DomainEvent) {
    // Read now, as the record is at this commit; only the sending waits for a conversion still opening secrets.
    const change = convert(event);
    if (waiting) {
      const before = waiting;
      track(before.then(async () => emit(await change)));
    } else if (change instanceof Promise) track(change.then(emit));
    else emit(change);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!off) off = bus.subscribe(onEvent);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && off) {
          off();
          off = null;
        }
      };
    },
    listenerCount: () => listeners.size,
  };
}
