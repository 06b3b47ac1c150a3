// The words of a fleet row's quick actions (a horn to find the vehicle, a lock), one sentence per case: the action
// is a select in each message, so each language words the horn and the lock its own way.
import { t } from '../../i18n/index.js';

export type QuickKind = 'horn' | 'lock';

export const quickText = {
  /** The button's name: "Horn Van 01". */
  name: (action: QuickKind, name: string) => t('fleet:quick.name', { action, name }),
  /** The button's name when it cannot go: "Horn Van 01 (viewers cannot send commands)". */
  nameWhy: (action: QuickKind, name: string, why: string) => t('fleet:quick.nameWhy', { action, name, why }),
  /** Its hover text when it cannot go: "Horn: one is on its way". */
  titleWhy: (action: QuickKind, why: string) => t('fleet:quick.titleWhy', { action, why }),
  sent: (action: QuickKind, name: string) => t('fleet:quick.sent', { action, name }),
  failed: (action: QuickKind, name: string, message: string) =>
    t('fleet:quick.failed', { action, name, message }),
  inProgress: () => t('fleet:quick.inProgress'),
  viewer: () => t('fleet:quick.viewer'),
  noCallback: () => t('fleet:quick.noCallback'),
  cannot: (reason: string | null) =>
    reason ? t('fleet:quick.cannot', { reason }) : t('fleet:quick.cannotUnsupported'),
};
