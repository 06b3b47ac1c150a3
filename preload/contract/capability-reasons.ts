// Why a vehicle cannot do a feature (issue 17), as a code the clients word (the fleet catalog): the core says which
// reason applies, never the sentence. Three sources:
// - the vehicle's own report (the fleet API's onboardCapabilities): `reports-no-*`, `no-charging-command`;
// - the simulator's vehicle profiles: `e-remote-only`, `not-electric`, `no-preconditioning`, `no-navigation`,
//   `no-immobilization`, `stolen-not-subscribed`;
// - a command the network refused as not allowed (MissingRights, WrongCommand): `network-refused`, with the params
//   `failureCause` (the network's code) and `at` (when, RFC 3339), until the next fleet sync says otherwise.

export const CAPABILITY_REASONS = [
  'reports-no-charging',
  'no-charging-command',
  'reports-no-stolen',
  'reports-no-lights',
  'reports-no-doors',
  'reports-no-horn',
  'reports-no-wake-up',
  'reports-no-preconditioning',
  'reports-no-navigation',
  'e-remote-only',
  'not-electric',
  'no-preconditioning',
  'no-navigation',
  'no-immobilization',
  'stolen-not-subscribed',
  'network-refused',
] as const;
export type CapabilityReason = (typeof CAPABILITY_REASONS)[number];

export function isCapabilityReason(value: unknown): value is CapabilityReason {
  return typeof value === 'string' && (CAPABILITY_REASONS as readonly string[]).includes(value);
}
