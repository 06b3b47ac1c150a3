// The desktop's Notifier: a native notification when a remote action completes (Success, AlreadyDone, or Failed
// with the plain-language cause and what to do), whose click brings the window forward on that action.
import { Notification } from 'electron';
import type { RemoteAction } from '../core/domain/action.js';
import { explainAction } from '../core/domain/explanations.js';
import type { RemoteType } from '../core/domain/remote-type.js';
import type { Logger } from '../core/ports/logger.js';
import type { Notifier } from '../core/ports/notifier.js';

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

export function createDesktopNotifier(deps: DesktopNotifierDeps): Notifier & { onScreen(): number } {
  const kept = new Set<Notification>();
  const forget = (n: Notification) => kept.delete(n);

  async function show(action: RemoteAction) {
    if (!Notification.isSupported() || !(await deps.enabled())) return;
    const { title, body } = notificationContent(action, deps.vehicleName(action.vehicleId) ?? action.vin);
    const notification = new Notification({
      title,
      body,
      urgency: action.outcome === 'Failed' ? 'critical' : 'normal',
    });
    notification.on('click', () => {
      forget(notification);
      deps.openAction(action.id);
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

  return {
    actionCompleted(action) {
      show(action).catch((err: unknown) =>
        deps.logger.warn('notification failed', { error: (err as Error).message }),
      );
    },
    onScreen: () => kept.size,
  };
}
