// The words of the Access policy page: each policy key as a depot says it.
import type { PolicyKey } from '../../../../preload/contract/vocabulary.js';

/** Keyed by the vocabulary's POLICY_KEYS: a key the agent adds fails to compile until it has words. */
export const POLICY_KEY_LABELS: Readonly<Record<PolicyKey, string>> = {
  'Charging.start': 'Charging: start now',
  'Charging.stop': 'Charging: stop',
  'Charging.programs': 'Charging: delayed start, programs, preferences',
  Stolen: 'Stolen: declare, clear, tracking',
  Lights: 'Lights: flash',
  State: 'State refresh (wake-up)',
  Preconditioning: 'Preconditioning: now or weekly programs',
  'Doors.Locked': 'Doors: lock',
  'Doors.Unlocked': 'Doors: unlock',
  Horn: 'Horn: honk',
  'Immobilization.activate': 'Immobilization: immobilize',
  'Immobilization.deactivate': 'Immobilization: release',
  Navigation: 'Navigation: send a destination',
};

export const POLICY_TEXT = {
  title: 'Access policy',
  description:
    'The lowest role that may send each command; higher roles may too. Below it, an operator can ask someone ' +
    'with the role to approve one command on their screen with their PIN.',
  command: 'Command',
  lowestRole: 'Lowest role',
  roleFor: (label: string) => `Lowest role for ${label}`,
  idleLock: 'Lock the screen after (minutes without use)',
  idleLockHelp: '0: never. Applies to every workstation and browser at their next input.',
  idleLockMissing: 'Give a number of minutes (0: never).',
  save: 'Save the policy',
  saved: 'Saved: it applies at once.',
} as const;
