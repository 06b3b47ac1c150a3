// #/deliveries/quarantine — notifications the receiver authenticated but could not apply (not JSON, not a
// notification, or naming a remote action this agent does not know), kept as received until someone replays or
// resolves them. Those needing attention first; new ones appear live.
import { Group, Pagination, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { NotAvailable } from '../../components/NotAvailable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { t } from '../../i18n/index.js';
import { QUARANTINE_PAGE, type QuarantineFilter } from '../../stores/quarantine-store.js';
import { DeliveriesTabs } from './DeliveriesTabs.js';
import { QuarantineFullNotice } from './QuarantineFullNotice.js';
import { QuarantineTable } from './QuarantineTable.js';

/** The filter's choices (read when shown: the language can change). */
function filters(): { value: QuarantineFilter; label: string }[] {
  return [
    { value: 'unresolved', label: t('quarantine:filter.unresolved') },
    { value: 'resolved', label: t('quarantine:filter.resolved') },
    { value: 'all', label: t('quarantine:filter.all') },
  ];
}

function emptyText(filter: QuarantineFilter): string {
  switch (filter) {
    case 'unresolved':
      return t('quarantine:empty.unresolved');
    case 'resolved':
      return t('quarantine:empty.resolved');
    case 'all':
      return t('quarantine:empty.all');
  }
}

export function QuarantineView() {
  const stores = useStores();
  const { status, items, total, query, error } = useStore(stores.quarantine);
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const router = stores.router.getState();

  useEffect(() => {
    void stores.quarantine.getState().load();
  }, [stores]);

  const header = (
    <PageHeader title={t('quarantine:page.title')} description={t('quarantine:page.description')} />
  );

  if (status === 'unavailable')
    return (
      <Stack gap={0}>
        <DeliveriesTabs current="quarantine" />
        {header}
        <NotAvailable what={t('quarantine:page.notAvailable.what')}>
          {t('quarantine:page.notAvailable.text')}
        </NotAvailable>
      </Stack>
    );

  const pages = Math.max(1, Math.ceil(total / QUARANTINE_PAGE));
  const page = Math.floor(query.offset / QUARANTINE_PAGE) + 1;
  return (
    <Stack gap="md">
      <div>
        <DeliveriesTabs current="quarantine" />
        {header}
      </div>
      <ErrorSummary error={error} />
      <QuarantineFullNotice />
      <Group justify="space-between" align="flex-end">
        <Text fw={600} role="status" data-testid="quarantine-total">
          {status === 'ready' ? t('quarantine:list.total', { count: total }) : t('quarantine:list.reading')}
        </Text>
        <SegmentedControl
          aria-label={t('quarantine:filter.label')}
          data={filters()}
          value={query.filter}
          onChange={(filter) => void stores.quarantine.getState().load({ filter, offset: 0 })}
        />
      </Group>
      {status === 'ready' && items.length === 0 ? (
        <Paper withBorder p="md">
          <Text c="dimmed">{emptyText(query.filter)}</Text>
        </Paper>
      ) : (
        <QuarantineTable
          items={items}
          callbacks={callbacks}
          onOpen={(entryId) => router.navigate({ name: 'quarantine-entry', entryId })}
        />
      )}
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={(n) => void stores.quarantine.getState().load({ offset: (n - 1) * QUARANTINE_PAGE })}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? t('quarantine:pages.previous') : t('quarantine:pages.next'),
            })}
            getItemProps={(n) => ({ 'aria-label': t('quarantine:pages.page', { page: n }) })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
