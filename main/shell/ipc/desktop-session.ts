// The desktop window's session: the principal signed in at this workstation, kept in the main process (the page
// never holds a credential). Until the first operator exists the window acts with the machine token's rights —
// whoever runs the app on this machine can read the token file anyway — so the first admin can be created; from
// then on it starts signed out and asks for a PIN.
import type { Actor } from '../../core/kernel/actor.js';
import type { SessionPort } from '../../core/operations/ports.js';
import type { Identity, Principal } from '../../core/services/identity.js';

export interface DesktopSession {
  /** Who the window acts as now (resolved at each call), or null when signed out. */
  actor(): Actor | null;
  readonly port: SessionPort;
}

export function createDesktopSession(deps: {
  identity: Identity;
  operatorsExist: () => boolean;
}): DesktopSession {
  let principal: Principal | null = null;
  let started = false;
  return {
    actor() {
      if (!started && principal === null && !deps.operatorsExist())
        return deps.identity.resolve({ kind: 'machine' });
      if (principal === null) return null;
      const actor = deps.identity.resolve(principal);
      // A disabled operator or a revoked token: the window is signed out.
      if (!actor) principal = null;
      return actor;
    },
    port: {
      transport: 'bridge',
      enrolmentSecret: null,
      start(next) {
        principal = next;
        started = true;
      },
      end() {
        principal = null;
        started = true;
      },
      setEnrolment() {
        // The desktop app is the workstation itself: nothing to enrol.
      },
      tokenFailed: () => null,
    },
  };
}
