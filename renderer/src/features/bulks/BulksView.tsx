// #/bulks — the recent bulk commands, newest first, with their figures as they move (bulk.changed): what, to how
// many, how far, by whom. Each opens its own page.
import { Anchor, Badge, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { shortClockText } from '../../components/time-text.js';
import { ActorLabel } from '../access/ActorLabel.js';
import { featureLabel } from '../remotes/features.js';
import { remoteSummary } from '../remotes/remote-summary.js';
import { BULK_STATUS_COLORS, BULK_STATUS_LABELS, bulkCountsText, settledCount } from './bulk-text.js';

export function BulksView() {
  const stores = useStores();
  const { status, recent, total, error } = useStore(stores.bulks);

  useEffect(() => {
    void stores.bulks.getState().loadRecent();
  }, [stores]);

  return (
    <Stack gap="md">
      <PageHeader
        title="Bulk commands"
        description={`One command to many vehicles, with a result per vehicle.${
          total > recent.length ? ` The ${recent.length} most recent of ${total.toLocaleString()}.` : ''
        }`}
      />
      <ErrorSummary error={error} />
      {status === 'idle' || status === 'loading' ? (
        <Loader aria-label="Loading the bulk commands" />
      ) : recent.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            No bulk command yet. Send one to a <Anchor href="#/groups">group</Anchor>, or tick vehicles in the{' '}
            <Anchor href="#/vehicles">fleet</Anchor> and choose “Send to selected”.
          </Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Bulk commands">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th>Command</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Settled</Table.Th>
                <Table.Th>Vehicles</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.map((bulk) => (
                <Table.Tr key={bulk.bulkId} data-testid="bulk-row">
                  <Table.Td>
                    <Anchor href={`#/bulks/${encodeURIComponent(bulk.bulkId)}`} fw={700}>
                      {shortClockText(bulk.createdAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {featureLabel(bulk.type)}
                    {remoteSummary(bulk.remote) ? ` · ${remoteSummary(bulk.remote)}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={BULK_STATUS_COLORS[bulk.status]} variant="light">
                      {BULK_STATUS_LABELS[bulk.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {settledCount(bulk.counts).toLocaleString()} / {bulk.counts.total.toLocaleString()}
                  </Table.Td>
                  <Table.Td data-testid="bulk-row-counts">{bulkCountsText(bulk.counts)}</Table.Td>
                  <Table.Td>
                    <ActorLabel actor={bulk.createdBy} fallback={bulk.scheduleId ? 'A schedule' : null} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
