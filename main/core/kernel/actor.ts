// Who asks, as every service sees it: an operator signed in with a PIN, a site system's scoped token, the machine
// token (the api-token file: admin, for automation and recovery), or the agent itself (the outbox pausing a gone
// webhook). The transports resolve it from the credential; the services decide with `role` alone.
import type { ActorRefDto } from '../../../preload/contract/access.js';
import type { Role } from '../../../preload/contract/vocabulary.js';

export type ActorKind = 'operator' | 'token' | 'machine' | 'system' | 'anonymous';

export interface Actor {
  /** The name the audit log shows: the operator's name, the token's label, "machine token", "outbox"… */
  operator: string;
  /** Why (X-Depot-Reason), for the audit log. */
  reason?: string | null;
  kind: ActorKind;
  /** The operator's or token's id; null for the machine token and the agent itself. */
  id: string | null;
  role: Role;
  /** A token's X-Depot-Operator: who it says it acts for (recorded, never trusted for access). */
  onBehalfOf?: string | null;
  /** A supervisor approving this one request on this session (X-Depot-Approver / -Pin); checked by the service. */
  approval?: { approver: string; pin: string } | null;
}

/** The agent acting by itself (the outbox, start-up repairs): never refused. */
export function systemActor(name: string, reason: string | null = null): Actor {
  return { operator: name, reason, kind: 'system', id: null, role: 'admin' };
}

/** A caller with no credential (public operations only): the lowest role, never recorded as anyone. */
export const ANONYMOUS: Actor = Object.freeze({
  operator: 'anonymous',
  kind: 'anonymous',
  id: null,
  role: 'viewer',
});

/** The machine token's actor (the api-token file, or the desktop app before any operator exists). */
export function machineActor(onBehalfOf: string | null = null): Actor {
  return { operator: 'machine token', kind: 'machine', id: null, role: 'admin', onBehalfOf };
}

/** The actor as the audit log, actions and the session record it. */
export function actorRef(actor: Actor): ActorRefDto {
  return {
    kind: actor.kind === 'anonymous' ? 'system' : actor.kind,
    id: actor.id,
    name: actor.operator,
    role: actor.role,
    ...(actor.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}),
  };
}

/** The audit entry's who: the name, and the actor with id and role. */
export function who(actor: Actor): { operator: string; actor: ActorRefDto } {
  return { operator: actor.operator, actor: actorRef(actor) };
}
