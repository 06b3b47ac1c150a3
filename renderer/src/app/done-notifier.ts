// The browser's Notification API standing in for the desktop tray: when a command ends, say how in plain words;
// a click brings the app forward on that command.
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import { outcomeText } from '../components/OutcomeBadge.js';
import { verdictOf } from '../stores/action-phases.js';
import { featureLabel } from '../features/remotes/features.js';

export const NOTIFY_KEY = 'depot-remote.notify';

export function completionMessage(
  action: RemoteActionDto,
  vehicleName: string,
): { title: string; body: string } {
  const verdict = verdictOf(action);
  const title = `${featureLabel(action.type)} · ${vehicleName}: ${outcomeText(action)}`;
  const body =
    verdict === 'success'
      ? action.explanation.explanation
      : `${action.explanation.title}. ${action.explanation.explanation} What to do: ${action.explanation.nextStep}`;
  return { title, body };
}

export function createDoneNotifier(options: {
  vehicleName(vehicleId: string): string | undefined;
  open(remoteActionId: string): void;
  enabled(): boolean;
}) {
  return (action: RemoteActionDto) => {
    if (!options.enabled() || typeof Notification === 'undefined' || Notification.permission !== 'granted')
      return;
    const { title, body } = completionMessage(action, options.vehicleName(action.vehicleId) ?? action.vin);
    const notification = new Notification(title, { body, tag: action.remoteActionId });
    notification.onclick = () => {
      window.focus();
      options.open(action.remoteActionId);
      notification.close();
    };
  };
}
