// #/groups — the depot's vehicle groups with how many vehicles each holds now: send one command to a group, create
// one (from the vehicles ticked in the fleet or its current filters), rename, save the current filters into a filter
// group, delete. Viewers see the groups; technicians and above change them.
import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { GroupDto } from '../../../../preload/contract/routines.js';
import { useStores } from '../../app/stores-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { ActorLabel } from '../access/ActorLabel.js';
import { ROUTINE_ACCESS_TEXT, useRoutineAccess } from '../access/routine-access.js';
import { GroupEditorDialog } from './GroupDialogs.js';
import { groupFilterOf, groupKindText } from './group-model.js';

type Dialog = { kind: 'new' } | { kind: 'rename'; group: GroupDto } | { kind: 'delete'; group: GroupDto };

/** The empty page's sentence, its link to the fleet marked <link>…</link> in the catalog (one sentence per language). */
function EmptyText() {
  const [before = '', link = '', after = ''] = t('groups:page.empty').split(/<\/?link>/);
  return (
    <Text>
      {before}
      <Anchor href="#/vehicles">{link}</Anchor>
      {after}
    </Text>
  );
}

export function GroupsView() {
  const stores = useStores();
  const { status, items, error } = useStore(stores.groups);
  const operator = useStore(stores.session, (s) => s.operator);
  const fleetFilter = useStore(stores.vehicles, (s) => s.view.filter);
  const access = useRoutineAccess();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void stores.groups.getState().load();
  }, [stores]);

  async function remove(group: GroupDto) {
    setBusy(true);
    const result = await stores.groups.getState().remove(group.id, operator);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setDialog(null);
    setNotice(t('groups:notice.deleted', { name: group.name }));
  }

  async function saveFilters(group: GroupDto) {
    const result = await stores.groups
      .getState()
      .replace(group.id, { name: group.name, filter: groupFilterOf(fleetFilter).filter }, operator);
    setFailure(result.ok ? null : result.error);
    if (result.ok) setNotice(t('groups:notice.filtersSaved', { name: group.name }));
  }

  const editable = access.groups;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('groups:page.title')}
        description={t('groups:page.description')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setDialog({ kind: 'new' })}
            disabled={!editable}
          >
            {t('groups:page.new')}
          </Button>
        }
      />
      {editable ? null : (
        <Text c="dimmed" data-testid="read-only-note">
          {ROUTINE_ACCESS_TEXT.groups}
        </Text>
      )}
      <Text role="status" c="green.9" size="sm">
        {notice}
      </Text>
      <ErrorSummary error={error ?? (dialog ? null : failure)} />
      {status === 'loading' || status === 'idle' ? (
        <Loader aria-label={t('groups:page.loading')} />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <EmptyText />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('groups:table.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('groups:table.name')}</Table.Th>
                <Table.Th>{t('groups:table.madeOf')}</Table.Th>
                <Table.Th ta="right">{t('groups:table.vehicles')}</Table.Th>
                <Table.Th>{t('groups:table.createdBy')}</Table.Th>
                <Table.Th>{t('groups:table.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((group) => (
                <Table.Tr key={group.id} data-testid="group-row">
                  <Table.Td fw={700}>{group.name}</Table.Td>
                  <Table.Td>{groupKindText(group)}</Table.Td>
                  <Table.Td ta="right" data-testid="group-count">
                    {formatNumber(group.vehicleIds.length)}
                  </Table.Td>
                  <Table.Td>
                    <ActorLabel actor={group.createdBy} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <Button
                        size="xs"
                        leftSection={<IconSend size={14} aria-hidden />}
                        component="a"
                        href={`#/groups/${encodeURIComponent(group.id)}/send`}
                        aria-label={t('groups:row.sendTo', { name: group.name })}
                      >
                        {t('groups:row.send')}
                      </Button>
                      {editable ? (
                        <>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setDialog({ kind: 'rename', group })}
                            aria-label={t('groups:row.renameThis', { name: group.name })}
                          >
                            {t('groups:row.rename')}
                          </Button>
                          {group.kind === 'filter' ? (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => void saveFilters(group)}
                              aria-label={t('groups:row.saveFiltersInto', { name: group.name })}
                            >
                              {t('groups:row.saveFilters')}
                            </Button>
                          ) : null}
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            onClick={() => {
                              setFailure(null);
                              setDialog({ kind: 'delete', group });
                            }}
                            aria-label={t('groups:row.deleteThis', { name: group.name })}
                          >
                            {t('groups:row.delete')}
                          </Button>
                        </>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <GroupEditorDialog
        opened={dialog?.kind === 'new' || dialog?.kind === 'rename'}
        group={dialog?.kind === 'rename' ? dialog.group : undefined}
        onClose={() => setDialog(null)}
        onDone={setNotice}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'delete'}
        title={dialog?.kind === 'delete' ? t('groups:delete.title', { name: dialog.group.name }) : ''}
        confirmLabel={t('groups:delete.confirm')}
        busy={busy}
        error={failure}
        onClose={() => setDialog(null)}
        onConfirm={() => dialog?.kind === 'delete' && void remove(dialog.group)}
      >
        <Text>{t('groups:delete.text')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
