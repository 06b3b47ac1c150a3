// Statuses of a remote action as the network reports them (stellantis-api.md §8, §9) and the
// local states Depot Remote adds for what happens before or around the network.

export const PENDING_STATUSES = [
  'Accepted',
  'WakingUpVehicle',
  'CheckingVehicle',
  'SentToVehicle',
  'VehicleBatteryChargeTooLow',
  'TooManyWakeUpsOverMonth',
] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

export const DONE_STATUSES = ['Success', 'AlreadyDone', 'Failed'] as const;
export type DoneStatus = (typeof DONE_STATUSES)[number];

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
/** Known causes; unknown values from the network are kept as they arrive (§13 #23). */
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

/**
 * Where an action is in its life.
 * - Sending: stored locally, the connector has not answered yet.
 * - Pending: the network accepted it (202) and events are arriving.
 * - Done: the first Done event arrived; `outcome` says which. Terminal.
 * - Refused: the network refused the send (no action exists upstream). Terminal.
 * - Expired: a send queued while offline expired before it could leave. Terminal.
 * - TimedOut: accepted, but no outcome arrived in time. A late Done still completes it.
 */
export const ACTION_PHASES = ['Sending', 'Pending', 'Done', 'Refused', 'Expired', 'TimedOut'] as const;
export type ActionPhase = (typeof ACTION_PHASES)[number];
