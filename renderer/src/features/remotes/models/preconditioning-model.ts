// Preconditioning (ThermalPreconditioning): air conditioning now, or up to 4 weekly programs set or deleted by slot.
// Never both at once: an immediate request carrying programs can overwrite the programs stored in the vehicle.
import { type Body, freeSlot, sortDays, WORKDAYS, type Weekday } from './shared.js';
import { toTimeOfDay } from './time-formats.js';

export interface PreconditioningProgramDraft {
  action: 'Set' | 'Delete';
  slot: number;
  enabled: boolean;
  recurrence: 'Daily' | 'None';
  start: string; // HH:MM
  days: Weekday[];
}

export interface PreconditioningDraft {
  mode: 'now' | 'programs';
  programs: PreconditioningProgramDraft[];
}

export function newPreconditioningProgram(used: number[]): PreconditioningProgramDraft {
  return {
    action: 'Set',
    slot: freeSlot(used),
    enabled: true,
    recurrence: 'Daily',
    start: '07:15',
    days: [...WORKDAYS],
  };
}

export const initialPreconditioning = (): PreconditioningDraft => ({
  mode: 'now',
  programs: [newPreconditioningProgram([])],
});

export function preconditioningBody(draft: PreconditioningDraft): Body {
  if (draft.mode === 'now') return { preconditioning: { airConditioning: { immediate: true } } };
  return {
    preconditioning: {
      airConditioning: {
        programs: draft.programs.map((p) =>
          p.action === 'Delete'
            ? { slot: p.slot, actionsType: 'Delete' }
            : {
                slot: p.slot,
                actionsType: 'Set',
                enabled: p.enabled,
                recurrence: p.recurrence,
                start: toTimeOfDay(p.start),
                occurence: { day: sortDays(p.days) },
              },
        ),
      },
    },
  };
}
