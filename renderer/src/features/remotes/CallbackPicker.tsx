// The callback a remote is sent through: only those subscribed to this feature; paused ones are shown, not offered.
import { Anchor, Select, Text } from '@mantine/core';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { callbackTitle, remoteTypesOf } from '../callbacks/callback-text.js';
import type { RemoteType } from './features.js';

export function eligibleCallbacks(callbacks: CallbackDto[], type: RemoteType): CallbackDto[] {
  return callbacks.filter((c) => remoteTypesOf(c).includes(type));
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
        No callback receives this feature yet: every remote needs one.{' '}
        <Anchor href="#/callbacks/new">Create a callback</Anchor>
      </Text>
    );
  }
  return (
    <Select
      label="Callback"
      description="Where the network sends this command's notifications."
      data={eligible.map((c) => ({
        value: c.id,
        label: `${callbackTitle(c)}${c.status === 'Running' ? '' : ` (${c.status.toLowerCase()})`}`,
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
