// #/actions/:rid — one action in full: what was sent, to which vehicle, through which callback, and its timeline,
// with what can be done about it (cancel it while queued; send it again, which opens the new one).
import { Anchor, Code, Grid, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { clockText } from '../../components/time-text.js';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';
import { ActorLabel } from '../access/ActorLabel.js';
import { RoleBadge } from '../access/RoleBadge.js';
import { callbackTitle } from '../callbacks/callback-text.js';
import { featureLabel } from '../remotes/features.js';
import { ActionCommands } from './ActionCommands.js';
import { ActionTimeline } from './ActionTimeline.js';

export function ActionView({ remoteActionId }: { remoteActionId: string }) {
  const stores = useStores();
  const action = useStore(stores.actions, (s) => s.byId[remoteActionId]);
  const error = useStore(stores.actions, (s) => s.errors[remoteActionId] ?? null);
  const vehicle = useStore(stores.vehicles, (s) => s.items.find((v) => v.id === action?.vehicleId));
  const callback = useStore(stores.callbacks, (s) => s.items.find((c) => c.id === action?.callbackId));

  useEffect(() => {
    void stores.actions.getState().open(remoteActionId);
  }, [stores, remoteActionId]);

  if (!action) {
    // Refused (an unknown id), the page keeps a heading for the focus to go to, as any page opened.
    return error ? (
      <Stack gap={0}>
        <PageHeader title={t('timeline:view.command')} />
        <ErrorSummary error={error} />
      </Stack>
    ) : (
      <Loader aria-label={t('timeline:view.loading')} />
    );
  }
  const vehicleName = vehicle?.label ?? action.vin;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${featureLabel(action.type)} · ${vehicleName}`}
        description={
          <>
            {t('timeline:view.command')} <Code>{action.remoteActionId}</Code>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="lg">
            <ActionTimeline
              action={action}
              controls={
                <ActionCommands
                  key={action.remoteActionId}
                  action={action}
                  vehicleName={vehicleName}
                  onResent={(id) => stores.router.getState().navigate({ name: 'action', remoteActionId: id })}
                />
              }
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg">
            <Table variant="vertical" withRowBorders={false} layout="fixed">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={120}>{t('timeline:details.vehicle')}</Table.Th>
                  <Table.Td>
                    <Anchor href={`#/vehicles/${encodeURIComponent(action.vehicleId)}`}>{vehicleName}</Anchor>
                    <Text size="sm" ff="monospace">
                      {action.vin}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('timeline:details.callback')}</Table.Th>
                  <Table.Td>
                    <Anchor href={`#/callbacks/${encodeURIComponent(action.callbackId)}`}>
                      {callback ? callbackTitle(callback) : action.callbackId}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('timeline:details.sent')}</Table.Th>
                  <Table.Td>{clockText(action.createdAt)}</Table.Td>
                </Table.Tr>
                {action.doneAt ? (
                  <Table.Tr>
                    <Table.Th>{t('timeline:details.finished')}</Table.Th>
                    <Table.Td>{clockText(action.doneAt)}</Table.Td>
                  </Table.Tr>
                ) : null}
                <Table.Tr>
                  <Table.Th>{t('timeline:details.sentBy')}</Table.Th>
                  <Table.Td data-testid="sent-by">
                    <ActorLabel actor={action.sentBy} fallback={action.operator ?? '—'} />
                  </Table.Td>
                </Table.Tr>
                {action.approvedBy ? (
                  <Table.Tr>
                    <Table.Th>{t('timeline:details.approvedBy')}</Table.Th>
                    <Table.Td data-testid="approved-by">
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {action.approvedBy.name}
                        </Text>
                        <RoleBadge role={action.approvedBy.role} size="sm" />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {action.reason ? (
                  <Table.Tr>
                    <Table.Th>{t('timeline:details.reason')}</Table.Th>
                    <Table.Td>{action.reason}</Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
            <Group mt="md" gap="xs">
              <Text fw={600}>{t('timeline:details.body')}</Text>
            </Group>
            <Code block mt={4}>
              {JSON.stringify(action.remote, null, 2)}
            </Code>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
