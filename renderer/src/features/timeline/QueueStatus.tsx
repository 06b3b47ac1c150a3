// A queued command at a glance: its place in line (moving live as the ones before it leave), why it waits, and when
// it expires (counting down). The agent says all of it in `queue`; the words are in remotes/queue-text.ts.
import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconListNumbers } from '@tabler/icons-react';
import type { RemoteActionDto } from '../../../../preload/contract/dto.js';
import { clockText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';
import { t } from '../../i18n/index.js';
import { expiryText, positionText, waitingText } from '../remotes/queue-text.js';

export function QueueStatus({
  action,
}: {
  action: RemoteActionDto & { queue: NonNullable<RemoteActionDto['queue']> };
}) {
  const now = useNow();
  const { position, expiresAt, reason } = action.queue;
  const expiry = expiryText(expiresAt, now);
  return (
    <Paper
      withBorder
      p="md"
      bg="var(--mantine-color-yellow-light)"
      data-testid="queue-status"
      data-position={position}
      data-reason={reason ?? ''}
    >
      <Group gap="sm" align="center" wrap="wrap">
        <ThemeIcon color="yellow" radius="xl" size={30}>
          <IconListNumbers size={18} aria-hidden />
        </ThemeIcon>
        <Text fw={700} size="lg" role="status" data-testid="queue-position">
          {positionText(position)}
        </Text>
        {expiry ? (
          <Text
            c="dimmed"
            data-testid="queue-expiry"
            title={t('timeline:queue.expiresAt', { time: clockText(expiresAt) })}
          >
            {expiry}
          </Text>
        ) : null}
      </Group>
      <Text mt={6} data-testid="queue-reason">
        {waitingText(action.type, reason)}
      </Text>
    </Paper>
  );
}
