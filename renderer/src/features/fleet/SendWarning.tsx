// One line in the send area, before a command that will wake a sleeping vehicle (it takes longer and uses one of
// the month's wake-ups) or that the network will refuse as things stand. A line, not a dialog: it informs, the
// technician decides.
import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconZzz } from '@tabler/icons-react';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import type { RemoteType } from '../../../../preload/contract/vocabulary.js';
import { sendWarningText } from './fleet-text.js';

/** Full privacy refuses every remote but these (the core's readiness rule). */
const PRIVACY_EXEMPT: readonly RemoteType[] = ['Immobilization', 'Stolen'];

/** What to say before sending this feature, or null when the command goes as usual. */
export function sendWarning(
  vehicle: VehicleSummaryDto,
  type: RemoteType,
): { tone: 'info' | 'error'; text: string } | null {
  const name = vehicle.label ?? vehicle.vin;
  const { readiness, wakeUps } = vehicle;
  switch (readiness.code) {
    case 'deep-sleep':
      return { tone: 'error', text: sendWarningText.deepSleep(name) };
    case 'privacy':
      if (!PRIVACY_EXEMPT.includes(type)) return { tone: 'error', text: sendWarningText.privacy(name) };
      break;
    case 'no-wake-ups-left':
      return { tone: 'error', text: sendWarningText.noWakeUpsLeft(name, wakeUps.resetsAt) };
    default:
      break;
  }
  // Asleep whatever else it is (immobilized and asleep still wakes for the command).
  if (readiness.code === 'will-wake' || vehicle.states.includes('Asleep')) {
    const left = Number(readiness.params.wakeUpsLeft ?? Math.max(0, wakeUps.budget - wakeUps.usedThisMonth));
    return { tone: 'info', text: sendWarningText.willWake(name, left) };
  }
  return null;
}

export function SendWarning({ vehicle, type }: { vehicle: VehicleSummaryDto; type: RemoteType }) {
  const warning = sendWarning(vehicle, type);
  if (!warning) return null;
  return (
    <Alert
      color={warning.tone === 'error' ? 'red' : 'yellow'}
      icon={warning.tone === 'error' ? <IconAlertTriangle aria-hidden /> : <IconZzz aria-hidden />}
      p="sm"
      data-testid="send-warning"
      data-tone={warning.tone}
    >
      {warning.text}
    </Alert>
  );
}
