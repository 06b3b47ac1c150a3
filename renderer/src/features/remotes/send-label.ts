// The send button says what will happen, in the technician's words.
import { t } from '../../i18n/index.js';
import type { RemoteType } from './features.js';
import type { Drafts } from './models/remote-draft.js';

export function sendLabel<T extends RemoteType>(type: T, draft: Drafts[T]): string {
  const d = draft as Drafts[RemoteType];
  switch (type) {
    case 'Doors':
      return (d as Drafts['Doors']).state === 'Locked'
        ? t('remotes:send.button.lockDoors')
        : t('remotes:send.button.unlockDoors');
    case 'Horn':
      return (d as Drafts['Horn']).state === 'Activated'
        ? t('remotes:action.honk')
        : t('remotes:action.stopHorn');
    case 'Lights':
      return (d as Drafts['Lights']).on
        ? t('remotes:action.flashLights')
        : t('remotes:send.button.lightsOff');
    case 'WakeUp':
      return t('remotes:send.button.refreshState');
    case 'ElectricBatteryChargingRequest': {
      switch ((d as Drafts['ElectricBatteryChargingRequest']).mode) {
        case 'start':
          return t('remotes:action.startCharging');
        case 'stop':
          return t('remotes:action.stopCharging');
        case 'delayed':
          return t('remotes:send.button.delayedStart');
        case 'programs':
          return t('remotes:send.button.chargePrograms');
        case 'preferences':
          return t('remotes:send.button.chargePreferences');
      }
      break;
    }
    case 'ThermalPreconditioning':
      return (d as Drafts['ThermalPreconditioning']).mode === 'now'
        ? t('remotes:send.button.startPreconditioning')
        : t('remotes:send.button.programs');
    case 'Navigation':
      return t('remotes:send.button.destination');
    case 'Immobilization':
      return (d as Drafts['Immobilization']).activate
        ? t('remotes:send.button.immobilize')
        : t('remotes:send.button.release');
    case 'Stolen':
      return t('remotes:send.button.stolen');
  }
  return t('remotes:send.button.send');
}
