// What the agent does once an action completes, beyond telling the person (the Notifier of the host): a refusal
// as not allowed teaches it what the vehicle cannot do, and every completion refreshes the vehicle's last known
// status (a state refresh is exactly that). The ingest service calls it after its transaction committed. A command
// sent as part of a bulk is not told to the person one by one (a bulk to 1,000 vehicles would raise 1,000 tray
// notices): the bulk says once, with its counts, when it finishes (notifier.bulkFinished).
import type { RemoteAction } from '../domain/action.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Notifier } from '../ports/notifier.js';
import type { VehiclesService } from './vehicles-service.js';

/** The failure causes by which the network says this vehicle (or its contract) does not allow the feature. */
export const NOT_ALLOWED_CAUSES: ReadonlySet<string> = new Set(['MissingRights', 'WrongCommand']);

export function createCompletionFollowUp(deps: {
  /** The host's notifier (tray on the desktop, log when headless): told first. */
  notifier: Notifier;
  vehicles: Pick<VehiclesService, 'learnUnsupported' | 'refreshStatus'>;
  clock: Clock;
  logger: Logger;
  /** Whether the action was sent as part of a bulk command. */
  partOfBulk?: (actionId: string) => boolean;
}): Notifier {
  const { notifier, vehicles, clock, logger, partOfBulk = () => false } = deps;
  return {
    actionCompleted(action: RemoteAction) {
      if (!partOfBulk(action.id)) notifier.actionCompleted(action);
      if (action.failureCause && NOT_ALLOWED_CAUSES.has(action.failureCause)) {
        vehicles.learnUnsupported(action.vehicleId, action.type, action.failureCause, clock.nowIso());
      }
      vehicles.refreshStatus(action.vehicleId).catch((err: unknown) =>
        logger.warn('vehicle status could not be read', {
          vehicleId: action.vehicleId,
          error: String(err),
        }),
      );
    },
  };
}
