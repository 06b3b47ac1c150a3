// Sign in first; once signed in, load everything and follow the live stream until sign-out. Another operator
// signing in on this screen starts it again under their session. Driven by the session store, outside React: the
// page asks for the session before its first render, and for its data the moment the answer says signed in —
// while the shell renders, not after it has been painted.
import { startLive, type Stores } from '../stores/app-stores.js';
import type { SessionState } from '../stores/session-store.js';

/** Who the live wiring runs for: '' when no one is signed in. */
function signedInAs(s: SessionState): string {
  const a = s.session?.actor;
  return s.status === 'signed-in' && a ? `${a.kind}:${a.id ?? ''}:${a.name}` : '';
}

interface Following {
  users: number;
  stop(): void;
}

const following = new WeakMap<Stores, Following>();

/**
 * Checks the session (once) and starts or stops the live wiring as it changes. Called for the same stores again
 * (the bootstrap, then the app's effect), it shares the first call's work; the last release stops it.
 */
export function followSession(stores: Stores): () => void {
  let entry = following.get(stores);
  if (!entry) {
    let live: (() => void) | null = null;
    let current = '';
    const update = (state: SessionState) => {
      const who = signedInAs(state);
      if (who === current) return;
      current = who;
      live?.();
      live = who ? startLive(stores) : null;
    };
    const unsubscribe = stores.session.subscribe(update);
    update(stores.session.getState());
    if (stores.session.getState().status === 'checking') void stores.session.getState().check();
    const created: Following = {
      users: 0,
      stop() {
        unsubscribe();
        live?.();
        live = null;
        following.delete(stores);
      },
    };
    following.set(stores, created);
    entry = created;
  }
  const held = entry;
  held.users += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.users -= 1;
    if (held.users === 0) held.stop();
  };
}
