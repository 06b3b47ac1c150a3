import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle, IconKeyOff, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { t } from '../../i18n/index.js';

const LOOK = {
  Running: { color: 'green', Icon: IconPlayerPlay },
  Paused: { color: 'gray', Icon: IconPlayerPause },
  Failed: { color: 'red', Icon: IconAlertTriangle },
} as const;

/** A callback's status in words (read when shown: the language can change). */
export function callbackStatusText(status: CallbackDto['status']): string {
  switch (status) {
    case 'Running':
      return t('callbacks:status.running');
    case 'Paused':
      return t('callbacks:status.paused');
    case 'Failed':
      return t('callbacks:status.failed');
  }
}

/** With `secretsLost` (after --forget-secrets), a second badge says the secrets must be entered again. */
export function CallbackStatusBadge({
  status,
  secretsLost = false,
}: {
  status: CallbackDto['status'];
  secretsLost?: boolean | undefined;
}) {
  const { color, Icon } = LOOK[status];
  const badge = (
    <Badge color={color} variant="light" size="lg" leftSection={<Icon size={14} aria-hidden />}>
      {callbackStatusText(status)}
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
        title={t('callbacks:status.secretsLost.title')}
      >
        {t('callbacks:status.secretsLost.badge')}
      </Badge>
    </Group>
  );
}
