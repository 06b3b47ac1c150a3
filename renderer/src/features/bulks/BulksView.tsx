// #/bulks — the recent bulk commands, newest first, with their figures as they move (bulk.changed): what, to how
// many, how far, by whom. Each opens its own page.
import { Anchor, Badge, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { shortClockText } from '../../components/time-text.js';
import { t } from '../../i18n/index.js';
import { ActorLabel } from '../access/ActorLabel.js';
import { featureLabel } from '../remotes/features.js';
import { remoteSummary } from '../remotes/remote-summary.js';
import { BULK_STATUS_COLORS, bulkCountsText, bulkStatusLabel, settledCount } from './bulk-text.js';

export function BulksView() {
  const stores = useStores();
  const { status, recent, total, error } = useStore(stores.bulks);

  useEffect(() => {
    void stores.bulks.getState().loadRecent();
  }, [stores]);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('bulks:list.title')}
        description={
          total > recent.length
            ? `${t('bulks:list.description')} ${t('bulks:list.recent', { shown: recent.length, total })}`
            : t('bulks:list.description')
        }
      />
      <ErrorSummary error={error} />
      {status === 'idle' || status === 'loading' ? (
        <Loader aria-label={t('bulks:list.loading')} />
      ) : recent.length === 0 ? (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text>{t('bulks:list.empty')}</Text>
            <Group gap="lg">
              <Anchor href="#/groups">{t('bulks:link.groups')}</Anchor>
              <Anchor href="#/vehicles">{t('bulks:link.fleet')}</Anchor>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('bulks:list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bulks:list.column.started')}</Table.Th>
                <Table.Th>{t('bulks:list.column.command')}</Table.Th>
                <Table.Th>{t('bulks:list.column.status')}</Table.Th>
                <Table.Th ta="right">{t('bulks:list.column.settled')}</Table.Th>
                <Table.Th>{t('bulks:list.column.vehicles')}</Table.Th>
                <Table.Th>{t('bulks:list.column.by')}</Table.Th>
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
                      {bulkStatusLabel(bulk.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {t('bulks:list.settled', {
                      settled: settledCount(bulk.counts),
                      total: bulk.counts.total,
                    })}
                  </Table.Td>
                  <Table.Td data-testid="bulk-row-counts">{bulkCountsText(bulk.counts)}</Table.Td>
                  <Table.Td>
                    <ActorLabel
                      actor={bulk.createdBy}
                      fallback={bulk.scheduleId ? t('bulks:list.bySchedule') : null}
                    />
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
