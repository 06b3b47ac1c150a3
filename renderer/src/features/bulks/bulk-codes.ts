// The codes a bulk command's lines carry that the vocabulary does not list: how a vehicle's command ended, and the
// network's failure causes. Plain lists (no words here), so the catalog test can import them through
// bulk-text.keys.ts without starting i18next.
import type { BulkItemDto } from '../../../../preload/contract/routines.js';
import { DONE_STATUSES } from '../../../../preload/contract/vocabulary.js';

export type BulkOutcome = NonNullable<BulkItemDto['outcome']>;

export const BULK_OUTCOMES = [
  ...DONE_STATUSES,
  'Refused',
  'TimedOut',
  'Expired',
  'Cancelled',
] as const satisfies readonly BulkOutcome[];

/**
 * The network's failure causes (stellantis-api-notes.md), as main/core/domain/status.ts lists them: the renderer may
 * not import main/, and the contract carries the cause as a plain string. test/renderer/bulk-text.test.ts holds this
 * copy equal to the domain's; a cause the network adds later is shown as it arrives.
 */
export const FAILURE_CAUSES = [
  'GeneralError',
  'VehicleError',
  'WrongCommand',
  'VehicleConnectionTimeout',
  'MissingRights',
  'NotPossibleDueToVehicleBatteryLevel',
  'NotPossibleDueToVehiclePrivacyLevel',
  'TooManyWakeUpsOverMonth',
  'TooManyRequestInShortTime',
  'SameActionInProgress',
  'NotPossibleDueToVehicleStolenState',
  'VehicleInUse',
  'TooManyRequestSent',
  'DoorsOpen',
  'VehicleErrorOrCidInside',
  'CidInside',
  'ExternalChargingSystemError',
  'VehicleChargingSystemError',
  'VehicleIsNotLocked',
  'CanceledByDriver',
] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export function isFailureCause(value: string): value is FailureCause {
  return (FAILURE_CAUSES as readonly string[]).includes(value);
}
