// The access policy: which lowest role may send each remote. A remote is keyed by its feature and, where the
// risk differs by variant, by the variant (unlocking is not locking; lifting an immobilization is not setting
// one). A Stolen request that also immobilizes needs what both keys need.
import {
  POLICY_KEYS,
  ROLES,
  type PolicyKey,
  type RemoteType,
  type Role,
} from '../../../../preload/contract/vocabulary.js';

export type PolicyRules = Record<PolicyKey, Role>;

export const DEFAULT_RULES: Readonly<PolicyRules> = Object.freeze(
  Object.fromEntries(
    POLICY_KEYS.map((key) => [
      key,
      key === 'Stolen' || key.startsWith('Immobilization.') ? 'supervisor' : 'technician',
    ]),
  ) as PolicyRules,
);

/** Minutes without input before the UI locks to the operator picker. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

type Body = Record<string, unknown>;
const obj = (v: unknown): Body => (typeof v === 'object' && v !== null ? (v as Body) : {});

/** The policy keys a (validated) remote body falls under. */
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

/** The highest of the roles the keys need. */
export function roleNeeded(rules: PolicyRules, keys: readonly PolicyKey[]): Role {
  return keys.reduce<Role>(
    (highest, key) => (ROLES.indexOf(rules[key]) > ROLES.indexOf(highest) ? rules[key] : highest),
    'technician',
  );
}
