// Who is using the app: whether the session is valid, and the operator name sent with every change for the
// audit log (remembered in this browser).
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';

export const OPERATOR_KEY = 'depot-remote.operator';

export interface SessionState {
  status: 'checking' | 'signed-out' | 'signed-in';
  error: ClientFailure | null;
  busy: boolean;
  operator: string;
  check(): Promise<void>;
  login(token: string): Promise<boolean>;
  logout(): Promise<void>;
  /** The agent answered 401 somewhere: show the login again. */
  expired(): void;
  setOperator(name: string): void;
}

export function createSessionStore(client: DepotRemoteClient, storage: Storage | null) {
  return createStore<SessionState>()((set) => ({
    status: 'checking',
    error: null,
    busy: false,
    operator: storage?.getItem(OPERATOR_KEY) ?? '',
    async check() {
      try {
        const ok = await client.hasSession();
        set({ status: ok ? 'signed-in' : 'signed-out', error: null });
      } catch (error) {
        set({ status: 'signed-out', error: asClientFailure(error) });
      }
    },
    async login(token) {
      if (!token.trim()) {
        set({
          error: {
            status: 400,
            code: 'TOKEN_MISSING',
            message: 'Paste the API token first.',
            errors: [{ field: 'token', message: 'Paste the API token first.' }],
          },
        });
        return false;
      }
      set({ busy: true, error: null });
      try {
        await client.login(token);
        set({ status: 'signed-in', busy: false });
        return true;
      } catch (error) {
        set({ busy: false, error: asClientFailure(error) });
        return false;
      }
    },
    async logout() {
      try {
        await client.logout();
      } finally {
        set({ status: 'signed-out', error: null });
      }
    },
    expired() {
      set((s) =>
        s.status === 'signed-in'
          ? {
              status: 'signed-out',
              error: {
                status: 401,
                code: 'SESSION_ENDED',
                message: 'Your session ended (the agent restarted with a new token?). Log in again.',
                errors: [],
              },
            }
          : {},
      );
    },
    setOperator(name) {
      const trimmed = name.slice(0, 100);
      if (trimmed.trim()) storage?.setItem(OPERATOR_KEY, trimmed.trim());
      else storage?.removeItem(OPERATOR_KEY);
      set({ operator: trimmed });
    },
  }));
}
export type SessionStore = ReturnType<typeof createSessionStore>;
