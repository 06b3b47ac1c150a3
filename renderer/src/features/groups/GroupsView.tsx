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
import { ActorLabel } from '../access/ActorLabel.js';
import { ROUTINE_ACCESS_TEXT, useRoutineAccess } from '../access/routine-access.js';
import { GroupEditorDialog } from './GroupDialogs.js';
import { groupFilterOf, groupKindText } from './group-model.js';

type Dialog = { kind: 'new' } | { kind: 'rename'; group: GroupDto } | { kind: 'delete'; group: GroupDto };

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
    setNotice(`Group “${group.name}” deleted.`);
  }

  async function saveFilters(group: GroupDto) {
    const result = await stores.groups
      .getState()
      .replace(group.id, { name: group.name, filter: groupFilterOf(fleetFilter).filter }, operator);
    setFailure(result.ok ? null : result.error);
    if (result.ok) setNotice(`“${group.name}” now keeps the fleet's current filters.`);
  }

  const editable = access.groups;
  return (
    <Stack gap="md">
      <PageHeader
        title="Vehicle groups"
        description="Named sets of vehicles for bulk commands and schedules: chosen vehicles, or a saved fleet filter."
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setDialog({ kind: 'new' })}
            disabled={!editable}
          >
            New group
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
        <Loader aria-label="Loading the groups" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            No group yet. In the <Anchor href="#/vehicles">fleet</Anchor>, tick vehicles (Space on a row) and
            choose “Add to group”, or create one here from the fleet's current filters.
          </Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Vehicle groups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Made of</Table.Th>
                <Table.Th ta="right">Vehicles</Table.Th>
                <Table.Th>Created by</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((group) => (
                <Table.Tr key={group.id} data-testid="group-row">
                  <Table.Td fw={700}>{group.name}</Table.Td>
                  <Table.Td>{groupKindText(group)}</Table.Td>
                  <Table.Td ta="right" data-testid="group-count">
                    {group.vehicleIds.length.toLocaleString()}
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
                        aria-label={`Send a command to ${group.name}`}
                      >
                        Send a command
                      </Button>
                      {editable ? (
                        <>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setDialog({ kind: 'rename', group })}
                            aria-label={`Rename ${group.name}`}
                          >
                            Rename
                          </Button>
                          {group.kind === 'filter' ? (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => void saveFilters(group)}
                              aria-label={`Save the fleet's current filters into ${group.name}`}
                            >
                              Save current filters
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
                            aria-label={`Delete ${group.name}`}
                          >
                            Delete
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
        title={dialog?.kind === 'delete' ? `Delete “${dialog.group.name}”?` : ''}
        confirmLabel="Delete group"
        busy={busy}
        error={failure}
        onClose={() => setDialog(null)}
        onConfirm={() => dialog?.kind === 'delete' && void remove(dialog.group)}
      >
        <Text>
          The vehicles stay in the fleet; bulk commands already started keep going. A group a schedule uses
          cannot be deleted.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
