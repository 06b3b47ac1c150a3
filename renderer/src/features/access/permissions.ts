// What the signed-in session may do, read from the session the agent answered (its role and the policy's rules):
// the UI disables what the agent would refuse, and says who may. The agent decides in the end (403 FORBIDDEN).
import type { SessionDto } from '../../../../preload/contract/access.js';
import {
  ROLES,
  roleAtLeast,
  type PolicyKey,
  type RemoteType,
  type Role,
} from '../../../../preload/contract/vocabulary.js';

type Body = Record<string, unknown>;
const obj = (v: unknown): Body => (typeof v === 'object' && v !== null ? (v as Body) : {});

/**
 * The policy keys a remote body falls under — the agent's own rule (main/core/domain/access/policy.ts), which the
 * renderer cannot import: a variant whose risk differs has its own key (unlocking, lifting an immobilization).
 */
export function policyKeysOf(type: RemoteType, remote: unknown): PolicyKey[] {
  const body = obj(remote);
  switch (type) {
    case 'ElectricBatteryChargingRequest': {
      const charging = obj(body.charging);
      const keys: PolicyKey[] = [];
      if (charging.immediate === true) keys.push('Charging.start');
      if (charging.immediate === false) keys.push('Charging.stop');
      if (charging.schedule !== undefined || charging.preferences !== undefined)
        keys.push('Charging.programs');
      return keys.length > 0 ? keys : ['Charging.programs'];
    }
    case 'Doors':
      return [obj(body.door).state === 'Unlocked' ? 'Doors.Unlocked' : 'Doors.Locked'];
    case 'Immobilization':
      return [
        obj(body.immobilization).activate === false ? 'Immobilization.deactivate' : 'Immobilization.activate',
      ];
    case 'Stolen': {
      const immobilization = obj(obj(body.stolen).immobilization);
      if (immobilization.activate === true) return ['Stolen', 'Immobilization.activate'];
      if (immobilization.activate === false) return ['Stolen', 'Immobilization.deactivate'];
      return ['Stolen'];
    }
    case 'Lights':
      return ['Lights'];
    case 'WakeUp':
      return ['State'];
    case 'ThermalPreconditioning':
      return ['Preconditioning'];
    case 'Horn':
      return ['Horn'];
    case 'Navigation':
      return ['Navigation'];
  }
}

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

/** A rule the session does not carry counts as the agent's default lowest role for sending. */
const ruleOf = (rules: SessionDto['rules'], key: PolicyKey): Role => rules[key] ?? 'technician';

/** The highest role the keys need. */
export function roleNeededFor(rules: SessionDto['rules'], keys: readonly PolicyKey[]): Role {
  return keys.reduce<Role>((highest, key) => {
    const role = ruleOf(rules, key);
    return ROLES.indexOf(role) > ROLES.indexOf(highest) ? role : highest;
  }, 'technician');
}

/** The lowest role that may send at least one variant of the feature. */
export function featureFloor(rules: SessionDto['rules'], type: RemoteType): Role {
  return FEATURE_POLICY_KEYS[type]
    .map((key) => ruleOf(rules, key))
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
