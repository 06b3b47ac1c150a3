// Creating or editing a callback. The API validates with the core's rules; each field message appears next to
// its field and in the summary above the form.
import {
  Button,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt, errorUnder } from '../../components/field-errors.js';
import { FIELD } from './callback-fields.js';
import { t } from '../../i18n/index.js';
import { featureLabel, FEATURE_ORDER } from '../remotes/features.js';
import { AttributesEditor } from './AttributesEditor.js';
import { callbackBody, type CallbackDraft, draftOf, newCallbackDraft } from './callback-model.js';
import { newCallbackTitle } from './callback-text.js';
import { AuthenticationField, SigningSecretField } from './SecurityFields.js';
import type { ReactNode } from 'react';

export function CallbackForm({
  existing,
  onSubmit,
  onCancel,
  readOnlyNote,
}: {
  existing?: CallbackDto | undefined;
  /** Set when this session may not save (not an admin): shown beside the disabled submit. */
  readOnlyNote?: ReactNode;
  onSubmit(body: Record<string, unknown>): Promise<ClientFailure | null>;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState<CallbackDraft>(() =>
    existing ? draftOf(existing) : newCallbackDraft(),
  );
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = failure?.errors ?? [];
  const change = (c: Partial<CallbackDraft>) => setDraft((d) => ({ ...d, ...c }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const error = await onSubmit(callbackBody(draft));
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
      aria-label={existing ? t('callbacks:form.edit.label') : newCallbackTitle()}
    >
      <Stack gap="lg">
        <ErrorSummary error={failure} focusOnShow />
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('callbacks:form.webhook.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={t('callbacks:form.name.label')}
              description={t('callbacks:form.name.description')}
              required
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value })}
              error={errorAt(errors, FIELD.name)}
            />
            <TextInput
              label={t('callbacks:form.label.label')}
              description={t('callbacks:form.label.description')}
              value={draft.label}
              onChange={(e) => change({ label: e.currentTarget.value })}
              error={errorAt(errors, FIELD.label)}
            />
          </SimpleGrid>
          <TextInput
            label={t('callbacks:form.target.label')}
            description={t('callbacks:form.target.description')}
            required
            value={draft.target}
            onChange={(e) => change({ target: e.currentTarget.value })}
            error={errorAt(errors, FIELD.target) ?? errorAt(errors, FIELD.webhook)}
          />
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('callbacks:form.remoteTypes.title')}
            </Title>
            <Group gap="xs">
              <Button variant="subtle" size="xs" onClick={() => change({ remoteTypes: [...FEATURE_ORDER] })}>
                {t('callbacks:form.remoteTypes.all')}
              </Button>
              <Button variant="subtle" size="xs" onClick={() => change({ remoteTypes: [] })}>
                {t('callbacks:form.remoteTypes.none')}
              </Button>
            </Group>
          </Group>
          <Checkbox.Group
            value={draft.remoteTypes}
            onChange={(remoteTypes) => change({ remoteTypes })}
            error={errorUnder(errors, FIELD.remoteTypes)}
            aria-label={t('callbacks:form.remoteTypes.label')}
          >
            <SimpleGrid cols={{ base: 2, md: 3 }} mt="xs">
              {FEATURE_ORDER.map((type) => (
                <Checkbox key={type} value={type} label={featureLabel(type)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('callbacks:form.retries.title')}
          </Title>
          <Group align="flex-start" gap="md" wrap="wrap">
            <SegmentedControl
              aria-label={t('callbacks:form.retry.label')}
              mt={24}
              data={[
                { value: 'Bounded', label: t('callbacks:form.retry.bounded') },
                { value: 'None', label: t('callbacks:form.retry.none') },
              ]}
              value={draft.retry}
              onChange={(retry) => change({ retry })}
            />
            {draft.retry === 'Bounded' ? (
              <>
                <NumberInput
                  label={t('callbacks:form.retry.attempts')}
                  min={1}
                  allowDecimal={false}
                  value={draft.retryNumber}
                  onChange={(v) => change({ retryNumber: typeof v === 'number' ? v : '' })}
                  error={errorAt(errors, FIELD.retryNumber)}
                  w={140}
                />
                <NumberInput
                  label={t('callbacks:form.retry.delay')}
                  min={1}
                  allowDecimal={false}
                  value={draft.retryDelay}
                  onChange={(v) => change({ retryDelay: typeof v === 'number' ? v : '' })}
                  error={errorAt(errors, FIELD.retryDelay)}
                  w={240}
                />
              </>
            ) : null}
          </Group>
          {errorAt(errors, FIELD.retryPolicy) ? (
            <Text c="red" size="sm">
              {errorAt(errors, FIELD.retryPolicy)}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('callbacks:form.retry.note')}
          </Text>
          <Switch
            label={t('callbacks:form.batch.label')}
            checked={draft.batch}
            onChange={(e) => change({ batch: e.currentTarget.checked })}
          />
          {draft.batch ? (
            <Group align="flex-start">
              <NumberInput
                label={t('callbacks:form.batch.size')}
                min={1}
                allowDecimal={false}
                value={draft.batchSize}
                onChange={(v) => change({ batchSize: typeof v === 'number' ? v : '' })}
                error={errorAt(errors, FIELD.batchSize)}
                w={160}
              />
              <NumberInput
                label={t('callbacks:form.batch.window')}
                min={5}
                allowDecimal={false}
                value={draft.batchWindow}
                onChange={(v) => change({ batchWindow: typeof v === 'number' ? v : '' })}
                error={errorAt(errors, FIELD.batchWindow)}
                w={200}
              />
            </Group>
          ) : null}
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('callbacks:form.attributes.title')}
          </Title>
          <AttributesEditor
            value={draft.attributes}
            onChange={(attributes) => change({ attributes })}
            errors={errors}
          />
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('callbacks:form.security.title')}
          </Title>
          <SigningSecretField
            draft={draft}
            onChange={change}
            errors={errors}
            current={existing?.signingSecret ?? null}
          />
          <AuthenticationField
            draft={draft}
            onChange={change}
            errors={errors}
            current={existing?.authentication ?? null}
          />
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('callbacks:form.cancel')}
          </Button>
          {readOnlyNote}
          <Button type="submit" loading={busy} disabled={readOnlyNote !== undefined}>
            {existing ? t('callbacks:form.save') : t('callbacks:form.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
