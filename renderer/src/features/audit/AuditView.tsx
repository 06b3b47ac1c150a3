// #/audit — the append-only audit log: who did what, to which vehicle, and why; newest first.
import { Anchor, Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { clockText } from '../../components/time-text.js';

const ACTIONS = [
  { value: 'remote.send', label: 'Command sent' },
  { value: 'callback.create', label: 'Callback created' },
  { value: 'callback.replace', label: 'Callback changed' },
  { value: 'callback.pause', label: 'Callback paused' },
  { value: 'callback.resume', label: 'Callback resumed' },
  { value: 'callback.delete', label: 'Callback deleted' },
];

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  const text = JSON.stringify(detail);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export function AuditView() {
  const stores = useStores();
  const { items, filter, hasMore, loading, error } = useStore(stores.audit);
  const [vin, setVin] = useState(filter.vin);
  useEffect(() => {
    void stores.audit.getState().load();
  }, [stores]);

  return (
    <Stack gap="md">
      <PageHeader
        title="Audit log"
        description="Every command and every change, with who did it and why. It cannot be edited."
      />
      <Paper withBorder p="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="VIN"
            value={vin}
            onChange={(e) => setVin(e.currentTarget.value)}
            onBlur={() => void stores.audit.getState().load({ ...filter, vin })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void stores.audit.getState().load({ ...filter, vin });
            }}
            w={240}
          />
          <Select
            label="What"
            placeholder="Everything"
            clearable
            data={ACTIONS}
            value={filter.action || null}
            onChange={(v) => void stores.audit.getState().load({ ...filter, vin, action: v ?? '' })}
            w={260}
          />
        </Group>
      </Paper>
      <ErrorSummary error={error} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Operator</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Vehicle</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.seq} data-testid="audit-row">
                  <Table.Td>
                    <Text size="sm">{clockText(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>{e.operator}</Table.Td>
                  <Table.Td>
                    {e.remoteActionId ? (
                      <Anchor href={`#/actions/${encodeURIComponent(e.remoteActionId)}`}>
                        {ACTIONS.find((a) => a.value === e.action)?.label ?? e.action}
                      </Anchor>
                    ) : (
                      (ACTIONS.find((a) => a.value === e.action)?.label ?? e.action)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.vin ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.reason ?? ''}</Table.Td>
                  <Table.Td>
                    <Code fz="xs">{detailText(e.detail)}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {items.length === 0 && !loading ? (
          <Text p="md" c="dimmed">
            Nothing recorded yet.
          </Text>
        ) : null}
      </Paper>
      {hasMore ? (
        <Group>
          <Button variant="light" loading={loading} onClick={() => void stores.audit.getState().loadOlder()}>
            Show older entries
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
