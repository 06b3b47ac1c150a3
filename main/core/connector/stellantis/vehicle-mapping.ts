// A fleet API vehicle (api-b2b.yaml Vehicle / VehicleItem) as the port's ConnectorVehicle: the opaque `id`
// (not the VIN) is the vehicle id, and onboardCapabilities.remote becomes capabilities keyed by RemoteType
// (stellantis-api-notes.md N3), with a reason code (the clients word it) when the vehicle cannot do one.
import type { CapabilityReason } from '../../../../preload/contract/capability-reasons.js';
import type { RemoteType } from '../../domain/remote-type.js';
import type { Capabilities, ConnectorVehicle, Energy } from '../connector.js';
import type { OnboardCapabilities, VehicleHal } from './hal-schemas.js';

/**
 * The capability entry of each RemoteType (stellantis-api-notes.md N3). Immobilization has none, so it is
 * left unknown.
 */
export const CAPABILITY_ENTRIES: Partial<Record<RemoteType, string>> = {
  ElectricBatteryChargingRequest: 'charging',
  Stolen: 'stolen',
  Lights: 'lights',
  Doors: 'door',
  Horn: 'horn',
  WakeUp: 'wakeup',
  ThermalPreconditioning: 'preconditioning',
  Navigation: 'navigation',
};

/**
 * Why not, per capability entry the vehicle reports unsupported (the words for lights, doors and horn add that on
 * many vehicles these need the "Remote control" or "Connect Plus" service, "e-remote" alone not being enough).
 */
const UNSUPPORTED: Record<string, CapabilityReason> = {
  charging: 'reports-no-charging',
  stolen: 'reports-no-stolen',
  lights: 'reports-no-lights',
  door: 'reports-no-doors',
  horn: 'reports-no-horn',
  wakeup: 'reports-no-wake-up',
  preconditioning: 'reports-no-preconditioning',
  navigation: 'reports-no-navigation',
};

/**
 * Capabilities from onboardCapabilities. An entry the vehicle does not report is left out (unknown), so the
 * core does not block what the network might still accept.
 */
export function capabilitiesFromOnboard(onboard: OnboardCapabilities | undefined): Capabilities {
  const remote = onboard?.remote;
  if (!remote) return {};
  const out: Capabilities = {};
  for (const [type, entry] of Object.entries(CAPABILITY_ENTRIES) as [RemoteType, string][]) {
    const cap = remote[entry];
    if (cap?.supported === undefined) continue;
    out[type] = cap.supported ? { supported: true } : { supported: false, reason: UNSUPPORTED[entry] };
  }
  // Charging: supported overall, but neither start nor stop immediately nor any schedule can be set.
  const charging = remote.charging;
  const params = charging?.parameters as
    | { immediate?: { start?: unknown; stop?: unknown }; schedule?: unknown; preferences?: unknown }
    | undefined;
  if (
    charging?.supported &&
    params?.immediate &&
    params.immediate.start === false &&
    params.immediate.stop === false &&
    params.schedule === undefined &&
    params.preferences === undefined
  ) {
    out.ElectricBatteryChargingRequest = { supported: false, reason: 'no-charging-command' };
  }
  return out;
}

const ENERGIES: Record<string, Energy> = {
  Electric: 'Electric',
  Hybrid: 'Hybrid',
  PlugInHybrid: 'PlugInHybrid',
  Thermic: 'Combustion',
};

export function energyOf(motorization: string | undefined): Energy {
  return (motorization && ENERGIES[motorization]) || 'Unknown';
}

export function hasOnboardCapabilities(v: VehicleHal): boolean {
  return v._embedded?.extension?.onboardCapabilities?.remote !== undefined;
}

export function toConnectorVehicle(v: VehicleHal, details?: VehicleHal): ConnectorVehicle {
  const source = details ?? v;
  const branding = source._embedded?.extension?.branding ?? v._embedded?.extension?.branding;
  return {
    id: v.id,
    vin: v.vin ?? source.vin ?? '',
    label: null,
    brand: branding?.brand ?? source.brand ?? v.brand ?? null,
    model: branding?.label ?? null,
    energy: energyOf(source.motorization ?? v.motorization),
    capabilities: capabilitiesFromOnboard(
      source._embedded?.extension?.onboardCapabilities ?? v._embedded?.extension?.onboardCapabilities,
    ),
  };
}
