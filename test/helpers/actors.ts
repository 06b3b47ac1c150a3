// Actors for tests that drive services directly (the transports resolve real ones from credentials).
import type { Actor } from '../../main/core/kernel/actor.js';
import type { Role } from '../../preload/contract/vocabulary.js';

/** Someone with the machine token's rights, named as the test likes (the audit log shows the name). */
export function adminActor(name = 'test', reason: string | null = null): Actor {
  return { operator: name, reason, kind: 'machine', id: null, role: 'admin' };
}

/** An operator with a role (no session: for services that only read the role). */
export function roleActor(role: Role, name: string = role, id = `op-${role}`): Actor {
  return { operator: name, kind: 'operator', id, role };
}
