// The dialogs that make and change groups: add the ticked vehicles to a group (an existing one or a new one), create
// a group from the ticked vehicles or the fleet's current filters, rename one. The agent's refusals (a name taken,
// a vehicle unknown) are said in the dialog, next to the field they concern.
import { Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { GroupBodyDto, GroupDto } from '../../../../preload/contract/routines.js';
import { NAME_MAX_LENGTH } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { filterText, groupFilterOf, withMembers } from './group-model.js';

const LOCAL = (errors: FieldError[]): ClientFailure => ({
  status: 0,
  code: 'LOCAL',
  message: 'Check the highlighted fields.',
  errors,
});

function nameErrors(name: string): FieldError[] {
  return name.trim() ? [] : [{ field: 'name', message: 'Give the group a name.' }];
}

/** The ticked vehicles into a group: one that lists vehicles, or a new one. */
export function AddToGroupDialog({
  opened,
  vehicleIds,
  onClose,
  onDone,
}: {
  opened: boolean;
  vehicleIds: readonly string[];
  onClose(): void;
  /** Said on the page once added. */
  onDone(text: string): void;
}) {
  const stores = useStores();
  const groups = useStore(stores.groups, (s) => s.items);
  const status = useStore(stores.groups, (s) => s.status);
  const operator = useStore(stores.session, (s) => s.operator);
  const memberGroups = groups.filter((g) => g.kind === 'members');
  const [target, setTarget] = useState<'existing' | 'new'>('existing');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // With no group of vehicles yet, a new one is the only choice.
  const choice = memberGroups.length === 0 ? 'new' : target;

  useEffect(() => {
    if (!opened) return;
    if (stores.groups.getState().status === 'idle') void stores.groups.getState().load();
    setFailure(null);
    setName('');
  }, [opened, stores]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    let result: { ok: true; value: GroupDto } | { ok: false; error: ClientFailure };
    if (choice === 'new') {
      const problems = nameErrors(name);
      if (problems.length > 0) return setFailure(LOCAL(problems));
      setBusy(true);
      result = await stores.groups
        .getState()
        .create({ name: name.trim(), vehicleIds: [...vehicleIds] }, operator);
    } else {
      const group = memberGroups.find((g) => g.id === groupId);
      if (!group) return setFailure(LOCAL([{ field: 'groupId', message: 'Choose a group.' }]));
      setBusy(true);
      result = await stores.groups
        .getState()
        .replace(group.id, { name: group.name, vehicleIds: withMembers(group, vehicleIds) }, operator);
    }
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone(
      `${vehicleIds.length.toLocaleString()} vehicle${vehicleIds.length === 1 ? '' : 's'} in “${result.value.name}” (${result.value.vehicleIds.length.toLocaleString()} in all).`,
    );
    onClose();
  }

  const errors = failure?.errors ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Add to a group</Text>} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>
            {vehicleIds.length.toLocaleString()} selected vehicle{vehicleIds.length === 1 ? '' : 's'}.
          </Text>
          <ErrorSummary error={failure} />
          {memberGroups.length > 0 ? (
            <Radio.Group
              label="Add them to"
              value={choice}
              onChange={(v) => setTarget(v as 'existing' | 'new')}
            >
              <Group gap="lg" mt={4}>
                <Radio value="existing" label="An existing group" />
                <Radio value="new" label="A new group" />
              </Group>
            </Radio.Group>
          ) : null}
          {choice === 'existing' ? (
            <Select
              label="Group"
              placeholder={status === 'loading' ? 'Loading the groups…' : 'Choose a group'}
              data={memberGroups.map((g) => ({
                value: g.id,
                label: `${g.name} (${g.vehicleIds.length.toLocaleString()})`,
              }))}
              value={groupId}
              onChange={setGroupId}
              error={errorAt(errors, 'groupId')}
              searchable
              data-autofocus
            />
          ) : (
            <TextInput
              label="Name of the new group"
              value={name}
              maxLength={NAME_MAX_LENGTH}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errorAt(errors, 'name')}
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add to group
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A new group (from the ticked vehicles or the fleet's filters), or a new name for one (`group`: its members or
 * filter are kept).
 */
export function GroupEditorDialog({
  opened,
  group,
  onClose,
  onDone,
}: {
  opened: boolean;
  group?: GroupDto | undefined;
  onClose(): void;
  onDone(text: string): void;
}) {
  const stores = useStores();
  const selected = useStore(stores.selection, (s) => s.selected);
  const fleetFilter = useStore(stores.vehicles, (s) => s.view.filter);
  const operator = useStore(stores.session, (s) => s.operator);
  const [name, setName] = useState('');
  const [source, setSource] = useState<'selected' | 'filter'>('selected');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = groupFilterOf(fleetFilter);
  const from = group ? null : selected.size === 0 ? 'filter' : source;

  useEffect(() => {
    if (!opened) return;
    setName(group?.name ?? '');
    setFailure(null);
  }, [opened, group]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problems = nameErrors(name);
    if (problems.length > 0) return setFailure(LOCAL(problems));
    let body: GroupBodyDto;
    if (group) {
      body =
        group.kind === 'filter'
          ? { name: name.trim(), filter: group.filter ?? {} }
          : { name: name.trim(), vehicleIds: group.vehicleIds };
    } else {
      body =
        from === 'filter'
          ? { name: name.trim(), filter: saved.filter }
          : { name: name.trim(), vehicleIds: [...selected] };
    }
    setBusy(true);
    const result = group
      ? await stores.groups.getState().replace(group.id, body, operator)
      : await stores.groups.getState().create(body, operator);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone(group ? `Renamed “${result.value.name}”.` : `Group “${result.value.name}” created.`);
    onClose();
  }

  const errors = failure?.errors ?? [];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{group ? `Rename “${group.name}”` : 'New group'}</Text>}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary error={failure} />
          <TextInput
            label="Name"
            value={name}
            maxLength={NAME_MAX_LENGTH}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorAt(errors, 'name')}
            data-autofocus
          />
          {group ? null : (
            <Radio.Group
              label="Vehicles"
              value={from ?? 'selected'}
              onChange={(v) => setSource(v as 'selected' | 'filter')}
              error={errorAt(errors, 'vehicleIds') ?? errorAt(errors, 'filter')}
            >
              <Stack gap="xs" mt={4}>
                <Radio
                  value="selected"
                  disabled={selected.size === 0}
                  label={`The vehicles selected in the fleet (${selected.size.toLocaleString()})`}
                  description={
                    selected.size === 0
                      ? 'Tick vehicles in the fleet list first (Space on a row).'
                      : undefined
                  }
                />
                <Radio
                  value="filter"
                  label="The fleet's current filters, kept up to date"
                  description={`${filterText(saved.filter)}${
                    saved.leftOut.length > 0
                      ? `. Not kept: ${saved.leftOut.join(', ')} (groups keep the search and conditions).`
                      : ''
                  }`}
                />
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {group ? 'Rename' : 'Create group'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
