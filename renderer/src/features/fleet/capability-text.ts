// Why a vehicle cannot do a feature, in words: the core sends a reason code (CAPABILITY_REASONS) and its values,
// the fleet catalog words it. Shared by every screen that shows a capability (the fleet row, the vehicle page, the
// feature picker).
import type { CapabilityReason } from '../../../../preload/contract/capability-reasons.js';
import type { MessageParams } from '../../../../preload/contract/dto.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';

export interface CapabilityLike {
  supported: boolean;
  reason?: CapabilityReason | undefined;
  params?: MessageParams | undefined;
}

/** The reason in a sentence, or null when the agent gave none. */
export function capabilityReasonText(capability: CapabilityLike | undefined): string | null {
  if (!capability?.reason) return null;
  const params = capability.params ?? {};
  return t(`fleet:capability.reason.${capability.reason}`, {
    failureCause: String(params.failureCause ?? ''),
    date: params.at === undefined ? '' : formatDate(String(params.at)),
  });
}
