// The lanes of the queue as this screen sees them. Which commands are queued only when asked is the agent's own
// rule, from the contract's vocabulary.
import type { RemoteActionDto } from '../../../../preload/contract/dto.js';
import { isSettled, queuedOnlyWhenAsked } from '../../../../preload/contract/vocabulary.js';

export { queuedOnlyWhenAsked };

/** One vehicle's commands of one feature that are not over: the ones on their way, then those waiting in line. */
export interface Lane {
  /** Sending or Pending (oldest first). */
  inFlight: RemoteActionDto[];
  /** Queued, in their order in line. */
  waiting: RemoteActionDto[];
}

export const EMPTY_LANE: Lane = { inFlight: [], waiting: [] };

/** The lane of a vehicle and feature among the actions this screen knows, leaving out `except` (the one shown). */
export function laneOf(
  byId: Record<string, RemoteActionDto>,
  vehicleId: string,
  type: string,
  except?: string,
): Lane {
  const inFlight: RemoteActionDto[] = [];
  const waiting: RemoteActionDto[] = [];
  for (const action of Object.values(byId)) {
    if (action.vehicleId !== vehicleId || action.type !== type || action.remoteActionId === except) continue;
    if (isSettled(action.phase)) continue;
    (action.phase === 'Queued' ? waiting : inFlight).push(action);
  }
  inFlight.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  waiting.sort(
    (a, b) => (a.queue?.position ?? 0) - (b.queue?.position ?? 0) || a.createdAt.localeCompare(b.createdAt),
  );
  return inFlight.length === 0 && waiting.length === 0 ? EMPTY_LANE : { inFlight, waiting };
}

export const laneIsBusy = (lane: Lane) => lane.inFlight.length > 0 || lane.waiting.length > 0;
