// Deliveries of notifications to the site's systems: what, state (and why it is held), attempts, the last error;
// retry a dead letter by hand.
import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { DeliveryDto } from '../../../../preload/contract/deliveries.js';
import type { CallbackDto, VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { t } from '../../i18n/index.js';
import { ACCESS_TEXT } from '../access/access-text.js';
import { useAdminOnly } from '../access/use-access.js';
import { callbackTitle } from '../callbacks/callback-text.js';
import { deliveryWhat } from './delivery-text.js';
import { DeliveryStateBadge } from './DeliveryStateBadge.js';
import { heldReasonText } from './held-reason-text.js';
import { TimePhrase } from './TimePhrase.js';

export function DeliveryTable({
  items,
  callbacks,
  vehicles,
  onRetry,
  showCallback = true,
}: {
  items: DeliveryDto[];
  callbacks?: CallbackDto[];
  /** To name vehicles by their label rather than their VIN. */
  vehicles?: VehicleSummaryDto[];
  onRetry(id: string): void;
  showCallback?: boolean;
}) {
  // Retrying is an admin's: others see the button disabled, saying so.
  const adminOnly = useAdminOnly();
  if (items.length === 0)
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">{t('deliveries:table.empty')}</Text>
      </Paper>
    );
  const names = new Map((callbacks ?? []).map((c) => [c.id, callbackTitle(c)]));
  const labels = new Map((vehicles ?? []).flatMap((v) => (v.label ? [[v.vin, v.label] as const] : [])));
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label={t('deliveries:page.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries:table.column.queued')}</Table.Th>
              {showCallback ? <Table.Th>{t('deliveries:table.column.callback')}</Table.Th> : null}
              <Table.Th>{t('deliveries:table.column.what')}</Table.Th>
              <Table.Th>{t('deliveries:table.column.state')}</Table.Th>
              <Table.Th>{t('deliveries:table.column.attempts')}</Table.Th>
              <Table.Th>{t('deliveries:table.column.lastAnswer')}</Table.Th>
              <Table.Th>{t('deliveries:table.column.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id} data-testid="delivery-row" data-state={d.state}>
                <Table.Td>
                  <TimeAgo iso={d.createdAt} />
                </Table.Td>
                {showCallback ? (
                  <Table.Td>
                    <Anchor href={`#/callbacks/${encodeURIComponent(d.callbackId)}`}>
                      {names.get(d.callbackId) ?? d.callbackId}
                    </Anchor>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm">{deliveryWhat(d, (vin) => labels.get(vin))}</Text>
                </Table.Td>
                <Table.Td>
                  <DeliveryStateBadge state={d.state} />
                  {d.heldReason ? (
                    <Text size="xs" c="orange.9" mt={4}>
                      {heldReasonText(d.heldReason)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {d.attempts}
                  {d.unreachableTries > 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('deliveries:table.unreachableTries', { count: d.unreachableTries })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {d.lastStatus !== null || d.lastError ? (
                    <Text size="sm" c={d.state === 'Delivered' ? undefined : 'red.8'} lineClamp={2}>
                      {[d.lastStatus !== null ? `HTTP ${d.lastStatus}` : null, d.lastError]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  ) : null}
                  {d.state === 'Queued' && d.nextAttemptAt ? (
                    <Text size="sm" c="dimmed">
                      <TimePhrase
                        iso={d.nextAttemptAt}
                        phrase={(when) => t('deliveries:table.nextTry', { when })}
                      />
                    </Text>
                  ) : null}
                  {d.state === 'Delivered' && d.deliveredAt ? (
                    <Text size="sm" c="dimmed">
                      <TimePhrase
                        iso={d.deliveredAt}
                        phrase={(when) => t('deliveries:table.delivered', { when })}
                      />
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {d.state === 'Failed' || d.state === 'Dead' ? (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconRefresh size={14} aria-hidden />}
                      onClick={() => onRetry(d.id)}
                      disabled={adminOnly.disabled}
                      title={adminOnly.reason}
                    >
                      {t('deliveries:table.retry')}
                    </Button>
                  ) : null}
                  {(d.state === 'Failed' || d.state === 'Dead') && adminOnly.disabled ? (
                    <Text size="xs" c="dimmed">
                      {ACCESS_TEXT.adminsOnly}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
