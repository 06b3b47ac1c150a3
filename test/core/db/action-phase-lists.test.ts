// The repository's two lists of actions that are not over follow the vocabulary's two meanings of "over": in flight
// is every phase not settled (what the tray counts and the send guard checks), unterminated every phase not
// terminal (what a poller follows at start: TimedOut included, since its late Done still completes it).
import { describe, expect, it } from 'vitest';
import { ACTION_PHASES, isSettled, isTerminal } from '../../../preload/contract/vocabulary.js';
import { action, at, seedParents, useStore } from './db-fixtures.js';

describe('action lists by phase', () => {
  const store = useStore();

  /** One action in each phase, created one second apart in the vocabulary's order. */
  function onePerPhase() {
    const { repos } = store();
    seedParents(repos);
    ACTION_PHASES.forEach((phase, i) =>
      repos.actions.insert(action({ id: `ra-${phase}`, phase, createdAt: at(i), updatedAt: at(i) })),
    );
    return repos;
  }

  it('listOpen: exactly the phases that are not settled, oldest first', () => {
    const repos = onePerPhase();
    expect(repos.actions.listOpen().map((a) => a.phase)).toEqual(ACTION_PHASES.filter((p) => !isSettled(p)));
  });

  it('listUnterminated: exactly the phases that are not terminal, created at or after the given time', () => {
    const repos = onePerPhase();
    expect(repos.actions.listUnterminated(at(0)).map((a) => a.phase)).toEqual(
      ACTION_PHASES.filter((p) => !isTerminal(p)),
    );
    // Created in the vocabulary's order (Queued at 0, Sending at 1…): from the third on.
    expect(repos.actions.listUnterminated(at(2)).map((a) => a.phase)).toEqual(['Pending', 'TimedOut']);
  });
});
