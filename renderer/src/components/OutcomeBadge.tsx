// An action's state in colour, icon AND words, large enough to read across a workshop.
import { Badge, type MantineSize } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconHourglass } from '@tabler/icons-react';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import { verdictOf } from '../stores/action-phases.js';

export function outcomeText(
  action: Pick<RemoteActionDto, 'phase' | 'outcome' | 'status' | 'failureCause'>,
): string {
  switch (action.phase) {
    case 'Sending':
      return 'Sending';
    case 'Pending':
      return 'In progress';
    case 'Refused':
      return 'Refused';
    case 'Expired':
      return 'Expired';
    case 'TimedOut':
      return 'No answer';
    case 'Done':
      return action.outcome === 'AlreadyDone'
        ? 'Already done'
        : action.outcome === 'Failed'
          ? 'Failed'
          : 'Done';
  }
}

const LOOK = {
  'in-progress': { color: 'blue', Icon: IconHourglass },
  success: { color: 'green', Icon: IconCircleCheck },
  failure: { color: 'red', Icon: IconCircleX },
} as const;

export function OutcomeBadge({
  action,
  size = 'lg',
}: {
  action: Pick<RemoteActionDto, 'phase' | 'outcome' | 'status' | 'failureCause'>;
  size?: MantineSize;
}) {
  const verdict = verdictOf(action);
  const { color, Icon } = LOOK[verdict];
  return (
    <Badge
      color={color}
      size={size}
      variant={verdict === 'in-progress' ? 'light' : 'filled'}
      leftSection={<Icon size="1.1em" aria-hidden />}
      data-verdict={verdict}
      data-testid="outcome-badge"
    >
      {outcomeText(action)}
    </Badge>
  );
}
