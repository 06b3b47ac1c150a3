// What the second confirmation says for each dangerous request.
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import type { Drafts } from './models/remote-draft.js';

export interface DangerText {
  title: string;
  consequence: string;
  confirmLabel: string;
}

export function immobilizationText(draft: Drafts['Immobilization'], vehicle: string): DangerText {
  return draft.activate
    ? {
        title: t('remotes:danger.immobilize.title', { vehicle }),
        consequence: t('remotes:danger.immobilize.consequence', { vehicle }),
        confirmLabel: t('remotes:danger.immobilize.confirm', { vehicle }),
      }
    : {
        title: t('remotes:danger.release.title', { vehicle }),
        consequence: t('remotes:danger.release.consequence', { vehicle }),
        confirmLabel: t('remotes:danger.release.confirm', { vehicle }),
      };
}

/** A tracking period as typed: a number in the locale's digits, or nothing when left empty. */
const period = (value: number | '') => (value === '' ? '' : formatNumber(value));

export function stolenText(draft: Drafts['Stolen'], vehicle: string): DangerText {
  switch (draft.mode) {
    case 'declare':
      return {
        title: t('remotes:danger.declare.title', { vehicle }),
        consequence: t('remotes:danger.declare.consequence', { vehicle }),
        confirmLabel: t('remotes:danger.declare.confirm', { vehicle }),
      };
    case 'clear':
      return {
        title: t('remotes:danger.clear.title', { vehicle }),
        consequence: t('remotes:danger.clear.consequence', { vehicle }),
        confirmLabel: t('remotes:danger.clear.confirm'),
      };
    case 'tracking':
      return {
        title: t('remotes:danger.tracking.title', { vehicle }),
        consequence: t('remotes:danger.tracking.consequence', {
          vehicle,
          running: period(draft.running),
          shutdown: period(draft.shutdown),
        }),
        confirmLabel: t('remotes:danger.tracking.confirm'),
      };
    case 'immobilize':
      return {
        title: t('remotes:danger.stolenImmobilize.title', { vehicle }),
        consequence: t('remotes:danger.stolenImmobilize.consequence', { vehicle }),
        confirmLabel: t('remotes:danger.immobilize.confirm', { vehicle }),
      };
    case 'release':
      return {
        title: t('remotes:danger.stolenRelease.title', { vehicle }),
        consequence: t('remotes:danger.release.consequence', { vehicle }),
        confirmLabel: t('remotes:danger.release.confirm', { vehicle }),
      };
  }
}
