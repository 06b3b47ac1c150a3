// How the nine remote features (their names: the contract's vocabulary) map to the fleet API
// (stellantis-api-notes.md N3) and to the product's feature names.
import type { RemoteType } from '../../../preload/contract/vocabulary.js';

export {
  DANGEROUS_REMOTE_TYPES,
  isDangerous,
  isRemoteType,
  REMOTE_TYPES,
  type RemoteType,
} from '../../../preload/contract/vocabulary.js';

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
