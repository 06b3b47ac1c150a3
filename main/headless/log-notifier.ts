import type { RemoteAction } from '../core/domain/action.js';
import { explainAction } from '../core/domain/explanations.js';
import { createTranslator } from '../core/i18n/translator.js';
import type { Logger } from '../core/ports/logger.js';
import type { BulkFinished, Notifier } from '../core/ports/notifier.js';
import { BULK_ITEM_STATES } from '../../preload/contract/vocabulary.js';

/** Headless stand-in for the tray: completions (and bulk commands' ends) go to the log, in plain language. */
export function createLogNotifier(logger: Logger): Notifier {
  // The log is read by whoever runs the agent, in English like every log line.
  const words = createTranslator().for('en');
  return {
    actionCompleted(action: RemoteAction) {
      const e = explainAction(action);
      logger.info(`${action.type} on ${action.vin}: ${words(`explain:${e.code}.title`, { ...e.params })}`, {
        remoteActionId: action.id,
        outcome: action.outcome,
        failureCause: action.failureCause,
      });
    },
    bulkFinished({ bulkId, type, status, counts }) {
      logger.info(`bulk ${type} ${status}: ${countsText(counts)}`, { bulkId, counts });
    },
  };
}

/** "9 done, 1 skipped of 10": the states that hold any vehicle, in the vocabulary's order. */
export function countsText(counts: BulkFinished['counts']): string {
  const parts = BULK_ITEM_STATES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return `${parts.join(', ') || 'nothing'} of ${counts.total}`;
}
