// The callbacks as the dispatcher sees them: each one's view (computed once per change, not per delivery) and its
// clear secrets (opened once, on the first call after a change). Both are read again when the callback changes.
import type { Repositories } from '../db/index.js';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';
import { toCallbackView, type CallbackView } from './callback-view.js';

export type CallbackCache = ReturnType<typeof createCallbackCache>;

export function createCallbackCache(
  repos: Repositories,
  openSecrets: (callbackId: string) => Promise<CallbackSecrets>,
) {
  const views = new Map<string, CallbackView | null>();
  const secrets = new Map<string, Promise<CallbackSecrets>>();
  /** Secrets already opened, so a call need not wait a turn of the event loop for them. */
  const opened = new Map<string, CallbackSecrets>();

  const read = (id: string): CallbackView | null => {
    const record = repos.callbacks.getIncludingDeleted(id);
    return record ? toCallbackView(record) : null;
  };

  return {
    /** The callback now (deleted ones included, flagged); null when it never existed. */
    view(id: string): CallbackView | null {
      let v = views.get(id);
      if (v === undefined) {
        v = read(id);
        views.set(id, v);
      }
      return v;
    },

    /** Reads a changed callback again; returns the view before the change (undefined when none was held). */
    reload(id: string): { previous: CallbackView | null | undefined; current: CallbackView | null } {
      const previous = views.get(id);
      const current = read(id);
      views.set(id, current);
      secrets.delete(id);
      opened.delete(id);
      return { previous, current };
    },

    /** The clear secrets of a callback; a failed opening is tried again at the next call. */
    secretsOf(id: string): Promise<CallbackSecrets> {
      let p = secrets.get(id);
      if (!p) {
        const opening = openSecrets(id);
        p = opening;
        opening.then(
          (value) => {
            if (secrets.get(id) === opening) opened.set(id, value);
          },
          () => {
            if (secrets.get(id) === opening) secrets.delete(id);
          },
        );
        secrets.set(id, opening);
      }
      return p;
    },

    /** The secrets when already opened (since the last change), else undefined: then await secretsOf. */
    openedSecrets(id: string): CallbackSecrets | undefined {
      return opened.get(id);
    },
  };
}
