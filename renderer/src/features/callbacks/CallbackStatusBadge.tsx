import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle, IconKeyOff, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { CallbackDto } from '../../../../preload/contract/dto.js';

const LOOK = {
  Running: { color: 'green', Icon: IconPlayerPlay, text: 'Running' },
  Paused: { color: 'gray', Icon: IconPlayerPause, text: 'Paused' },
  Failed: { color: 'red', Icon: IconAlertTriangle, text: 'Failed' },
} as const;

/** With `secretsLost` (after --forget-secrets), a second badge says the secrets must be entered again. */
export function CallbackStatusBadge({
  status,
  secretsLost = false,
}: {
  status: CallbackDto['status'];
  secretsLost?: boolean | undefined;
}) {
  const { color, Icon, text } = LOOK[status];
  const badge = (
    <Badge color={color} variant="light" size="lg" leftSection={<Icon size={14} aria-hidden />}>
      {text}
    </Badge>
  );
  if (!secretsLost) return badge;
  return (
    <Group gap={6} wrap="wrap">
      {badge}
      <Badge
        color="red"
        variant="light"
        size="lg"
        leftSection={<IconKeyOff size={14} aria-hidden />}
        title="Its secrets were cleared (--forget-secrets): edit it to enter its signing secret, authentication and hidden header values again. Deliveries are held until then."
      >
        Secrets lost
      </Badge>
    </Group>
  );
}
