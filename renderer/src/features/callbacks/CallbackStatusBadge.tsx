import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { CallbackDto } from '../../../../preload/contract/dto.js';

const LOOK = {
  Running: { color: 'green', Icon: IconPlayerPlay, text: 'Running' },
  Paused: { color: 'gray', Icon: IconPlayerPause, text: 'Paused' },
  Failed: { color: 'red', Icon: IconAlertTriangle, text: 'Failed' },
} as const;

export function CallbackStatusBadge({ status }: { status: CallbackDto['status'] }) {
  const { color, Icon, text } = LOOK[status];
  return (
    <Badge color={color} variant="light" size="lg" leftSection={<Icon size={14} aria-hidden />}>
      {text}
    </Badge>
  );
}
