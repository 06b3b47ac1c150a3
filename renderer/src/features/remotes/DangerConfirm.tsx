// The second confirmation of a dangerous command (immobilization, stolen): what will happen, to which vehicle,
// for which reason. Cancel has the focus, so Enter never confirms by accident.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { t } from '../../i18n/index.js';

export function DangerConfirm({
  opened,
  title,
  consequence,
  confirmLabel,
  reason,
  operator,
  onConfirm,
  onCancel,
  busy,
}: {
  opened: boolean;
  title: string;
  consequence: string;
  confirmLabel: string;
  reason: string;
  operator: string;
  onConfirm(): void;
  onCancel(): void;
  busy: boolean;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={
        <Group gap="xs">
          <IconAlertTriangle color="var(--mantine-color-red-7)" aria-hidden />
          <Text fw={700} size="lg">
            {title}
          </Text>
        </Group>
      }
      centered
      size="lg"
    >
      <Stack gap="md">
        <Text>{consequence}</Text>
        <Text>
          <b>{t('remotes:danger.reasonLabel')}</b> {reason}
        </Text>
        <Text>
          <b>{t('remotes:danger.operatorLabel')}</b> {operator}
        </Text>
        <Text size="sm" c="dimmed">
          {t('remotes:danger.audit')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('remotes:danger.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy} data-testid="confirm-danger">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
