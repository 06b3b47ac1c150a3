// Resolving a kept notification applies nothing: it only leaves the attention list. The reason is optional and
// goes to the audit log with the operator's name.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { REASON_MAX_LENGTH } from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';

export function ResolveDialog({
  opened,
  entryId,
  operator,
  busy,
  onResolve,
  onCancel,
}: {
  opened: boolean;
  entryId: number;
  operator: string;
  busy: boolean;
  onResolve(reason: string): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={<Text fw={700}>{t('quarantine:resolve.title', { id: String(entryId) })}</Text>}
      centered
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onResolve(reason);
        }}
      >
        <Stack gap="md">
          <Text>{t('quarantine:resolve.text')}</Text>
          <Textarea
            label={t('quarantine:resolve.reason.label')}
            description={t('quarantine:resolve.reason.description')}
            placeholder={t('quarantine:resolve.reason.placeholder')}
            value={reason}
            maxLength={REASON_MAX_LENGTH}
            autosize
            minRows={2}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Text size="sm" c="dimmed">
            {operator
              ? t('quarantine:resolve.operator', { name: operator })
              : t('quarantine:resolve.operator.unnamed')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('quarantine:resolve.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('quarantine:entry.resolve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
