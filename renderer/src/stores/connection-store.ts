import { createStore } from 'zustand/vanilla';
import type { ConnectionState } from '../../../preload/contract/client.js';

export interface ConnectionStoreState {
  state: ConnectionState;
  /** When the stream was last live (null: never). */
  liveSince: number | null;
  set(state: ConnectionState, now: number): void;
}

export function createConnectionStore() {
  return createStore<ConnectionStoreState>()((set) => ({
    state: 'closed',
    liveSince: null,
    set(state, now) {
      set((s) => ({
        state,
        liveSince: state === 'live' ? (s.state === 'live' ? s.liveSince : now) : s.liveSince,
      }));
    },
  }));
}
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
