// The words of the queue per vehicle and feature: a queued command's place in line, why it waits, when it expires,
// what the send form says when the feature is busy, and "send again". The agent sends codes (QUEUE_REASONS); the
// sentences are here.
import type { QueueReason } from '../../../../preload/contract/vocabulary.js';
import { featureLabel } from './features.js';

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** A queued command's place: 1 is the next to go. */
export function positionText(position: number): string {
  return position <= 1 ? 'Next in line' : `${ordinal(position)} in line`;
}

/** "a horn command", "a state refresh command". */
export function commandOf(type: string): string {
  const label = featureLabel(type).toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} command`;
}

/** Why it waits, besides its place behind a command of the same feature. */
export const QUEUE_REASON_TEXT: Readonly<Record<QueueReason, string>> = {
  NETWORK_UNREACHABLE:
    'Waiting for the vehicle network to answer: Depot Remote tries again by itself and sends it as soon as the ' +
    'network is back.',
  SEND_INTERRUPTED:
    'Checking with the network first: Depot Remote stopped while sending it, so it asks the network before sending ' +
    'it again, and it is never sent twice.',
  WAKE_UP_FIRST: 'Waiting for the vehicle to wake up: it goes once the wake-up has succeeded.',
  CALLBACK_PAUSED: 'Waiting because its callback is paused: resume the callback to let it go, or cancel it.',
};

/** Why a queued command waits, in one sentence. */
export function waitingText(type: string, reason: QueueReason | undefined): string {
  if (reason) return QUEUE_REASON_TEXT[reason];
  return `Waiting for the ${featureLabel(type).toLowerCase()} commands ahead of it to finish: it goes by itself, in order.`;
}

function spanText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

/** "expires in 8 min", from `now` (a queued command still waiting then ends Expired, never sent); null: none. */
export function expiryText(expiresAt: string | null | undefined, now: number): string | null {
  if (!expiresAt) return null;
  const seconds = Math.ceil((Date.parse(expiresAt) - now) / 1000);
  if (!Number.isFinite(seconds)) return null;
  if (seconds <= 0) return 'expiring now';
  return `expires in ${spanText(seconds)}`;
}

/** What the send form says when the feature is busy on the vehicle, for a command that queues by itself. */
export function willWaitText(
  type: string,
  vehicle: string,
  lane: { inFlight: number; waiting: number },
): string {
  const position = lane.waiting + 1;
  const command = commandOf(type);
  if (lane.inFlight > 0 && lane.waiting === 0)
    return `${capitalize(command)} is in progress on ${vehicle}: this one will wait in the queue and go when it finishes (position ${position}).`;
  if (lane.inFlight > 0)
    return `${capitalize(command)} is in progress on ${vehicle} and ${lane.waiting} more ${lane.waiting === 1 ? 'is' : 'are'} waiting: this one will wait in the queue and go after them (position ${position}).`;
  return `${lane.waiting} ${featureLabel(type).toLowerCase()} command${lane.waiting === 1 ? ' is' : 's are'} already waiting for ${vehicle}: this one will wait in the queue behind ${lane.waiting === 1 ? 'it' : 'them'} (position ${position}).`;
}

/** The same, for a command the agent refuses while the feature is busy unless the technician asks for the queue. */
export function refusedWhenBusyText(type: string, vehicle: string): string {
  return (
    `${capitalize(commandOf(type))} is already in progress on ${vehicle}. This one is not queued on its own: the ` +
    'agent refuses it while the other is under way, unless you tick the box below. It then waits in the queue and ' +
    'goes by itself when the other finishes.'
  );
}

export const QUEUE_IT_LABEL = 'Queue it behind the one in progress';

export function queuedPositionText(position: number): string {
  return `It will wait in the queue (position ${position}) and go by itself, in order.`;
}

export const RESEND_TEXT = {
  sendAgain: 'Send again',
  wakeAndRetry: 'Wake and retry',
  wakeAndRetryWhy:
    'The vehicle could not be reached or woken in time. Wake and retry sends a wake-up first; the command goes once ' +
    'the wake-up has succeeded, and is cancelled if it fails.',
  resentFrom: 'Sent again from',
  resentAs: 'Sent again as',
  waitsFor: 'Goes after the wake-up',
  cancel: 'Cancel this command',
  cancelTitle: (type: string, vehicle: string) =>
    `Cancel the queued ${featureLabel(type).toLowerCase()} of ${vehicle}?`,
  cancelConsequence: 'It leaves the queue and is never sent. The cancellation is written to the audit log.',
  keepQueued: 'Keep it queued',
  confirmCancel: 'Cancel the command',
  resendTitle: (type: string, vehicle: string) =>
    `Send the ${featureLabel(type).toLowerCase()} to ${vehicle} again?`,
  resendConsequence: (summary: string, vehicle: string) =>
    `"${summary}" goes to ${vehicle} again, as a new command linked to this one.`,
} as const;

/** A command in a link: its id is long, the start is enough to tell two apart. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
