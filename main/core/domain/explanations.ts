// What to tell a depot technician about every status, failure cause and local phase, as a code (issue 17: codes in
// the core, words at the edge). The core decides which explanation applies, how grave it is and whether sending
// again makes sense; the words are the catalogs' (resources/locales/<language>/explain.json: `<code>.title`,
// `<code>.text` for what happened, `<code>.next` for what to do now), rendered by the renderer and the desktop's
// notifications in the reader's language. Meanings from stellantis-api-notes.md N4 and N9; the spec describes no
// failure cause, so several are read from their names (marked "guess" in the notes) and worded cautiously.
import type { ActionPhase, DoneStatus, QueueReason } from '../../../preload/contract/vocabulary.js';
import type { RemoteAction } from './action.js';
import type { FailureCause, PendingStatus } from './status.js';

export type ExplanationSeverity = 'info' | 'success' | 'warning' | 'error';

interface Meta {
  severity: ExplanationSeverity;
  /** Sending the same command again is a sensible next step (once the catalog's next step is done). */
  retryable: boolean;
}

const meta = (severity: ExplanationSeverity, retryable: boolean): Meta => ({ severity, retryable });
const INFO = meta('info', false);

/** The network's Pending statuses (TooManyWakeUpsOverMonth is explained by its failure cause, see lookup order). */
const PENDING = {
  Accepted: INFO,
  WakingUpVehicle: INFO,
  CheckingVehicle: INFO,
  SentToVehicle: INFO,
  VehicleBatteryChargeTooLow: meta('warning', false),
} satisfies Partial<Record<PendingStatus, Meta>>;

/** How a Done action ended. */
const DONE = {
  Success: meta('success', false),
  AlreadyDone: meta('success', false),
  Failed: meta('error', true),
} satisfies Record<DoneStatus, Meta>;

/**
 * The network's failure causes. A cause of the list with no entry here (or one the network invents) gets the
 * generic explanation that names it, `unknown`.
 */
const CAUSES = {
  GeneralError: meta('error', true),
  VehicleError: meta('error', true),
  WrongCommand: meta('error', false),
  VehicleConnectionTimeout: meta('error', true),
  MissingRights: meta('error', false),
  NotPossibleDueToVehicleBatteryLevel: meta('error', false),
  NotPossibleDueToVehiclePrivacyLevel: meta('error', false),
  TooManyWakeUpsOverMonth: meta('error', false),
  TooManyRequestInShortTime: meta('warning', true),
  SameActionInProgress: meta('warning', false),
  NotPossibleDueToVehicleStolenState: meta('error', false),
  VehicleInUse: meta('warning', true),
  TooManyRequestSent: meta('warning', true),
  DoorsOpen: meta('error', true),
  VehicleErrorOrCidInside: meta('error', true),
  CidInside: meta('error', true),
  ExternalChargingSystemError: meta('error', true),
  VehicleChargingSystemError: meta('error', false),
  VehicleIsNotLocked: meta('error', true),
  CanceledByDriver: meta('warning', false),
} satisfies Partial<Record<FailureCause, Meta>>;

/** The phases Depot Remote itself adds around the network (Pending and Done are the network's statuses). */
const PHASES = {
  Sending: INFO,
  Refused: meta('error', false),
  Queued: INFO,
  Expired: meta('warning', true),
  Cancelled: meta('info', true),
  TimedOut: meta('warning', false),
} satisfies Partial<Record<ActionPhase, Meta>>;

/** Why a queued command waits. */
const QUEUE = {
  NETWORK_UNREACHABLE: meta('warning', false),
  SEND_INTERRUPTED: INFO,
  WAKE_UP_FIRST: INFO,
  CALLBACK_PAUSED: meta('warning', false),
} satisfies Record<QueueReason, Meta>;

/**
 * What the agent concluded on its own: the error codes it sets on an Expired or Cancelled action
 * (services/remote-queue.ts), and deep sleep, which the caller's vehicle history suggests (ExplainContext).
 */
const LOCAL = {
  SEND_UNCERTAIN: meta('warning', false),
  NOT_SENT_AFTER_STOP: meta('warning', true),
  WAKE_UP_FAILED: meta('warning', true),
  DeepSleep: meta('error', false),
} satisfies Record<string, Meta>;

// In lookup order: failure causes first, since TooManyWakeUpsOverMonth is also a Pending warning, and as a warning
// it announces exactly that failure, so one explanation serves both. No other name appears in two groups.
const GROUPS = { cause: CAUSES, local: LOCAL, phase: PHASES, queue: QUEUE, done: DONE, pending: PENDING };
type Groups = typeof GROUPS;

/** Every code an explanation can carry, e.g. `cause.DoorsOpen`, `pending.WakingUpVehicle`, `phase.Queued`. */
export type ExplanationCode =
  { [G in keyof Groups]: `${G}.${keyof Groups[G] & string}` }[keyof Groups] | 'unknown';

/** All of them: the catalogs word each (main/core/domain/explanations.keys.ts declares the keys). */
export const EXPLANATION_CODES: readonly ExplanationCode[] = [
  ...Object.entries(GROUPS).flatMap(([group, entries]) =>
    Object.keys(entries).map((name) => `${group}.${name}` as ExplanationCode),
  ),
  'unknown',
];

export interface Explanation {
  /** What to word: `explain:<code>.title`, `.text` and `.next` in the catalogs. */
  code: ExplanationCode;
  /** The values the words name: for `unknown`, the code the network reported (`code`). */
  params?: Readonly<Record<string, string | number>>;
  severity: ExplanationSeverity;
  /** Sending the same command again is a sensible next step (once the next step is done, if it asks for something). */
  retryable: boolean;
}

/** The explanation of a status, failure cause or local phase; unknown codes get a generic one naming the code. */
export function explain(name: string): Explanation {
  for (const [group, entries] of Object.entries(GROUPS)) {
    // Own keys only: "toString" or "__proto__" from the network is an unknown code, not an inherited entry.
    if (Object.hasOwn(entries, name)) {
      const { severity, retryable } = (entries as Record<string, Meta>)[name]!;
      return { code: `${group}.${name}` as ExplanationCode, severity, retryable };
    }
  }
  return { code: 'unknown', params: { code: name }, severity: 'warning', retryable: false };
}

/**
 * Whether the network's error code (HTTP status + two digits, stellantis-api-notes.md N8) says that a later
 * resend may pass.
 */
function refusalRetryable(code: string): boolean {
  const http = /^\d{3}/.exec(code)?.[0];
  return http !== undefined && (http === '429' || http.startsWith('5'));
}

export interface ExplainContext {
  /**
   * The caller's vehicle history suggests deep sleep (e.g. repeated connection timeouts after a wake-up). The
   * action alone cannot tell deep sleep from missing coverage.
   */
  deepSleepSuspected?: boolean;
}

/** The explanation that fits an action where it is now. */
export function explainAction(action: RemoteAction, context: ExplainContext = {}): Explanation {
  switch (action.phase) {
    case 'Done':
      if (action.outcome === 'Failed' && action.failureCause) {
        const deepSleep = context.deepSleepSuspected && action.failureCause === 'VehicleConnectionTimeout';
        return explain(deepSleep ? 'DeepSleep' : action.failureCause);
      }
      return explain(action.outcome ?? action.status ?? 'Failed');
    case 'Refused': {
      const refused = explain('Refused');
      return action.error ? { ...refused, retryable: refusalRetryable(action.error.code) } : refused;
    }
    case 'Pending':
      // Accepted (202) but no event yet: that is what Accepted means.
      return explain(action.status ?? 'Accepted');
    case 'Queued':
      return explain(action.queue?.reason ?? 'Queued');
    case 'Expired':
    case 'Cancelled':
      // Set by the agent when "never sent" is not the whole story (SEND_UNCERTAIN) or it cancelled (WAKE_UP_FAILED).
      return explain(action.error?.code ?? action.phase);
    default:
      return explain(action.phase);
  }
}
