// Charging (ElectricBatteryChargingRequest): start or stop now, a delayed start, up to 4 programs, or preferences.
import { type Body, freeSlot, sortDays, WORKDAYS, type Weekday } from './shared.js';
import { toRfc3339, toTimeOfDay } from './time-formats.js';

export type ChargingMode = 'start' | 'stop' | 'delayed' | 'programs' | 'preferences';

export interface ChargingProgramDraft {
  slot: number;
  enabled: boolean;
  start: string; // HH:MM
  end: string; // HH:MM or ''
  days: Weekday[];
}

export interface ChargingDraft {
  mode: ChargingMode;
  /** datetime-local value */
  delayedAt: string;
  programs: ChargingProgramDraft[];
  level: string; // '' | Level1…Level5
  type: string; // '' | Partial | Full
}

export function newChargingProgram(used: number[]): ChargingProgramDraft {
  return { slot: freeSlot(used), enabled: true, start: '22:30', end: '06:00', days: [...WORKDAYS] };
}

export const initialCharging = (): ChargingDraft => ({
  mode: 'start',
  delayedAt: '',
  programs: [newChargingProgram([])],
  level: '',
  type: '',
});

export function chargingBody(draft: ChargingDraft): Body {
  switch (draft.mode) {
    case 'start':
      return { charging: { immediate: true } };
    case 'stop':
      return { charging: { immediate: false } };
    case 'delayed':
      return { charging: { schedule: { nextDelayedTime: toRfc3339(draft.delayedAt) } } };
    case 'programs':
      return {
        charging: {
          schedule: {
            programs: draft.programs.map((p) => ({
              slot: p.slot,
              enabled: p.enabled,
              start: toTimeOfDay(p.start),
              ...(p.end.trim() ? { end: toTimeOfDay(p.end) } : {}),
              occurence: { day: sortDays(p.days) },
            })),
          },
        },
      };
    case 'preferences':
      return {
        charging: {
          preferences: {
            ...(draft.level ? { level: draft.level } : {}),
            ...(draft.type ? { type: draft.type } : {}),
          },
        },
      };
  }
}
