// An action's state in colour, icon AND words, large enough to read across a workshop. Drawn as the theme's Badge
// looks, by plain elements (OutcomeBadge.module.css): the fleet and the history show one per row.
import type { CSSProperties } from 'react';
import {
  IconCircleCheck,
  IconCircleMinus,
  IconCircleX,
  IconClockPause,
  IconClockX,
  IconHourglass,
} from '@tabler/icons-react';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { ActionPhase } from '../../../preload/contract/vocabulary.js';
import { verdictOf } from '../stores/action-phases.js';
import { t } from '../i18n/index.js';
import classes from './OutcomeBadge.module.css';

export function outcomeText(
  action: Pick<RemoteActionDto, 'phase' | 'outcome' | 'status' | 'failureCause'>,
): string {
  switch (action.phase) {
    case 'Queued':
      return t('common:outcome.queued');
    case 'Sending':
      return t('common:outcome.sending');
    case 'Pending':
      return t('common:outcome.inProgress');
    case 'Refused':
      return t('common:outcome.refused');
    case 'Expired':
      return t('common:outcome.expired');
    case 'Cancelled':
      return t('common:outcome.cancelled');
    case 'TimedOut':
      return t('common:outcome.noAnswer');
    case 'Done':
      return action.outcome === 'AlreadyDone'
        ? t('common:outcome.alreadyDone')
        : action.outcome === 'Failed'
          ? t('common:outcome.failed')
          : t('common:outcome.done');
  }
}

const LOOK = {
  'in-progress': { color: 'blue', Icon: IconHourglass },
  success: { color: 'green', Icon: IconCircleCheck },
  failure: { color: 'red', Icon: IconCircleX },
} as const;

/**
 * Phases with a look of their own: waiting its turn is not yet in progress, and a command that never left (taken
 * out of the queue, or past its expiry) did nothing wrong on the vehicle.
 */
const PHASE_LOOK: Partial<Record<ActionPhase, { color: string; Icon: typeof IconHourglass }>> = {
  Queued: { color: 'yellow', Icon: IconClockPause },
  Expired: { color: 'orange', Icon: IconClockX },
  Cancelled: { color: 'gray', Icon: IconCircleMinus },
};

/** The theme's colours for a filled badge, or a light one (the badge's tint, and its text). */
function badgeColors(color: string, variant: 'filled' | 'light'): CSSProperties {
  const vars =
    variant === 'filled'
      ? {
          '--badge-bg': `var(--mantine-color-${color}-filled)`,
          '--badge-color': 'var(--mantine-color-white)',
        }
      : {
          '--badge-bg': `var(--mantine-color-${color}-light)`,
          '--badge-color': `var(--mantine-color-${color}-light-color)`,
        };
  return vars as CSSProperties;
}

export function OutcomeBadge({
  action,
  size = 'lg',
}: {
  action: Pick<RemoteActionDto, 'phase' | 'outcome' | 'status' | 'failureCause'>;
  size?: 'xs' | 'sm' | 'md' | 'lg' | 'xl';
}) {
  const verdict = verdictOf(action);
  const { color, Icon } = PHASE_LOOK[action.phase] ?? LOOK[verdict];
  return (
    <span
      className={classes.badge}
      data-size={size}
      style={badgeColors(color, verdict === 'in-progress' ? 'light' : 'filled')}
      data-verdict={verdict}
      data-phase={action.phase}
      data-testid="outcome-badge"
    >
      <span className={classes.section}>
        <Icon size="1.1em" aria-hidden />
      </span>
      <span className={classes.label}>{outcomeText(action)}</span>
    </span>
  );
}
