// How an action's phase and outcome read at a glance. Pure, shared by stores and components.
import type { RemoteActionDto } from '../../../preload/contract/dto.js';

export type Phase = RemoteActionDto['phase'];

export const TERMINAL_PHASES: readonly Phase[] = ['Done', 'Refused', 'Expired', 'TimedOut'];

export function isTerminal(action: Pick<RemoteActionDto, 'phase'>): boolean {
  return TERMINAL_PHASES.includes(action.phase);
}

/** The one word a technician needs: in progress, succeeded (AlreadyDone included) or failed. */
export type Verdict = 'in-progress' | 'success' | 'failure';

export function verdictOf(action: Pick<RemoteActionDto, 'phase' | 'outcome'>): Verdict {
  if (action.phase === 'Sending' || action.phase === 'Pending') return 'in-progress';
  if (action.phase === 'Done' && (action.outcome === 'Success' || action.outcome === 'AlreadyDone'))
    return 'success';
  return 'failure';
}
