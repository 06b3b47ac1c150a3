// The single-setting features: doors, horn, lights, state refresh, immobilization and stolen.
import type { Body } from './shared.js';

export interface DoorsDraft {
  state: 'Locked' | 'Unlocked';
}
export const doorsBody = (d: DoorsDraft): Body => ({ door: { state: d.state } });

export interface HornDraft {
  state: 'Activated' | 'Unactivated';
}
export const hornBody = (d: HornDraft): Body => ({ horn: { state: d.state } });

export interface LightsDraft {
  on: boolean;
}
export const lightsBody = (d: LightsDraft): Body => ({ lights: { on: d.on } });

export const wakeUpBody = (): Body => ({ wakeUp: { action: 'WakeUp' } });

export interface ImmobilizationDraft {
  activate: boolean;
}
export const immobilizationBody = (d: ImmobilizationDraft): Body => ({
  immobilization: { activate: d.activate },
});

export type StolenMode = 'declare' | 'clear' | 'tracking' | 'immobilize' | 'release';
export interface StolenDraft {
  mode: StolenMode;
  running: number | '';
  shutdown: number | '';
}
export const initialStolen = (): StolenDraft => ({ mode: 'declare', running: 30, shutdown: 120 });

export function stolenBody(d: StolenDraft): Body {
  switch (d.mode) {
    case 'declare':
      return { stolen: { stolen: true } };
    case 'clear':
      return { stolen: { stolen: false } };
    case 'immobilize':
      return { stolen: { immobilization: { activate: true } } };
    case 'release':
      return { stolen: { immobilization: { activate: false } } };
    case 'tracking':
      return {
        stolen: {
          trackingPeriod: {
            ...(d.running !== '' ? { running: d.running } : {}),
            ...(d.shutdown !== '' ? { shutdown: d.shutdown } : {}),
          },
        },
      };
  }
}
