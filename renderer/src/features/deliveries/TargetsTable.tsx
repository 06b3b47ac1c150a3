// Each webhook origin: online or not, since when, what waits for it, and why.
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { IconHelpCircle, IconLockOpen, IconWifi, IconWifiOff } from '@tabler/icons-react';
import type { DeliveryTargetDto } from '../../../../preload/contract/deliveries.js';
import { localTimesIn } from '../../components/time-text.js';
import { TimeAgo } from '../../components/TimeAgo.js';

const STATE = {
  online: { color: 'green', text: 'Online', Icon: IconWifi, variant: 'light' },
  offline: { color: 'orange', text: 'Offline', Icon: IconWifiOff, variant: 'filled' },
  unknown: { color: 'gray', text: 'Not tried yet', Icon: IconHelpCircle, variant: 'light' },
} as const;

export function TargetsTable({ targets }: { targets: DeliveryTargetDto[] }) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label="Webhook targets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Target</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Waiting</Table.Th>
              <Table.Th>Callbacks</Table.Th>
              <Table.Th>Last error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed">
                    No target yet: targets appear once a callback has something to deliver.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {targets.map((t) => {
              const look = STATE[t.state];
              return (
                <Table.Tr key={t.origin} data-testid="target-row" data-state={t.state}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text ff="monospace" size="sm">
                        {t.origin}
                      </Text>
                      {t.insecure ? (
                        <Badge
                          color="gray"
                          variant="outline"
                          size="sm"
                          leftSection={<IconLockOpen size={12} aria-hidden />}
                        >
                          not encrypted
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
                      {look.text}
                    </Badge>
                    {t.since ? (
                      <Text size="xs" c="dimmed" mt={4}>
                        since <TimeAgo iso={t.since} />
                      </Text>
                    ) : null}
                    {t.state === 'offline' && t.nextProbeAt ? (
                      <Text size="xs" c="dimmed">
                        next check <TimeAgo iso={t.nextProbeAt} />
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t.queued} queued · {t.inFlight} in flight
                      {t.waitingForBatch ? ` · ${t.waitingForBatch} for a batch` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t.callbacks.map((c) => (
                      <Text key={c.callbackId} size="sm">
                        {c.label ?? c.callbackId}
                        {c.status !== 'Running' ? ` (${c.status.toLowerCase()})` : ''}
                        {c.heldReason ? (
                          <Text span size="xs" c="orange.9">
                            {' '}
                            — {localTimesIn(c.heldReason)}
                          </Text>
                        ) : null}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {/* Kept after the target answers again: then it is history, not an alarm. */}
                    <Text
                      size="sm"
                      c={t.state === 'online' ? 'dimmed' : 'red.8'}
                      lineClamp={2}
                      data-testid="target-last-error"
                    >
                      {t.lastError && t.state === 'online'
                        ? `Before it came back: ${t.lastError}`
                        : (t.lastError ?? '')}
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
