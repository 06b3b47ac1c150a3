// How an action's phase and outcome read at a glance. Pure, shared by stores and components. "Is it over?" for the
// technician means settled (the vocabulary's SETTLED_PHASES: TimedOut included, though a late Done may follow).
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import { isSettled } from '../../../preload/contract/vocabulary.js';

/** The one word a technician needs: in progress, succeeded (AlreadyDone included) or failed. */
export type Verdict = 'in-progress' | 'success' | 'failure';

export function verdictOf(action: Pick<RemoteActionDto, 'phase' | 'outcome'>): Verdict {
  if (!isSettled(action.phase)) return 'in-progress';
  if (action.phase === 'Done' && (action.outcome === 'Success' || action.outcome === 'AlreadyDone'))
    return 'success';
  return 'failure';
}
