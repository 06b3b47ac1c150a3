// The built-in callback's page ("This workstation"): its name is all there is to edit. It has no webhook, so the
// webhook, retry, batching, attribute and security fields of a site callback are not shown, and the form says why.
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt } from '../../components/field-errors.js';
import { BUILT_IN_WHERE, subscribeOf } from './callback-text.js';
import type { ReactNode } from 'react';

export function BuiltInCallbackForm({
  existing,
  onSubmit,
  onCancel,
  readOnlyNote,
}: {
  existing: CallbackDto;
  /** Set when this session may not save (not an admin): shown beside the disabled submit. */
  readOnlyNote?: ReactNode;
  onSubmit(body: Record<string, unknown>): Promise<ClientFailure | null>;
  onCancel(): void;
}) {
  const [label, setLabel] = useState(subscribeOf(existing).label ?? '');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const error = await onSubmit({ label: label.trim() });
    setBusy(false);
    setFailure(error);
  }

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Edit callback">
      <Stack gap="lg">
        <ErrorSummary error={failure} focusOnShow />
        <Alert
          color="indigo"
          icon={<IconDeviceDesktop aria-hidden />}
          title={`Built in: ${BUILT_IN_WHERE.toLowerCase()}`}
          data-testid="built-in-explanation"
        >
          <Text size="sm">
            Commands sent through it report here: in the history, the notifications and the tray. It has no
            webhook, so there is nothing to retry, batch, sign or authenticate, and it receives every remote
            type. It can be renamed and paused, not deleted.
          </Text>
          <Text size="sm" mt="xs">
            To forward notifications to a site system too,{' '}
            <Anchor href="#/callbacks/new">add a callback</Anchor> with its webhook.
          </Text>
        </Alert>
        <TextInput
          label="Name"
          description="How it is shown in lists and on the send form."
          required
          maxLength={200}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errorAt(failure?.errors ?? [], 'label')}
          maw={420}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          {readOnlyNote}
          <Button type="submit" loading={busy} disabled={readOnlyNote !== undefined}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
