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
import { QUARANTINE_PAGE, type QuarantineFilter } from '../../stores/quarantine-store.js';
import { DeliveriesTabs } from './DeliveriesTabs.js';
import { QuarantineFullNotice } from './QuarantineFullNotice.js';
import { QuarantineTable } from './QuarantineTable.js';

const FILTERS: { value: QuarantineFilter; label: string }[] = [
  { value: 'unresolved', label: 'Needs attention' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

const EMPTY: Record<QuarantineFilter, string> = {
  unresolved: 'Nothing needs attention: every notification received was applied.',
  resolved: 'No kept notification was replayed or resolved yet.',
  all: 'The receiver has kept no notification.',
};

export function QuarantineView() {
  const stores = useStores();
  const { status, items, total, query, error } = useStore(stores.quarantine);
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const router = stores.router.getState();

  useEffect(() => {
    void stores.quarantine.getState().load();
  }, [stores]);

  const header = (
    <PageHeader
      title="Quarantine"
      description="Notifications from the network that could not be applied, kept as they were received. Replay one once its problem is fixed, or resolve it."
    />
  );

  if (status === 'unavailable')
    return (
      <Stack gap={0}>
        <DeliveriesTabs current="quarantine" />
        {header}
        <NotAvailable what="The quarantine">
          This agent does not keep notifications it cannot apply yet. They will be listed here once the agent
          is updated.
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
          {status === 'ready'
            ? `${total.toLocaleString()} kept notification${total === 1 ? '' : 's'}`
            : 'Reading the quarantine…'}
        </Text>
        <SegmentedControl
          aria-label="Show"
          data={FILTERS}
          value={query.filter}
          onChange={(filter) => void stores.quarantine.getState().load({ filter, offset: 0 })}
        />
      </Group>
      {status === 'ready' && items.length === 0 ? (
        <Paper withBorder p="md">
          <Text c="dimmed">{EMPTY[query.filter]}</Text>
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
              'aria-label': control === 'previous' ? 'Previous page' : 'Next page',
            })}
            getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
