// #/deliveries — the outbox: counts by state, each target online or not, deliveries queued, in flight and failed;
// retry one or all.
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DeliveryCountsDto, DeliveryStateDto } from '../../../../preload/contract/deliveries.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { NotAvailable } from '../../components/NotAvailable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { QuarantineFullNotice } from '../quarantine/QuarantineFullNotice.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';
import { useAdminOnly } from '../access/use-access.js';
import { deliveryStateText } from './DeliveryStateBadge.js';
import { DeliveryTable } from './DeliveryTable.js';
import { TargetsTable } from './TargetsTable.js';
import { failureMessage } from '../../components/field-errors.js';

const FILTER_STATES: DeliveryStateDto[] = ['Queued', 'InFlight', 'Failed', 'Dead', 'Delivered'];

/** The state filter's choices (read when shown: the language can change). */
function filters(): { value: '' | DeliveryStateDto; label: string }[] {
  return [
    { value: '', label: t('deliveries:filter.all') },
    ...FILTER_STATES.map((value) => ({ value, label: deliveryStateText(value) })),
  ];
}

/** The counts shown, in order, with the colour a count above zero takes. */
const COUNTS = [
  { key: 'Queued', tone: 'blue' },
  { key: 'InFlight', tone: 'indigo' },
  { key: 'waitingForBatch', tone: 'blue' },
  { key: 'Failed', tone: 'red' },
  { key: 'Dead', tone: 'red' },
  { key: 'Delivered', tone: 'green' },
] as const satisfies readonly { key: keyof DeliveryCountsDto; tone: string }[];

const countLabel = (key: (typeof COUNTS)[number]['key']) =>
  key === 'waitingForBatch' ? t('deliveries:counts.waitingForBatch') : deliveryStateText(key);

function Count({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={800} fz={28} c={value > 0 ? tone : undefined}>
        {formatNumber(value)}
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
        <PageHeader title={t('deliveries:page.title')} />
        <NotAvailable what={t('deliveries:page.title')}>{t('deliveries:page.notAvailable')}</NotAvailable>
      </Stack>
    );

  const deadLetters = (counts?.Failed ?? 0) + (counts?.Dead ?? 0);
  async function retry(id: string) {
    const result = await stores.deliveries.getState().retry(id, operator);
    setMessage(result.ok ? t('deliveries:retry.done') : failureMessage(result.error));
  }
  async function retryAll() {
    let requeued = 0;
    const ids = new Set([
      ...callbacks.map((c) => c.id),
      ...targets.flatMap((target) => target.callbacks.map((c) => c.callbackId)),
      ...items.filter((d) => d.state === 'Failed' || d.state === 'Dead').map((d) => d.callbackId),
    ]);
    for (const id of ids) {
      const result = await stores.deliveries.getState().retryAll(id, operator);
      if (!result.ok) {
        setMessage(failureMessage(result.error));
        return;
      }
      requeued += result.value;
    }
    setMessage(t('deliveries:retry.allDone', { count: requeued }));
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('deliveries:page.title')}
        description={t('deliveries:page.description')}
        actions={
          <>
            <AdminsOnlyNote id="retry-all-admins" />
            <Button
              leftSection={<IconRefresh size={18} aria-hidden />}
              disabled={deadLetters === 0 || adminOnly.disabled}
              aria-describedby={adminOnly.disabled ? 'retry-all-admins' : undefined}
              onClick={() => void retryAll()}
            >
              {t('deliveries:retry.all')}
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
          {COUNTS.map(({ key, tone }) => (
            <Count key={key} label={countLabel(key)} value={counts[key]} tone={tone} />
          ))}
        </SimpleGrid>
      ) : null}
      <Title order={2} size="h4">
        {t('deliveries:targets.title')}
      </Title>
      <TargetsTable targets={targets} />
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {total > items.length
            ? t('deliveries:list.title.latest', { shown: items.length, total })
            : t('deliveries:page.title')}
        </Title>
        <SegmentedControl
          aria-label={t('deliveries:filter.label')}
          data={filters()}
          value={state}
          onChange={setState}
        />
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
