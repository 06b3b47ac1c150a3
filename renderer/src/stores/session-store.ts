// Who is using the app: the agent's session (who is signed in, with which role, what the policy asks of each
// remote), how to sign in, switch operator, lock and sign out; and, for token sessions, the name of the person at
// the keyboard sent with every change for the audit log (remembered in this browser).
import { createStore } from 'zustand/vanilla';
import type { SessionDto } from '../../../preload/contract/access.js';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { ActorRef } from '../../../preload/contract/vocabulary.js';
import type { Outcome } from './callbacks-store.js';

export const OPERATOR_KEY = 'depot-remote.operator';

export interface SessionState {
  status: 'checking' | 'signed-out' | 'signed-in';
  /** The agent's last word on this client's session (getSession, signIn); null before the first answer. */
  session: SessionDto | null;
  error: ClientFailure | null;
  busy: boolean;
  /** Why the sign-in screen shows: locked after this many idle minutes (null: signed out for another reason). */
  lockedAfter: number | null;
  /** Said once signed in, e.g. the browser could not be enrolled for PIN sign-in. */
  notice: ClientFailure | null;
  /** Who was signed in before the session ended here (the lock screen offers them first). */
  previous: ActorRef | null;
  /**
   * The name sent as X-Depot-Operator: a signed-in operator's own name, or, for a token session, the name the
   * person at the keyboard typed (kept as "on behalf of").
   */
  operator: string;
  check(): Promise<void>;
  /** Signs in with the API token; with `enrol`, then enrols this browser for PIN sign-in. */
  signInWithToken(token: string, options?: { enrol?: boolean }): Promise<boolean>;
  signInAsOperator(operator: string, pin: string): Promise<boolean>;
  /** Another operator takes over the signed-in session; a refusal leaves the current one as it was. */
  switchOperator(operator: string, pin: string): Promise<Outcome<SessionDto>>;
  /** Reads the session again (the policy or the operator's role changed). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** The idle lock: signs out and says why. */
  lock(minutes: number): Promise<void>;
  /** The agent answered 401 somewhere: show the sign-in again. */
  expired(): void;
  setOperator(name: string): void;
  dismissNotice(): void;
}

const isOperator = (session: SessionDto | null) => session?.actor?.kind === 'operator';

export function createSessionStore(client: DepotRemoteClient, storage: Storage | null) {
  const remembered = () => storage?.getItem(OPERATOR_KEY) ?? '';
  return createStore<SessionState>()((set, get) => {
    /** The session as the agent answered it, and the operator name that goes with it. */
    function adopt(session: SessionDto) {
      set({
        session,
        status: session.signedIn ? 'signed-in' : 'signed-out',
        operator: isOperator(session) ? (session.actor?.name ?? '') : remembered(),
      });
    }

    /** After the session ended: whether this browser is enrolled decides which sign-in shows. */
    async function reread() {
      try {
        const session = await client.getSession();
        // A sign-in may have completed meanwhile: an answer from before it must not undo it.
        if (get().status !== 'signed-in') set({ session: { ...session, signedIn: false, actor: null } });
      } catch {
        // The sign-in screen shows the token form when nothing is known.
      }
    }

    async function end(lockedAfter: number | null) {
      const previous = get().session?.actor ?? null;
      set({ status: 'signed-out', error: null, lockedAfter, notice: null, previous });
      try {
        await client.signOut();
      } catch {
        // Signed out on this screen whatever the agent answered; the next call would be refused anyway.
      }
      await reread();
    }

    return {
      status: 'checking',
      session: null,
      error: null,
      busy: false,
      lockedAfter: null,
      notice: null,
      previous: null,
      operator: remembered(),
      async check() {
        try {
          adopt(await client.getSession());
          set({ error: null });
        } catch (error) {
          set({ status: 'signed-out', error: asClientFailure(error) });
        }
      },
      async signInWithToken(token, options = {}) {
        if (!token.trim()) {
          set({
            error: {
              status: 400,
              code: 'TOKEN_MISSING',
              message: 'Paste the API token first.',
              errors: [{ field: 'token', rule: 'token.missing', message: 'Paste the API token first.' }],
            },
          });
          return false;
        }
        set({ busy: true, error: null });
        try {
          let session = await client.signIn({ body: { token: token.trim() } });
          let notice: ClientFailure | null = null;
          if (options.enrol && !session.enrolled) {
            try {
              await client.enrolBrowser();
              session = await client.getSession();
            } catch (error) {
              notice = asClientFailure(error);
            }
          }
          adopt(session);
          set({ busy: false, lockedAfter: null, notice });
          return true;
        } catch (error) {
          set({ busy: false, error: asClientFailure(error) });
          return false;
        }
      },
      async signInAsOperator(operator, pin) {
        set({ busy: true, error: null });
        try {
          adopt(await client.signIn({ body: { operator, pin } }));
          set({ busy: false, lockedAfter: null, notice: null });
          return true;
        } catch (error) {
          set({ busy: false, error: asClientFailure(error) });
          return false;
        }
      },
      async switchOperator(operator, pin) {
        try {
          const session = await client.signIn({ body: { operator, pin } });
          adopt(session);
          return { ok: true, value: session };
        } catch (error) {
          const failure = asClientFailure(error);
          // The session ended meanwhile (not the PIN's fault): the sign-in screen takes over.
          if (failure.status === 401 && failure.code === 'UNAUTHORIZED') get().expired();
          return { ok: false, error: failure };
        }
      },
      async refresh() {
        try {
          adopt(await client.getSession());
        } catch {
          // Kept as it was: a failed read is not a sign-out.
        }
      },
      signOut: () => end(null),
      lock: (minutes) => end(minutes),
      expired() {
        if (get().status !== 'signed-in') return;
        set({
          status: 'signed-out',
          lockedAfter: null,
          previous: get().session?.actor ?? null,
          error: {
            status: 401,
            code: 'SESSION_ENDED',
            message:
              'Your session ended (the agent restarted, or an admin changed your access). Sign in again.',
            errors: [],
          },
        });
        void reread();
      },
      setOperator(name) {
        const trimmed = name.slice(0, 100);
        // An operator's own name comes from the session: nothing to remember for the next person.
        if (!isOperator(get().session)) {
          if (trimmed.trim()) storage?.setItem(OPERATOR_KEY, trimmed.trim());
          else storage?.removeItem(OPERATOR_KEY);
        }
        set({ operator: trimmed });
      },
      dismissNotice() {
        set({ notice: null });
      },
    };
  });
}
export type SessionStore = ReturnType<typeof createSessionStore>;
