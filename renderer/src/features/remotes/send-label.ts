// The send button says what will happen, in the technician's words.
import type { RemoteType } from './features.js';
import type { Drafts } from './models/remote-draft.js';

export function sendLabel<T extends RemoteType>(type: T, draft: Drafts[T]): string {
  const d = draft as Drafts[RemoteType];
  switch (type) {
    case 'Doors':
      return (d as Drafts['Doors']).state === 'Locked' ? 'Lock the doors' : 'Unlock the doors';
    case 'Horn':
      return (d as Drafts['Horn']).state === 'Activated' ? 'Honk' : 'Stop the horn';
    case 'Lights':
      return (d as Drafts['Lights']).on ? 'Flash the lights' : 'Switch the lights off';
    case 'WakeUp':
      return 'Refresh the state';
    case 'ElectricBatteryChargingRequest': {
      const mode = (d as Drafts['ElectricBatteryChargingRequest']).mode;
      return mode === 'start'
        ? 'Start charging'
        : mode === 'stop'
          ? 'Stop charging'
          : mode === 'delayed'
            ? 'Set the delayed start'
            : mode === 'programs'
              ? 'Send the charge programs'
              : 'Set the charge preferences';
    }
    case 'ThermalPreconditioning':
      return (d as Drafts['ThermalPreconditioning']).mode === 'now'
        ? 'Start preconditioning'
        : 'Send the programs';
    case 'Navigation':
      return 'Send the destination';
    case 'Immobilization':
      return (d as Drafts['Immobilization']).activate ? 'Immobilize…' : 'Release…';
    case 'Stolen':
      return 'Send to the vehicle…';
    default:
      return 'Send';
  }
}
