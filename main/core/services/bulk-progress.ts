// What a vehicle's remote action makes of its bulk item (issue 16): sent while it waits in the vehicle's queue or
// is under way, then how it ended. TimedOut counts as failed, but a late Done (the network may still send it)
// moves the item on, as it does the action.
import type { ActionRecord, ItemProgress } from '../db/index.js';
import { isSuccessOutcome } from '../domain/lifecycle.js';

export function itemProgressOf(action: ActionRecord): ItemProgress {
  const endedAt = action.doneAt ?? action.updatedAt;
  switch (action.phase) {
    case 'Queued':
    case 'Sending':
    case 'Pending':
      return { state: 'sent', outcome: null, failureCause: null, endedAt: null };
    case 'Done':
      return {
        state: isSuccessOutcome(action.outcome) ? 'done' : 'failed',
        outcome: action.outcome ?? 'Failed',
        failureCause: action.failureCause,
        endedAt,
      };
    case 'Refused':
      // Refused locally or by the network: its code is the cause (SEND_INTERRUPTED, a network error code…).
      return { state: 'failed', outcome: 'Refused', failureCause: action.error?.code ?? null, endedAt };
    case 'TimedOut':
      return { state: 'failed', outcome: 'TimedOut', failureCause: null, endedAt };
    case 'Expired':
      return { state: 'expired', outcome: 'Expired', failureCause: action.error?.code ?? null, endedAt };
    case 'Cancelled':
      return { state: 'cancelled', outcome: 'Cancelled', failureCause: action.error?.code ?? null, endedAt };
  }
}
