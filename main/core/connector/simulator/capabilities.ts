// What each simulated vehicle can do, described once and shown two ways: as the fleet API's
// `onboardCapabilities.remote` (api-b2b.yaml; stellantis-api-notes.md N3) and as the port's
// `Capabilities`, keyed by RemoteType with a reason code (the clients word it) when a feature is missing.
import type { CapabilityReason } from '../../../../preload/contract/capability-reasons.js';
import { REMOTE_TYPES, type RemoteType } from '../../domain/remote-type.js';
import type { Capabilities } from '../connector.js';

export interface CapabilityProfile {
  /** Remote types this vehicle does not offer, each with the reason a technician is shown. */
  unsupported: Partial<Record<RemoteType, CapabilityReason>>;
  /** Preconditioning program slots the vehicle stores (1–4). */
  preconditioningPrograms: number;
  /** Charging program slots (0 = charging schedules by program not supported). */
  chargingPrograms: number;
}

/** The profiles' reasons: a service the vehicle lacks, equipment it does not have. */
export const REASONS = {
  eRemoteOnly: 'e-remote-only',
  notElectric: 'not-electric',
  noPreconditioning: 'no-preconditioning',
  noNavigation: 'no-navigation',
  noImmobilization: 'no-immobilization',
  noStolen: 'stolen-not-subscribed',
} as const satisfies Record<string, CapabilityReason>;

/** Everything, for a fully connected electric or plug-in hybrid vehicle. */
export function fullProfile(extra: Partial<Record<RemoteType, CapabilityReason>> = {}): CapabilityProfile {
  return { unsupported: extra, preconditioningPrograms: 4, chargingPrograms: 4 };
}

/** An electric vehicle with the e-remote service only: charging and preconditioning, no doors, horn, lights. */
export function eRemoteProfile(extra: Partial<Record<RemoteType, CapabilityReason>> = {}): CapabilityProfile {
  return {
    unsupported: {
      Doors: REASONS.eRemoteOnly,
      Horn: REASONS.eRemoteOnly,
      Lights: REASONS.eRemoteOnly,
      ...extra,
    },
    preconditioningPrograms: 2,
    chargingPrograms: 0,
  };
}

/** A combustion vehicle: no charging, no preconditioning. */
export function combustionProfile(
  extra: Partial<Record<RemoteType, CapabilityReason>> = {},
): CapabilityProfile {
  return {
    unsupported: {
      ElectricBatteryChargingRequest: REASONS.notElectric,
      ThermalPreconditioning: REASONS.noPreconditioning,
      ...extra,
    },
    preconditioningPrograms: 0,
    chargingPrograms: 0,
  };
}

export function supports(profile: CapabilityProfile, type: RemoteType): boolean {
  return profile.unsupported[type] === undefined;
}

/** The port's view: every RemoteType, supported or not with its reason. */
export function portCapabilities(profile: CapabilityProfile): Capabilities {
  return Object.fromEntries(
    REMOTE_TYPES.map((type) => {
      const reason = profile.unsupported[type];
      return [type, reason === undefined ? { supported: true } : { supported: false, reason }];
    }),
  );
}

/**
 * The fleet API's `onboardCapabilities` (data scopes left out). Immobilization has no entry in the spec's
 * `remote` object, so it appears only in the port's view.
 */
export function onboardCapabilities(profile: CapabilityProfile) {
  const on = (type: RemoteType) => supports(profile, type);
  const charging = on('ElectricBatteryChargingRequest');
  return {
    remote: {
      preconditioning: {
        supported: on('ThermalPreconditioning'),
        scopeName: 'remote:preconditioning:write',
        parameters: {
          programs: { size: profile.preconditioningPrograms },
          immediate: on('ThermalPreconditioning'),
        },
      },
      charging: {
        supported: charging,
        scopeName: 'remote:charging:write',
        parameters: {
          immediate: { start: charging, stop: charging },
          schedule: {
            programs: {
              supported: charging && profile.chargingPrograms > 0,
              size: profile.chargingPrograms,
            },
            nextDelayedTime: charging,
          },
          preferences: { level: charging, type: charging },
        },
      },
      door: { supported: on('Doors'), scopeName: 'remote:door:write' },
      horn: { supported: on('Horn'), scopeName: 'remote:horn:write' },
      lights: { supported: on('Lights'), scopeName: 'remote:lights:write' },
      wakeup: { supported: on('WakeUp'), scopeName: 'remote:wakeup:write' },
      navigation: { supported: on('Navigation'), scopeName: 'remote:navigation:write' },
      stolen: { supported: on('Stolen') },
    },
  };
}
