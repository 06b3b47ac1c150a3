// The browser's Notification API standing in for the desktop tray: when a command ends, say how in plain words (the
// explanation's, in the language shown now); a click brings the app forward on that command.
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import { outcomeText } from '../components/OutcomeBadge.js';
import { t } from '../i18n/index.js';
import { verdictOf } from '../stores/action-phases.js';
import { featureLabel } from '../features/remotes/features.js';
import { explanationWords } from '../features/timeline/explanation-text.js';

export const NOTIFY_KEY = 'depot-remote.notify';

export function completionMessage(
  action: RemoteActionDto,
  vehicleName: string,
): { title: string; body: string } {
  const words = explanationWords(action.explanation);
  const title = t('notices:action.title', {
    feature: featureLabel(action.type),
    vehicle: vehicleName,
    outcome: outcomeText(action),
  });
  const body = verdictOf(action) === 'success' ? words.text : t('notices:action.failed', { ...words });
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
