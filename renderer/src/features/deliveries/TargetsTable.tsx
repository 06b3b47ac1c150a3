// Each webhook origin: online or not, since when, what waits for it, and why.
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { IconHelpCircle, IconLockOpen, IconWifi, IconWifiOff } from '@tabler/icons-react';
import type { DeliveryTargetDto } from '../../../../preload/contract/deliveries.js';
import { t } from '../../i18n/index.js';
import { heldReasonText } from './held-reason-text.js';
import { TimePhrase } from './TimePhrase.js';

const STATE = {
  online: { color: 'green', Icon: IconWifi, variant: 'light' },
  offline: { color: 'orange', Icon: IconWifiOff, variant: 'filled' },
  unknown: { color: 'gray', Icon: IconHelpCircle, variant: 'light' },
} as const;

function stateText(state: DeliveryTargetDto['state']): string {
  switch (state) {
    case 'online':
      return t('deliveries:targets.state.online');
    case 'offline':
      return t('deliveries:targets.state.offline');
    case 'unknown':
      return t('deliveries:targets.state.unknown');
  }
}

/** A callback that is not running, said after its name; a running one says nothing. */
function callbackStatusText(status: DeliveryTargetDto['callbacks'][number]['status']): string {
  switch (status) {
    case 'Running':
      return '';
    case 'Paused':
      return t('deliveries:targets.callback.paused');
    case 'Failed':
      return t('deliveries:targets.callback.failed');
  }
}

export function TargetsTable({ targets }: { targets: DeliveryTargetDto[] }) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label={t('deliveries:targets.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries:targets.column.target')}</Table.Th>
              <Table.Th>{t('deliveries:targets.column.state')}</Table.Th>
              <Table.Th>{t('deliveries:targets.column.waiting')}</Table.Th>
              <Table.Th>{t('deliveries:targets.column.callbacks')}</Table.Th>
              <Table.Th>{t('deliveries:targets.column.lastError')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed">{t('deliveries:targets.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {targets.map((target) => {
              const look = STATE[target.state];
              return (
                <Table.Tr key={target.origin} data-testid="target-row" data-state={target.state}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text ff="monospace" size="sm">
                        {target.origin}
                      </Text>
                      {target.insecure ? (
                        <Badge
                          color="gray"
                          variant="outline"
                          size="sm"
                          leftSection={<IconLockOpen size={12} aria-hidden />}
                        >
                          {t('deliveries:targets.notEncrypted')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="lg"
                      color={look.color}
                      variant={look.variant}
                      leftSection={<look.Icon size={14} aria-hidden />}
                    >
                      {stateText(target.state)}
                    </Badge>
                    {target.since ? (
                      <Text size="xs" c="dimmed" mt={4}>
                        <TimePhrase
                          iso={target.since}
                          phrase={(when) => t('deliveries:targets.since', { when })}
                        />
                      </Text>
                    ) : null}
                    {target.state === 'offline' && target.nextProbeAt ? (
                      <Text size="xs" c="dimmed">
                        <TimePhrase
                          iso={target.nextProbeAt}
                          phrase={(when) => t('deliveries:targets.nextCheck', { when })}
                        />
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {target.waitingForBatch
                        ? t('deliveries:targets.waiting.batch', {
                            queued: target.queued,
                            inFlight: target.inFlight,
                            batch: target.waitingForBatch,
                          })
                        : t('deliveries:targets.waiting', {
                            queued: target.queued,
                            inFlight: target.inFlight,
                          })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {target.callbacks.map((c) => (
                      <Text key={c.callbackId} size="sm">
                        {c.label ?? c.callbackId}
                        {c.status !== 'Running' ? ` ${callbackStatusText(c.status)}` : ''}
                        {c.heldReason ? (
                          <Text span size="xs" c="orange.9">
                            {' '}
                            — {heldReasonText(c.heldReason)}
                          </Text>
                        ) : null}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {/* Kept after the target answers again: then it is history, not an alarm. */}
                    <Text
                      size="sm"
                      c={target.state === 'online' ? 'dimmed' : 'red.8'}
                      lineClamp={2}
                      data-testid="target-last-error"
                    >
                      {target.lastError && target.state === 'online'
                        ? t('deliveries:targets.lastError.before', { error: target.lastError })
                        : (target.lastError ?? '')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
