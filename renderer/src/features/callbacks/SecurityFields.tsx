// Signing secret (Standard Webhooks) and the authentication helper. Stored secrets are never shown: editing
// offers to keep, replace or remove them.
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { errorAt, errorUnder, type FieldError } from '../../components/field-errors.js';
import { FIELD } from './callback-fields.js';
import { t } from '../../i18n/index.js';
import {
  type AuthMode,
  type CallbackDraft,
  generateSigningSecret,
  type SecretMode,
} from './callback-model.js';
import { SecretInput } from '../../components/SecretInput.js';

export function SigningSecretField({
  draft,
  onChange,
  errors,
  current,
}: {
  draft: CallbackDraft;
  onChange(change: Partial<CallbackDraft>): void;
  errors: readonly FieldError[];
  current: string | null;
}) {
  const options: { value: SecretMode; label: string }[] = current
    ? [
        { value: 'keep', label: t('callbacks:secret.keep', { current }) },
        { value: 'new', label: t('callbacks:secret.replace') },
        { value: 'remove', label: t('callbacks:secret.stop') },
      ]
    : [
        { value: 'none', label: t('callbacks:secret.none') },
        { value: 'new', label: t('callbacks:secret.new') },
      ];
  return (
    <Stack gap="xs">
      <Select
        label={t('callbacks:secret.label')}
        description={t('callbacks:secret.description')}
        data={options}
        value={draft.secretMode}
        allowDeselect={false}
        onChange={(v) => {
          const mode = (v ?? 'none') as SecretMode;
          onChange({
            secretMode: mode,
            secret: mode === 'new' ? draft.secret || generateSigningSecret() : '',
          });
        }}
        error={draft.secretMode !== 'new' ? errorAt(errors, FIELD.signingSecret) : undefined}
        maw={460}
      />
      {draft.secretMode === 'new' ? (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('callbacks:secret.newLabel')}
            description={t('callbacks:secret.newDescription')}
            value={draft.secret}
            onChange={(e) => onChange({ secret: e.currentTarget.value })}
            error={errorAt(errors, FIELD.signingSecret)}
            ff="monospace"
            w={460}
          />
          <Button
            variant="light"
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={() => onChange({ secret: generateSigningSecret() })}
          >
            {t('callbacks:secret.generate')}
          </Button>
        </Group>
      ) : null}
      {current && draft.secretMode === 'new' ? (
        <Text size="sm" c="dimmed">
          {t('callbacks:secret.overlap')}
        </Text>
      ) : null}
    </Stack>
  );
}

export function AuthenticationField({
  draft,
  onChange,
  errors,
  current,
}: {
  draft: CallbackDraft;
  onChange(change: Partial<CallbackDraft>): void;
  errors: readonly FieldError[];
  current: { type: string; username?: string | undefined } | null;
}) {
  const options: { value: AuthMode; label: string }[] = [
    ...(current
      ? [
          {
            value: 'keep' as const,
            label: current.username
              ? t('callbacks:auth.keepUser', { type: current.type, username: current.username })
              : t('callbacks:auth.keep', { type: current.type }),
          },
        ]
      : [{ value: 'none' as const, label: t('callbacks:auth.none') }]),
    { value: 'Basic', label: t('callbacks:auth.basic') },
    { value: 'Bearer', label: t('callbacks:auth.bearer') },
    ...(current ? [{ value: 'remove' as const, label: t('callbacks:auth.remove') }] : []),
  ];
  return (
    <Stack gap="xs">
      <Select
        label={t('callbacks:auth.label')}
        description={t('callbacks:auth.description')}
        data={options}
        value={draft.authMode}
        allowDeselect={false}
        onChange={(v) => onChange({ authMode: (v ?? 'none') as AuthMode })}
        error={errorAt(errors, FIELD.authentication)}
        maw={460}
      />
      {draft.authMode === 'Basic' ? (
        <Group align="flex-start">
          <TextInput
            label={t('callbacks:auth.username')}
            value={draft.username}
            onChange={(e) => onChange({ username: e.currentTarget.value })}
            error={errorAt(errors, FIELD.username)}
            w={220}
          />
          <SecretInput
            label={t('callbacks:auth.password')}
            value={draft.password}
            onChange={(e) => onChange({ password: e.currentTarget.value })}
            error={errorAt(errors, FIELD.password)}
            w={220}
          />
        </Group>
      ) : null}
      {draft.authMode === 'Bearer' ? (
        <SecretInput
          label={t('callbacks:auth.token')}
          value={draft.token}
          onChange={(e) => onChange({ token: e.currentTarget.value })}
          error={errorUnder(errors, FIELD.token)}
          w={460}
        />
      ) : null}
    </Stack>
  );
}
