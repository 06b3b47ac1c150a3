// #/operators (admins): every operator with their role and state; add, change, set a new PIN, unlock, delete. A
// refusal of a row's action (the last admin cannot be deleted) is said above the table in the agent's words.
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { OperatorDto } from '../../../../preload/contract/access.js';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { shortClockText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';
import { t } from '../../i18n/index.js';
import { RoleBadge } from '../access/RoleBadge.js';
import {
  CreateOperatorDialog,
  DeleteOperatorDialog,
  EditOperatorDialog,
  NewPinDialog,
} from './OperatorDialogs.js';

function OperatorState({ operator, now }: { operator: OperatorDto; now: number }) {
  const locked = operator.lockedUntil !== null && Date.parse(operator.lockedUntil) > now;
  return (
    <Group gap={6}>
      {locked ? (
        <Badge color="red" variant="light" data-testid="operator-locked">
          {t('operators:state.locked', { until: shortClockText(operator.lockedUntil!) })}
        </Badge>
      ) : (
        <Badge color={operator.enabled ? 'green' : 'gray'} variant="light">
          {operator.enabled ? t('operators:state.enabled') : t('operators:state.disabled')}
        </Badge>
      )}
      {operator.failedAttempts > 0 && !locked ? (
        <Text size="xs" c="dimmed">
          {t('operators:wrongTries', { count: operator.failedAttempts })}
        </Text>
      ) : null}
    </Group>
  );
}

export function OperatorsView() {
  const stores = useStores();
  const { items, status, error } = useStore(stores.operators);
  const me = useStore(stores.session, (s) => s.session?.actor?.id ?? null);
  const now = useNow();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<OperatorDto | null>(null);
  const [settingPin, setSettingPin] = useState<OperatorDto | null>(null);
  const [deleting, setDeleting] = useState<OperatorDto | null>(null);
  const [rowFailure, setRowFailure] = useState<ClientFailure | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const store = stores.operators.getState();

  useEffect(() => {
    void stores.operators.getState().load();
  }, [stores]);

  async function unlock(operator: OperatorDto) {
    const result = await store.unlock(operator.id);
    setRowFailure(result.ok ? null : result.error);
    setSaid(result.ok ? t('operators:unlocked', { name: operator.name }) : null);
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('operators:title')}
        description={t('operators:description')}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('operators:add')}
          </Button>
        }
      />
      <ErrorSummary error={error} />
      <ErrorSummary error={rowFailure} />
      {said ? (
        <Text role="status" c="green.8">
          {said}
        </Text>
      ) : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" aria-label={t('operators:title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('operators:column.name')}</Table.Th>
                <Table.Th>{t('operators:column.role')}</Table.Th>
                <Table.Th>{t('operators:column.state')}</Table.Th>
                <Table.Th>{t('operators:column.lastSignIn')}</Table.Th>
                <Table.Th>{t('operators:column.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id} data-testid="operator-row" data-name={o.name}>
                  <Table.Td>
                    <Text fw={600}>
                      {o.name}
                      {o.id === me ? (
                        <Text span c="dimmed" fw={400}>
                          {' '}
                          {t('operators:you')}
                        </Text>
                      ) : null}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={o.role} />
                  </Table.Td>
                  <Table.Td>
                    <OperatorState operator={o} now={now} />
                  </Table.Td>
                  <Table.Td>
                    {o.lastSignInAt ? shortClockText(o.lastSignInAt) : t('operators:never')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(o)}
                        aria-label={t('operators:row.edit', { name: o.name })}
                      >
                        {t('operators:edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setSettingPin(o)}
                        aria-label={t('operators:row.newPin', { name: o.name })}
                      >
                        {t('operators:newPin')}
                      </Button>
                      {o.lockedUntil !== null || o.failedAttempts > 0 ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="orange"
                          onClick={() => void unlock(o)}
                          aria-label={t('operators:row.unlock', { name: o.name })}
                        >
                          {t('operators:unlock')}
                        </Button>
                      ) : null}
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          setRowFailure(null);
                          setDeleting(o);
                        }}
                        aria-label={t('operators:row.delete', { name: o.name })}
                      >
                        {t('operators:delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {status === 'ready' && items.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('operators:none')}
          </Text>
        ) : null}
      </Paper>
      <CreateOperatorDialog opened={adding} onClose={() => setAdding(false)} onCreate={store.create} />
      <EditOperatorDialog operator={editing} onClose={() => setEditing(null)} onSave={store.update} />
      <NewPinDialog operator={settingPin} onClose={() => setSettingPin(null)} onSave={store.update} />
      <DeleteOperatorDialog operator={deleting} onClose={() => setDeleting(null)} onDelete={store.remove} />
    </Stack>
  );
}
