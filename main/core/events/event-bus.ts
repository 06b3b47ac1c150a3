// In-process fan-out of committed changes to live clients (SSE now, IPC and the tray later).
// Published only after the database commit, so a client never sees something that could be lost.
import type { ChangeEvent } from '../../../preload/contract/events.js';

export type ChangeListener = (event: ChangeEvent) => void;

export interface EventBus {
  publish(event: ChangeEvent): void;
  subscribe(listener: ChangeListener): () => void;
  listenerCount(): number;
}

export function createEventBus(onListenerError?: (err: unknown) => void): EventBus {
  const listeners = new Set<ChangeListener>();
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
