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

// The causes are the contract's vocabulary: the interface words each one (bulk lines, timelines).
import type { FailureCause } from '../../../preload/contract/vocabulary.js';
export { FAILURE_CAUSES, type FailureCause } from '../../../preload/contract/vocabulary.js';

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
