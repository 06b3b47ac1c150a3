// A vehicle's capabilities as clients see them: per remote type, whether it can, and why not as a code
// (CAPABILITY_REASONS) with its values. A stored reason that is no code — a sentence written before issue 17, kept
// until the next fleet sync replaces it — is left out rather than shown: the clients then say the reason is unknown.
import { isCapabilityReason } from '../../../preload/contract/capability-reasons.js';
import type { VehicleDto } from '../../../preload/contract/dto.js';
import type { VehicleCapabilities } from '../db/records.js';

export function capabilitiesView(stored: VehicleCapabilities): VehicleDto['capabilities'] {
  const view: VehicleDto['capabilities'] = {};
  for (const [type, capability] of Object.entries(stored)) {
    if (!capability) continue;
    const { supported, reason, params } = capability;
    view[type] = isCapabilityReason(reason)
      ? { supported, reason, ...(params ? { params } : {}) }
      : { supported };
  }
  return view;
}
