// The words of the queue per vehicle and feature: a queued command's place in line, why it waits, when it expires,
// what the send form says when the feature is busy, and "send again". The agent sends codes (QUEUE_REASONS); the
// sentences are in the catalog (remotes:queue.*, remotes:resend.*), read when shown.
import type { QueueReason } from '../../../../preload/contract/vocabulary.js';
import { formatDuration } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { featureInSentence } from './features.js';

/** A queued command's place: 1 is the next to go ("Next in line", "2nd in line"). */
export function positionText(position: number): string {
  return position <= 1 ? t('remotes:queue.position.next') : t('remotes:queue.position.nth', { position });
}

/** "A horn command", "An immobilization command": a command of the feature, as the subject of a sentence. */
function commandOf(type: string): string {
  return t('remotes:queue.command', { type });
}

/** Why it waits, besides its place behind a command of the same feature. */
export function queueReasonText(reason: QueueReason): string {
  return t(`remotes:queue.reason.${reason}`);
}

/** Why a queued command waits, in one sentence. */
export function waitingText(type: string, reason: QueueReason | undefined): string {
  if (reason) return queueReasonText(reason);
  return t('remotes:queue.waiting.behind', { feature: featureInSentence(type) });
}

/** "expires in 8 min", from `now` (a queued command still waiting then ends Expired, never sent); null: none. */
export function expiryText(expiresAt: string | null | undefined, now: number): string | null {
  if (!expiresAt) return null;
  const seconds = Math.ceil((Date.parse(expiresAt) - now) / 1000);
  if (!Number.isFinite(seconds)) return null;
  if (seconds <= 0) return t('remotes:queue.expiry.now');
  return t('remotes:queue.expiry.in', { span: formatDuration(seconds) });
}

/** What the send form says when the feature is busy on the vehicle, for a command that queues by itself. */
export function willWaitText(
  type: string,
  vehicle: string,
  lane: { inFlight: number; waiting: number },
): string {
  const position = lane.waiting + 1;
  if (lane.inFlight > 0 && lane.waiting === 0)
    return t('remotes:queue.willWait.inFlight', { command: commandOf(type), vehicle, position });
  if (lane.inFlight > 0)
    return t('remotes:queue.willWait.inFlightAndWaiting', {
      command: commandOf(type),
      vehicle,
      waiting: lane.waiting,
      position,
    });
  return t('remotes:queue.willWait.waiting', {
    feature: featureInSentence(type),
    vehicle,
    waiting: lane.waiting,
    position,
  });
}

/** The same, for a command the agent refuses while the feature is busy unless the technician asks for the queue. */
export function refusedWhenBusyText(type: string, vehicle: string): string {
  return t('remotes:queue.refusedWhenBusy', { command: commandOf(type), vehicle });
}

/** The box that asks for the queue where the agent would otherwise refuse. */
export function queueItLabel(): string {
  return t('remotes:queue.queueIt');
}

export function queuedPositionText(position: number): string {
  return t('remotes:queue.queuedPosition', { position });
}

/** The words of cancel and "send again" (a getter per word: each is read in the language shown now). */
export const RESEND_TEXT = {
  get sendAgain() {
    return t('remotes:resend.sendAgain');
  },
  get wakeAndRetry() {
    return t('remotes:resend.wakeAndRetry');
  },
  get wakeAndRetryWhy() {
    return t('remotes:resend.wakeAndRetryWhy');
  },
  get resentFrom() {
    return t('remotes:resend.resentFrom');
  },
  get resentAs() {
    return t('remotes:resend.resentAs');
  },
  get waitsFor() {
    return t('remotes:resend.waitsFor');
  },
  get cancel() {
    return t('remotes:resend.cancel');
  },
  cancelTitle: (type: string, vehicle: string) =>
    t('remotes:resend.cancelTitle', { feature: featureInSentence(type), vehicle }),
  get cancelConsequence() {
    return t('remotes:resend.cancelConsequence');
  },
  get keepQueued() {
    return t('remotes:resend.keepQueued');
  },
  get confirmCancel() {
    return t('remotes:resend.confirmCancel');
  },
  resendTitle: (type: string, vehicle: string) =>
    t('remotes:resend.resendTitle', { feature: featureInSentence(type), vehicle }),
  resendConsequence: (summary: string, vehicle: string) =>
    t('remotes:resend.resendConsequence', { summary, vehicle }),
};

/** A command in a link: its id is long, the start is enough to tell two apart. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
