// What the signed-in session may do, read from the session the agent answered (its role and the policy's rules):
// the UI disables what the agent would refuse, and says who may. The agent decides in the end (403 FORBIDDEN).
import type { SessionDto } from '../../../../preload/contract/access.js';
import {
  policyKeysOf,
  ROLES,
  roleAtLeast,
  roleNeeded,
  type PolicyKey,
  type RemoteType,
  type Role,
} from '../../../../preload/contract/vocabulary.js';

export { policyKeysOf };

/** Every key a feature's variants fall under (the feature picker's "who may" at a glance). */
export const FEATURE_POLICY_KEYS: Readonly<Record<RemoteType, readonly PolicyKey[]>> = {
  ElectricBatteryChargingRequest: ['Charging.start', 'Charging.stop', 'Charging.programs'],
  Doors: ['Doors.Locked', 'Doors.Unlocked'],
  Immobilization: ['Immobilization.activate', 'Immobilization.deactivate'],
  Stolen: ['Stolen'],
  Lights: ['Lights'],
  WakeUp: ['State'],
  ThermalPreconditioning: ['Preconditioning'],
  Horn: ['Horn'],
  Navigation: ['Navigation'],
};

/** The highest role the keys need (a rule the session does not carry counts as technician, the default). */
export function roleNeededFor(rules: SessionDto['rules'], keys: readonly PolicyKey[]): Role {
  return roleNeeded(rules, keys);
}

/** The lowest role that may send at least one variant of the feature. */
export function featureFloor(rules: SessionDto['rules'], type: RemoteType): Role {
  return FEATURE_POLICY_KEYS[type]
    .map((key) => rules[key] ?? 'technician')
    .reduce((lowest, role) => (ROLES.indexOf(role) < ROLES.indexOf(lowest) ? role : lowest), 'admin');
}

export const sessionRole = (session: SessionDto | null): Role | null =>
  session?.signedIn && session.actor ? session.actor.role : null;

export const isAdmin = (session: SessionDto | null): boolean => sessionRole(session) === 'admin';

export interface SendAccess {
  /** The session may send it as it is. */
  allowed: boolean;
  /** The lowest role that may. */
  needed: Role;
  role: Role | null;
  kind: NonNullable<SessionDto['actor']>['kind'] | null;
  /**
   * Someone with the role may approve it on this screen with their PIN: an operator session that may send
   * commands at all (viewers only look; tokens have no one at the screen to ask).
   */
  canAsk: boolean;
}

export function sendAccess(session: SessionDto | null, type: RemoteType, body: unknown): SendAccess {
  const needed = roleNeededFor(session?.rules ?? {}, policyKeysOf(type, body));
  const role = sessionRole(session);
  const kind = session?.actor?.kind ?? null;
  const allowed = role !== null && roleAtLeast(role, needed);
  return {
    allowed,
    needed,
    role,
    kind,
    canAsk: !allowed && kind === 'operator' && role !== null && roleAtLeast(role, 'technician'),
  };
}
