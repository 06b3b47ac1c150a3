// The nine remote features and how they map to the fleet API (stellantis-api.md §5.0).

export const REMOTE_TYPES = [
  'ElectricBatteryChargingRequest',
  'Stolen',
  'Lights',
  'WakeUp',
  'ThermalPreconditioning',
  'Doors',
  'Horn',
  'Immobilization',
  'Navigation',
] as const;
export type RemoteType = (typeof REMOTE_TYPES)[number];

/** The key of the action object in a fleet API `Remote` body. */
export const REMOTE_BODY_KEYS = {
  ElectricBatteryChargingRequest: 'charging',
  Stolen: 'stolen',
  Lights: 'lights',
  WakeUp: 'wakeUp',
  ThermalPreconditioning: 'preconditioning',
  Doors: 'door',
  Horn: 'horn',
  Immobilization: 'immobilization',
  Navigation: 'navigation',
} as const satisfies Record<RemoteType, string>;
export type RemoteBodyKey = (typeof REMOTE_BODY_KEYS)[RemoteType];

/** Product feature names, as the technician knows them (product.md). */
export const FEATURES = {
  ElectricBatteryChargingRequest: 'charging',
  Stolen: 'stolen',
  Lights: 'lights',
  WakeUp: 'state',
  ThermalPreconditioning: 'preconditioning',
  Doors: 'doors',
  Horn: 'horn',
  Immobilization: 'immobilization',
  Navigation: 'navigation',
} as const satisfies Record<RemoteType, string>;
export type Feature = (typeof FEATURES)[RemoteType];

/** Remote types whose sending needs a typed reason and goes to the audit log as a dangerous act. */
export const DANGEROUS_REMOTE_TYPES: readonly RemoteType[] = ['Immobilization', 'Stolen'];

export function isRemoteType(value: unknown): value is RemoteType {
  return typeof value === 'string' && (REMOTE_TYPES as readonly string[]).includes(value);
}
