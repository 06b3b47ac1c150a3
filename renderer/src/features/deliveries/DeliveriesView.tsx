// #/deliveries — the outbox: counts by state, each target online or not, deliveries queued, in flight and failed;
// retry one or all.
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DeliveryStateDto } from '../../../../preload/contract/deliveries.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { NotAvailable } from '../../components/NotAvailable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QuarantineFullNotice } from '../quarantine/QuarantineFullNotice.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';
import { useAdminOnly } from '../access/use-access.js';
import { DeliveryTable } from './DeliveryTable.js';
import { TargetsTable } from './TargetsTable.js';

const FILTERS: { value: '' | DeliveryStateDto; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'Queued', label: 'Queued' },
  { value: 'InFlight', label: 'In flight' },
  { value: 'Failed', label: 'Failed' },
  { value: 'Dead', label: 'Gave up' },
  { value: 'Delivered', label: 'Delivered' },
];

function Count({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={800} fz={28} c={value > 0 ? tone : undefined}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

export function DeliveriesView() {
  const stores = useStores();
  const { available, targets, counts, items, total, error } = useStore(stores.deliveries);
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const vehicles = useStore(stores.vehicles, (s) => s.items);
  const operator = useStore(stores.session, (s) => s.operator);
  const adminOnly = useAdminOnly();
  const [state, setState] = useState<'' | DeliveryStateDto>('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void stores.deliveries.getState().load({ limit: 200, ...(state ? { state } : {}) });
    void stores.deliveries.getState().loadTargets();
  }, [stores, state]);

  if (available === false)
    return (
      <Stack>
        <PageHeader title="Deliveries" />
        <NotAvailable what="Deliveries">
          This agent does not have the delivery queue yet. Notifications to your systems will be listed here,
          with retries, once the agent is updated.
        </NotAvailable>
      </Stack>
    );

  const deadLetters = (counts?.Failed ?? 0) + (counts?.Dead ?? 0);
  async function retry(id: string) {
    const result = await stores.deliveries.getState().retry(id, operator);
    setMessage(result.ok ? 'Queued again.' : result.error.message);
  }
  async function retryAll() {
    let requeued = 0;
    const ids = new Set([
      ...callbacks.map((c) => c.id),
      ...targets.flatMap((t) => t.callbacks.map((c) => c.callbackId)),
      ...items.filter((d) => d.state === 'Failed' || d.state === 'Dead').map((d) => d.callbackId),
    ]);
    for (const id of ids) {
      const result = await stores.deliveries.getState().retryAll(id, operator);
      if (!result.ok) {
        setMessage(result.error.message);
        return;
      }
      requeued += result.value;
    }
    setMessage(`${requeued} deliver${requeued === 1 ? 'y is' : 'ies are'} queued again.`);
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Deliveries"
        description="Notifications forwarded to your systems. They are kept while a system is down and sent when it is back."
        actions={
          <>
            <AdminsOnlyNote id="retry-all-admins" />
            <Button
              leftSection={<IconRefresh size={18} aria-hidden />}
              disabled={deadLetters === 0 || adminOnly.disabled}
              aria-describedby={adminOnly.disabled ? 'retry-all-admins' : undefined}
              onClick={() => void retryAll()}
            >
              Retry all failed
            </Button>
          </>
        }
      />
      <ErrorSummary error={error} />
      <QuarantineFullNotice />
      {message ? (
        <Text role="status" fw={600}>
          {message}
        </Text>
      ) : null}
      {counts ? (
        <SimpleGrid cols={{ base: 2, md: 6 }}>
          <Count label="Queued" value={counts.Queued} tone="blue" />
          <Count label="In flight" value={counts.InFlight} tone="indigo" />
          <Count label="Waiting for a batch" value={counts.waitingForBatch} tone="blue" />
          <Count label="Failed" value={counts.Failed} tone="red" />
          <Count label="Gave up" value={counts.Dead} tone="red" />
          <Count label="Delivered" value={counts.Delivered} tone="green" />
        </SimpleGrid>
      ) : null}
      <Title order={2} size="h4">
        Targets
      </Title>
      <TargetsTable targets={targets} />
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          Deliveries {total > items.length ? `(latest ${items.length} of ${total.toLocaleString()})` : ''}
        </Title>
        <SegmentedControl aria-label="Delivery state" data={FILTERS} value={state} onChange={setState} />
      </Group>
      <DeliveryTable
        items={items}
        callbacks={callbacks}
        vehicles={vehicles}
        onRetry={(id) => void retry(id)}
      />
    </Stack>
  );
}
