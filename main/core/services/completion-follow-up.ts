// What the agent does once an action completes, beyond telling the person (the Notifier of the host): a refusal
// as not allowed teaches it what the vehicle cannot do, and every completion refreshes the vehicle's last known
// status (a state refresh is exactly that). The ingest service calls it after its transaction committed.
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
}): Notifier {
  const { notifier, vehicles, clock, logger } = deps;
  return {
    actionCompleted(action: RemoteAction) {
      notifier.actionCompleted(action);
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
