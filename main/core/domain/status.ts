// Statuses of a remote action as the network reports them (stellantis-api-notes.md N4) and the
// local states Depot Remote adds for what happens before or around the network. The phases and the Done statuses
// are shared words, defined in the contract's vocabulary.
import type { DoneStatus } from '../../../preload/contract/vocabulary.js';

export {
  ACTION_PHASES,
  type ActionPhase,
  DONE_STATUSES,
  type DoneStatus,
} from '../../../preload/contract/vocabulary.js';

export const PENDING_STATUSES = [
  'Accepted',
  'WakingUpVehicle',
  'CheckingVehicle',
  'SentToVehicle',
  'VehicleBatteryChargeTooLow',
  'TooManyWakeUpsOverMonth',
] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

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
/** Known causes; unknown values from the network are kept as they arrive (stellantis-api-notes.md T17). */
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export const FEEDBACK_DETAILS = ['NoCIDBlacklisted', 'CIDBlacklisted'] as const;
export type FeedbackDetail = (typeof FEEDBACK_DETAILS)[number];

/** One status as carried by a notification's `eventStatus` (normalised: `type: Failed` → Done/Failed). */
export type EventStatus =
  | { type: 'Pending'; status: PendingStatus | (string & {}) }
  | {
      type: 'Done';
      status: DoneStatus;
      failureCause?: FailureCause | (string & {});
      feedbackDetail?: FeedbackDetail | (string & {});
    };
