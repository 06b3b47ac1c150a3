// Resolving a kept notification applies nothing: it only leaves the attention list. The reason is optional and
// goes to the audit log with the operator's name.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { REASON_MAX_LENGTH } from '../../../../preload/contract/vocabulary.js';

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
      title={<Text fw={700}>Resolve kept notification {entryId}</Text>}
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
          <Text>
            Nothing in it is applied: it leaves the list of notifications needing attention and stays readable
            under Resolved.
          </Text>
          <Textarea
            label="Reason (optional)"
            description="Kept in the audit log."
            placeholder="e.g. sent by a test system; the action was sent again"
            value={reason}
            maxLength={REASON_MAX_LENGTH}
            autosize
            minRows={2}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Text size="sm" c="dimmed">
            Operator: {operator || 'not named (enter your name at the top of the page)'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Resolve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
