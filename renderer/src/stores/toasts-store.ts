// Short messages that say something worked ("Callback “Parts desk” created."), shown for a few seconds in a corner of
// the screen and read out by screen readers (components/StatusToasts.tsx). Kept apart from the page that said it: the
// page may have moved on (a created callback opens its own page).
import { createStore } from 'zustand/vanilla';

/** How long a message stays: long enough to read twice. */
export const TOAST_MS = 8_000;
/** More at once would cover the page: the oldest goes first. */
const MAX_SHOWN = 3;

export interface Toast {
  id: number;
  message: string;
}

export interface ToastsState {
  items: readonly Toast[];
  show(message: string): void;
  dismiss(id: number): void;
}

export function createToastsStore(options: { ms?: number } = {}) {
  let next = 1;
  return createStore<ToastsState>()((set, get) => ({
    items: [],
    show(message) {
      const id = next;
      next += 1;
      set({ items: [...get().items, { id, message }].slice(-MAX_SHOWN) });
      setTimeout(() => get().dismiss(id), options.ms ?? TOAST_MS);
    },
    dismiss(id) {
      set({ items: get().items.filter((t) => t.id !== id) });
    },
  }));
}
export type ToastsStore = ReturnType<typeof createToastsStore>;
