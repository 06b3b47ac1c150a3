// What the second confirmation says for each dangerous request.
import type { Drafts } from './models/remote-draft.js';

export interface DangerText {
  title: string;
  consequence: string;
  confirmLabel: string;
}

export function immobilizationText(draft: Drafts['Immobilization'], vehicle: string): DangerText {
  return draft.activate
    ? {
        title: `Immobilize ${vehicle}?`,
        consequence: `${vehicle} will not start until it is released. A vehicle already driving is not stopped.`,
        confirmLabel: `Immobilize ${vehicle}`,
      }
    : {
        title: `Release ${vehicle}?`,
        consequence: `${vehicle} will be able to start again.`,
        confirmLabel: `Release ${vehicle}`,
      };
}

export function stolenText(draft: Drafts['Stolen'], vehicle: string): DangerText {
  switch (draft.mode) {
    case 'declare':
      return {
        title: `Declare ${vehicle} stolen?`,
        consequence: `${vehicle} will be declared stolen to the network: it stays awake and reports its position regularly.`,
        confirmLabel: `Declare ${vehicle} stolen`,
      };
    case 'clear':
      return {
        title: `Clear the stolen declaration of ${vehicle}?`,
        consequence: `${vehicle} will no longer be treated as stolen.`,
        confirmLabel: 'Clear the declaration',
      };
    case 'tracking':
      return {
        title: `Change the stolen tracking of ${vehicle}?`,
        consequence: `${vehicle} will report every ${draft.running} (ignition on) and ${draft.shutdown} (ignition off).`,
        confirmLabel: 'Change tracking',
      };
    case 'immobilize':
      return {
        title: `Immobilize ${vehicle} (stolen flow)?`,
        consequence: `${vehicle} will not start until it is released.`,
        confirmLabel: `Immobilize ${vehicle}`,
      };
    case 'release':
      return {
        title: `Release ${vehicle} (stolen flow)?`,
        consequence: `${vehicle} will be able to start again.`,
        confirmLabel: `Release ${vehicle}`,
      };
  }
}
