import type { RemoteAction } from '../core/domain/action.js';
import { explainAction } from '../core/domain/explanations.js';
import type { Logger } from '../core/ports/logger.js';
import type { Notifier } from '../core/ports/notifier.js';

/** Headless stand-in for the tray: completions go to the log, with the plain-language outcome. */
export function createLogNotifier(logger: Logger): Notifier {
  return {
    actionCompleted(action: RemoteAction) {
      const e = explainAction(action);
      logger.info(`${action.type} on ${action.vin}: ${e.title}`, {
        remoteActionId: action.id,
        outcome: action.outcome,
        failureCause: action.failureCause,
      });
    },
  };
}
