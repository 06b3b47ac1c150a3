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
import { t } from '../../i18n/index.js';
import { filterText, groupFilterOf, leftOutLabel, withMembers } from './group-model.js';

/** The dialogs' fields, as the agent's field errors name them. */
const FIELD = { name: 'name', groupId: 'groupId', vehicleIds: 'vehicleIds', filter: 'filter' } as const;

const LOCAL = (errors: FieldError[]): ClientFailure => ({
  status: 0,
  code: 'LOCAL',
  message: t('groups:dialog.checkFields'),
  errors,
});

function nameErrors(name: string): FieldError[] {
  return name.trim() ? [] : [{ field: FIELD.name, message: t('groups:dialog.nameRequired') }];
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
      if (!group) {
        return setFailure(LOCAL([{ field: FIELD.groupId, message: t('groups:dialog.chooseGroupError') }]));
      }
      setBusy(true);
      result = await stores.groups
        .getState()
        .replace(group.id, { name: group.name, vehicleIds: withMembers(group, vehicleIds) }, operator);
    }
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone(
      t('groups:add.done', {
        count: vehicleIds.length,
        name: result.value.name,
        total: result.value.vehicleIds.length,
      }),
    );
    onClose();
  }

  const errors = failure?.errors ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{t('groups:add.title')}</Text>} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('groups:add.selected', { count: vehicleIds.length })}</Text>
          <ErrorSummary error={failure} />
          {memberGroups.length > 0 ? (
            <Radio.Group
              label={t('groups:add.target')}
              value={choice}
              onChange={(v) => setTarget(v as 'existing' | 'new')}
            >
              <Group gap="lg" mt={4}>
                <Radio value="existing" label={t('groups:add.existing')} />
                <Radio value="new" label={t('groups:add.new')} />
              </Group>
            </Radio.Group>
          ) : null}
          {choice === 'existing' ? (
            <Select
              label={t('groups:add.group')}
              placeholder={
                status === 'loading' ? t('groups:add.groupLoading') : t('groups:add.groupPlaceholder')
              }
              data={memberGroups.map((g) => ({
                value: g.id,
                label: t('groups:add.groupOption', { name: g.name, count: g.vehicleIds.length }),
              }))}
              value={groupId}
              onChange={setGroupId}
              error={errorAt(errors, FIELD.groupId)}
              searchable
              data-autofocus
            />
          ) : (
            <TextInput
              label={t('groups:add.newName')}
              value={name}
              maxLength={NAME_MAX_LENGTH}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errorAt(errors, FIELD.name)}
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups:dialog.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('groups:add.submit')}
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
    onDone(
      group
        ? t('groups:editor.renamed', { name: result.value.name })
        : t('groups:editor.created', { name: result.value.name }),
    );
    onClose();
  }

  const errors = failure?.errors ?? [];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={700}>
          {group ? t('groups:editor.renameTitle', { name: group.name }) : t('groups:editor.newTitle')}
        </Text>
      }
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary error={failure} />
          <TextInput
            label={t('groups:editor.name')}
            value={name}
            maxLength={NAME_MAX_LENGTH}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorAt(errors, FIELD.name)}
            data-autofocus
          />
          {group ? null : (
            <Radio.Group
              label={t('groups:editor.vehicles')}
              value={from ?? 'selected'}
              onChange={(v) => setSource(v as 'selected' | 'filter')}
              error={errorAt(errors, FIELD.vehicleIds) ?? errorAt(errors, FIELD.filter)}
            >
              <Stack gap="xs" mt={4}>
                <Radio
                  value="selected"
                  disabled={selected.size === 0}
                  label={t('groups:editor.fromSelected', { count: selected.size })}
                  description={selected.size === 0 ? t('groups:editor.fromSelectedHint') : undefined}
                />
                <Radio
                  value="filter"
                  label={t('groups:editor.fromFilter')}
                  description={
                    saved.leftOut.length > 0
                      ? t('groups:editor.filterLeftOut', {
                          filter: filterText(saved.filter),
                          leftOut: saved.leftOut.map(leftOutLabel).join(', '),
                        })
                      : filterText(saved.filter)
                  }
                />
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups:dialog.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {group ? t('groups:editor.rename') : t('groups:editor.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
