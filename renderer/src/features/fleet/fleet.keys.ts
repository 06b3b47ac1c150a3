// The fleet catalog's keys built at run time from the contract's codes (checked by test/i18n/catalogs.test.ts).
import { CAPABILITY_REASONS } from '../../../../preload/contract/capability-reasons.js';
import { VEHICLE_READINESS, VEHICLE_STATES } from '../../../../preload/contract/vocabulary.js';
import { VEHICLE_ENERGIES } from './energies.js';

export const dynamicKeys = {
  'fleet:state.': VEHICLE_STATES,
  'fleet:readiness.': VEHICLE_READINESS,
  'fleet:energy.': VEHICLE_ENERGIES,
  'fleet:capability.reason.': CAPABILITY_REASONS,
} satisfies Record<string, readonly string[]>;
