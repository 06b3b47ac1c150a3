// The built-in callback's page ("This workstation"): its name is all there is to edit. It has no webhook, so the
// webhook, retry, batching, attribute and security fields of a site callback are not shown, and the form says why.
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt } from '../../components/field-errors.js';
import { FIELD } from './callback-fields.js';
import { t } from '../../i18n/index.js';
import { LinkedSentence } from '../deliveries/LinkedSentence.js';
import { subscribeOf } from './callback-text.js';
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
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('callbacks:form.edit.label')}
    >
      <Stack gap="lg">
        <ErrorSummary error={failure} focusOnShow />
        <Alert
          color="indigo"
          icon={<IconDeviceDesktop aria-hidden />}
          title={t('callbacks:builtIn.form.title')}
          data-testid="built-in-explanation"
        >
          <Text size="sm">{t('callbacks:builtIn.form.text')}</Text>
          <Text size="sm" mt="xs">
            <LinkedSentence text={t('callbacks:builtIn.form.forward')} href="#/callbacks/new" />
          </Text>
        </Alert>
        <TextInput
          label={t('callbacks:form.name.label')}
          description={t('callbacks:builtIn.form.name.description')}
          required
          maxLength={200}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errorAt(failure?.errors ?? [], FIELD.label)}
          maw={420}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('callbacks:form.cancel')}
          </Button>
          {readOnlyNote}
          <Button type="submit" loading={busy} disabled={readOnlyNote !== undefined}>
            {t('callbacks:form.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
