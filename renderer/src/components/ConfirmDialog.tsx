// A yes/no question before something that cannot be taken back (delete a group, cancel a bulk command). The safe
// choice has the focus, so Enter never confirms by accident; Escape closes; the refusal, if any, is said inside.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ClientFailure } from '../../../preload/contract/client.js';
import { ErrorSummary } from './ErrorSummary.js';
import { t } from '../i18n/index.js';

export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  keepLabel,
  color = 'red',
  busy,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  keepLabel?: string;
  color?: string;
  busy: boolean;
  error?: ClientFailure | null;
  onConfirm(): void;
  onClose(): void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{title}</Text>} centered>
      <Stack gap="md">
        <ErrorSummary error={error ?? null} />
        <div>{children}</div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {keepLabel ?? t('common:confirm.keep')}
          </Button>
          <Button color={color} onClick={onConfirm} loading={busy} data-testid="confirm-dialog-yes">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
