// The desktop's Notifier: a native notification when a remote action completes (Success, AlreadyDone, or Failed
// with the plain-language cause and what to do), whose click brings the window forward on that action; and one when
// a bulk command finishes, with its counts.
import { Notification } from 'electron';
import type { RemoteAction } from '../core/domain/action.js';
import { explainAction } from '../core/domain/explanations.js';
import type { RemoteType } from '../core/domain/remote-type.js';
import type { Logger } from '../core/ports/logger.js';
import type { BulkFinished, Notifier } from '../core/ports/notifier.js';
import { BULK_ITEM_STATES } from '../../preload/contract/vocabulary.js';

/** Feature names as the technician knows them (the same words as the UI). */
export const FEATURE_LABELS: Readonly<Record<RemoteType, string>> = {
  Doors: 'Doors',
  Horn: 'Horn',
  Lights: 'Lights',
  WakeUp: 'State refresh',
  ElectricBatteryChargingRequest: 'Charging',
  ThermalPreconditioning: 'Preconditioning',
  Navigation: 'Navigation',
  Immobilization: 'Immobilization',
  Stolen: 'Stolen',
};

const OUTCOME_TEXT = { Success: 'Done', AlreadyDone: 'Already done', Failed: 'Failed' } as const;

export function notificationContent(
  action: RemoteAction,
  vehicleName: string,
): { title: string; body: string } {
  const explanation = explainAction(action);
  const outcome = action.outcome ? OUTCOME_TEXT[action.outcome] : explanation.title;
  const title = `${FEATURE_LABELS[action.type] ?? action.type} · ${vehicleName}: ${outcome}`;
  const body =
    action.outcome === 'Failed'
      ? `${explanation.title}. ${explanation.explanation} What to do: ${explanation.nextStep}`
      : explanation.explanation;
  return { title, body };
}

/** "Doors to 10 vehicles: finished" / "8 done · 1 failed · 1 skipped". */
export function bulkNotificationContent(summary: BulkFinished): { title: string; body: string } {
  const { counts } = summary;
  const vehicles = `${counts.total} vehicle${counts.total === 1 ? '' : 's'}`;
  const title = `${FEATURE_LABELS[summary.type] ?? summary.type} to ${vehicles}: ${summary.status}`;
  const body = BULK_ITEM_STATES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(' · ');
  return { title, body: body || 'No vehicle.' };
}

export interface DesktopNotifierDeps {
  /** The vehicle's label, or undefined (the VIN is shown then). */
  vehicleName(vehicleId: string): string | undefined;
  openAction(remoteActionId: string): void;
  /** The "desktop notifications" setting. */
  enabled(): boolean | Promise<boolean>;
  logger: Logger;
}

/** Notifications still on screen: Electron drops the click handler of one that is garbage-collected. */
const MAX_KEPT = 50;

export function createDesktopNotifier(
  deps: DesktopNotifierDeps,
): Required<Notifier> & { onScreen(): number } {
  const kept = new Set<Notification>();
  const forget = (n: Notification) => kept.delete(n);

  async function show(
    content: () => { title: string; body: string },
    urgency: 'critical' | 'normal',
    onClick?: () => void,
  ) {
    if (!Notification.isSupported() || !(await deps.enabled())) return;
    const notification = new Notification({ ...content(), urgency });
    notification.on('click', () => {
      forget(notification);
      onClick?.();
    });
    notification.on('close', () => forget(notification));
    notification.on('failed', (_event, error) => {
      forget(notification);
      deps.logger.warn('notification could not be shown', { error });
    });
    kept.add(notification);
    if (kept.size > MAX_KEPT) forget(kept.values().next().value!);
    notification.show();
  }

  const failed = (err: unknown) => deps.logger.warn('notification failed', { error: (err as Error).message });
  return {
    actionCompleted(action) {
      show(
        () => notificationContent(action, deps.vehicleName(action.vehicleId) ?? action.vin),
        action.outcome === 'Failed' ? 'critical' : 'normal',
        () => deps.openAction(action.id),
      ).catch(failed);
    },
    bulkFinished(summary) {
      show(() => bulkNotificationContent(summary), 'normal').catch(failed);
    },
    onScreen: () => kept.size,
  };
}
