// Browser sessions: a random id in an HttpOnly, SameSite=Strict cookie, mapped here to a principal (never to an
// actor: the actor is resolved at each request, so a disabled operator or a revoked token stops at once). Kept
// in memory: a restart of the agent signs everyone out, which on a shared workstation is the safe side. A
// session ends when signed out, after `maxIdleMs` without a request, and after `maxAgeMs` whatever happens.
import { randomBytes } from 'node:crypto';
import type { Principal } from '../../services/identity.js';

export const SESSION_COOKIE = 'depot_session';
/** Long-lived: a browser an admin enrolled for PIN sign-in (its SHA-256 is in browser_enrolments). */
export const ENROLMENT_COOKIE = 'depot_enrolment';
/** Ten years, as browsers cap cookies anyway; revoking is deleting the row. */
export const ENROLMENT_MAX_AGE_S = 10 * 365 * 24 * 3600;

interface Session {
  principal: Principal;
  createdAt: number;
  seenAt: number;
}

export interface Sessions {
  start(principal: Principal): string;
  /** The session's principal, refreshing its idle time; undefined when unknown or over its limits. */
  get(id: string): Principal | undefined;
  end(id: string): void;
}

export function createSessions({
  now = Date.now,
  maxIdleMs = 12 * 3600_000,
  maxAgeMs = 24 * 3600_000,
  maxSessions = 10_000,
}: { now?: () => number; maxIdleMs?: number; maxAgeMs?: number; maxSessions?: number } = {}): Sessions {
  const sessions = new Map<string, Session>();
  const expired = (s: Session, t: number) => t - s.seenAt > maxIdleMs || t - s.createdAt > maxAgeMs;
  return {
    start(principal) {
      const t = now();
      if (sessions.size >= maxSessions) {
        for (const [id, s] of sessions) if (expired(s, t)) sessions.delete(id);
        // Still full: the oldest goes (Map iteration is insertion order).
        if (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value!);
      }
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { principal, createdAt: t, seenAt: t });
      return id;
    },
    get(id) {
      const session = sessions.get(id);
      if (!session) return undefined;
      const t = now();
      if (expired(session, t)) {
        sessions.delete(id);
        return undefined;
      }
      session.seenAt = t;
      return session.principal;
    },
    end(id) {
      sessions.delete(id);
    },
  };
}
