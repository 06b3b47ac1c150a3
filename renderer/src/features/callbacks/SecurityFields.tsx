// Signing secret (Standard Webhooks) and the authentication helper. Stored secrets are never shown: editing
// offers to keep, replace or remove them.
import { Button, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { errorAt, errorUnder, type FieldError } from '../../components/field-errors.js';
import {
  type AuthMode,
  type CallbackDraft,
  generateSigningSecret,
  type SecretMode,
} from './callback-model.js';

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
        { value: 'keep', label: `Keep the current one (${current})` },
        { value: 'new', label: 'Replace it with a new one' },
        { value: 'remove', label: 'Stop signing' },
      ]
    : [
        { value: 'none', label: 'Do not sign' },
        { value: 'new', label: 'Sign with a new secret' },
      ];
  return (
    <Stack gap="xs">
      <Select
        label="Signing secret"
        description="Signed deliveries let the receiving system check they come from this agent (Standard Webhooks)."
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
        error={draft.secretMode !== 'new' ? errorAt(errors, 'signingSecret') : undefined}
        maw={460}
      />
      {draft.secretMode === 'new' ? (
        <Group align="flex-end" gap="xs">
          <TextInput
            label="New secret"
            description="Shown once, after saving: copy it into the receiving system then."
            value={draft.secret}
            onChange={(e) => onChange({ secret: e.currentTarget.value })}
            error={errorAt(errors, 'signingSecret')}
            ff="monospace"
            w={460}
          />
          <Button
            variant="light"
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={() => onChange({ secret: generateSigningSecret() })}
          >
            Generate
          </Button>
        </Group>
      ) : null}
      {current && draft.secretMode === 'new' ? (
        <Text size="sm" c="dimmed">
          The current secret stays valid for 24 hours, so the receiving system can switch over.
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
            label: `Keep the current one (${current.type}${current.username ? `, ${current.username}` : ''})`,
          },
        ]
      : [{ value: 'none' as const, label: 'None' }]),
    { value: 'Basic', label: 'Basic (user name and password)' },
    { value: 'Bearer', label: 'Bearer token' },
    ...(current ? [{ value: 'remove' as const, label: 'Remove authentication' }] : []),
  ];
  return (
    <Stack gap="xs">
      <Select
        label="Authentication"
        description="Adds an Authorization header to every delivery."
        data={options}
        value={draft.authMode}
        allowDeselect={false}
        onChange={(v) => onChange({ authMode: (v ?? 'none') as AuthMode })}
        error={errorAt(errors, 'authentication')}
        maw={460}
      />
      {draft.authMode === 'Basic' ? (
        <Group align="flex-start">
          <TextInput
            label="User name"
            value={draft.username}
            onChange={(e) => onChange({ username: e.currentTarget.value })}
            error={errorAt(errors, 'authentication.username')}
            w={220}
          />
          <PasswordInput
            label="Password"
            value={draft.password}
            onChange={(e) => onChange({ password: e.currentTarget.value })}
            error={errorAt(errors, 'authentication.password')}
            w={220}
          />
        </Group>
      ) : null}
      {draft.authMode === 'Bearer' ? (
        <PasswordInput
          label="Token"
          value={draft.token}
          onChange={(e) => onChange({ token: e.currentTarget.value })}
          error={errorUnder(errors, 'authentication.token')}
          w={460}
        />
      ) : null}
    </Stack>
  );
}
