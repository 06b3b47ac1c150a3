// The callback a remote is sent through: only those subscribed to this feature; paused ones are shown, not offered.
// The built-in one ("This workstation") is picked first, so a newcomer sends without choosing anything.
import { Anchor, Select, Text } from '@mantine/core';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { t } from '../../i18n/index.js';
import { callbackTitle, isBuiltIn, remoteTypesOf } from '../callbacks/callback-text.js';
import type { RemoteType } from './features.js';

export function eligibleCallbacks(callbacks: CallbackDto[], type: RemoteType): CallbackDto[] {
  return callbacks.filter((c) => remoteTypesOf(c).includes(type));
}

/** What the form picks when nobody chose: the built-in callback if it can take this feature, else the first one. */
export function preferredCallbackId(callbacks: CallbackDto[], type: RemoteType): string | null {
  const running = eligibleCallbacks(callbacks, type).filter((c) => c.status === 'Running');
  return (running.find(isBuiltIn) ?? running[0])?.id ?? null;
}

export function CallbackPicker({
  callbacks,
  type,
  value,
  onChange,
  error,
}: {
  callbacks: CallbackDto[];
  type: RemoteType;
  value: string | null;
  onChange(id: string | null): void;
  error?: string | undefined;
}) {
  const eligible = eligibleCallbacks(callbacks, type);
  if (eligible.length === 0) {
    return (
      <Text c="orange.8" fw={600} data-testid="no-callback">
        {t('remotes:callback.none')} <Anchor href="#/callbacks/new">{t('remotes:callback.create')}</Anchor>
      </Text>
    );
  }
  return (
    <Select
      label={t('remotes:callback.label')}
      description={
        isBuiltIn(eligible.find((c) => c.id === value))
          ? t('remotes:callback.builtInHint')
          : t('remotes:callback.hint')
      }
      data={eligible.map((c) => ({
        value: c.id,
        label:
          c.status === 'Running'
            ? callbackTitle(c)
            : t('remotes:callback.notRunning', { name: callbackTitle(c), status: c.status }),
        disabled: c.status !== 'Running',
      }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      error={error}
      maw={420}
    />
  );
}
