// Plain-language explanations of every status, failure cause and local phase, for a depot technician
// (meanings from stellantis-api-notes.md N4 and N9). The spec describes no failure cause, so several meanings
// are read from their names (marked "guess" in the notes); the wording stays cautious where that is the case.
import type { RemoteAction } from './action.js';

export type ExplanationSeverity = 'info' | 'success' | 'warning' | 'error';

export interface Explanation {
  title: string;
  explanation: string;
  /** What the technician should do now, concretely. */
  nextStep: string;
  severity: ExplanationSeverity;
  /** Sending the same command again is a sensible next step (once `nextStep` is done, if it asks for something). */
  retryable: boolean;
}

type Entry = Explanation;

const info = (title: string, explanation: string, nextStep: string): Entry => ({
  title,
  explanation,
  nextStep,
  severity: 'info',
  retryable: false,
});

const PENDING: Record<string, Entry> = {
  Accepted: info(
    'Accepted by the network',
    'Stellantis accepted the command and is processing it.',
    'Wait: each step appears here as it happens. Do not send the command again.',
  ),
  WakingUpVehicle: info(
    'Waking up the vehicle',
    'The vehicle was asleep, so the network is waking it first. This usually adds about 25 seconds; allow up to 3 minutes.',
    'Wait: do not send the command again, a second one would be refused as already in progress.',
  ),
  CheckingVehicle: info(
    'Checking the vehicle',
    'The network is checking the vehicle before forwarding the command.',
    'Wait: the command is usually sent to the vehicle within seconds.',
  ),
  SentToVehicle: info(
    'Sent to the vehicle',
    'The command has reached the vehicle, which is carrying it out.',
    'Wait: the vehicle usually answers within seconds.',
  ),
  VehicleBatteryChargeTooLow: {
    title: 'Battery charge too low',
    explanation:
      "A check before sending found the vehicle's battery too low. The command will probably be refused to protect the battery.",
    nextStep: 'Wait for the final result. If it fails, charge the vehicle before sending the command again.',
    severity: 'warning',
    retryable: false,
  },
};

const DONE: Record<string, Entry> = {
  Success: {
    title: 'Done',
    explanation: 'The vehicle carried out the command.',
    nextStep: 'Nothing more to do.',
    severity: 'success',
    retryable: false,
  },
  AlreadyDone: {
    title: 'Already done',
    explanation:
      'The vehicle was already in the requested state (for example already locked), so nothing had to change. This counts as a success.',
    nextStep: 'Nothing more to do.',
    severity: 'success',
    retryable: false,
  },
  Failed: {
    title: 'Command failed',
    explanation: 'The network reported that the command failed, without giving a reason.',
    nextStep:
      'Check the vehicle, then send the command again. If it fails again, contact Stellantis support with the command id.',
    severity: 'error',
    retryable: true,
  },
};

const failure = (
  title: string,
  explanation: string,
  nextStep: string,
  retryable: boolean,
  severity: ExplanationSeverity = 'error',
): Entry => ({ title, explanation, nextStep, severity, retryable });

const FAILURES: Record<string, Entry> = {
  GeneralError: failure(
    'Error in the Stellantis network',
    'The network failed to process the command and gave no specific reason.',
    'Send the command again in a few minutes. If it keeps failing, contact Stellantis support with the command id.',
    true,
  ),
  VehicleError: failure(
    'The vehicle reported an error',
    'The vehicle reported an error while carrying out the command.',
    'Check the vehicle (ignition off, doors closed, no warning lights on the dashboard) and send again. If it keeps failing, have the vehicle inspected.',
    true,
  ),
  WrongCommand: failure(
    'Command not supported by this vehicle',
    "The vehicle or its connected services do not support this command or these settings. Door, horn and lights commands need the vehicle's Remote control or Connect Plus service.",
    "Check the vehicle's capabilities and services before trying again; sending the same command again will not help.",
    false,
  ),
  VehicleConnectionTimeout: failure(
    'Vehicle could not be reached',
    'The network could not reach or wake the vehicle in time. Usually it has no mobile coverage (underground car park, remote corner of the yard), or it is in deep sleep: a vehicle that has not made a trip of at least 15 minutes in the last 7 days switches off its connectivity to save its 12 V battery.',
    'Move the vehicle into mobile coverage and send again. If it keeps timing out, it is probably in deep sleep: drive it for at least 15 minutes, then send again.',
    true,
  ),
  MissingRights: failure(
    'Not authorised for this command',
    'The fleet account or the application does not have the right (contract, service or permission) to send this command to this vehicle.',
    "Ask the fleet administrator to check the vehicle's enrolment and the services subscribed for it; sending again will not help until that is fixed.",
    false,
  ),
  NotPossibleDueToVehicleBatteryLevel: failure(
    'Battery too low',
    'The vehicle refused the command to protect its battery: the charge level is too low (the 12 V battery or, for an electric vehicle, the traction battery).',
    'Charge the vehicle (or let it charge its 12 V battery by driving it), then send the command again.',
    false,
  ),
  NotPossibleDueToVehiclePrivacyLevel: failure(
    "Blocked by the vehicle's privacy setting",
    "The vehicle's privacy setting, chosen on its screen, blocks remote commands.",
    'In the vehicle, change the privacy setting to allow data and location sharing (remote services), then send again.',
    false,
  ),
  TooManyWakeUpsOverMonth: failure(
    'Monthly wake-up limit reached',
    'To protect its 12 V battery, a vehicle may only be woken remotely a limited number of times per month. This vehicle has used its quota, so commands that must wake it fail until the month ends.',
    'Wait until next month, or send the command while the vehicle is awake (just after it has been driven); avoid State refreshes in the meantime.',
    false,
  ),
  TooManyRequestInShortTime: failure(
    'Too many commands in a short time',
    'The network limits how many commands one vehicle can receive in a short period.',
    'Wait a few minutes, then send the command again.',
    true,
    'warning',
  ),
  SameActionInProgress: failure(
    'The same command is already running',
    'A command of the same type is still in progress on this vehicle, so the network refused this one.',
    "Wait for the running command to finish (see the vehicle's timeline); send again only if it did not do what you need.",
    false,
    'warning',
  ),
  NotPossibleDueToVehicleStolenState: failure(
    'Vehicle is in stolen mode',
    'The vehicle is marked as stolen, so the network refuses this command.',
    'A supervisor must clear the stolen status (Stolen: not stolen) before other commands can be sent.',
    false,
  ),
  VehicleInUse: failure(
    'Vehicle is in use',
    'The command was refused because the vehicle is being used or driven (ignition on).',
    'Wait until the vehicle is parked with the ignition off, then send the command again.',
    true,
    'warning',
  ),
  TooManyRequestSent: failure(
    'Command quota exceeded',
    'A quota of commands for this vehicle or for the fleet account is used up.',
    'Wait before sending again (at least an hour). If it keeps happening, ask the fleet administrator to check the account quota.',
    true,
    'warning',
  ),
  DoorsOpen: failure(
    'A door is open',
    'The vehicle cannot carry out the command (for example lock) while a door, the boot or the bonnet is open.',
    'Close all doors, the boot and the bonnet, then send the command again.',
    true,
  ),
  VehicleErrorOrCidInside: failure(
    'Key inside or vehicle error',
    'The vehicle refused the command: either a key was detected inside it, or the vehicle reported an error.',
    'Remove any key from the vehicle and lock again. If no key is inside, check the vehicle and send the command again.',
    true,
  ),
  CidInside: failure(
    'Key detected inside the vehicle',
    'The vehicle will not lock remotely while a key is inside it.',
    'Remove the key from the vehicle and lock again.',
    true,
  ),
  ExternalChargingSystemError: failure(
    'Charging station or cable fault',
    'The charge could not be controlled because of a problem on the charging station or cable side.',
    'Check that the cable is plugged in firmly at both ends and that the station is powered and authorised, then send again.',
    true,
  ),
  VehicleChargingSystemError: failure(
    "Fault in the vehicle's charging system",
    "The vehicle's on-board charger reported a fault.",
    "Check the dashboard for charging warnings and try another charging station; if it persists, have the vehicle's charging system inspected.",
    false,
  ),
  VehicleIsNotLocked: failure(
    'Vehicle must be locked',
    'This command (for example preconditioning) only runs on a locked vehicle.',
    'Lock the vehicle (Doors: lock), then send the command again.',
    true,
  ),
  CanceledByDriver: failure(
    'Cancelled in the vehicle',
    'Someone in the vehicle declined or cancelled the command.',
    'Check with the driver before sending the command again.',
    false,
    'warning',
  ),
};

const LOCAL: Record<string, Entry> = {
  Sending: info(
    'Sending to the network',
    'Depot Remote is passing the command to the Stellantis network.',
    'Wait a moment: the network answers within seconds.',
  ),
  Refused: failure(
    'Refused by the network',
    'The Stellantis network did not accept the command, so it will not be carried out. The error details say why (for example a setting it does not accept, no access to this vehicle, a rate limit, or a send that was interrupted).',
    "Read the error details and correct the command or wait for the network; if the send was interrupted, check the vehicle's recent actions first. Then send it again.",
    false,
  ),
  Queued: info(
    'Waiting its turn',
    'Another command of the same kind is still running on this vehicle, so this one waits in the queue and goes by itself once the one before it has finished.',
    'Nothing to do: it goes by itself. Cancel it if it is no longer needed; it expires if it cannot go in time.',
  ),
  NETWORK_UNREACHABLE: {
    title: 'Waiting for the network',
    explanation:
      'The Stellantis network could not be reached, so the command waits in the queue. Depot Remote tries again by itself, more slowly as time passes, and sends it as soon as the network answers.',
    nextStep:
      'Nothing to do: it goes by itself. Cancel it if it is no longer needed; it expires if it cannot go in time.',
    severity: 'warning',
    retryable: false,
  },
  SEND_INTERRUPTED: info(
    'Checking with the network',
    'Depot Remote stopped while this command was being sent, so the network may already have it. Depot Remote asks the network before sending it, so that it is never sent twice.',
    'Nothing to do: it goes by itself, or follows the command the network already has.',
  ),
  WAKE_UP_FIRST: info(
    'Waiting for the wake-up',
    'The vehicle is being woken first; this command goes once the wake-up has succeeded.',
    'Nothing to do: it goes by itself. If the wake-up fails, it is cancelled.',
  ),
  CALLBACK_PAUSED: {
    title: 'Waiting: callback paused',
    explanation: 'The callback this command reports to is paused, so the command waits in the queue.',
    nextStep: 'Resume the callback to let it go, or cancel the command.',
    severity: 'warning',
    retryable: false,
  },
  Expired: failure(
    'Expired before sending',
    'The command waited in the queue (behind another command of the same kind, or for the network) and its expiry passed before it could be sent. It never reached the vehicle.',
    'Send the command again if it is still needed.',
    true,
    'warning',
  ),
  SEND_UNCERTAIN: failure(
    'Expired: may have been sent',
    'The command expired while the network could not be reached. An earlier attempt to send it was cut short, so the network may have received it after all.',
    "Check the vehicle's recent actions (or refresh its State) before sending it again.",
    false,
    'warning',
  ),
  Cancelled: failure(
    'Cancelled before sending',
    'The command was taken out of the queue before it was sent. It never reached the vehicle.',
    'Send the command again if it is needed after all.',
    true,
    'info',
  ),
  NOT_SENT_AFTER_STOP: failure(
    'Not sent: the agent stopped',
    'Depot Remote stopped before this command reached the network. Immobilization, stolen mode and unlocking are never sent later on their own, so it was not sent.',
    'Send the command again if it is still needed.',
    true,
    'warning',
  ),
  WAKE_UP_FAILED: failure(
    'Cancelled: the wake-up failed',
    'This command was waiting for the vehicle to wake up, but the wake-up did not succeed, so it was not sent.',
    "Read the wake-up's result on its own timeline, then send the command again.",
    true,
    'warning',
  ),
  TimedOut: failure(
    'No result yet',
    'The network accepted the command, but no final result arrived in time. The vehicle may still carry it out; a late result will still update this command.',
    'Check the vehicle (or refresh its State) before sending again, so the command is not carried out twice.',
    false,
    'warning',
  ),
  DeepSleep: failure(
    'Vehicle in deep sleep',
    'The vehicle has not made a trip of at least 15 minutes in a row in the last 7 days, so it switched off its connectivity to save its 12 V battery. Every remote command fails until it is driven again; sending again will not help.',
    'Drive the vehicle for at least 15 minutes, then send the command again.',
    false,
  ),
};

// Failure causes last: TooManyWakeUpsOverMonth is both a pending warning and a failure cause, and as a warning
// it announces exactly that failure, so one explanation serves both.
const EXPLANATIONS: Readonly<Record<string, Entry>> = { ...PENDING, ...DONE, ...LOCAL, ...FAILURES };

/** The explanation of a status, failure cause or local phase; unknown codes get a generic one naming the code. */
export function explain(code: string): Explanation {
  const known = Object.hasOwn(EXPLANATIONS, code) ? EXPLANATIONS[code] : undefined;
  if (known !== undefined) return { ...known };
  return {
    title: `Unknown status ${code}`,
    explanation: `The network reported "${code}", which Depot Remote does not know yet.`,
    nextStep:
      'Check the vehicle, then send the command again if needed. If it keeps happening, report the code and the command id to support.',
    severity: 'warning',
    retryable: false,
  };
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
