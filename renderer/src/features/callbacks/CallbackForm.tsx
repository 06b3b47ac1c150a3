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
import { FEATURES, FEATURE_ORDER } from '../remotes/features.js';
import { AttributesEditor } from './AttributesEditor.js';
import { callbackBody, type CallbackDraft, draftOf, newCallbackDraft } from './callback-model.js';
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
      aria-label={existing ? 'Edit callback' : 'New callback'}
    >
      <Stack gap="lg">
        <ErrorSummary error={failure} focusOnShow />
        <Stack gap="sm">
          <Title order={2} size="h4">
            Webhook
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Name"
              description="Short name of the receiving system."
              required
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value })}
              error={errorAt(errors, 'callback.webhook.name')}
            />
            <TextInput
              label="Label (optional)"
              description="How it is shown in lists."
              value={draft.label}
              onChange={(e) => change({ label: e.currentTarget.value })}
              error={errorAt(errors, 'label')}
            />
          </SimpleGrid>
          <TextInput
            label="Target URL"
            description="Where notifications are posted, e.g. https://fleet.depot.example/stellantis/events"
            required
            value={draft.target}
            onChange={(e) => change({ target: e.currentTarget.value })}
            error={errorAt(errors, 'callback.webhook.target') ?? errorAt(errors, 'callback.webhook')}
          />
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              Remote types
            </Title>
            <Group gap="xs">
              <Button variant="subtle" size="xs" onClick={() => change({ remoteTypes: [...FEATURE_ORDER] })}>
                All
              </Button>
              <Button variant="subtle" size="xs" onClick={() => change({ remoteTypes: [] })}>
                None
              </Button>
            </Group>
          </Group>
          <Checkbox.Group
            value={draft.remoteTypes}
            onChange={(remoteTypes) => change({ remoteTypes })}
            error={errorUnder(errors, 'remoteTypes')}
            aria-label="Remote types this callback receives"
          >
            <SimpleGrid cols={{ base: 2, md: 3 }} mt="xs">
              {FEATURE_ORDER.map((t) => (
                <Checkbox key={t} value={t} label={FEATURES[t].label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={2} size="h4">
            Retries and batching
          </Title>
          <Group align="flex-start" gap="md" wrap="wrap">
            <SegmentedControl
              aria-label="Retry policy"
              mt={24}
              data={[
                { value: 'Bounded', label: 'Retry' },
                { value: 'None', label: 'Single try' },
              ]}
              value={draft.retry}
              onChange={(retry) => change({ retry })}
            />
            {draft.retry === 'Bounded' ? (
              <>
                <NumberInput
                  label="Attempts"
                  min={1}
                  allowDecimal={false}
                  value={draft.retryNumber}
                  onChange={(v) => change({ retryNumber: typeof v === 'number' ? v : '' })}
                  error={errorAt(errors, 'retryPolicy.retryNumber')}
                  w={140}
                />
                <NumberInput
                  label="Seconds between attempts"
                  min={1}
                  allowDecimal={false}
                  value={draft.retryDelay}
                  onChange={(v) => change({ retryDelay: typeof v === 'number' ? v : '' })}
                  error={errorAt(errors, 'retryPolicy.retryDelay')}
                  w={240}
                />
              </>
            ) : null}
          </Group>
          {errorAt(errors, 'retryPolicy') ? (
            <Text c="red" size="sm">
              {errorAt(errors, 'retryPolicy')}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            Time the site is offline does not count against retries; retries stop after 3 days whatever the
            policy.
          </Text>
          <Switch
            label="Gather several events into one call (batch)"
            checked={draft.batch}
            onChange={(e) => change({ batch: e.currentTarget.checked })}
          />
          {draft.batch ? (
            <Group align="flex-start">
              <NumberInput
                label="Events per call"
                min={1}
                allowDecimal={false}
                value={draft.batchSize}
                onChange={(v) => change({ batchSize: typeof v === 'number' ? v : '' })}
                error={errorAt(errors, 'batchNotify.size')}
                w={160}
              />
              <NumberInput
                label="Wait at most (seconds)"
                min={5}
                allowDecimal={false}
                value={draft.batchWindow}
                onChange={(v) => change({ batchWindow: typeof v === 'number' ? v : '' })}
                error={errorAt(errors, 'batchNotify.timeWindow')}
                w={200}
              />
            </Group>
          ) : null}
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={2} size="h4">
            Attributes
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
            Security
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
            Cancel
          </Button>
          {readOnlyNote}
          <Button type="submit" loading={busy} disabled={readOnlyNote !== undefined}>
            {existing ? 'Save changes' : 'Create callback'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
